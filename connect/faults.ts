import type { EmulatorFaults, FaultName } from './model.js';

/**
 * The emulator's faults (Set-EmulatorFault / Clear-EmulatorFault), as PowerShell spells them. The first four fail
 * one step each of a switch to a certificate credential (registration, rotation, automatic onboarding), so every
 * step's failure and its recovery can be rehearsed; docs/connect.md says what each one imitates.
 */
export const FAULTS: Record<string, { key: FaultName; description: string }> = {
  ApplicationCreationFails: { key: 'applicationCreationFails', description: 'creating the Connect Sync application in Entra fails' },
  RoleAssignmentFails: { key: 'roleAssignmentFails', description: 'granting ADSynchronization.ReadWrite.All to the application fails' },
  KeyAdditionFails: { key: 'keyAdditionFails', description: 'adding the certificate credential to the application fails' },
  NewKeyRejected: { key: 'newKeyRejected', description: 'the token request with the newly added certificate is refused (AADSTS700027: the key is not replicated yet)' },
  KeyRemovalFails: { key: 'keyRemovalFails', description: 'the server cannot remove a certificate credential itself (after a rotation, or when undoing a failed switch)' },
  TenantUnreachable: { key: 'tenantUnreachable', description: 'every call to the tenant fails' },
};

export const FAULT_NAMES = Object.keys(FAULTS) as readonly string[];

export function faultKey(name: string): FaultName | undefined {
  const n = Object.keys(FAULTS).find((k) => k.toLowerCase() === name.toLowerCase());
  return n ? FAULTS[n].key : undefined;
}

export function noFaults(): EmulatorFaults {
  return {
    keyRemovalFails: false, tenantUnreachable: false,
    applicationCreationFails: false, roleAssignmentFails: false, keyAdditionFails: false, newKeyRejected: false,
  };
}

/** Which tenant call each step fault fails (the gateway method names). */
export const STEP_FAULTS: Record<string, FaultName> = {
  createApplication: 'applicationCreationFails',
  assignAppRoles: 'roleAssignmentFails',
  addKeyCredential: 'keyAdditionFails',
};
