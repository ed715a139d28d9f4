/** Non-error control flow that unwinds through JS frames: break/continue/return/exit and pipeline stop. */
export class BreakSignal { constructor(readonly label?: string) {} }
export class ContinueSignal { constructor(readonly label?: string) {} }
export class ReturnSignal { constructor(readonly value: unknown[]) {} }
export class ExitSignal { constructor(readonly code: number) {} }
/**
 * Thrown into a running pipeline by Ctrl+C, or by Select-Object -First having all it needs
 * ('select-first': the thrower has already run its own end step; commands upstream of it stop,
 * commands downstream finish normally).
 */
export class PipelineStoppedSignal { constructor(readonly reason: 'ctrl-c' | 'select-first' = 'ctrl-c') {} }
