/**
 * Every core cmdlet class, loaded eagerly (tests, documentation). Sessions use the lazy
 * coreCommandIndex from ./index.ts instead.
 */
import type { CmdletClass } from '../../runtime/commands/cmdlet.js';
import { loadCoreCmdlets } from './index.js';

export const coreCmdlets: CmdletClass[] = await loadCoreCmdlets();
