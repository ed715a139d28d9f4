/**
 * Value classes the language needs beyond the coordinator's object model (runtime/values):
 * System.Char, System.Guid, a type literal ([int] as a value), an exception object for
 * `$_.Exception`, and System.Text.RegularExpressions.Regex.
 *
 * Numbers are JS numbers: an integral value in Int32 range is an Int32, in Int64 range an Int64,
 * anything else a Double (so `2.0 -is [int]` is True here; see docs/language.md).
 * byte[] is a Uint8Array; object[] (and ArrayList) a JS array; $null is null (undefined is read as $null).
 */
export class PSChar {
  constructor(readonly code: number) {}
  toString(): string { return String.fromCharCode(this.code); }
}

export class PSGuid {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
  static parse(s: string): PSGuid | undefined {
    const t = s.trim().replace(/^[{(]|[})]$/g, '');
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) return new PSGuid(t.toLowerCase());
    if (/^[0-9a-f]{32}$/i.test(t)) {
      const x = t.toLowerCase();
      return new PSGuid(`${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`);
    }
    return undefined;
  }
}

/** System.Version: major.minor[.build[.revision]]; a missing part is -1, as .NET keeps it. */
export class PSVersion {
  readonly psTypeName = 'System.Version';
  constructor(readonly major: number, readonly minor: number, readonly build = -1, readonly revision = -1) {}
  toString(fieldCount?: number): string {
    const parts = [this.major, this.minor, this.build, this.revision].filter((x) => x >= 0);
    return parts.slice(0, fieldCount ?? parts.length).join('.');
  }
  compareTo(o: PSVersion): number {
    const a = [this.major, this.minor, this.build, this.revision], b = [o.major, o.minor, o.build, o.revision];
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  }
  /** Version.Parse: two to four non-negative integers; the .NET exception message when it fails. */
  static parse(s: string): PSVersion | string {
    const parts = s.trim().split('.');
    if (parts.length < 2 || parts.length > 4) return "Version string portion was too short or too long. (Parameter 'input')";
    const n: number[] = [];
    for (const p of parts) {
      if (!/^\s*\+?\d+\s*$/.test(p)) return `The input string '${p}' was not in a correct format.`;
      const x = Number(p);
      if (x > 2147483647) return 'Value was either too large or too small for an Int32.';
      n.push(x);
    }
    return new PSVersion(n[0]!, n[1]!, n[2] ?? -1, n[3] ?? -1);
  }
}

/** A .NET type as a value: `[int]`, `$x.GetType()`. */
export class PSTypeRef {
  constructor(readonly fullName: string, readonly key: string) {}
  get name(): string { const s = this.fullName.split('.').pop()!; return s; }
  toString(): string { return this.fullName; }
}

/** An exception object ($_.Exception, [Exception]::new('m')). */
export class PSException {
  constructor(
    readonly message: string,
    readonly typeName = 'System.Management.Automation.RuntimeException',
    readonly innerException: PSException | null = null,
    /** The ErrorRecord this exception carries (RuntimeException.ErrorRecord), when known. */
    public errorRecord: unknown = null,
  ) {}
  toString(): string { return `${this.typeName}: ${this.message}`; }
}

/** System.Text.RegularExpressions.Regex. */
export class PSRegex {
  readonly regex: RegExp;
  constructor(readonly pattern: string, readonly ignoreCase = false) {
    this.regex = toJsRegex(pattern, ignoreCase ? 'i' : '');
  }
  toString(): string { return this.pattern; }
}

const regexCache = new Map<string, RegExp>();
/**
 * Translates a .NET pattern to a JS RegExp (cached): inline options (?i) and named groups (?<n>) are
 * handled, the rest of the .NET syntax the admin scripts use is the same. Throws the JS SyntaxError on bad patterns.
 */
export function toJsRegex(pattern: string, flags: string): RegExp {
  const key = flags + '\u0000' + pattern;
  let r = regexCache.get(key);
  if (r) return r;
  let p = pattern;
  let f = flags;
  const inline = /^\(\?([imsx]+)\)/.exec(p);
  if (inline) {
    p = p.slice(inline[0].length);
    if (inline[1]!.includes('i') && !f.includes('i')) f += 'i';
    if (inline[1]!.includes('m') && !f.includes('m')) f += 'm';
    if (inline[1]!.includes('s') && !f.includes('s')) f += 's';
  }
  // .NET \A and \z / \Z anchors
  p = p.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  r = new RegExp(p, f);
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(key, r);
  return r;
}
