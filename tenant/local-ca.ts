import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { createSelfSignedCertificate, parseCertificate, toPem } from '../pki/index.js';
import { ManualClock, writeFileAtomic } from '../state/index.js';

export interface LocalCa { caFile: string; certPem: string; keyPem: string; caPem: string }

const DAY = 86_400_000;

/**
 * The served tenant's TLS: a local CA (made once with pkijs via pki/, kept in the state directory) and a
 * server certificate for localhost and this host name, signed by it. TLS clients check validity against the
 * real clock, so these certificates use real time, not the emulator's virtual clock.
 */
export async function localCa(home: string, extraNames: string[] = []): Promise<LocalCa> {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const caFile = path.join(home, 'tenant-ca.pem');
  const caKeyFile = path.join(home, 'tenant-ca.key');
  const tlsFile = path.join(home, 'tenant-tls.pem');
  const tlsKeyFile = path.join(home, 'tenant-tls.key');
  const realNow = new Date();
  const clock = new ManualClock(realNow);
  const fresh = (file: string) => {
    try { return parseCertificate(fs.readFileSync(file, 'utf8')).notAfter.getTime() > realNow.getTime() + DAY; } catch { return false; }
  };
  if (!fresh(caFile) || !fs.existsSync(caKeyFile)) {
    const ca = await createSelfSignedCertificate({
      subject: 'CN=syncshell emulated tenant local CA', clock, notBefore: new Date(realNow.getTime() - DAY), notAfter: new Date(realNow.getTime() + 3650 * DAY),
      basicConstraints: { ca: true, critical: true }, keyUsage: ['CertSign', 'CRLSign', 'DigitalSignature'], enhancedKeyUsages: [],
    });
    writeFileAtomic(caKeyFile, toPem('PRIVATE KEY', ca.pkcs8));
    fs.chmodSync(caKeyFile, 0o600);
    writeFileAtomic(caFile, toPem('CERTIFICATE', ca.der));
    try { fs.unlinkSync(tlsFile); } catch { /* none yet */ }
  }
  const names = [...new Set(['localhost', os.hostname(), ...extraNames].filter((n) => /^[A-Za-z0-9.-]+$/.test(n) && !/^[0-9.]+$/.test(n)))];
  const covers = () => { try { const i = parseCertificate(fs.readFileSync(tlsFile, 'utf8')); return names.every((n) => i.dnsNames.includes(n)); } catch { return false; } };
  if (!fresh(tlsFile) || !covers() || !fs.existsSync(tlsKeyFile)) {
    const caDer = parseCertificate(fs.readFileSync(caFile, 'utf8')).der;
    const caKey = createPrivateKey(fs.readFileSync(caKeyFile, 'utf8'));
    const leaf = await createSelfSignedCertificate({
      subject: 'CN=localhost', dnsNames: names, clock, notBefore: new Date(realNow.getTime() - DAY), notAfter: new Date(realNow.getTime() + 365 * DAY),
      enhancedKeyUsages: ['1.3.6.1.5.5.7.3.1'], signer: { certificateDer: caDer, privateKey: caKey },
    });
    writeFileAtomic(tlsKeyFile, toPem('PRIVATE KEY', leaf.pkcs8));
    fs.chmodSync(tlsKeyFile, 0o600);
    writeFileAtomic(tlsFile, toPem('CERTIFICATE', leaf.der));
  }
  return { caFile, caPem: fs.readFileSync(caFile, 'utf8'), certPem: fs.readFileSync(tlsFile, 'utf8'), keyPem: fs.readFileSync(tlsKeyFile, 'utf8') };
}
