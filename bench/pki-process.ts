/**
 * The whole-process workload bench/pki.ts times: start node, generate an RSA-2048 key, build and sign a
 * self-signed certificate — what `openssl req -x509 -newkey rsa:2048` does.
 * Default: buildSelfSignedCertificate (key + signed DER, which loads neither pkijs nor asn1js).
 * --describe: createSelfSignedCertificate, which also describes the certificate as X509Certificate2 does (parses it
 * with pkijs) — what New-SelfSignedCertificate needs to store and print it.
 * --overlap starts the key generation (two prime searches on libuv's thread pool) on the first line, before the
 * certificate modules are loaded, so module loading hides behind it: how a CLI entry point orders the work.
 * The process ends with process.exit(0) after its output, as a CLI does; --natural-exit keeps node's full teardown.
 * --phases prints, on stderr, the milliseconds since process start at which each phase ended (for bench/pki.ts).
 */
import { generateKeyPair } from '../pki/keygen.js';

const entered = performance.now();
const args = process.argv;
const early = args.includes('--overlap') ? generateKeyPair('RSA', 2048) : undefined;
const m = await import('../pki/self-signed.js');
const make = args.includes('--describe') ? m.createSelfSignedCertificate : m.buildSelfSignedCertificate;
const loaded = performance.now();
const keyPair = await (early ?? generateKeyPair('RSA', 2048));
const keyed = performance.now();
const now = new Date();
const cert = await make({ subject: 'CN=x', keyPair, notBefore: now, notAfter: new Date(now.getTime() + 30 * 86_400_000) });
const signed = performance.now();
if (args.includes('--print')) process.stdout.write(Buffer.from(cert.der).toString('base64') + '\n');
if (args.includes('--phases')) process.stderr.write(`@@phases ${JSON.stringify({ entered, loaded, keyed, signed })}\n`);
if (!args.includes('--natural-exit')) process.exit(0);
