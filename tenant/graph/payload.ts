import { graph } from '../errors.js';
import { isGuid } from '../encoding.js';
import type { AppRole, RequiredResourceAccess } from '../model.js';

const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** requiredResourceAccess exactly as given, keeping only Graph's properties; malformed → Request_BadRequest. */
export function requiredResourceAccess(v: unknown): RequiredResourceAccess[] {
  const bad = () => graph.invalidValue('requiredResourceAccess', 'application');
  if (!Array.isArray(v)) throw bad();
  return v.map((r) => {
    if (!r || typeof r !== 'object') throw bad();
    const { resourceAppId, resourceAccess } = r as Record<string, unknown>;
    if (typeof resourceAppId !== 'string' || !isGuid(resourceAppId) || !Array.isArray(resourceAccess)) throw bad();
    return {
      resourceAppId: resourceAppId.toLowerCase(),
      resourceAccess: resourceAccess.map((a) => {
        if (!a || typeof a !== 'object') throw bad();
        const { id, type } = a as Record<string, unknown>;
        if (typeof id !== 'string' || !isGuid(id) || (type !== 'Role' && type !== 'Scope')) throw bad();
        return { id: id.toLowerCase(), type };
      }),
    };
  });
}

export function appRoles(v: unknown): AppRole[] {
  const bad = () => graph.invalidValue('appRoles', 'application');
  if (!Array.isArray(v)) throw bad();
  return v.map((r) => {
    if (!r || typeof r !== 'object') throw bad();
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || !isGuid(o.id) || typeof o.value !== 'string' || /\s/.test(o.value) || !isStrArray(o.allowedMemberTypes)) throw bad();
    return {
      allowedMemberTypes: o.allowedMemberTypes, description: typeof o.description === 'string' ? o.description : '',
      displayName: typeof o.displayName === 'string' ? o.displayName : o.value, id: o.id.toLowerCase(),
      isEnabled: o.isEnabled !== false, origin: 'Application', value: o.value,
    };
  });
}

export function stringArray(v: unknown, prop: string, type: string): string[] {
  if (!isStrArray(v)) throw graph.invalidValue(prop, type);
  return v;
}

export function optionalString(v: unknown, prop: string, type: string): string | null {
  if (v === null) return null;
  if (typeof v !== 'string') throw graph.invalidValue(prop, type);
  return v;
}
