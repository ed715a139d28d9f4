import * as readline from 'node:readline';
import { completionColumns, cursorAfter, endOf } from './screen-layout.js';
import type { LineHistory } from './line-history.js';
import { emacsBinding, type Key } from './key-bindings.js';

/** What the completer offers for the text left of the cursor. */
export interface Completion {
  /** Replacement texts, in the order to list them. */
  matches: string[];
  /** How many characters left of the cursor they replace. */
  replaceLength: number;
  /** The texts shown in the list of possible completions (PSReadLine's ListItemText). */
  listItems?: string[];
}
export type Completer = (textBeforeCursor: string) => Promise<Completion>;

export interface ReadOptions {
  prompt: string;
  /** Echo '*' for each character (passwords). */
  mask?: boolean;
  /** Up/Down walk this history, and the accepted line is added to it. */
  history?: LineHistory;
  completer?: Completer;
  /** Enter on input for which this is false adds a line (`>> `) instead of accepting. */
  isComplete?: (text: string) => boolean;
  /** The column the terminal cursor is at: output that did not end its line stays before the prompt. */
  startColumn?: number;
}

/** Ctrl+C while a line was being typed. */
export class InterruptedLine extends Error {
  constructor() { super('Interrupted'); this.name = 'InterruptedLine'; }
}
/** Ctrl+D on an empty command line (PSReadLine's DeleteCharOrExit). */
export class EndOfInput extends Error {
  constructor() { super('End of input'); this.name = 'EndOfInput'; }
}

export type { Key };

export interface TerminalIO {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

const CONTINUATION = '>> ';
/** PSReadLine's DefaultWordDelimiters. */
const WORD_DELIMITERS = ';:,.[]{}()/\\|^&*-=+\'"–—―';
const COMPLETION_QUERY_ITEMS = 100;

interface Reading {
  opts: ReadOptions;
  resolve: (line: string) => void;
  reject: (e: Error) => void;
}

/**
 * The command-line editor, with PSReadLine's Emacs key bindings (its default on Linux and macOS):
 * the whole multi-line input is one buffer redrawn after each edit, Tab is PSReadLine's Complete,
 * Ctrl+C cancels the line leaving it on screen with ^C. The terminal stays in raw mode for the
 * editor's life, so keys typed while a command runs wait for the next prompt and Ctrl+C during a
 * command reaches the interrupt handler instead of killing the process.
 */
export class LineEditor {
  private buffer = '';
  private cursor = 0;
  /** Rows between the first row of the prompt and the row the terminal cursor is on. */
  private cursorRow = 0;
  private status = '';
  /** Where the prompt starts on its first row. */
  private startCol = 0;
  private reading: Reading | undefined;
  private readonly queue: Key[] = [];
  private pumping = false;
  private renderPending = false;
  private historyIndex = 0;
  private savedCurrent = '';
  private killRing = '';
  private lastCommand = '';
  private tabCount = 0;
  private undoStack: { buffer: string; cursor: number }[] = [];
  private search: { query: string; index: number; original: string; failed: boolean } | undefined;
  private yesNo: ((answer: boolean) => void) | undefined;
  /** The last read ended with Enter (a command runs now), not with Ctrl+C. */
  private accepted = false;
  private closed = false;
  onInterrupt: (() => void) | undefined;

  private readonly onKeypress = (_s: string | undefined, key: Key | undefined) => {
    if (!key) return;
    if (this.yesNo) { const f = this.yesNo; this.yesNo = undefined; f(key.name === 'y'); return; }
    if (!this.reading && key.ctrl && key.name === 'c') {
      // A command is running, or about to: the Enter just before may have been handled in this very
      // tick, before the shell started the command. Ctrl+C stops it and drops what was typed ahead.
      this.queue.length = 0;
      setImmediate(() => { if (!this.reading) this.onInterrupt?.(); });
      return;
    }
    this.queue.push(key);
    void this.pump();
  };
  private readonly onResize = () => {
    if (!this.reading) return;
    // The terminal re-flowed the rows; find the prompt again at the new width, then redraw.
    this.cursorRow = cursorAfter(this.displayed(this.cursor), this.width).row;
    this.render();
  };

