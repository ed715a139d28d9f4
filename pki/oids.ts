/** OIDs and the friendly names Windows (CryptFindOIDInfo) gives them. */
export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  sha1WithRSA: '1.2.840.113549.1.1.5',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  commonName: '2.5.4.3',
} as const;

export const PUBLIC_KEY_NAMES: Record<string, string> = {
  [OID.rsaEncryption]: 'RSA',
  [OID.ecPublicKey]: 'ECC',
  [OID.dsa]: 'DSA',
};

export const SIGNATURE_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5RSA',
  [OID.sha1WithRSA]: 'sha1RSA',
  [OID.sha256WithRSA]: 'sha256RSA',
  [OID.sha384WithRSA]: 'sha384RSA',
  [OID.sha512WithRSA]: 'sha512RSA',
  [OID.rsassaPss]: 'RSASSA-PSS',
  '1.2.840.10045.4.1': 'sha1ECDSA',
  '1.2.840.10045.4.3.2': 'sha256ECDSA',
  '1.2.840.10045.4.3.3': 'sha384ECDSA',
  '1.2.840.10045.4.3.4': 'sha512ECDSA',
};

export const EXTENSION_NAMES: Record<string, string> = {
  [OID.keyUsage]: 'Key Usage',
  [OID.extKeyUsage]: 'Enhanced Key Usage',
  [OID.subjectAltName]: 'Subject Alternative Name',
  [OID.subjectKeyIdentifier]: 'Subject Key Identifier',
  [OID.basicConstraints]: 'Basic Constraints',
  [OID.authorityKeyIdentifier]: 'Authority Key Identifier',
  '2.5.29.31': 'CRL Distribution Points',
  '2.5.29.32': 'Certificate Policies',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  '1.3.6.1.4.1.311.21.10': 'Application Policies',
  '1.3.6.1.4.1.311.20.2': 'Certificate Template Name',
};

export const EKU_NAMES: Record<string, string> = {
  [OID.serverAuth]: 'Server Authentication',
  [OID.clientAuth]: 'Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'Secure Email',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '1.3.6.1.4.1.311.80.1': 'Document Encryption',
  '1.3.6.1.4.1.311.20.2.2': 'Smart Card Logon',
  '1.3.6.1.4.1.311.10.3.4': 'Encrypting File System',
  '1.3.6.1.4.1.311.42.2.6': 'WiFi-Machine',
  '2.5.29.37.0': 'Any Purpose',
};

/** X.500 attribute short names as CertNameToStr prints them. */
export const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.17': 'PostalCode',
  '2.5.4.13': 'Description',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** Key usage bits in bit-string order (bit 0 first) with Windows' display names. */
export const KEY_USAGE_BITS = [
  'Digital Signature', 'Non-Repudiation', 'Key Encipherment', 'Data Encipherment',
  'Key Agreement', 'Certificate Signing', 'Off-line CRL Signing', 'Encipher Only', 'Decipher Only',
] as const;

export function ekuDisplay(oid: string): string {
  const name = EKU_NAMES[oid];
  return name ? `${name} (${oid})` : oid;
}
