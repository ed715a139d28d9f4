// Grammar-based generator of well-formed PowerShell expressions and pipelines, for the differential
// fuzz test (syncshell vs the real engine). Deterministic for a seed. Every case is syntactically
// valid; some fail at run time (division by zero, failed conversions) on purpose: the error records
// are compared too. Values stay small (no unbounded ranges or string repetition) so outputs stay short.

export interface GeneratedCase {
  id: string;
  script: string;
}

/** mulberry32: a tiny seeded PRNG, good enough to spread choices. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private inString = 0;

  constructor(private readonly rnd: () => number) {}

  private insideString(f: () => string): string {
    this.inString++;
    try {
      return f();
    } finally {
      this.inString--;
    }
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  chance(p: number): boolean {
    return this.rnd() < p;
  }

  numLit(): string {
    switch (this.int(0, 5)) {
      case 0: return String(this.int(-5, 20));
      case 1: return String(this.int(0, 9)) + '.' + String(this.int(0, 99));
      case 2: return '0x' + this.int(0, 255).toString(16).toUpperCase();
      case 3: return String(this.int(1, 3)) + this.pick(['kb', 'KB']);
      case 4: return String(this.int(0, 100));
      default: return String(this.int(-3, 3)) + 'e' + String(this.int(0, 2));
    }
  }

  word(): string {
    return this.pick(['a', 'b', 'abc', 'Hello', 'world', 'x1', 'A-B', 'foo', 'BAR', 'a,b', 'c d', '', '10', '3.5', 'true']);
  }

  // Inside "$( )" an empty "" is read as an escaped quote by the real tokenizer, so strings that may
  // end up inside an interpolation (inSub) never use "".
  strLit(depth: number): string {
    const inSub = this.inString > 0;
    const w = this.word();
    switch (this.int(0, 3)) {
      case 0: return `'${w}'`;
      case 1: return w === '' && inSub ? `''` : `"${w}"`;
      case 2: return depth > 0 ? `"${w}$(${this.insideString(() => this.arith(depth - 1))})"` : `'${w}'`;
      default: return `(${w === '' && inSub ? "''" : `"${w}"`} + '${this.word()}')`;
    }
  }

  arrayLit(depth: number): string {
    const n = this.int(1, 4);
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(this.chance(0.6) ? this.numLit() : this.strLit(Math.min(depth, 0)));
    return this.chance(0.5) ? `@(${items.join(', ')})` : `(${items.join(',')})`;
  }

  range(): string {
    const a = this.int(-3, 6);
    const b = this.int(-3, 8);
    return `(${a}..${b})`;
  }

  arith(depth: number): string {
    if (depth <= 0 || this.chance(0.3)) return this.chance(0.8) ? this.numLit() : this.strLit(0);
    switch (this.int(0, 6)) {
      case 0:
      case 1:
      case 2:
        return `${this.arith(depth - 1)} ${this.pick(['+', '-', '*', '/', '%'])} ${this.arith(depth - 1)}`;
      case 3: return `(${this.arith(depth - 1)})`;
      case 4: return `-(${this.arith(depth - 1)})`;
      case 5: return `[${this.pick(['int', 'double', 'string', 'long', 'decimal'])}](${this.arith(depth - 1)})`;
      default: return `[Math]::${this.pick(['Abs', 'Floor', 'Ceiling', 'Round', 'Truncate'])}(${this.arith(depth - 1)})`;
    }
  }

  cmpOp(): string {
    return this.pick(['-eq', '-ne', '-gt', '-lt', '-ge', '-le', '-ceq', '-cne', '-igt', '-ilt']);
  }

  comparison(depth: number): string {
    switch (this.int(0, 5)) {
      case 0: return `${this.arith(depth - 1)} ${this.cmpOp()} ${this.arith(depth - 1)}`;
      case 1: return `${this.strLit(0)} ${this.cmpOp()} ${this.strLit(0)}`;
      case 2: return `${this.arrayLit(0)} ${this.cmpOp()} ${this.chance(0.5) ? this.numLit() : this.strLit(0)}`;
      case 3: return `${this.arrayLit(0)} ${this.pick(['-contains', '-notcontains', '-ccontains'])} ${this.numLit()}`;
      case 4: return `${this.numLit()} ${this.pick(['-in', '-notin'])} ${this.arrayLit(0)}`;
      default: return `${this.strLit(0)} ${this.pick(['-like', '-notlike', '-clike'])} '${this.pick(['a*', '*b*', '?', 'H*', '*', '[ab]*', 'x?'])}'`;
    }
  }

  boolean(depth: number): string {
    if (depth <= 0 || this.chance(0.5)) return this.comparison(Math.max(depth, 1));
    switch (this.int(0, 2)) {
      case 0: return `(${this.boolean(depth - 1)}) ${this.pick(['-and', '-or', '-xor'])} (${this.boolean(depth - 1)})`;
      case 1: return `-not (${this.boolean(depth - 1)})`;
      default: return `!(${this.boolean(depth - 1)})`;
    }
  }

  stringOp(depth: number): string {
    switch (this.int(0, 8)) {
      case 0: return `${this.arrayLit(0)} -join '${this.pick([',', '-', '', ' + '])}'`;
      case 1: return `${this.strLit(0)} -split '${this.pick([',', ' ', '-', 'b'])}'`;
      case 2: return `${this.strLit(0)} -replace '${this.pick(['a', 'o', '[aeiou]', '\\d', '^.'])}', '${this.pick(['X', '', '$0$0', '-'])}'`;
      case 3: return `'{0}|{1,4}|{2:N1}' -f ${this.strLit(0)}, ${this.numLit()}, ${this.arith(Math.min(depth, 1))}`;
      case 4: return `${this.strLit(0)}.${this.pick(['ToUpper()', 'ToLower()', 'Length', 'Trim()', 'Contains("a")', 'Replace("a","4")', 'StartsWith("H")'])}`;
      case 5: return `(${this.strLit(0)} -match '${this.pick(['^a', 'b', '(\\w)(\\w)', '\\d+', 'o$'])}')`;
      case 6: return `${this.strLit(0)} * ${this.int(0, 3)}`;
      case 7: return `"$(${this.insideString(() => this.arrayLit(0))})"`;
      default: return `-join ${this.arrayLit(0)}`;
    }
  }

  pipeline(depth: number): string {
    const src = this.pick([this.range(), this.arrayLit(0)]);
    const stages: string[] = [];
    const n = this.int(1, 3);
    for (let i = 0; i < n; i++) {
      switch (this.int(0, 6)) {
        case 0: stages.push(`Where-Object { $_ ${this.cmpOp()} ${this.numLit()} }`); break;
        case 1: stages.push(`ForEach-Object { $_ ${this.pick(['+', '*', '-'])} ${this.int(0, 5)} }`); break;
        case 2: stages.push(`ForEach-Object { "[$_]" }`); break;
        case 3: stages.push(`? { $_ % ${this.int(2, 4)} -eq 0 }`); break;
        case 4: stages.push(`% { $_ }`); break;
        case 5: stages.push(`ForEach-Object ToString`); break;
        default: stages.push(`Where-Object { ${this.boolean(Math.min(depth, 1)).replace(/\$_/g, '$_')} -or $_ -eq 1 }`);
      }
    }
    return `${src} | ${stages.join(' | ')}`;
  }

  ifExpr(depth: number): string {
    const a = this.expr(depth - 1);
    const b = this.expr(depth - 1);
    return this.chance(0.5)
      ? `if (${this.boolean(1)}) { ${a} } else { ${b} }`
      : `$(if (${this.boolean(1)}) { ${a} } elseif (${this.boolean(1)}) { 'mid' } else { ${b} })`;
  }

  objects(): string {
    const n = this.int(1, 3);
    const objs: string[] = [];
    const props = this.pick([['Name', 'Value'], ['A', 'B', 'C'], ['Id'], ['N', 'S', 'Ok', 'D']]);
    for (let i = 0; i < n; i++) {
      const kv = props.map((p) => `${p}=${this.pick([this.numLit(), this.strLit(0), '$true', '$null', this.arrayLit(0)])}`);
      objs.push(`[pscustomobject]@{${kv.join('; ')}}`);
    }
    return objs.join(', ');
  }

  expr(depth: number): string {
    if (depth <= 0) return this.pick([this.numLit(), this.strLit(0), this.range()]);
    switch (this.int(0, 9)) {
      case 0:
      case 1: return this.arith(depth);
      case 2: return this.boolean(depth);
      case 3:
      case 4: return this.stringOp(depth);
      case 5: return this.pipeline(depth);
      case 6: return this.ifExpr(depth);
      case 7: return `${this.arrayLit(0)}${this.pick(['.Count', '[0]', '[-1]', '.Length', ' + ' + this.arrayLit(0)])}`;
      case 8: return this.objects();
      default: return `$x = ${this.arith(depth - 1)}; $x ${this.pick(['+=', '-=', '*='])} ${this.int(1, 4)}; $x`;
    }
  }
}

/** `count` well-formed snippets for `seed`; the same seed always gives the same snippets. */
export function generateCases(seed: number, count: number): GeneratedCase[] {
  const g = new Gen(prng(seed));
  const out: GeneratedCase[] = [];
  for (let i = 0; i < count; i++) out.push({ id: `fuzz-${seed}-${i}`, script: g.expr(g.int(1, 3)) });
  return out;
}
