import { InvalidArgumentError, OID } from '../../pki/index.js';

/** What New-SelfSignedCertificate -TextExtension values ask for, in the terms pki/ builds certificates with. */
export interface TextExtensions {
  enhancedKeyUsages?: string[];
  dnsNames?: string[];
  basicConstraints?: { ca: boolean; pathLength?: number; critical?: boolean };
}

/**
 * Parse '{oid}={critical}{text}value' strings (the -TextExtension syntax of the documentation) for the
 * extensions the emulator builds: EKU (2.5.29.37, OIDs separated by ','), SAN (2.5.29.17, 'DNS=a&DNS=b'),
 * Basic Constraints (2.5.29.19, 'CA=1&pathlength=0', or '{text}' for an end entity).
 */
export function parseTextExtensions(values: readonly string[]): TextExtensions {
  const out: TextExtensions = {};
  for (const raw of values) {
    const m = /^\s*([0-9.]+)\s*=\s*(\{critical\})?\s*\{text\}(.*)$/is.exec(raw);
    if (!m) {
      throw new InvalidArgumentError('InvalidTextExtension', `The text extension '${raw}' is not supported. Use the form '{oid}={text}value' (optionally '{oid}={critical}{text}value'); hex and Base64 values are not supported by the emulator.`);
    }
    const [, oid, critical, value] = m as unknown as [string, string, string | undefined, string];
    if (oid === OID.extKeyUsage) {
      const oids = value.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
      for (const o of oids) if (!/^\d+(\.\d+)+$/.test(o)) throw new InvalidArgumentError('InvalidTextExtension', `'${o}' is not an object identifier (in '${raw}').`);
      out.enhancedKeyUsages = [...(out.enhancedKeyUsages ?? []), ...oids];
    } else if (oid === OID.subjectAltName) {
      for (const part of value.split('&').map((s) => s.trim()).filter(Boolean)) {
        const kv = /^([A-Za-z]+)=(.*)$/.exec(part);
        if (!kv || kv[1]!.toUpperCase() !== 'DNS') {
          throw new InvalidArgumentError('InvalidTextExtension', `The subject alternative name '${part}' is not supported by the emulator: only DNS= entries are.`);
        }
        out.dnsNames = [...(out.dnsNames ?? []), kv[2]!.trim()];
      }
    } else if (oid === OID.basicConstraints) {
      const fields = Object.fromEntries(value.split('&').map((s) => s.trim()).filter(Boolean).map((s) => {
        const [k, v] = s.split('=');
        return [k!.trim().toLowerCase(), (v ?? '').trim()];
      }));
      const ca = fields['ca'] === '1' || fields['ca']?.toLowerCase() === 'true';
      const pathLength = fields['pathlength'] !== undefined ? Number(fields['pathlength']) : undefined;
      if (pathLength !== undefined && (!Number.isInteger(pathLength) || pathLength < 0)) {
        throw new InvalidArgumentError('InvalidTextExtension', `The path length in '${raw}' is not a non-negative integer.`);
      }
      out.basicConstraints = { ca, ...(pathLength !== undefined ? { pathLength } : {}), critical: !!critical };
    } else {
      throw new InvalidArgumentError('InvalidTextExtension', `The text extension OID '${oid}' is not supported by the emulator (supported: 2.5.29.37, 2.5.29.17, 2.5.29.19).`);
    }
  }
  return out;
}
