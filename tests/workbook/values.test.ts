import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPercentFormat, parseNumber, parseOperator, readThreshold } from '../../src/workbook/values.js';
import { formatNumber } from '../../src/requirement/format.js';

describe('readThreshold — cells as people fill them', () => {
  it.each([
    [{ value: 95 }, { kind: 'compare', operator: null, value: 95 }],
    [{ value: '95,5' }, { kind: 'compare', operator: null, value: 95.5 }],
    [{ value: '≥ 95 %' }, { kind: 'compare', operator: '>=', value: 95 }],
    [{ value: '>=95%' }, { kind: 'compare', operator: '>=', value: 95 }],
    [{ value: '≤ 26,5' }, { kind: 'compare', operator: '<=', value: 26.5 }],
    [{ value: '45.000.000' }, { kind: 'compare', operator: null, value: 45000000 }],
    [{ value: 0.95, numFmt: '0%' }, { kind: 'compare', operator: null, value: 95 }],
    [{ value: 0.955, numFmt: '0.0%' }, { kind: 'compare', operator: null, value: 95.5 }],
    [{ value: 0.95, numFmt: '"%"0.00' }, { kind: 'compare', operator: null, value: 0.95 }],
    [{ value: 'Đạt' }, { kind: 'is-met' }],
    [{ value: 'ĐẠT' }, { kind: 'is-met' }],
    [{ value: true }, { kind: 'is-met' }],
    [{ value: null }, { kind: 'blank' }],
    [{ value: '   ' }, { kind: 'blank' }],
    [{ value: '?' }, { kind: 'unknown' }],
  ] as const)('%j → %j', (cell, expected) => {
    expect(readThreshold(cell as never)).toEqual(expected);
  });

  it('refuses what is not a threshold, and dates Excel made of numbers', () => {
    expect(readThreshold({ value: 'khoảng 95' })).toMatchObject({ kind: 'problem', code: 'not-a-value' });
    expect(readThreshold({ value: '95,,5' })).toMatchObject({ kind: 'problem', code: 'not-a-value' });
    expect(readThreshold({ value: new Date('2024-03-01') })).toMatchObject({ kind: 'problem', code: 'date-value' });
    expect(readThreshold({ value: 45352, numFmt: 'dd/mm/yyyy' })).toMatchObject({ kind: 'problem', code: 'date-value' });
    expect(readThreshold({ value: 95, numFmt: '[Red]0.0' })).toMatchObject({ kind: 'compare', value: 95 });
  });

  it('reads every number back as Vietnamese and English write it (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => (Math.round(n * 1000) / 1000) || 0), (n) => {
        expect(parseNumber(formatNumber(n, 'vi').replace(/\u2212/, '-'))).toBe(n);
        expect(parseNumber(String(n))).toBe(n);
      }),
    );
  });

  it('knows operators and percent formats', () => {
    expect(['≥', '>=', '=>', '≤', '<=', '>', '<', '='].map(parseOperator)).toEqual(['>=', '>=', '>=', '<=', '<=', '>', '<', '=']);
    expect(parseOperator('ít nhất')).toBeNull();
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0.00')).toBe(false);
    expect(isPercentFormat('0 "%"')).toBe(false);
  });
});
