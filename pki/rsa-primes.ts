import { createPrivateKey, createPublicKey, generatePrime, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * RSA key generation with the two primes found concurrently on libuv's thread pool.
 *
 * OpenSSL's RSA key generation (rsa_multiprime_keygen) finds p and then q, one after the other, each with
 * BN_generate_prime_ex2; node's crypto.generatePrime is that same function (random odd candidate with the top two
 * bits set, trial division, then Miller-Rabin with bn_mr_min_checks rounds: 64 for 1024-bit primes). Running the two
 * searches at once roughly halves the wall time on a machine with two free cores; the key is then assembled as
 * FIPS 186-4 B.3.1 / SP 800-56B describe it, with its conditions checked (a failing prime is drawn again):
 *   gcd(e, p-1) = gcd(e, q-1) = 1, |p - q| > 2^(nlen/2 - 100), 2^(nlen/2) < d < lcm(p-1, q-1), n has exactly nlen bits.
 * The top two bits of each prime make p, q >= 1.5 * 2^(nlen/2 - 1) > sqrt(2) * 2^(nlen/2 - 1) (B.3.1 (2)(b)).
 */
const E = 65537n;

export interface RsaPrivateParts { n: bigint; e: bigint; d: bigint; p: bigint; q: bigint; dp: bigint; dq: bigint; qi: bigint }

/** A probable prime of `bits` bits from OpenSSL (thread pool), with gcd(e, p-1) = 1. */
function rsaPrime(bits: number): Promise<bigint> {
  return new Promise((resolve, reject) => {
    const again = (): void => generatePrime(bits, { bigint: true }, (err, p) => {
      if (err) { reject(err); return; }
      if (gcd(E, (p as bigint) - 1n) !== 1n) { again(); return; }
      resolve(p as bigint);
    });
    again();
  });
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** a^-1 mod m (extended Euclid); a and m coprime. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new RangeError('not invertible');
  return ((s0 % m) + m) % m;
}

export function bitLength(x: bigint): number { return x === 0n ? 0 : x.toString(2).length; }

/** The private-key parameters from two primes, or undefined when a FIPS 186-4 condition fails (draw again). */
export function rsaFromPrimes(p: bigint, q: bigint, modulusBits: number): RsaPrivateParts | undefined {
  const half = modulusBits / 2;
  if (p === q) return undefined;
  const diff = p > q ? p - q : q - p;
  if (diff <= 1n << BigInt(half - 100)) return undefined;
  if (p < q) [p, q] = [q, p];
  const n = p * q;
  if (bitLength(n) !== modulusBits) return undefined;
  const p1 = p - 1n, q1 = q - 1n;
  const lambda = (p1 / gcd(p1, q1)) * q1;
  const d = modInverse(E, lambda);
  if (d <= 1n << BigInt(half)) return undefined;
  return { n, e: E, d, p, q, dp: d % p1, dq: d % q1, qi: modInverse(q, p) };
}

function b64url(x: bigint): string {
  let hex = x.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

export function rsaJwk(k: RsaPrivateParts): JsonWebKey {
  return { kty: 'RSA', n: b64url(k.n), e: b64url(k.e), d: b64url(k.d), p: b64url(k.p), q: b64url(k.q), dp: b64url(k.dp), dq: b64url(k.dq), qi: b64url(k.qi) };
}

/** An RSA key pair of `modulusBits` (even, >= 512) with e = 65537, its primes searched in parallel. */
export async function generateRsaKeyPair(modulusBits: number): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  const half = modulusBits / 2;
  let [p, q] = await Promise.all([rsaPrime(half), rsaPrime(half)]);
  for (;;) {
    const parts = rsaFromPrimes(p, q, modulusBits);
    if (parts) {
      const privateKey = createPrivateKey({ key: rsaJwk(parts), format: 'jwk' });
      return { privateKey, publicKey: createPublicKey(privateKey) };
    }
    q = await rsaPrime(half); // astronomically rare for real sizes: p, q too close, or a small d
  }
}
