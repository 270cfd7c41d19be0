import { OPERATORS, type Operator } from '../schema/operators.js';

import type { Lang } from '../messages/lang.js';

/** Language of generated texts (defined with the catalogue of texts). */
export type { Lang };

/**
 * `≥`, `≤`, … for an operator (from the operator table); other text is returned as given.
 *
 * @example operatorSymbol('>=') // '≥'
 */
export function operatorSymbol(operator: string): string {
  return Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator as Operator].symbol : operator;
}

// Building an Intl.NumberFormat costs far more than using one; reports format every cell.
const NUMBER_FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }),
};

/**
 * Formats a number the way each language writes it: `26,5` in Vietnamese, `26.5` in English,
 * with thousands grouped (`1.000.000` / `1,000,000`) and at most 4 decimals.
 *
 * @example formatNumber(26.5, 'vi') // '26,5'
 */
export function formatNumber(value: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(value);
}

/**
 * A quantity with its unit: Vietnamese puts a space before `%` (`26,5 %`), English does not (`26.5%`).
 *
 * @example formatQuantity(26.5, '%', 'vi') // '26,5 %'
 */
export function formatQuantity(value: number, unit: string | null, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (unit === null || unit === '') return n;
  if (unit === '%' && lang === 'en') return `${n}%`;
  return `${n} ${unit}`;
}
