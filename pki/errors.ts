/**
 * Every failure pki/ reports is one of these: the shell turns errorId + category into an error record,
 * so a caller never has to inspect a message. Messages are worded like the Windows/.NET text where one is known
 * (see docs/pki.md).
 */
export class PkiError extends Error {
  constructor(readonly errorId: string, readonly category: string, message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** DER/PEM that is not an X.509 certificate (truncated, garbage, wrong structure). */
export class CertificateFormatError extends PkiError {
  constructor(detail: string) {
    super('InvalidCertificateData', 'InvalidData', `Cannot find the requested object. The data is not a valid X.509 certificate: ${detail}`);
  }
}

/** A PKCS#12 blob that cannot be parsed or uses an algorithm we do not implement. */
export class PfxFormatError extends PkiError {
  constructor(detail: string) {
    super('InvalidPfxData', 'InvalidData', `The PFX data is not valid: ${detail}`);
  }
}

/** Wrong password (MAC or decryption failure). Text is Import-PfxCertificate's. */
export class PfxPasswordError extends PkiError {
  constructor() {
    super('PfxPasswordIncorrect', 'SecurityError',
      'The PFX file you are trying to import requires either a different password or membership in an Active Directory principal to which it is protected.');
  }
}

/** Export of a key whose policy forbids it (Export-PfxCertificate's text and FQID). */
export class KeyNotExportableError extends PkiError {
  constructor() {
    super('System.ComponentModel.Win32Exception,Microsoft.CertificateServices.Commands.ExportPfxCertificate', 'InvalidOperation',
      'Cannot export non-exportable private key.');
  }
}

/** Key size / algorithm / hash outside what we or the caller accept. */
export class UnsupportedKeyError extends PkiError {
  constructor(message: string) {
    super('UnsupportedKey', 'InvalidArgument', message);
  }
}

export class InvalidArgumentError extends PkiError {
  constructor(errorId: string, message: string) {
    super(errorId, 'InvalidArgument', message);
  }
}

/** A BYOC rule from the documents is not met; `rule` names it. */
export class ByocValidationError extends PkiError {
  constructor(readonly rule: ByocRule, message: string) {
    super(`ByocCertificateInvalid.${rule}`, 'InvalidData', message);
  }
}

export type ByocRule = 'KeyAlgorithm' | 'KeyLength' | 'HashAlgorithm' | 'PrivateKey' | 'NonExportable' | 'StoreLocation' | 'Expired' | 'NotYetValid';

/**
 * A well-formed certificate the emulator refuses to put in a store: its stores hold connector credentials, so the
 * rules Microsoft Entra Connect Sync applies to them are applied at import (docs/pki.md, "Import policy").
 */
export class CertificateRejectedError extends PkiError {
  constructor(readonly rule: ImportRule, errorId: string, message: string) {
    super(errorId, 'InvalidData', message);
  }
}

export type ImportRule = 'KeyAlgorithm' | 'KeyLength' | 'Expired' | 'PrivateKey';

/** Creating a key in the Platform Crypto Provider while the emulated TPM is absent. */
export class TpmUnavailableError extends PkiError {
  constructor(message: string) {
    super('TpmNotAvailable', 'ResourceUnavailable', message);
  }
}

export class CertificateNotFoundError extends PkiError {
  constructor(location: string, thumbprint: string) {
    super('CertificateNotFound', 'ObjectNotFound', `Cannot find the certificate with thumbprint '${thumbprint}' in store '${location}'.`);
  }
}

export class KeyNotFoundError extends PkiError {
  constructor(keyRef: string) {
    super('KeyNotFound', 'ObjectNotFound', `Keyset does not exist. (key '${keyRef}')`);
  }
}

/** A LocalMachine key used by an account that holds no grant on it (Windows: NTE_PERM / access denied). */
export class KeyAccessDeniedError extends PkiError {
  constructor(account: string, keyRef: string) {
    super('KeyAccessDenied', 'PermissionDenied', `Access denied. 0x80090010 (-2146893808 NTE_PERM): '${account}' has no permission to use the private key '${keyRef}' for signing.`);
  }
}

/** A key file, a master key or a pki state document is damaged or was tampered with. */
export class KeyStoreCorruptError extends PkiError {
  constructor(file: string, reason: string) {
    super('KeyStoreCorrupt', 'InvalidData', `The file '${file}' cannot be read (${reason}). It was left unchanged.`);
  }
}
