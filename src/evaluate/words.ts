import type { CriterionVerdict, Verdict } from '../schema/input.js';

/** Lower-cases and strips Vietnamese diacritics (`Không Đạt` → `khong dat`) for tolerant matching. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const VERDICT_WORDS: Readonly<Record<string, Verdict>> = {
  met: 'met',
  dat: 'met',
  x: 'met',
  'not-met': 'not-met',
  'not met': 'not-met',
  'khong dat': 'not-met',
  'chua dat': 'not-met',
  'not-applicable': 'not-applicable',
  'not applicable': 'not-applicable',
  'n/a': 'not-applicable',
  na: 'not-applicable',
  'khong ap dung': 'not-applicable',
};

/**
 * Reads a verdict as offices write it — "Đạt", "Không đạt", "Chưa đạt", "x", "N/A", or the
 * canonical `met` / `not-met` / `not-applicable` — ignoring case and accents. `null` if it is not one.
 *
 * @example parseVerdict('KHÔNG ĐẠT') // 'not-met'
 */
export function parseVerdict(word: string): Verdict | null {
  // Spreadsheet cells are mostly numbers, and no verdict word starts like one: skip the folding.
  if (/^\s*[\d+\-.,]/.test(word)) return null;
  const folded = foldText(word);
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  return Object.hasOwn(VERDICT_WORDS, folded) ? VERDICT_WORDS[folded]! : null;
}

/**
 * Reads a decimal number written with a comma or a point (`"93,5"`, `"93.5"`, `" 93,5 % "`).
 * Thousands separators are not accepted: `"1.000"` would be ambiguous. `null` if not a finite number.
 *
 * @example parseDecimal('93,5') // 93.5
 */
export function parseDecimal(text: string, options: { allowPercentSign?: boolean } = {}): number | null {
  let s = text.trim();
  if (options.allowPercentSign) s = s.replace(/\s*%$/, '');
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a criterion-level verdict: Đạt / Không đạt as {@link parseVerdict} reads them, and "cơ bản
 * đạt" (basically met, `basically-met`), which appraisals record but which never counts as met.
 * `null` if the word is neither (N/A included: a criterion is never "not applicable").
 *
 * @example parseCriterionVerdict('Cơ bản đạt') // 'basically-met'
 */
export function parseCriterionVerdict(word: string): CriterionVerdict | null {
  if (/^\s*[\d+\-.,]/.test(word)) return null;
  const folded = foldText(word);
  if (folded === 'co ban dat' || folded === 'basically-met' || folded === 'basically met') return 'basically-met';
  const v = Object.hasOwn(VERDICT_WORDS, folded) ? VERDICT_WORDS[folded]! : null;
  return v === 'met' || v === 'not-met' ? v : null;
}

/** The status a criterion verdict gives: "cơ bản đạt" is not met. */
export function criterionVerdictStatus(v: CriterionVerdict): 'met' | 'not-met' {
  return v === 'met' ? 'met' : 'not-met';
}
