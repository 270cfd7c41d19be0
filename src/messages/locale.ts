/**
 * How each language writes numbers, quantities, dates and reporting periods. Vietnamese writes
 * `1.234,5`, `13/01/2023`, `Quý I/2023`; English `1,234.5`, `2023-01-13`, `2023 Q1`. Every text of
 * the catalogue formats its parameters here, so no report invents its own habit.
 */
import type { Lang } from './lang.js';

// Building an Intl.NumberFormat costs far more than using one; reports format every cell.
const FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}${min}-${max}`;
  let f = FORMATS.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    FORMATS.set(key, f);
  }
  return f;
}

/**
 * A number as each language writes it: `26,5` in Vietnamese, `26.5` in English, thousands
 * grouped (`1.000.000` / `1,000,000`), at most `decimals` decimals (4 unless told).
 *
 * @example formatNumber(1234.5, 'vi') // '1.234,5'
 * @example formatNumber(1234.5, 'en') // '1,234.5'
 * @example formatNumber(92.8616, 'vi', 2) // '92,86'
 */
export function formatNumber(value: number, lang: Lang, decimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  return numberFormat(lang, 0, decimals).format(value);
}

/**
 * How many decimals a quantity is written with, by its unit: a percentage or a ratio to 2
 * decimals, anything counted (communes, households, people, criteria) as a whole number, other
 * measures (km, m², million VND) to 2.
 *
 * @example decimalsOf('%') // 2
 * @example decimalsOf('hộ') // 0
 */
export function decimalsOf(unit: string | null | undefined): number {
  if (unit === null || unit === undefined || unit === '') return 2;
  return COUNTED_UNITS.has(unit.trim().toLowerCase()) ? 0 : 2;
}
const COUNTED_UNITS = new Set(['xã', 'hộ', 'người', 'tiêu chí', 'chỉ tiêu', 'thôn', 'bản', 'cơ sở', 'trường', 'lần', 'count', 'communes', 'households', 'people', 'persons']);

/**
 * A quantity with its unit, to the decimals of that unit ({@link decimalsOf}): Vietnamese puts a
 * space before `%` (`92,86 %`), English does not (`92.86%`); other units follow after a space.
 *
 * @example formatQuantity(92.8616, '%', 'vi') // '92,86 %'
 * @example formatQuantity(92.8616, '%', 'en') // '92.86%'
 * @example formatQuantity(3, 'km', 'vi') // '3 km'
 */
export function formatQuantity(value: number, unit: string | null | undefined, lang: Lang, decimals: number = decimalsOf(unit)): string {
  const n = formatNumber(value, lang, decimals);
  if (unit === null || unit === undefined || unit === '') return n;
  if (unit === '%' && lang === 'en') return `${n}%`;
  return `${n} ${unit}`;
}

/**
 * A calendar date (`YYYY-MM-DD`, or a `Date` read in UTC) as each language writes it:
 * `13/01/2023` in Vietnamese, `2023-01-13` (ISO) in English. Other text is returned as given.
 *
 * @example formatDate('2023-01-13', 'vi') // '13/01/2023'
 * @example formatDate('2023-01-13', 'en') // '2023-01-13'
 */
export function formatDate(date: string | Date, lang: Lang): string {
  const iso = typeof date === 'string' ? date : Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return typeof date === 'string' ? date : iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A reporting period id (`2023-01`, `2023-Q1`, `2023-H1`, `2023-9M`, `2023`) as each language
 * names it: "Tháng 1/2023", "Quý I/2023", "6 tháng đầu năm 2023", "9 tháng 2023", "Năm 2023";
 * "January 2023", "2023 Q1", "2023 H1", "2023 nine months", "2023". Other text is returned as given.
 *
 * @example formatPeriod('2023-Q1', 'vi') // 'Quý I/2023'
 * @example formatPeriod('2023-H1', 'vi') // '6 tháng đầu năm 2023'
 * @example formatPeriod('2023-9M', 'vi') // '9 tháng 2023'
 * @example formatPeriod('2023-01', 'vi') // 'Tháng 1/2023'
 * @example formatPeriod('2023-Q1', 'en') // 'Q1 2023'
 */
export function formatPeriod(period: string, lang: Lang): string {
  const vi = lang === 'vi';
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return vi ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return vi ? (m[2] === '1' ? `6 tháng đầu năm ${m[1]}` : `6 tháng cuối năm ${m[1]}`) : m[2] === '1' ? `first half of ${m[1]}` : `second half of ${m[1]}`;
  m = /^(\d{4})-9M$/.exec(period);
  if (m) return vi ? `9 tháng ${m[1]}` : `first nine months of ${m[1]}`;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return vi ? `Tháng ${Number(m[2])}/${m[1]}` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})$/.exec(period);
  if (m) return vi ? `Năm ${m[1]}` : m[1]!;
  return period;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Items joined as each language lists them: `a, b và c` / `a, b and c`.
 *
 * @example formatList(['a', 'b', 'c'], 'vi') // 'a, b và c'
 */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${items[items.length - 1]}`;
}

/** The locale helpers bound to one language: what a catalogue text receives beside its parameters. */
export interface Locale {
  readonly lang: Lang;
  number(value: number, decimals?: number): string;
  quantity(value: number, unit: string | null | undefined, decimals?: number): string;
  date(date: string | Date): string;
  period(period: string): string;
  list(items: readonly string[]): string;
}

const LOCALES: Readonly<Record<Lang, Locale>> = {
  vi: bind('vi'),
  en: bind('en'),
};
function bind(lang: Lang): Locale {
  return Object.freeze({
    lang,
    number: (v: number, d?: number) => formatNumber(v, lang, d),
    quantity: (v: number, u: string | null | undefined, d?: number) => formatQuantity(v, u, lang, d),
    date: (d: string | Date) => formatDate(d, lang),
    period: (p: string) => formatPeriod(p, lang),
    list: (items: readonly string[]) => formatList(items, lang),
  });
}

/** The locale helpers of a language. */
export function localeOf(lang: Lang): Locale {
  return LOCALES[lang];
}