  /** The editor draws on the terminal: stdout, or stderr when stdout is piped (`syncshell | tee log` keeps the log clean). */
  static defaultIO(): TerminalIO {
    return { input: process.stdin, output: process.stdout.isTTY || !process.stderr.isTTY ? process.stdout : process.stderr };
  }

  constructor(private readonly io: TerminalIO = LineEditor.defaultIO()) {
    readline.emitKeypressEvents(io.input);
    io.input.setRawMode?.(true);
    io.input.on('keypress', this.onKeypress);
    io.output.on('resize', this.onResize);
    io.input.resume();
  }

  get width(): number { return this.io.output.columns || 120; }

  read(opts: ReadOptions): Promise<string> {
    if (this.closed) return Promise.reject(new EndOfInput());
    return new Promise<string>((resolve, reject) => {
      this.reading = { opts, resolve, reject };
      this.accepted = false;
      this.buffer = '';
      this.cursor = 0;
      this.cursorRow = 0;
      this.status = '';
      this.startCol = (opts.startColumn ?? 0) % this.width;
      this.undoStack = [];
      this.tabCount = 0;
      this.lastCommand = '';
      this.historyIndex = opts.history?.entries.length ?? 0;
      this.render();
      void this.pump();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.io.input.off('keypress', this.onKeypress);
    this.io.output.off('resize', this.onResize);
    this.io.input.setRawMode?.(false);
    this.io.input.pause();
    const r = this.reading;
    this.reading = undefined;
    r?.reject(new EndOfInput());
  }

  // ---- key dispatch -------------------------------------------------------------------------

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length && this.reading) {
        await this.dispatch(this.queue.shift()!);
      }
      // Ctrl+C typed right behind Enter (in the same burst) is for the command that line starts:
      // fire it once that command is running.
      const stop = this.queue.findLastIndex((k) => !!k.ctrl && k.name === 'c');
      if (!this.reading && this.accepted && stop >= 0) {
        this.queue.splice(0, stop + 1);
        setImmediate(() => { if (!this.reading) this.onInterrupt?.(); });
      }
    } finally { this.pumping = false; }
  }

