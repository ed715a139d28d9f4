/**
 * RC2 (RFC 2268) in CBC mode, decrypt and encrypt. Node 20's OpenSSL 3 keeps RC2 in the legacy provider,
 * which is not loaded, yet `openssl pkcs12 -legacy` (and older Windows exports) use pbeWithSHAAnd40BitRC2-CBC.
 */
const PITABLE = Uint8Array.from(Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
  '179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
  '54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
  '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
  '08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
  'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
  '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
  '0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad', 'hex'));

function expandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const L = new Uint8Array(128);
  L.set(key);
  const T = key.length;
  for (let i = T; i < 128; i++) L[i] = PITABLE[(L[i - 1]! + L[i - T]!) & 0xff]!;
  const T8 = (effectiveBits + 7) >> 3;
  const TM = 0xff >> (8 * T8 - effectiveBits);
  L[128 - T8] = PITABLE[L[128 - T8]! & TM]!;
  for (let i = 127 - T8; i >= 0; i--) L[i] = PITABLE[L[i + 1]! ^ L[i + T8]!]!;
  const K = new Uint16Array(64);
  for (let i = 0; i < 64; i++) K[i] = L[2 * i]! | (L[2 * i + 1]! << 8);
  return K;
}

const S = [1, 2, 3, 5];

function encryptBlock(K: Uint16Array, R: Uint16Array): void {
  let j = 0;
  const mix = () => {
    for (let i = 0; i < 4; i++) {
      const v = (R[i]! + K[j++]! + (R[(i + 3) & 3]! & R[(i + 2) & 3]!) + (~R[(i + 3) & 3]! & R[(i + 1) & 3]!)) & 0xffff;
      R[i] = ((v << S[i]!) | (v >> (16 - S[i]!))) & 0xffff;
    }
  };
  const mash = () => { for (let i = 0; i < 4; i++) R[i] = (R[i]! + K[R[(i + 3) & 3]! & 63]!) & 0xffff; };
  for (let r = 0; r < 5; r++) mix();
  mash();
  for (let r = 0; r < 6; r++) mix();
  mash();
  for (let r = 0; r < 5; r++) mix();
}

function decryptBlock(K: Uint16Array, R: Uint16Array): void {
  let j = 63;
  const rmix = () => {
    for (let i = 3; i >= 0; i--) {
      const v = R[i]!;
      const rot = ((v >> S[i]!) | (v << (16 - S[i]!))) & 0xffff;
      R[i] = (rot - K[j--]! - (R[(i + 3) & 3]! & R[(i + 2) & 3]!) - (~R[(i + 3) & 3]! & R[(i + 1) & 3]!)) & 0xffff;
    }
  };
  const rmash = () => { for (let i = 3; i >= 0; i--) R[i] = (R[i]! - K[R[(i + 3) & 3]! & 63]!) & 0xffff; };
  for (let r = 0; r < 5; r++) rmix();
  rmash();
  for (let r = 0; r < 6; r++) rmix();
  rmash();
  for (let r = 0; r < 5; r++) rmix();
}

function load(b: Uint8Array, o: number, R: Uint16Array): void {
  for (let i = 0; i < 4; i++) R[i] = b[o + 2 * i]! | (b[o + 2 * i + 1]! << 8);
}
function store(R: Uint16Array, b: Uint8Array, o: number): void {
  for (let i = 0; i < 4; i++) { b[o + 2 * i] = R[i]! & 0xff; b[o + 2 * i + 1] = R[i]! >> 8; }
}

/** Raw ECB block operation, exported for the RFC 2268 test vectors. */
export function rc2Block(key: Uint8Array, effectiveBits: number, block: Uint8Array, decrypt = false): Uint8Array {
  const K = expandKey(key, effectiveBits);
  const R = new Uint16Array(4);
  const out = new Uint8Array(8);
  load(block, 0, R);
  if (decrypt) decryptBlock(K, R); else encryptBlock(K, R);
  store(R, out, 0);
  return out;
}

/** CBC decrypt with PKCS#7 padding removal; returns undefined when the padding is wrong (wrong key). */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  if (data.length === 0 || data.length % 8 !== 0) return undefined;
  const K = expandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  const R = new Uint16Array(4);
  let prev = iv;
  for (let o = 0; o < data.length; o += 8) {
    load(data, o, R);
    decryptBlock(K, R);
    store(R, out, o);
    for (let i = 0; i < 8; i++) out[o + i]! ^= prev[i]!;
    prev = data.subarray(o, o + 8);
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8) return undefined;
  for (let i = out.length - pad; i < out.length; i++) if (out[i] !== pad) return undefined;
  return out.subarray(0, out.length - pad);
}

export function rc2CbcEncrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const pad = 8 - (data.length % 8);
  const buf = new Uint8Array(data.length + pad);
  buf.set(data);
  buf.fill(pad, data.length);
  const K = expandKey(key, effectiveBits);
  const R = new Uint16Array(4);
  let prev = iv;
  for (let o = 0; o < buf.length; o += 8) {
    for (let i = 0; i < 8; i++) buf[o + i]! ^= prev[i]!;
    load(buf, o, R);
    encryptBlock(K, R);
    store(R, buf, o);
    prev = buf.subarray(o, o + 8);
  }
  return buf;
}
