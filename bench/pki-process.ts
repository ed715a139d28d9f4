/**
 * The whole-process workload bench/pki.ts times: start node, generate an RSA-2048 key, build and sign a
 * self-signed certificate — what `openssl req -x509 -newkey rsa:2048` does.
 * With --overlap the key generation (OpenSSL, on libuv's thread pool) starts before pkijs is loaded, so
 * module loading hides behind it: how a CLI entry point would order the work.
 */
import { generateKeyPair } from '../pki/keygen.js';

const overlap = process.argv.includes('--overlap');
const early = overlap ? generateKeyPair('RSA', 2048) : undefined;
const { createSelfSignedCertificate } = await import('../pki/self-signed.js');
const keyPair = await (early ?? generateKeyPair('RSA', 2048));
const now = new Date();
const cert = await createSelfSignedCertificate({ subject: 'CN=x', keyPair, notBefore: now, notAfter: new Date(now.getTime() + 30 * 86_400_000) });
if (process.argv.includes('--print')) process.stdout.write(Buffer.from(cert.der).toString('base64') + '\n');