  private async dispatch(key: Key): Promise<void> {
    const r = this.reading!;
    const command = emacsBinding(key);
    if (this.search) { if (this.searchKey(key, command)) return; }
    const wasTab = command === 'Complete';
    if (!wasTab) this.tabCount = 0;
    const previous = this.lastCommand;
    this.lastCommand = command;
    switch (command) {
      case 'AcceptLine': return this.accept();
      case 'CancelLine': return this.cancel();
      case 'DeleteCharOrExit':
        if (!this.buffer && !r.opts.mask && r.opts.history) { this.finish(); r.reject(new EndOfInput()); return; }
        return this.deleteChar();
      case 'DeleteChar': return this.deleteChar();
      case 'BackwardDeleteChar':
        if (this.cursor > 0) { this.edit(); const n = this.charLenLeft(); this.buffer = this.buffer.slice(0, this.cursor - n) + this.buffer.slice(this.cursor); this.cursor -= n; this.schedule(); }
        return;
      case 'BackwardChar': this.cursor -= this.charLenLeft(); return this.schedule();
      case 'ForwardChar': this.cursor += this.charLenRight(); return this.schedule();
      case 'BeginningOfLine': {
        // In a multi-line buffer the key goes to the start of the current line first, as PSReadLine does.
        const start = this.buffer.lastIndexOf('\n', this.cursor - 1) + 1;
        this.cursor = start === this.cursor ? 0 : start;
        return this.schedule();
      }
      case 'EndOfLine': {
        const end = this.buffer.indexOf('\n', this.cursor);
        this.cursor = end < 0 || end === this.cursor ? this.buffer.length : end;
        return this.schedule();
      }
      case 'BackwardWord': this.cursor = this.wordStartLeft(this.cursor); return this.schedule();
      case 'ForwardWord': this.cursor = this.wordEndRight(this.cursor); return this.schedule();
      case 'PreviousHistory': return this.historyMove(-1);
      case 'NextHistory': return this.historyMove(1);
      case 'BeginningOfHistory': return this.historyMove(-Infinity);
      case 'EndOfHistory': return this.historyMove(Infinity);
      case 'BackwardKillLine': {
        const start = this.buffer.lastIndexOf('\n', this.cursor - 1) + 1;
        return this.kill(start, this.cursor, previous, true);
      }
      case 'KillLine': {
        const end = this.buffer.indexOf('\n', this.cursor);
        return this.kill(this.cursor, end < 0 ? this.buffer.length : end, previous, false);
      }
      case 'UnixWordRubout': {
        let i = this.cursor;
        while (i > 0 && /\s/.test(this.buffer[i - 1]!)) i--;
        while (i > 0 && !/\s/.test(this.buffer[i - 1]!)) i--;
        return this.kill(i, this.cursor, previous, true);
      }
      case 'BackwardKillWord': return this.kill(this.wordStartLeft(this.cursor), this.cursor, previous, true);
      case 'KillWord': return this.kill(this.cursor, this.wordEndRight(this.cursor), previous, false);
      case 'Yank': return this.insert(this.killRing);
      case 'SwapCharacters':
        if (this.cursor > 0 && this.buffer.length > 1) {
          this.edit();
          const at = this.cursor === this.buffer.length ? this.cursor - 1 : this.cursor;
          const b = [...this.buffer];
          [b[at - 1], b[at]] = [b[at]!, b[at - 1]!];
          this.buffer = b.join('');
          this.cursor = Math.min(this.buffer.length, at + 1);
          this.schedule();
        }
        return;
      case 'Undo': {
        const u = this.undoStack.pop();
        if (u) { this.buffer = u.buffer; this.cursor = u.cursor; this.schedule(); }
        return;
      }
      case 'RevertLine': {
        const first = this.undoStack[0];
        if (first) { this.buffer = first.buffer; this.cursor = first.cursor; this.undoStack = []; this.schedule(); }
        return;
      }
      case 'ClearScreen':
        this.io.output.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.startCol = 0;
        return this.render();
      case 'ReverseSearchHistory':
        if (!r.opts.history) return;
        this.search = { query: '', index: this.historyIndex, original: this.buffer, failed: false };
        this.status = 'bck-i-search: _';
        return this.render();
      case 'Complete': return this.complete();
      case 'PossibleCompletions': return this.possibleCompletions();
      case 'SelfInsert': return this.insert(key.sequence!);
      case 'Abort': case 'Ignore': return;
    }
  }

  // ---- editing ------------------------------------------------------------------------------

  private edit(): void {
    this.undoStack.push({ buffer: this.buffer, cursor: this.cursor });
    if (this.undoStack.length > 200) this.undoStack.shift();
  }

  private insert(text: string): void {
    if (!text) return;
    this.edit();
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    this.schedule();
  }

