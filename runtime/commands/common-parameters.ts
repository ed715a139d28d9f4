import { param, type ParameterMeta } from './parameter.js';
import { T } from './types.js';

export const ActionPreferenceType = T.enum('System.Management.Automation.ActionPreference',
  ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break']);
export type ActionPreference = 'SilentlyContinue' | 'Stop' | 'Continue' | 'Inquire' | 'Ignore' | 'Suspend' | 'Break';

/** The common parameters every cmdlet accepts (about_CommonParameters), with their aliases. */
export const commonParameters: readonly ParameterMeta[] = [
  param('Verbose', T.Switch, { aliases: ['vb'] }),
  param('Debug', T.Switch, { aliases: ['db'] }),
  param('ErrorAction', ActionPreferenceType, { aliases: ['ea'] }),
  param('WarningAction', ActionPreferenceType, { aliases: ['wa'] }),
  param('InformationAction', ActionPreferenceType, { aliases: ['infa'] }),
  param('ProgressAction', ActionPreferenceType, { aliases: ['proga'] }),
  param('ErrorVariable', T.String, { aliases: ['ev'] }),
  param('WarningVariable', T.String, { aliases: ['wv'] }),
  param('InformationVariable', T.String, { aliases: ['iv'] }),
  param('OutVariable', T.String, { aliases: ['ov'] }),
  param('OutBuffer', T.Int, { aliases: ['ob'] }),
  param('PipelineVariable', T.String, { aliases: ['pv'] }),
];

export const shouldProcessParameters: readonly ParameterMeta[] = [
  param('WhatIf', T.Switch, { aliases: ['wi'] }),
  param('Confirm', T.Switch, { aliases: ['cf'] }),
];

const commonNames = new Set([...commonParameters, ...shouldProcessParameters].map((p) => p.name));
export function isCommonParameter(name: string): boolean { return commonNames.has(name); }
