import type { HostUI } from './context.js';
import type { ParameterMeta } from './parameter.js';
import type { BindState, ParameterBinder } from './binder.js';
import { BindingErrors } from './binding-errors.js';
import { ErrorRecord, RuntimeError } from '../values/error-record.js';

export function nonInteractiveError(): RuntimeError {
  return new RuntimeError(new ErrorRecord(
    'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    'System.Management.Automation.PSInvalidOperationException', 'InvalidOperation', null,
    'System.Management.Automation.PSInvalidOperationException'));
}

/** "Supply values for the following parameters:" as the console host asks for a missing mandatory parameter. */
export async function promptForParameters(host: HostUI, commandName: string, position: number, params: readonly ParameterMeta[]): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  host.writeLine(`cmdlet ${commandName} at command pipeline position ${position}`);
  host.writeLine('Supply values for the following parameters:');
  for (const p of params) {
    if (p.helpMessage) host.writeLine('(Type !? for Help.)');
    if (p.type.element) {
      const items: string[] = [];
      for (let i = 0; ; i++) {
        const line = await host.readLine(`${p.name}[${i}]: `);
        if (line === '') break;
        items.push(line);
      }
      values.set(p.name, items);
    } else if (p.type.kind === 'securestring') {
      values.set(p.name, await host.readSecret(`${p.name}: `));
    } else {
      values.set(p.name, await host.readLine(`${p.name}: `));
    }
  }
  return values;
}

/** The console host's credential prompt (PSHostUserInterface.PromptForCredential). */
export async function promptForCredential(host: HostUI, userName: string | null, message = 'Enter your credentials.'): Promise<{ userName: string; password: string }> {
  host.writeLine('PowerShell credential request');
  host.writeLine(message);
  let user = userName ?? '';
  if (!user) user = await host.readLine('User: ');
  const password = await host.readSecret(`Password for user ${user}: `);
  return { userName: user, password };
}

/**
 * Mandatory parameters still missing after binding: asked for through the host, or a
 * MissingMandatoryParameter error when the host may not prompt. Cmdlets and script functions alike.
 */
export async function supplyMissingMandatory(
  binder: ParameterBinder, state: BindState, expectsInput: boolean, host: HostUI, commandName: string, position: number,
): Promise<void> {
  const missing = binder.missingMandatory(state, expectsInput);
  if (!missing.length) return;
  if (!host.interactive) throw new RuntimeError(BindingErrors.missingMandatory(missing.map((p) => p.name)));
  const values = await promptForParameters(host, commandName, position, missing);
  for (const p of missing) state.bound.set(p.name, binder.coerce(p, values.get(p.name)));
}
