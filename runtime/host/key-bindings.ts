/** A key as Node's keypress decoder reports it. */
export interface Key { sequence?: string; name?: string; ctrl?: boolean; meta?: boolean; shift?: boolean }

/**
 * PSReadLine's default key bindings in its Emacs edit mode (its default on Linux and macOS,
 * KeyBindings.cs SetDefaultEmacsBindings): the name of the PSReadLine function a key runs.
 * Ctrl+Left/Right are added for terminals that send them; keys PSReadLine leaves unbound here
 * (Shift+Tab, Ctrl+Space) do nothing.
 */
export function emacsBinding(key: Key): string {
  const n = key.name ?? '';
  if (key.sequence === '\x1f') return 'Undo'; // Ctrl+_ (how keypress decoding names it varies)
  if (key.ctrl && !key.meta) {
    const map: Record<string, string> = {
      a: 'BeginningOfLine', b: 'BackwardChar', c: 'CancelLine', d: 'DeleteCharOrExit', e: 'EndOfLine', f: 'ForwardChar',
      g: 'Abort', k: 'KillLine', l: 'ClearScreen', n: 'NextHistory', p: 'PreviousHistory', r: 'ReverseSearchHistory',
      t: 'SwapCharacters', u: 'BackwardKillLine', w: 'UnixWordRubout', y: 'Yank', m: 'AcceptLine', j: 'AcceptLine',
      h: 'BackwardDeleteChar', backspace: 'BackwardDeleteChar', left: 'BackwardWord', right: 'ForwardWord',
    };
    return map[n] ?? 'Ignore';
  }
  if (key.meta) {
    const map: Record<string, string> = {
      b: 'BackwardWord', f: 'ForwardWord', d: 'KillWord', backspace: 'BackwardKillWord', r: 'RevertLine',
      '<': 'BeginningOfHistory', '>': 'EndOfHistory', '=': 'PossibleCompletions', left: 'BackwardWord', right: 'ForwardWord',
    };
    const k = n || key.sequence?.slice(-1) || '';
    return map[k] ?? 'Ignore';
  }
  switch (n) {
    case 'return': case 'enter': return 'AcceptLine';
    case 'backspace': return 'BackwardDeleteChar';
    case 'delete': return 'DeleteChar';
    case 'left': return 'BackwardChar';
    case 'right': return 'ForwardChar';
    case 'up': return 'PreviousHistory';
    case 'down': return 'NextHistory';
    case 'home': return 'BeginningOfLine';
    case 'end': return 'EndOfLine';
    case 'tab': return key.shift ? 'Ignore' : 'Complete';
    case 'escape': return 'Ignore';
  }
  const s = key.sequence ?? '';
  if (s && !/[\x00-\x1f\x7f]/.test(s) && !s.startsWith('\x1b')) return 'SelfInsert';
  return 'Ignore';
}
