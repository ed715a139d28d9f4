/**
 * The properties the formatter sees on a value: a PSObject's own, and for the value classes the .NET
 * properties PowerShell would show (DateTime, TimeSpan).
 */
import { PSObject } from '../values/psobject.js';
import { ownProperty } from '../values/members.js';
import { PSDateTime } from '../values/datetime.js';
import { PSTimeSpan } from '../values/timespan.js';
import { PSCredential } from '../values/secure-string.js';
import { safeGet } from './display-string.js';
import { PSVersion, PSGuid } from '../evaluator/value-types.js';

export interface DisplayProperty { readonly name: string; get(): unknown }

const TIMESPAN_PROPERTIES = ['Ticks', 'Days', 'Hours', 'Milliseconds', 'Microseconds', 'Nanoseconds', 'Minutes', 'Seconds', 'TotalDays',
  'TotalHours', 'TotalMilliseconds', 'TotalMicroseconds', 'TotalNanoseconds', 'TotalMinutes', 'TotalSeconds'];
const DATETIME_PROPERTIES = ['Date', 'Day', 'DayOfWeek', 'DayOfYear', 'Hour', 'Kind', 'Millisecond', 'Microsecond', 'Nanosecond', 'Minute',
  'Month', 'Second', 'Ticks', 'TimeOfDay', 'Year', 'DateTime'];

function named(v: unknown, names: readonly string[]): DisplayProperty[] {
  return names.map((name) => ({ name, get: () => ownProperty(v, name).value }));
}

export function propertiesOf(v: unknown): DisplayProperty[] {
  if (v instanceof PSObject) return v.properties().map((p) => ({ name: p.name, get: () => safeGet(p) }));
  // .NET's declaration order, as Format-List and ConvertTo-Json list them; values as the language reads them.
  if (v instanceof PSTimeSpan) return named(v, TIMESPAN_PROPERTIES);
  // The ETS script property DateTime comes after the .NET ones.
  if (v instanceof PSDateTime) return named(v, DATETIME_PROPERTIES);
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
