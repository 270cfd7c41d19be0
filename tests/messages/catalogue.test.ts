/**
 * The catalogue: every code has a text in both languages, taking the same parameters, each in its
 * own language; the locale helpers write numbers, dates and periods as each language does.
 */
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  DOMAINS,
  formatDate,
  formatList,
  formatNumber,
  formatPeriod,
  formatQuantity,
  langOfLocale,
  localeOf,
  sayer,
  t,
  tryT,
  type Entry,
  type ParamKind,
  type ParamSpec,
} from '../../src/messages/index.js';
import { otherLanguage } from './language.js';

/** Neutral values for each kind: names and codes are tokens of neither language. */
const SAMPLE: Record<ParamKind, unknown> = {
  name: 'Zqx Wyv',
  code: 'ZQ-9.1',
  text: 'ZQTEXT',
  number: 1234.5,
  date: '2023-01-13',
  period: '2023-Q1',
  list: ['Zqx', 'Wyv'],
};

/** The parameters of an entry as neutral samples, and the names each rendering reads. */
function render(entry: Entry<ParamSpec>, lang: 'vi' | 'en'): { text: string; read: Set<string> } {
  const read = new Set<string>();
  const values = Object.fromEntries(Object.entries(entry.params).map(([k, kind]) => [k, SAMPLE[kind.replace('?', '') as ParamKind]]));
  const params = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key);
    },
  });
  const text = entry[lang];
  return { text: typeof text === 'string' ? text : text(params as never, localeOf(lang)), read };
}

const entries = Object.entries(CATALOGUE) as Array<[string, Entry<ParamSpec>]>;

describe('the catalogue', () => {
  it('has codes', () => expect(entries.length).toBeGreaterThan(50));

  it('has no code twice: each domain owns the codes with its prefix', () => {
    let total = 0;
    for (const [name, d] of Object.entries(DOMAINS)) {
      for (const code of Object.keys(d)) expect(code.startsWith(`${name}.`), code).toBe(true);
      total += Object.keys(d).length;
    }
    expect(Object.keys(CATALOGUE)).toHaveLength(total);
  });

  it.each(entries)('%s has a text in each language, taking the same parameters, in its own language', (code, entry) => {
    const vi = render(entry, 'vi');
    const en = render(entry, 'en');
    for (const r of [vi, en]) {
      expect(r.text.trim(), code).not.toBe('');
      expect(r.text, code).not.toMatch(/undefined|NaN|\[object |null/);
    }
    // Equal content: what one language says of the parameters, the other says too.
    expect([...vi.read].sort(), code).toEqual([...en.read].sort());
    for (const k of vi.read) expect(Object.keys(entry.params), `${code} reads ${k} without declaring it`).toContain(k);
    expect({ code, words: otherLanguage(vi.text, 'vi') }).toEqual({ code, words: [] });
    expect({ code, words: otherLanguage(en.text, 'en') }).toEqual({ code, words: [] });
  });

  it('t and sayer render a code in a language', () => {
    expect(t('report.summary', { met: 3, total: 1200, errors: 2 }, 'vi')).toBe('3/1.200 xã đạt chuẩn; 2 dòng lỗi');
    expect(t('report.summary', { met: 3, total: 1200, errors: 0 }, 'en')).toBe('3/1,200 communes meet the set');
    expect(sayer('vi')('status.commune.met')).toBe('Đạt chuẩn');
    expect(tryT('status.indicator.missing', {}, 'en')).toBe('missing data');
    expect(tryT('no.such.code', {}, 'en')).toBeUndefined();
  });

  it('the scan would catch a text in the other language', () => {
    expect(otherLanguage('15.3: expected a number', 'vi')).not.toEqual([]);
    expect(otherLanguage('15.3: cần một số', 'en')).not.toEqual([]);
    expect(otherLanguage('write "Đạt" in the cell', 'en')).toEqual([]);
  });
});

describe('locale helpers', () => {
  it('numbers: "." groups thousands and "," marks decimals in Vietnamese', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(92.8616, 'vi', 2)).toBe('92,86');
    expect(formatNumber(2231, 'vi')).toBe('2.231');
  });
  it('quantities: the decimals of their unit, the unit beside them', () => {
    expect(formatQuantity(92.8616, '%', 'vi')).toBe('92,86 %');
    expect(formatQuantity(92.8616, '%', 'en')).toBe('92.86%');
    expect(formatQuantity(12.4, 'hộ', 'vi')).toBe('12 hộ');
    expect(formatQuantity(3.456, 'km', 'en')).toBe('3.46 km');
    expect(formatQuantity(5, null, 'vi')).toBe('5');
  });
  it('dates: dd/mm/yyyy in Vietnamese, ISO in English', () => {
    expect(formatDate('2023-01-13', 'vi')).toBe('13/01/2023');
    expect(formatDate('2023-01-13', 'en')).toBe('2023-01-13');
    expect(formatDate(new Date(Date.UTC(2023, 11, 31)), 'vi')).toBe('31/12/2023');
    expect(formatDate('soon', 'vi')).toBe('soon');
  });
  it('periods as offices name them', () => {
    expect(['2023-Q1', '2023-Q4', '2023-H1', '2023-H2', '2023-9M', '2023-01', '2023-12', '2023'].map((p) => formatPeriod(p, 'vi'))).toEqual([
      'Quý I/2023',
      'Quý IV/2023',
      '6 tháng đầu năm 2023',
      '6 tháng cuối năm 2023',
      '9 tháng 2023',
      'Tháng 1/2023',
      'Tháng 12/2023',
      'Năm 2023',
    ]);
    expect(['2023-Q1', '2023-H1', '2023-9M', '2023-01', '2023'].map((p) => formatPeriod(p, 'en'))).toEqual(['Q1 2023', 'first half of 2023', 'first nine months of 2023', 'January 2023', '2023']);
    for (const p of ['2023-Q1', '2023-H1', '2023-9M', '2023-01']) expect(otherLanguage(formatPeriod(p, 'en'), 'en')).toEqual([]);
  });
  it('lists', () => {
    expect(formatList(['a', 'b', 'c'], 'vi')).toBe('a, b và c');
    expect(formatList(['a', 'b'], 'en')).toBe('a and b');
    expect(formatList(['a'], 'en')).toBe('a');
  });
  it('the language of a locale string', () => {
    expect(['vi_VN.UTF-8', 'vi', 'en_GB.UTF-8', 'C', '', undefined, 'fr_FR'].map(langOfLocale)).toEqual(['vi', 'vi', 'en', undefined, undefined, undefined, undefined]);
  });
});
