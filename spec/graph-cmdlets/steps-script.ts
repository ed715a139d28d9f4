import type { DocumentedStep } from './byoa-steps.js';

/** Fill the article's {Placeholder}s with values, leaving every other character as printed. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (m, name: string) => {
    if (!(name in values)) throw new Error(`No value for the placeholder ${m}`);
    return values[name]!;
  });
}

/** A PowerShell double-quoted string holding `text` as is: only `$`, '`' and the straight double quote need escaping. */
export function psDoubleQuoted(text: string): string {
  return '"' + text.replace(/[`$"]/g, (c) => '`' + c) + '"';
}

/** The step as an admin types it: the body in a single-quoted here-string (kept verbatim), the URI in double quotes. */
export function stepScript(step: Pick<DocumentedStep, 'method' | 'uri' | 'body'>, values: Record<string, string>): string {
  const uri = psDoubleQuoted(fill(step.uri, values));
  if (step.body === null) return `Invoke-MgGraphRequest -Method ${step.method} -Uri ${uri}`;
  return `$body = @'\n${fill(step.body, values)}\n'@\nInvoke-MgGraphRequest -Method ${step.method} -Uri ${uri} -Body $body`;
}
