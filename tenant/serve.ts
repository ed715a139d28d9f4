import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { StateStore, VirtualClock, stateHome, type Clock } from '../state/index.js';
import { tenantErrors } from './errors.js';
import { MAX_BODY } from './http.js';
import { localCa } from './local-ca.js';
import { Tenant } from './tenant.js';

export interface ServeOptions {
  /** Default 8443; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. A non-loopback address is refused unless allowRemote is set. */
  host?: string;
  /** State directory; default $SYNCSHELL_HOME or ~/.syncshell. */
  home?: string;
  allowRemote?: boolean;
  clock?: Clock;
  /** Where the start-up lines go; default console.log. */
  log?: (line: string) => void;
}

export interface ServedTenant {
  origin: string;
  authority: string;
  graphBaseUrl: string;
  caFile: string;
  caPem: string;
  port: number;
  host: string;
  tenant: Tenant;
  close(): Promise<void>;
}

/** State document naming the running `syncshell serve`, so other syncshell processes on this state find it. */
export const ENDPOINT_DOC = 'tenant-served';
export interface ServedEndpoint { origin: string; authority: string; graphBaseUrl: string; caFile: string; tenantId: string; pid: number }

/** The served tenant announced in this state directory, if its process is still alive. */
export function servedEndpoint(home: string = stateHome()): ServedEndpoint | undefined {
  const e = new StateStore(home).read<ServedEndpoint>(ENDPOINT_DOC);
  if (!e) return undefined;
  try { process.kill(e.pid, 0); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined; }
  return e;
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Serve the tenant over HTTPS (syncshell serve): the same Tenant the in-process transport uses, on real TLS. */
export async function serve(opts: ServeOptions = {}): Promise<ServedTenant> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.allowRemote) throw tenantErrors.notListening(host);
  const home = opts.home ?? stateHome();
  const store = new StateStore(home);
  const clock = opts.clock ?? new VirtualClock(store);
  const tenant = new Tenant({ store, clock });
  const tls = await localCa(home, isLoopback(host) ? [] : [host]);
  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { tooLarge = true; return; }
      chunks.push(c);
    });
    req.on('end', () => {
      if (tenant.doc().faults.unreachable) { req.socket.destroy(); return; }
      const url = `https://${req.headers.host ?? `localhost:${port}`}${req.url ?? '/'}`;
      const body = tooLarge ? Buffer.alloc(MAX_BODY + 1) : Buffer.concat(chunks);
      tenant.handle({ method: req.method ?? 'GET', url, headers: req.headers, body }).then((r) => {
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      }, () => { res.writeHead(500); res.end(); });
    });
    req.on('error', () => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8443, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = isLoopback(host) ? 'localhost' : host;
  const origin = `https://${urlHost}:${port}`;
  const doc = tenant.doc();
  const endpoint: ServedEndpoint = { origin, authority: `${origin}/${doc.tenantId}`, graphBaseUrl: `${origin}/v1.0`, caFile: tls.caFile, tenantId: doc.tenantId, pid: process.pid };
  store.write(ENDPOINT_DOC, endpoint);
  const served: ServedTenant = {
    origin, authority: endpoint.authority, graphBaseUrl: endpoint.graphBaseUrl, caFile: tls.caFile, caPem: tls.caPem, port, host, tenant,
    close: () => new Promise<void>((resolve) => {
      if (store.read<ServedEndpoint>(ENDPOINT_DOC)?.pid === process.pid && store.read<ServedEndpoint>(ENDPOINT_DOC)?.origin === origin) store.remove(ENDPOINT_DOC);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const log = opts.log ?? ((l: string) => console.log(l));
  log(`Emulated Microsoft Entra tenant ${doc.domains[0]} (${doc.tenantId}) listening on ${host}:${port}`);
  log(`  Authority:      ${served.authority}`);
  log(`  Graph base URL: ${served.graphBaseUrl}`);
  log(`  Sync API:       ${origin}/syncapi/v1.0/${doc.tenantId}`);
  log(`  CA certificate: ${tls.caFile}`);
  log(`  Trust it:       export NODE_EXTRA_CA_CERTS="${tls.caFile}"   (curl --cacert "${tls.caFile}")`);
  log(`  msal-node:      authority '${served.authority}', knownAuthorities ['${urlHost}:${port}']; Graph client: customHosts ['${urlHost}']`);
  return served;
}
