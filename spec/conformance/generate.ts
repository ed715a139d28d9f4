// Grammar-based generator of well-formed PowerShell expressions and pipelines, for the differential
// fuzz test (syncshell vs the real engine). Deterministic for a seed. Every case is syntactically
// valid; some fail at run time (division by zero, failed conversions) on purpose: the error records
// are compared too. Values stay small (no unbounded ranges or string repetition) so outputs stay short.
// Beyond expressions it covers what admin scripts use: string methods, -f formats, casts, switch, loops,
// functions with param(), try/catch, hashtables and object pipelines through the engine's own cmdlets
// (Where-Object, ForEach-Object). Left out on purpose: enums; unordered hashtables with several keys (.NET's
// order is hash-dependent); cmdlets the oracle lacks (Select-Object, Measure-Object...); loops that may not end.

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

  // ---- features admin scripts use beyond expressions (strings, formats, casts, control flow, functions) ----

  /** A small value of any common type, usable as an operand without parentheses. */
  atom(): string {
    switch (this.int(0, 7)) {
      case 0: case 1: return this.numLit();
      case 2: case 3: return this.strLit(0);
      case 4: return this.pick(['$true', '$false', '$null']);
      case 5: return this.arrayLit(0);
      case 6: return `${this.int(0, 20)}${this.pick(['l', 'd', 'L', 'D'])}`;
      default: return this.pick([`[char]'${this.pick(['a', 'Z', '7', ' '])}'`, `${this.int(1, 9)}.${this.int(0, 9)}d`, `[long]${this.int(-9, 9)}`]);
    }
  }

  stringMethod(): string {
    const s = this.strLit(0);
    const ch = this.pick(['a', 'b', 'o', ',', ' ', 'x', 'A']);
    switch (this.int(0, 13)) {
      case 0: return `${s}.Substring(${this.int(0, 3)})`;
      case 1: return `${s}.Substring(${this.int(0, 2)}, ${this.int(0, 3)})`;
      case 2: return `${s}.${this.pick(['IndexOf', 'LastIndexOf'])}('${ch}')`;
      case 3: return `${s}.${this.pick(['PadLeft', 'PadRight'])}(${this.int(0, 8)}${this.chance(0.5) ? `, '${this.pick(['*', '0', '.'])}'` : ''})`;
      case 4: return `${s}.Split('${this.pick([',', ' ', 'b', ', '])}')`;
      case 5: return `${s}.${this.pick(['Trim', 'TrimStart', 'TrimEnd'])}(${this.chance(0.5) ? `'${ch}'` : ''})`;
      case 6: return `${s}.${this.pick(['ToCharArray()', 'ToUpperInvariant()', 'GetType().Name', 'Length', 'Insert(1, "Z")', 'Remove(1)', 'EndsWith("c")', 'Equals("abc")', 'CompareTo("b")', 'Contains("A")', 'ToString()'])}`;
      case 7: return `${s}[${this.pick(['0', '-1', '1', '0..1', '5'])}]`;
      case 8: return `[string]::Join('${this.pick([',', '', '-', ' | '])}', ${this.arrayLit(0)})`;
      case 9: return `[string]::${this.pick(['IsNullOrEmpty', 'IsNullOrWhiteSpace'])}(${this.pick([s, '$null', "' '", "''"])})`;
      case 10: return `[string]::Concat(${s}, ${this.atom()})`;
      case 11: return `[string]::Format('${this.pick(['{0}-{1}', '[{1}]{0}', '{0:N1}/{1}'])}', ${this.numLit()}, ${this.atom()})`;
      case 12: return `${s}.Replace('${ch}', '${this.pick(['', '_', 'QQ'])}')`;
      default: return `(${s} ${this.pick(['-split', '-csplit', '-isplit'])} '${this.pick(['[,-]', '\\s+', 'B', '(,)', '\\d'])}'${this.chance(0.3) ? `, ${this.int(0, 3)}` : ''})`;
    }
  }

  formatOp(): string {
    const numFmt = this.pick(['N0', 'N2', 'D3', 'X', 'x4', 'P1', 'F2', 'E2', 'G', '0.00', '#,##0', '000', '0.#', 'F0', 'n1']);
    const lead = this.pick(['', '[', 'v=']);
    switch (this.int(0, 4)) {
      case 0: return `'${lead}{0:${numFmt}}' -f ${this.pick([this.numLit(), `${this.int(0, 9)}.${this.int(0, 999)}`, `${this.int(0, 99)}d`, `[long]${this.int(-500, 5000)}`, `-${this.int(1, 99)}`])}`;
      case 1: return `'${lead}{0,${this.pick(['5', '-5', '8', '-3', '2'])}}|' -f ${this.atom()}`;
      case 2: return `'{1}{0}{1}' -f ${this.atom()}, ${this.strLit(0)}`;
      case 3: return `"{0} of {1}" -f ${this.arrayLit(0)}`;
      default: return `'{0:${numFmt}} {1:${this.pick(['N1', 'D2', 'X2', 'P0'])}}' -f ${this.int(0, 300)}, ${this.int(0, 300)}`;
    }
  }

  cast(): string {
    const t = this.pick(['int', 'long', 'double', 'decimal', 'string', 'bool', 'char', 'byte', 'int16', 'single', 'int[]', 'string[]', 'object[]']);
    const v = this.pick([this.numLit(), this.strLit(0), `'  ${this.int(0, 99)} '`, `'0x${this.int(10, 255).toString(16)}'`, `${this.int(-3, 3)}.5`, '$null', "'False'", `'${this.int(0, 9)}e${this.int(0, 3)}'`, this.arrayLit(0), '300', "''"]);
    switch (this.int(0, 4)) {
      case 0: case 1: return `[${t}]${v.startsWith('-') ? `(${v})` : v}`;
      case 2: return `(${v} -as [${t}])`;
      case 3: return `${v} -is [${t}]`;
      default: return `([${t}]${v.startsWith('-') ? `(${v})` : v}).GetType().Name`;
    }
  }

  typeProbe(depth: number): string {
    return `(${this.pick([this.arith(depth), this.atom(), this.cast()])}).GetType().${this.pick(['Name', 'FullName'])}`;
  }

  bitwise(): string {
    switch (this.int(0, 2)) {
      case 0: return `${this.int(0, 255)} ${this.pick(['-band', '-bor', '-bxor'])} ${this.pick([String(this.int(0, 255)), '0xF0', '0x0F'])}`;
      case 1: return `${this.int(0, 64)} ${this.pick(['-shl', '-shr'])} ${this.int(0, 4)}`;
      default: return `-bnot ${this.int(0, 9)}`;
    }
  }

  regexOps(): string {
    const s = this.strLit(0);
    const pat = this.pick(['(\\w)(\\w)', '^(?<first>\\w)', '(\\d+)', '([a-c])', '(o)']);
    switch (this.int(0, 3)) {
      case 0: return `if (${s} -match '${pat}') { $matches[${this.pick(['0', '1'])}] } else { 'no' }`;
      case 1: return `${s} -replace '${pat}', '${this.pick(['<$1>', '$2$1', '[$0]', '${first}.'])}'`;
      case 2: return `${this.arrayLit(0)} ${this.pick(['-match', '-notmatch', '-like', '-replace'])} '${this.pick(['a', '^\\d', 'b*', '1'])}'`;
      default: return `(${s} -creplace '${this.pick(['A', 'a', '[A-Z]'])}', '_')`;
    }
  }

  variables(depth: number): string {
    const v = this.pick(['$a', '$b', '$n']);
    switch (this.int(0, 6)) {
      case 0: return `${v} = ${this.arrayLit(0)}; ${v}[${this.pick(['0', '-1', '1..2', '0,2', '-2..-1', '9'])}]`;
      case 1: return `${v} = ${this.arrayLit(0)}; ${v} += ${this.atom()}; ${v}.Count; ${v}`;
      case 2: return `$a, $b = ${this.arrayLit(0)}; "a=$a"; "b=$b"; $b.GetType().Name`;
      case 3: return `$i = ${this.int(-2, 5)}; $i++; ++$i; $i--; $i`;
      case 4: return `${v} = ${this.arrayLit(0)}; ${v}[0] = ${this.atom()}; ${v} -join '|'`;
      case 5: return `${v} = $(${this.expr(depth - 1)}); "[$(${v})] [${v}] [$(${v}.Count)]"`;
      default: return `${v} = ${this.atom()}; ${v} ${this.pick(['+=', '-=', '*=', '/=', '%='])} ${this.atom()}; ${v}`;
    }
  }

  hashtable(): string {
    const k = this.pick(['a', 'Key', 'x1', 'Name']);
    switch (this.int(0, 6)) {
      case 0: return `$h = @{${k}=${this.atom()}}; $h.${k}; $h['${k.toLowerCase()}']; $h.Count`;
      case 1: return `$h = [ordered]@{a=${this.atom()}; b=${this.atom()}; c=${this.atom()}}; $h`;
      case 2: return `$h = [ordered]@{}; foreach ($w in ${this.arrayLit(0)}) { $h["$w"] = "$w".Length }; $h.Keys -join ','; $h.Count`;
      case 3: return `$h = @{}; $h['k'] = ${this.numLit()}; $h.k += ${this.int(1, 3)}; $h.k; $h.ContainsKey('K'); $h.ContainsKey('z')`;
      case 4: return `@{${k}=${this.atom()}}`;
      case 5: return `$h = [ordered]@{a=1; b=2}; $h.Remove('${this.pick(['a', 'b', 'z'])}'); $h.Count; $h.Values -join ','`;
      default: return `[pscustomobject]([ordered]@{P=${this.atom()}; Q=${this.atom()}})`;
    }
  }

  switchStmt(depth: number): string {
    const opt = this.pick(['', '', '-Wildcard ', '-Regex ', '-CaseSensitive ', '-Exact ']);
    const subject = this.pick([this.numLit(), this.strLit(0), this.arrayLit(0), this.range()]);
    const clauses: string[] = [];
    const n = this.int(1, 3);
    for (let i = 0; i < n; i++) {
      const body = this.chance(0.3) ? `'c${i}'; ${this.pick(['break', 'continue'])}` : this.chance(0.5) ? `"c${i}:$_"` : this.arith(Math.min(depth, 1));
      const label = opt === '-Wildcard ' ? `'${this.pick(['a*', '*b*', '?', 'H*', '1*'])}'`
        : opt === '-Regex ' ? `'${this.pick(['^a', '\\d', 'o$', '^[A-Z]'])}'`
        : this.chance(0.25) ? `{ $_ ${this.cmpOp()} ${this.numLit()} }` : this.pick([this.numLit(), this.strLit(0), String(this.int(0, 5))]);
      clauses.push(`${label} { ${body} }`);
    }
    if (this.chance(0.5)) clauses.push(`default { 'dflt' }`);
    const sw = `switch ${opt}(${subject}) { ${clauses.join(' ')} }`;
    return this.chance(0.5) ? sw : `$r = ${sw}; $r.Count`;
  }

  loop(depth: number): string {
    switch (this.int(0, 5)) {
      case 0: return `$s = 0; foreach ($i in ${this.pick([this.range(), this.arrayLit(0)])}) { $s += $i }; $s`;
      case 1: return `$o = foreach ($i in ${this.arrayLit(0)}) { if ($i -is [string]) { continue }; $i * 2 }; $o`;
      case 2: return `for ($i = ${this.int(0, 2)}; $i -lt ${this.int(0, 5)}; $i${this.pick(['++', ' += 2'])}) { "i=$i" }`;
      case 3: return `$i = 0; while ($i -lt ${this.int(0, 6)}) { $i++; if ($i -eq ${this.int(1, 4)}) { break }; $i }`;
      // (until -le / while -gt: both end, since $i only goes down)
      case 4: return `$i = ${this.int(0, 6)}; do { $i-- } ${this.pick(['until ($i -le', 'while ($i -gt'])} ${this.int(0, 3)}); $i`;
      default: return `$a = @(); foreach ($w in ${this.pick([this.range(), this.arrayLit(0)])}) { $a += ${this.pick(['"$w"', '$w', `(${this.arith(Math.min(depth, 1))})`])} }; $a.Count; $a -join '|'`;
    }
  }

  functionDef(depth: number): string {
    const arg = (): string => {
      switch (this.int(0, 3)) {
        case 0: return `(${this.atom()})`;
        case 1: return String(this.int(-2, 9));
        case 2: return `'${this.word()}'`;
        default: return this.pick(['abc', 'x1', 'Hello', '1kb', '0x10', '2.50']);
      }
    };
    switch (this.int(0, 6)) {
      case 0: return `function f($a, $b = ${this.atom()}) { $a + $b }; f ${arg()}; f ${arg()} ${arg()}; f -b ${arg()} -a ${arg()}`;
      case 1: {
        const t = this.pick(['int', 'string', 'double', 'switch', 'int[]', 'bool']);
        // A [switch] takes no positional argument; its value is tested, not printed or asked for .IsPresent: syncshell
        // models SwitchParameter as a Boolean, so a printed switch (a one-column table in pwsh) and .IsPresent still differ.
        if (t === 'switch') return `function g { param([switch]$n) if ($n) { 'on' } else { 'off' }; "n=$n" }; g ${this.pick(['-n', '', '-n:$false', '-n:$true', '-n:0'])}`;
        return `function g { param([${t}]$n) $n; "n=$n" }; g ${arg()}`;
      }
      case 2: return `function Dbl { process { $_ ${this.pick(['*', '+'])} ${this.int(1, 3)} } }; ${this.pick([this.range(), this.arrayLit(0)])} | Dbl`;
      case 3: return `function k { $args.Count; $args -join '+' }; k ${arg()} ${arg()}`;
      case 4: return `function Ret { return $(${this.expr(depth - 1)}); 'unreached' }; Ret`;
      case 5: return `function t { param($x) begin { 'b' } process { "p$x$_" } end { 'e' } }; ${this.pick([this.arrayLit(0), this.range()])} | t`;
      default: return `function m([string]$t = 'dflt', [int]$c = 1) { $t * $c }; m; m ${arg()}; m -c ${this.int(0, 3)}`;
    }
  }

  risky(): string {
    return this.pick([
      '1/0', "[int]'x'", '$null.Foo()', "'abc'.Substring(5)", `throw ${this.strLit(0)}`, "[int]::Parse('q')", '@(1)[5].Bar',
      "'{0:D2}' -f 1.5", "[byte]'300'", `${this.arrayLit(0)}[9]`, "throw [System.ArgumentException]::new('bad arg')", "[char]'ab'",
      "'a' - 1", '@(1,2) - 1', "[string]::new('x', -1)", "$x = @{}; $x.a.b", "'abc'.Insert(9, 'z')",
    ]);
  }

  tryCatch(): string {
    const r = this.risky();
    switch (this.int(0, 4)) {
      case 0: return `try { ${r} } catch { "caught: $($_.Exception.Message)" }`;
      case 1: return `try { ${r}; 'after' } catch { $_.Exception.GetType().FullName } finally { 'fin' }`;
      case 2: return `try { ${r} } catch [System.DivideByZeroException] { 'div' } catch [System.Management.Automation.RuntimeException] { 'rt' } catch { 'other' }`;
      case 3: return `try { ${r} } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException -eq $null }`;
      default: return `${r}; 'next'`;
    }
  }

  objectPipeline(): string {
    const objs = `@(${[1, 2, 3].slice(0, this.int(1, 3)).map(() => `[pscustomobject]@{Name=${this.strLit(0)}; N=${this.numLit()}}`).join(', ')})`;
    switch (this.int(0, 6)) {
      case 0: return `${objs} | Where-Object N ${this.pick(['-gt', '-eq', '-le', '-ne'])} ${this.numLit()}`;
      case 1: return `${objs} | ForEach-Object ${this.pick(['Name', 'N', '{ $_.Name }', '{ $_.N * 2 }'])}`;
      case 2: return `(${objs}).${this.pick(['Name', 'N', 'Count', 'Missing'])}`;
      case 3: return `${objs} | Where-Object { $_.Name -like '${this.pick(['a*', '*', '?', 'H*'])}' }`;
      case 4: return `${this.range()} | ForEach-Object -Begin { $t = 0 } -Process { $t += $_ } -End { "total $t" }`;
      case 5: return `${objs} | ForEach-Object { $_.N = ${this.atom()}; $_ }`;
      default: return `${this.pick(['$null', '@()', this.arrayLit(0), this.atom()])} | ForEach-Object { "[$_]" }`;
    }
  }

  display(): string {
    // Values whose default display depends on formatting rules: doubles, decimals, nested arrays, $null members.
    return this.pick([
      `${this.int(1, 9)}/${this.int(3, 7)}`, `1e${this.int(14, 20)}`, `${this.int(1, 9)}.${this.int(0, 9)}e-${this.int(4, 7)}`,
      `[decimal]${this.int(0, 9)}.${this.int(0, 99)}0`, `0.1 + 0.2`, `[math]::Pow(${this.int(2, 10)}, ${this.int(0, 20)})`,
      `[math]::Round(${this.int(0, 9)}.${this.int(0, 999)}, ${this.int(0, 2)})`, `[math]::Sqrt(${this.int(0, 20)})`,
      `[long]::MaxValue`, `[int]::MaxValue + ${this.int(0, 2)}`, `[math]::Max(${this.atom()}, ${this.numLit()})`,
      `,${this.arrayLit(0)}`, `@(${this.arrayLit(0)}, ${this.arrayLit(0)})`,
      `[pscustomobject]@{A=${this.atom()}; B=${this.atom()}; C=${this.atom()}; D=${this.atom()}; E=${this.atom()}}`,
      `[pscustomobject]@{Text='${'abcdefghij'.repeat(this.int(1, 14))}'; V=${this.numLit()}}`,
    ]);
  }

  expr(depth: number): string {
    if (depth <= 0) return this.pick([this.numLit(), this.strLit(0), this.range()]);
    if (this.chance(0.45)) {
      switch (this.int(0, 13)) {
        case 0: return this.stringMethod();
        case 1: return this.formatOp();
        case 2: return this.cast();
        case 3: return this.typeProbe(depth - 1);
        case 4: return this.bitwise();
        case 5: return this.regexOps();
        case 6: return this.variables(depth);
        case 7: return this.hashtable();
        case 8: return this.switchStmt(depth);
        case 9: return this.loop(depth);
        case 10: return this.functionDef(depth);
        case 11: return this.tryCatch();
        case 12: return this.objectPipeline();
        default: return this.display();
      }
    }
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
