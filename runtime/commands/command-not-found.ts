import { ErrorRecord } from '../values/error-record.js';

export function commandNotFound(name: string): ErrorRecord {
  return new ErrorRecord(
    `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    'CommandNotFoundException', 'ObjectNotFound', name, 'System.Management.Automation.CommandNotFoundException', { commandName: name });
}
