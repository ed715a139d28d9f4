/**
 * System.Security.SecureString is a runtime value (runtime/values/secure-string.ts) because the
 * binder creates it when prompting; the core cmdlets use that one class.
 */
export { SecureString } from '../../runtime/values/secure-string.js';
import { SecureString } from '../../runtime/values/secure-string.js';

export const SecureStringType = 'System.Security.SecureString';

export function isSecureString(v: unknown): v is SecureString { return v instanceof SecureString; }
