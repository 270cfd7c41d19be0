import { describe, expect, it } from 'vitest';
import { NtmError, parseDecimal, parseVerdict } from '../../src/index.js';
import { evaluateCommune, evaluateCommuneSync } from './untyped.js';
import { SET_1037, indicatorOf } from './helpers.js';

/** The NtmError thrown for `input` (fails the test if nothing is thrown). */
function errorFor(input: unknown): NtmError {
  try {
    evaluateCommuneSync(SET_1037, input);
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected an NtmError');
}
const base = { communeId: 'c', year: 2023 };

describe('bad input gets a typed error with its path', () => {
  it('unknown indicator code', () => {
    const e = errorFor({ ...base, indicators: { '15.9': 3 } });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([expect.objectContaining({ code: 'unknown-indicator', path: ['indicators', '15.9'] })]);
  });

  it('unknown criterion number and bad verdict words', () => {
    const e = errorFor({ ...base, criteria: { '20': 'Đạt', '3': 'maybe' }, indicators: { '15.1': { verdict: 'perhaps' } } });
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-verdict', ['indicators', '15.1', 'verdict']],
      ['invalid-verdict', ['criteria', '3']],
      ['unknown-criterion', ['criteria', '20']],
    ]);
  });

  it('text where a number is expected', () => {
    const e = errorFor({ ...base, indicators: { '15.3': 'ba mươi' } });
    expect(e.issues).toEqual([expect.objectContaining({ code: 'not-a-number', path: ['indicators', '15.3'] })]);
  });

  it('accepts "93,5" and "93.5" as 93.5 for numeric measures only', async () => {
    const r = await evaluateCommune(SET_1037, { ...base, indicators: { '3.1': '93,5', '15.3': ' 20.5 % ' } });
    expect(indicatorOf(r, '3.1').value).toBe(93.5);
    expect(indicatorOf(r, '15.3').value).toBe(20.5);
    const e = errorFor({ ...base, indicators: { '3.2': '93,5' } });
    expect(e.issues).toEqual([expect.objectContaining({ code: 'wrong-type', path: ['indicators', '3.2'] })]);
  });

  it('percentages outside 0–100', () => {
    const e = errorFor({ ...base, indicators: { '3.1': 101, '15.3': { value: -1 } } });
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['out-of-range', ['indicators', '3.1']],
      ['out-of-range', ['indicators', '15.3', 'value']],
    ]);
  });

  it('NaN and Infinity, as numbers or text', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'NaN', 'Infinity', '1e999']) {
      const e = errorFor({ ...base, indicators: { '3.1': bad } });
      expect(e.code, String(bad)).toBe('INVALID_INPUT');
      expect(e.issues[0]!.path, String(bad)).toEqual(['indicators', '3.1']);
    }
  });

  it('a boolean where a number is expected, and a number where Đạt/Không đạt is expected', () => {
    expect(errorFor({ ...base, indicators: { '3.1': true } }).issues[0]).toMatchObject({ code: 'wrong-type' });
    expect(errorFor({ ...base, indicators: { '18.4': 1 } }).issues[0]).toMatchObject({ code: 'wrong-type' });
  });

  it('a year before the set took effect', () => {
    const e = errorFor({ ...base, year: 2021 });
    expect(e.code).toBe('YEAR_OUT_OF_RANGE');
    expect(e.issues[0]).toMatchObject({ path: ['year'] });
    expect(e.message).toContain('2022-06-22');
  });

  it('structural problems: missing communeId, wrong types, unknown keys, unknown class', () => {
    expect(errorFor({ year: 2023 }).issues[0]!.path).toEqual(['communeId']);
    expect(errorFor({ ...base, year: '2023' }).issues[0]!.path).toEqual(['year']);
    expect(errorFor({ ...base, indicatorz: {} }).issues[0]).toMatchObject({ code: 'unrecognized_keys' });
    expect(errorFor({ ...base, classes: ['nope'] }).issues[0]).toMatchObject({ code: 'unknown-class', path: ['classes', 0] });
  });

  it('reports every problem of an input at once', () => {
    const e = errorFor({ ...base, indicators: { '3.1': 120, '15.3': 'x y', '99.1': 1 } });
    expect(e.issues).toHaveLength(3);
    expect(e.message).toContain('$.indicators["3.1"]');
  });
});

describe('parseDecimal and parseVerdict', () => {
  it('reads decimal commas and points, Vietnamese thousands before a decimal comma, refuses junk', () => {
    expect(parseDecimal('93,5')).toBe(93.5);
    expect(parseDecimal('93.5')).toBe(93.5);
    expect(parseDecimal('-2')).toBe(-2);
    // Both separators: Vietnamese thousands and decimals (see parseCount for counts).
    expect(parseDecimal('1.000,5')).toBe(1000.5);
    expect(parseDecimal('12abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('95 %')).toBeNull();
    expect(parseDecimal('95 %', { allowPercentSign: true })).toBe(95);
  });
  it('reads office verdict words, ignoring case and accents', () => {
    expect(['Đạt', 'ĐẠT', 'dat', 'x', 'met'].map(parseVerdict)).toEqual(Array(5).fill('met'));
    expect(['Không đạt', 'KHONG DAT', 'Chưa đạt', 'not-met'].map(parseVerdict)).toEqual(Array(4).fill('not-met'));
    expect(['N/A', 'n/a', 'Không áp dụng', 'not-applicable'].map(parseVerdict)).toEqual(Array(4).fill('not-applicable'));
    expect(parseVerdict('đạt yêu cầu')).toBeNull();
  });
});
