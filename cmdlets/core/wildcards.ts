/** Wildcard patterns (the evaluator's WildcardPattern), in a module light enough for the provider layer. */
import { wildcardToRegex as evWildcard } from '../../runtime/evaluator/index.js';

/** WildcardPattern → RegExp (*, ?, [a-z], [!a], backtick escapes), anchored; case-insensitive by default. */
export function wildcardToRegex(pattern: string, caseSensitive = false): RegExp {
  return evWildcard(pattern, !caseSensitive);
}

export function hasWildcards(s: string): boolean { return /[*?[]/.test(s); }
