/** The certificate store locations and names the emulator keeps (no parsing here: cheap to import). */
export type StoreLocation = 'CurrentUser' | 'LocalMachine';
export const STORE_LOCATIONS: readonly StoreLocation[] = ['CurrentUser', 'LocalMachine'];
export const STORE_NAMES: readonly string[] = ['My', 'Root'];
