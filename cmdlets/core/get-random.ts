import { Cmdlet } from '../../runtime/commands/cmdlet.js';
import type { CmdletMeta } from '../../runtime/commands/cmdlet-meta.js';
import { param } from '../../runtime/commands/parameter.js';
import { T } from '../../runtime/commands/types.js';
import { enumerate, isEnumerable, toNumber } from './lang.js';

/** A small seedable generator (mulberry32): -SetSeed gives repeatable sequences (not .NET's sequence). */
function generator(seed?: number): () => number {
  if (seed === undefined) return Math.random;
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Get-Random: a random number in a range, or random items of the input (without repetition). */
export class GetRandomCommand extends Cmdlet {
  static override meta: CmdletMeta = {
    verb: 'Get', noun: 'Random', module: 'Microsoft.PowerShell.Utility', className: 'Microsoft.PowerShell.Commands.GetRandomCommand',
    defaultParameterSet: 'RandomNumberParameterSet',
    parameters: [
      param('SetSeed', T.Int, { description: 'Specifies a seed value for the random number generator.' }),
      param('Maximum', T.Object, { position: 0, sets: ['RandomNumberParameterSet'], description: 'Specifies a maximum value for the random number (exclusive).' }),
      param('Minimum', T.Object, { sets: ['RandomNumberParameterSet'], description: 'Specifies a minimum value for the random number.' }),
      param('InputObject', T.array(T.Object), { mandatory: true, position: 0, sets: ['RandomListItemParameterSet', 'ShuffleParameterSet'], valueFromPipeline: true, description: 'Specifies a collection of objects. Get-Random gets randomly selected objects in random order from the collection.' }),
      param('Count', T.Int, { sets: ['RandomNumberParameterSet', 'RandomListItemParameterSet'], validateRange: [1, 2147483647], description: 'Specifies the number of random objects or numbers to return.' }),
      param('Shuffle', T.Switch, { mandatory: true, sets: ['ShuffleParameterSet'], description: 'Returns the entire collection in a randomized order.' }),
    ],
    outputType: ['System.Int32', 'System.Int64', 'System.Double', 'System.Object'],
    synopsis: 'Gets a random number, or selects objects randomly from a collection.',
    description: 'The Get-Random cmdlet gets a randomly selected number. If you submit a collection of objects to Get-Random, it gets one or more randomly selected objects from the collection.',
    examples: [
      { title: 'Get a random integer between 1 and 100', code: 'Get-Random -Minimum 1 -Maximum 101' },
      { title: 'Get three random items', code: '1..10 | Get-Random -Count 3' },
    ],
  };

  SetSeed?: number;
  Maximum?: unknown;
  Minimum?: unknown;
  InputObject: unknown = undefined;
  Count = 1;
  Shuffle = false;

  private items: unknown[] = [];
  private rnd!: () => number;
  private listMode = false;

  override beginProcessing(): void {
    this.rnd = generator(this.SetSeed);
    this.listMode = this.parameterSetName !== 'RandomNumberParameterSet' || this.InputObject !== undefined;
  }

  override processRecord(): void {
    if (!this.listMode && this.InputObject === undefined) return;
    this.listMode = true;
    const v = this.InputObject;
    if (this.currentInput === undefined && isEnumerable(v)) this.items.push(...enumerate(v)); else this.items.push(v);
  }

  override async endProcessing(): Promise<void> {
    if (this.listMode) {
      const pool = [...this.items];
      const n = this.Shuffle ? pool.length : Math.min(this.Count, pool.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(this.rnd() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
        await this.writeObject(pool[i]);
      }
      return;
    }
    const min = this.Minimum === undefined ? 0 : toNumber(this.Minimum) ?? 0;
    const max = this.Maximum === undefined ? 2147483647 : toNumber(this.Maximum) ?? 0;
    if (min >= max) {
      this.throwTerminatingError(this.error(`The Minimum value (${min}) cannot be greater than or equal to the Maximum value (${max}).`, 'MinGreaterThanOrEqualMax', 'InvalidArgument', null, 'System.ArgumentException'));
    }
    const integral = Number.isInteger(min) && Number.isInteger(max) && typeof this.Maximum !== 'string' || (typeof this.Maximum === 'string' && !/[.eE]/.test(this.Maximum));
    for (let i = 0; i < this.Count; i++) {
      const r = min + this.rnd() * (max - min);
      await this.writeObject(integral ? Math.floor(r) : r);
    }
  }
}
