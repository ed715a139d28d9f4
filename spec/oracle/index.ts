// Facade: the real-PowerShell oracle (test instrument only).
export { oracleAvailable, oracleUnavailableReason, oracleSkipReason, NO_DOTNET, ensureOracleBuilt, runOracle, oracleProjectDir } from './oracle.js';
export type { OracleResult, OracleError, OracleOptions, Snippet } from './oracle.js';
