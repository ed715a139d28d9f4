/**
 * The session's emulated Connect Sync server, built once per session (lazily, on the first ADSync or emulator
 * command) from the session's state store and virtual clock. The server caches admin sign-ins, so one object per
 * session is what makes "sign in once, reuse for the session" work.
 */
import { openConnect, SteppingClock, type ConnectServer, type OpenedConnect } from '../../connect/index.js';
import type { Clock, StateStore } from '../../state/index.js';
import type { ServiceRegistry } from '../../runtime/services.js';

export const CONNECT_SERVICE = 'connect';
/** The whole wiring (server, shared clock, in-process tenant, pki): Reset-Emulator needs the tenant and pki too. */
export const CONNECT_OPENED_SERVICE = 'connect.opened';

export function registerConnectService(services: ServiceRegistry): void {
  services.register(CONNECT_OPENED_SERVICE, (s): OpenedConnect => {
    const store = s.get<StateStore>('state');
    const clock = s.get<Clock>('clock');
    return openConnect(store, { clock: new SteppingClock(clock) });
  });
  services.register(CONNECT_SERVICE, (s): ConnectServer => s.get<OpenedConnect>(CONNECT_OPENED_SERVICE).server);
}
