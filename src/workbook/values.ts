/**
 * Reading a threshold cell as people fill it: `95`, `95,5`, `≥ 95 %`, `>= 95`, a number in a cell
 * formatted as a percentage (0.95 shown as 95 % is 95), `Đạt` for a yes/no indicator, `?` or
 * blank for still unknown.
 */
import type { Operator } from '../schema/requirement.js';
import type { Cell } from './sheet.js';
import type { WorkbookProblemCode } from './messages.js';
import { isDateFormat, isPercentFormat } from './number-format.js';

export { isDateFormat, isPercentFormat } from './number-format.js';

/** What a threshold cell says. */
export type CellThreshold =
  | { kind: 'blank' }
  | { kind: 'unknown'; note?: string }
  | { kind: 'is-met' }
  | { kind: 'compare'; operator: Operator | null; value: number }
  | { kind: 'problem'; code: WorkbookProblemCode; params?: Record<string, string | number> };

const OPERATORS: ReadonlyArray<[RegExp, Operator]> = [
  [/^(≥|>=|=>)/, '>='],
  [/^(≤|<=|=<)/, '<='],
  [/^>/, '>'],
  [/^</, '<'],
  [/^=/, '='],
];

/** Symbols offered in the templates' operator lists. */
export const OPERATOR_SYMBOLS: Readonly<Record<Operator, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/**
 * An operator as written: `≥`, `>=`, `=>` …; null when it is none.
 *
 * @example parseOperator('≥') // '>='
 */
export function parseOperator(text: string): Operator | null {
  const t = text.trim();
  for (const [re, op] of OPERATORS) {
    const m = re.exec(t);
    if (m && m[0].length === t.length) return op;
  }
  return null;
}

/** Rounds away the binary noise of `0.955 * 100`. */
const clean = (n: number): number => Number(n.toPrecision(12));

/**
 * A number as people type it: decimal comma or point; with both, or with a separator repeated,
 * the last one is the decimal separator and the others group thousands (`1.234,5`, `45.000.000`).
 *
 * @example parseNumber('26,5') // 26.5
 */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?\d[\d.,]*$/.test(t)) return null;
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  let s = t;
  if (dots > 0 && commas > 0) {
    const decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (t.split(decimal).length - 1 > 1) return null;
    s = t.split(group).join('').replace(',', '.');
  } else if (dots > 1 || commas > 1) {
    const group = dots > 1 ? '.' : ',';
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+$`).test(t)) return null;
    s = t.split(group).join('');
  } else s = t.replace(',', '.');
  if (/[.,]$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Words officials write for "met" (the verdict a yes/no requirement asks for). */
const MET = new Set(['đạt', 'dat', 'x', 'met', 'yes', 'có', 'co']);
const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase();

/**
 * What a threshold cell says. `percentUnit`: the value is a percentage (a number in a percent
 * format is multiplied by 100; text may end in `%`).
 *
 * @example readThreshold({ value: 0.95, numFmt: '0%' }) // { kind: 'compare', operator: null, value: 95 }
 */
export function readThreshold(cell: Cell | undefined): CellThreshold {
  const v = cell?.value ?? null;
  if (v === null) return { kind: 'blank' };
  if (v instanceof Date) return { kind: 'problem', code: 'date-value' };
  if (typeof v === 'boolean') return v ? { kind: 'is-met' } : { kind: 'problem', code: 'not-a-value', params: { text: 'FALSE' } };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'problem', code: 'not-a-value', params: { text: String(v) } };
    if (isDateFormat(cell?.numFmt, v)) return { kind: 'problem', code: 'date-value' };
    return { kind: 'compare', operator: null, value: isPercentFormat(cell?.numFmt, v) ? clean(v * 100) : v };
  }
  const t = v.normalize('NFC').trim();
  if (t === '') return { kind: 'blank' };
  if (t.startsWith('?')) {
    const note = t.slice(1).trim();
    return note === '' ? { kind: 'unknown' } : { kind: 'unknown', note };
  }
  if (MET.has(fold(t))) return { kind: 'is-met' };
  let rest = t;
  let operator: Operator | null = null;
  for (const [re, op] of OPERATORS) {
    const m = re.exec(rest);
    if (m) {
      operator = op;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  rest = rest.replace(/\s*%$/, '');
  const n = parseNumber(rest);
  if (n === null) return { kind: 'problem', code: 'not-a-value', params: { text: t } };
  return { kind: 'compare', operator, value: n };
}
