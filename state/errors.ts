/** A state file that exists but cannot be read. It is left untouched for the admin to inspect. */
export class StateCorruptError extends Error {
  readonly errorId = 'StateFileCorrupt';
  readonly category = 'ReadError';
  readonly targetObject: string;
  constructor(readonly file: string, readonly reason: string) {
    super(`The state file '${file}' cannot be read (${reason}). It was left unchanged; repair or remove it, or run Reset-Emulator.`);
    this.name = 'StateCorruptError';
    this.targetObject = file;
  }
}
