import * as https from 'node:https';
import type { TenantHandler } from './in-process.js';
import type { TenantRequest, TenantResponse } from './http.js';

/**
 * A TenantHandler that forwards to a served tenant over HTTPS, trusting the given CA (no NODE_EXTRA_CA_CERTS
 * needed). Plugged into InProcessNetworkClient / InProcessGraphMiddleware it makes msal and the Graph client
 * talk to `syncshell serve` over real TLS.
 */
export class HttpsTenantClient implements TenantHandler {
  private readonly agent: https.Agent;
  constructor(caPem: string | Buffer) {
    this.agent = new https.Agent({ ca: caPem, keepAlive: true });
  }

  close(): void { this.agent.destroy(); }

  handle(req: TenantRequest): Promise<TenantResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
      const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(req.body);
      if (body && body.length > 0) headers['content-length'] = String(body.length);
      const r = https.request(req.url, { method: req.method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      });
      r.on('error', reject);
      if (body && body.length > 0) r.write(body);
      r.end();
    });
  }
}
