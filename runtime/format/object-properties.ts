/**
 * The properties the formatter sees on a value: a PSObject's own, and for the value classes the .NET
 * properties PowerShell would show (DateTime, TimeSpan).
 */
import { PSObject } from '../values/psobject.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { PSCredential } from '../values/secure-string.js';
import { safeGet } from './display-string.js';
import { PSVersion, PSGuid } from '../evaluator/value-types.js';

export interface DisplayProperty { readonly name: string; get(): unknown }

export function propertiesOf(v: unknown): DisplayProperty[] {
  if (v instanceof PSObject) return v.properties().map((p) => ({ name: p.name, get: () => safeGet(p) }));
  if (v instanceof PSTimeSpan) {
    const t = v;
    // .NET's declaration order, as Format-List and ConvertTo-Json list them.
    return [
      ['Ticks', t.ticks], ['Days', t.days], ['Hours', t.hours], ['Milliseconds', t.milliseconds],
      ['Microseconds', Math.trunc(t.ticks / 10) % 1000], ['Nanoseconds', (t.ticks % 10) * 100], ['Minutes', t.minutes],
      ['Seconds', t.seconds], ['TotalDays', t.ticks / PSTimeSpan.TicksPerDay], ['TotalHours', t.ticks / PSTimeSpan.TicksPerHour],
      ['TotalMilliseconds', t.ticks / PSTimeSpan.TicksPerMs], ['TotalMicroseconds', t.ticks / 10], ['TotalNanoseconds', t.ticks * 100],
      ['TotalMinutes', t.ticks / PSTimeSpan.TicksPerMinute], ['TotalSeconds', t.ticks / PSTimeSpan.TicksPerSecond],
    ].map(([name, value]) => ({ name: name as string, get: () => value }));
  }
  if (v instanceof PSDateTime) {
    const f = v.fields();
    const midnight = new PSDateTime(v.ms - (((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.millisecond), v.kind);
    const startOfYear = Date.UTC(f.year, 0, 1);
    const dayOfYear = Math.floor((Date.UTC(f.year, f.month - 1, f.day) - startOfYear) / 86_400_000) + 1;
    return ([
      ['Date', midnight], ['Day', f.day], ['DayOfWeek', PSDateTime.dayName(f.dayOfWeek)],
      ['DayOfYear', dayOfYear], ['Hour', f.hour], ['Kind', v.kind], ['Millisecond', f.millisecond], ['Microsecond', 0],
      ['Nanosecond', 0], ['Minute', f.minute], ['Month', f.month], ['Second', f.second],
      ['Ticks', BigInt(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond)) * 10000n + 621355968000000000n],
      ['TimeOfDay', PSTimeSpan.from(0, f.hour, f.minute, f.second, f.millisecond)], ['Year', f.year],
      // The ETS script property comes after the .NET ones.
      ['DateTime', v.toLongString()],
    ] as [string, unknown][]).map(([name, value]) => ({ name, get: () => value }));
  }
  if (v instanceof PSVersion) {
    return ([['Major', v.major], ['Minor', v.minor], ['Build', v.build], ['Revision', v.revision],
      ['MajorRevision', v.revision < 0 ? -1 : v.revision >> 16], ['MinorRevision', v.revision < 0 ? -1 : v.revision & 0xffff]] as [string, number][])
      .map(([name, value]) => ({ name, get: () => value }));
  }
  if (v instanceof PSGuid) return [{ name: 'Guid', get: () => v.value }];
  if (isPlainRecord(v)) return Object.keys(v).map((name) => ({ name, get: () => v[name] }));
  if (v instanceof PSCredential) {
    return [{ name: 'UserName', get: () => v.userName }, { name: 'Password', get: () => v.password }];
  }
  return [];
}

export function findProperty(v: unknown, name: string): DisplayProperty | undefined {
  if (v instanceof PSObject) {
    const p = v.property(name);
    return p ? { name: p.name, get: () => safeGet(p) } : undefined;
  }
  const lower = name.toLowerCase();
  return propertiesOf(v).find((p) => p.name.toLowerCase() === lower);
}

/** PowerShell wildcard match (* ? [a-z]), case-insensitive. */
export function wildcardToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`' && i + 1 < pattern.length) { re += escapeRe(pattern[++i]!); continue; }
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      re += '[' + pattern.slice(i + 1, end).replace(/\\/g, '\\\\') + ']';
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp('^' + re + '$', 'is');
}

export function hasWildcard(s: string): boolean { return /[*?[]/.test(s); }

function escapeRe(c: string): string { return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); }

/** A plain JavaScript record (domain data a cmdlet forgot to wrap) is shown like a PSCustomObject. */
export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
