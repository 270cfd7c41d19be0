import { describe, expect, it } from 'vitest';
import {
  compareRequirement,
  compareStrictness,
  resolveRequirement,
  shortfall,
  type Requirement,
  type RequirementSpec,
} from '../../src/index.js';
import { formatQuantity } from '../../src/requirement/format.js';

const src = { decision: 'TEST', confidence: 'verified' } as const;
const req = (operator: '>=' | '<=' | '>' | '<' | '=', value: number, unit: string | null = '%'): Requirement =>
  resolveRequirement({ kind: 'compare', operator, value, source: src }, { region: 'TN', year: 2023 }, unit);

describe('formatting', () => {
  it('writes Vietnamese decimal commas and a spaced percent sign, English points', () => {
    expect(formatQuantity(26.5, '%', 'vi')).toBe('26,5 %');
    expect(formatQuantity(26.5, '%', 'en')).toBe('26.5%');
    expect(formatQuantity(41000000, 'đồng', 'vi')).toBe('41.000.000 đồng');
    expect(formatQuantity(41000000, 'VND', 'en')).toBe('41,000,000 VND');
    expect(req('>=', 95).textVi).toBe('≥ 95 %');
    expect(req('<', 3, null).textEn).toBe('< 3');
  });
});

describe('compareRequirement and shortfall', () => {
  it.each([
    ['>=', 80, 80, true, 0],
    ['>=', 80, 79.9, false, 0.1],
    ['<=', 26.5, 26.5, true, 0],
    ['<=', 26.5, 26.6, false, 0.1],
    ['>', 10, 10, false, 0],
    ['>', 10, 10.5, true, 0],
    ['<', 5, 5, false, 0],
    ['<', 5, 7, false, 2],
    ['=', 1, 1, true, 0],
    ['=', 1, 3, false, 2],
  ] as const)('%s %d with value %d → %s, shortfall %d', (op, t, v, met, gap) => {
    const r = req(op, t);
    expect(compareRequirement(r, v)).toBe(met);
    expect(shortfall(r, v)).toBe(gap);
  });

  it('answers null, never false, when the threshold is unknown or the type does not fit', () => {
    const unknown = resolveRequirement({ kind: 'unknown' }, { region: 'TN', year: 2023 }, '%');
    expect(compareRequirement(unknown, 50)).toBeNull();
    expect(shortfall(unknown, 50)).toBeNull();
    expect(compareRequirement(req('>=', 80), true)).toBeNull();
    const isMet = resolveRequirement({ kind: 'is-met', source: src }, { region: 'TN', year: 2023 }, null);
    expect(compareRequirement(isMet, true)).toBe(true);
    expect(compareRequirement(isMet, false)).toBe(false);
    expect(compareRequirement(isMet, 1)).toBeNull();
  });
});

describe('resolveRequirement', () => {
  const byYear: RequirementSpec = {
    kind: 'by',
    dimension: 'date',
    cases: {
      '2022-01-01': { kind: 'by', dimension: 'region', cases: { TN: { kind: 'compare', operator: '>=', value: 10, source: src } } },
      '2024-01-01': { kind: 'compare', operator: '>=', value: 20, source: src },
    },
  };
  it('picks the latest date case not after the date, then the region column', () => {
    expect(resolveRequirement(byYear, { region: 'TN', year: 2023 }, null)).toMatchObject({ value: 10, region: 'TN' });
    expect(resolveRequirement(byYear, { region: 'TN', year: 2025 }, null)).toMatchObject({ value: 20, region: null });
    expect(resolveRequirement(byYear, { region: 'DBSH', year: 2023 }, null)).toMatchObject({ kind: 'unknown', region: 'DBSH' });
    expect(resolveRequirement(byYear, { region: 'TN', year: 2021 }, null).kind).toBe('unknown');
  });
  it('uses `otherwise` for unlisted regions', () => {
    const spec: RequirementSpec = { kind: 'by', dimension: 'region', cases: { TN: { kind: 'compare', operator: '<=', value: 1, source: src } }, otherwise: { kind: 'compare', operator: '<=', value: 2, source: src } };
    expect(resolveRequirement(spec, { region: 'DNB', year: 2023 }, null)).toMatchObject({ value: 2 });
  });
});

describe('compareStrictness', () => {
  it('orders thresholds of the same direction', () => {
    expect(compareStrictness(req('<=', 31.4), req('<=', 26.5))).toBe('stricter');
    expect(compareStrictness(req('>=', 90), req('>=', 85))).toBe('looser');
    expect(compareStrictness(req('>=', 90), req('>', 90))).toBe('stricter');
    expect(compareStrictness(req('>=', 90), req('>=', 90))).toBe('same');
    expect(compareStrictness(req('>=', 90), req('<=', 90))).toBe('incomparable');
  });
});