  private deleteChar(): void {
    if (this.cursor >= this.buffer.length) return;
    this.edit();
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + this.charLenRight());
    this.schedule();
  }

  /** Cut [from, to) into the kill ring; kills in a row add to the same ring entry, as Emacs does. */
  private kill(from: number, to: number, previous: string, backward: boolean): void {
    if (to <= from) return;
    this.edit();
    const text = this.buffer.slice(from, to);
    const chained = /Kill|Rubout/.test(previous);
    this.killRing = chained ? (backward ? text + this.killRing : this.killRing + text) : text;
    this.buffer = this.buffer.slice(0, from) + this.buffer.slice(to);
    this.cursor = from;
    this.schedule();
  }

  private charLenLeft(): number {
    if (this.cursor <= 0) return 0;
    const c = this.buffer.charCodeAt(this.cursor - 1);
    return c >= 0xdc00 && c <= 0xdfff && this.cursor > 1 ? 2 : 1;
  }
  private charLenRight(): number {
    if (this.cursor >= this.buffer.length) return 0;
    const c = this.buffer.charCodeAt(this.cursor);
    return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }

  private isDelimiter(ch: string): boolean { return /\s/.test(ch) || WORD_DELIMITERS.includes(ch); }
  private wordStartLeft(from: number): number {
    let i = from;
    while (i > 0 && this.isDelimiter(this.buffer[i - 1]!)) i--;
    while (i > 0 && !this.isDelimiter(this.buffer[i - 1]!)) i--;
    return i;
  }
  private wordEndRight(from: number): number {
    let i = from;
    while (i < this.buffer.length && this.isDelimiter(this.buffer[i]!)) i++;
    while (i < this.buffer.length && !this.isDelimiter(this.buffer[i]!)) i++;
    return i;
  }

  private historyMove(delta: number): void {
    const h = this.reading?.opts.history;
    if (!h) return;
    const n = h.entries.length;
    if (this.historyIndex === n) this.savedCurrent = this.buffer;
    const target = Math.max(0, Math.min(n, this.historyIndex + delta));
    if (target === this.historyIndex) return;
    this.historyIndex = target;
    this.buffer = target === n ? this.savedCurrent : h.entries[target]!;
    this.cursor = this.buffer.length;
    this.undoStack = [];
    this.schedule();
  }

  // ---- reverse search -----------------------------------------------------------------------

  /** Keys during Ctrl+R. Returns true when the key was consumed by the search. */
  private searchKey(key: Key, command: string): boolean {
    const s = this.search!;
    const entries = this.reading!.opts.history?.entries ?? [];
    const find = (from: number): number => {
      for (let i = from; i >= 0; i--) if (entries[i]!.toLowerCase().includes(s.query.toLowerCase())) return i;
      return -1;
    };
    const show = (i: number) => {
      s.failed = i < 0;
      if (i >= 0) { s.index = i; this.buffer = entries[i]!; this.cursor = Math.max(0, this.buffer.toLowerCase().indexOf(s.query.toLowerCase())); }
      this.status = `${s.failed ? 'failed-' : ''}bck-i-search: ${s.query}_`;
      this.render();
    };
    if (command === 'SelfInsert') { s.query += key.sequence; show(find(Math.min(s.index, entries.length - 1))); return true; }
    if (command === 'BackwardDeleteChar') { s.query = s.query.slice(0, -1); show(s.query ? find(entries.length - 1) : -1); return true; }
    if (command === 'ReverseSearchHistory') { show(find(s.index - 1)); return true; }
    this.search = undefined;
    this.status = '';
    if (command === 'Abort' || key.name === 'escape') { this.buffer = s.original; this.cursor = this.buffer.length; this.render(); return true; }
    this.historyIndex = s.index;
    this.render();
    return false;
  }

  // ---- completion ---------------------------------------------------------------------------

  private async completions(): Promise<Completion | undefined> {
    const c = this.reading?.opts.completer;
    if (!c || this.reading?.opts.mask) return undefined;
    try { return await c(this.buffer.slice(0, this.cursor)); } catch { return undefined; }
  }

  private lastCompletion: Completion | undefined;

  /** PSReadLine's Complete: the one match, or the longest common prefix; pressed again, the list. */
  private async complete(): Promise<void> {
    if (this.tabCount > 0 && this.lastCompletion) {
      if (this.lastCompletion.matches.length > 1) await this.showList(this.lastCompletion);
      return;
    }
    const c = await this.completions();
    this.lastCompletion = c;
    if (!c || !c.matches.length) { this.tabCount = 0; return; }
    this.tabCount++;
    if (c.matches.length === 1) { this.replaceWord(c, c.matches[0]!); return; }
    let prefix = c.matches[0]!;
    for (const m of c.matches.slice(1)) {
      let i = 0;
      while (i < prefix.length && i < m.length && prefix[i]!.toLowerCase() === m[i]!.toLowerCase()) i++;
      prefix = prefix.slice(0, i);
    }
    if (prefix.length) this.replaceWord(c, prefix);
    else await this.showList(c);
  }

  /** Replace the word at the cursor, including its part right of the cursor (`Get-Da|te` → `Get-Date`). */
  private replaceWord(c: Completion, text: string): void {
    this.edit();
    const start = this.cursor - c.replaceLength;
    const right = /^[^\s|;(){}]*/.exec(this.buffer.slice(this.cursor))![0].length;
    this.buffer = this.buffer.slice(0, start) + text + this.buffer.slice(this.cursor + right);
    this.cursor = start + text.length;
    c.replaceLength = text.length;
    this.render();
  }

  private async possibleCompletions(): Promise<void> {
    const c = await this.completions();
    if (c && c.matches.length) await this.showList(c);
  }

  /** The list under the input; the prompt and the input are drawn again below it. */
  private async showList(c: Completion): Promise<void> {
    const items = c.listItems ?? c.matches;
    this.moveToEnd();
    if (items.length >= COMPLETION_QUERY_ITEMS) {
      this.io.output.write(`\r\nDisplay all ${items.length} possibilities? (y or n) _`);
      const typedAhead = this.queue.shift();
      const yes = typedAhead ? typedAhead.name === 'y' : await new Promise<boolean>((resolve) => { this.yesNo = resolve; });
      if (!yes) { this.io.output.write('\r\n'); this.cursorRow = 0; this.startCol = 0; this.render(); return; }
    }
    const lines = completionColumns(items, this.width);
    this.io.output.write('\r\n' + lines.join('\r\n') + '\r\n');
    this.cursorRow = 0;
    this.startCol = 0;
    this.render();
  }

  // ---- accept / cancel ----------------------------------------------------------------------

  private accept(): void {
    const r = this.reading!;
    if (r.opts.isComplete && !r.opts.isComplete(this.buffer)) {
      // PSReadLine's AcceptLine on incomplete input: a new line in the same buffer.
      this.cursor = this.buffer.length;
      this.insert('\n');
      this.render();
      return;
    }
    const line = this.buffer;
    this.finish();
    this.accepted = true;
    r.opts.history?.add(line);
    r.resolve(line);
  }

  private cancel(): void {
    const r = this.reading!;
    this.cursor = this.buffer.length;
    this.status = '';
    this.search = undefined;
    this.finish('\x1b[91m^C\x1b[0m');
    r.reject(new InterruptedLine());
  }

  /** Leave the input on screen and put the terminal cursor on the next row. */
  private finish(mark = ''): void {
    this.status = '';
    this.renderPending = false;
    this.moveToEnd();
    this.io.output.write(mark + '\r\n');
    this.cursorRow = 0;
    this.startCol = 0;
    this.reading = undefined;
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** The first row up to the prompt (what was there before), then the prompt and the input up to `upTo`. */
  private displayed(upTo = this.buffer.length): string {
    const r = this.reading;
    const text = this.buffer.slice(0, upTo);
    const shown = r?.opts.mask ? text.replace(/[^\n]/gu, '*') : text.replace(/\n/g, '\n' + CONTINUATION);
    return ' '.repeat(this.startCol) + (r?.opts.prompt ?? '') + shown;
  }

  private schedule(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    // Keys of one burst (a paste) are drawn once.
    setImmediate(() => { if (this.renderPending && this.reading) this.render(); });
  }

  private moveToEnd(): void {
    this.cursor = Math.min(this.cursor, this.buffer.length);
    const saved = this.cursor;
    this.cursor = this.buffer.length;
    const keepStatus = this.status;
    this.status = '';
    this.render();
    this.status = keepStatus;
    this.cursor = saved;
  }

  private render(): void {
    this.renderPending = false;
    if (!this.reading) return;
    this.cursor = Math.max(0, Math.min(this.cursor, this.buffer.length));
    const width = this.width;
    const all = this.displayed();
    let out = '';
    if (this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`;
    // Text left of the prompt on its first row (output without a newline) is kept.
    out += '\r' + (this.startCol ? `\x1b[${this.startCol}C` : '') + '\x1b[J' + all.slice(this.startCol).replace(/\n/g, '\r\n');
    let end = endOf(all, width);
    if (end.col >= width) { out += ' \r'; end = { row: end.row + 1, col: 0 }; }
    if (this.status) {
      out += '\r\n' + this.status;
      const s = endOf(this.status, width);
      end = { row: end.row + 1 + s.row + (s.col >= width ? 1 : 0), col: s.col >= width ? 0 : s.col };
    }
    const cur = cursorAfter(this.displayed(this.cursor), width);
    if (end.row > cur.row) out += `\x1b[${end.row - cur.row}A`;
    out += '\r' + (cur.col > 0 ? `\x1b[${cur.col}C` : '');
    this.cursorRow = cur.row;
    this.io.output.write(out);
  }
}
