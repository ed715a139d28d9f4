/**
 * The session's emulated Connect Sync server, built once per session (lazily, on the first ADSync or emulator
 * command) from the session's state store and virtual clock. The server caches admin sign-ins, so one object per
 * session is what makes "sign in once, reuse for the session" work.
 *
 * connect/ pulls in msal-node, pkijs and the tenant: it is imported only when an ADSync or emulator cmdlet loads
 * (see ensureConnectLoaded), so a shell that never touches the server starts without it.
 */
import type { ConnectServer, OpenedConnect } from '../../connect/index.js';
import type { Clock, StateStore } from '../../state/index.js';
import type { ServiceRegistry } from '../../runtime/services.js';

export const CONNECT_SERVICE = 'connect';
/** The whole wiring (server, shared clock, in-process tenant, pki): Reset-Emulator needs the tenant and pki too. */
export const CONNECT_OPENED_SERVICE = 'connect.opened';

type ConnectModule = typeof import('../../connect/index.js');
let connect: ConnectModule | undefined;

/** Load connect/ before a cmdlet that needs the 'connect' service runs (the command indexes call it). */
export async function ensureConnectLoaded(): Promise<void> {
  connect ??= await import('../../connect/index.js');
}

export function registerConnectService(services: ServiceRegistry): void {
  services.register(CONNECT_OPENED_SERVICE, (s): OpenedConnect => {
    if (!connect) throw new Error('The Connect Sync server module is not loaded.');
    const store = s.get<StateStore>('state');
    const clock = s.get<Clock>('clock');
    const opened = connect.openConnect(store, { clock: new connect.SteppingClock(clock) });
    // Cycles that fell due while the clock moved at real speed run before the next command, as a live server's would have.
    s.onBeforeCommand(async () => { await opened.server.catchUp(); });
    return opened;
  });
  services.register(CONNECT_SERVICE, (s): ConnectServer => s.get<OpenedConnect>(CONNECT_OPENED_SERVICE).server);
}
