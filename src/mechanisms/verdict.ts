import type { NtmIssue } from '../errors.js';
import { metOrNot, parseVerdict } from '../evaluate/words.js';

/**
 * An official verdict as data gives it — a word (`Đạt`, `Không đạt`, `met`, `not-met`, …) or a
 * yes/no — read as met or not met; `null` when none is given. A word that is not a verdict is an
 * issue at `path` (and `null`). "Cơ bản đạt" reads as not met: it does not count as met.
 *
 * @example verdictOf('Đạt', ['conditions', 'D3'], issues) // 'met'
 * @example verdictOf(false, ['townships', 0, 'civilisedUrban'], issues) // 'not-met'
 */
export function verdictOf(raw: string | boolean | null | undefined, path: Array<string | number>, issues: NtmIssue[]): 'met' | 'not-met' | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw ? 'met' : 'not-met';
  const v = metOrNot(parseVerdict(raw));
  if (v !== null) return v;
  issues.push({ code: 'invalid-verdict', path, message: `expected Đạt / Không đạt (met / not-met), got "${raw}"` });
  return null;
}
