import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { criterionResult, evaluateCommuneSync, indicatorResult, NtmError, parseCommuneInput } from '../../src/index.js';
import { evaluateCommuneSync as evaluateAnything } from './untyped.js';
import { SET_1037 } from './helpers.js';

/** The NtmError `f` throws (fails the test when it throws nothing else). */
function thrown(f: () => unknown): NtmError {
  try {
    f();
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected an NtmError');
}

describe('parseCommuneInput', () => {
  it('returns a well-formed input, which evaluates as the raw data does', () => {
    const raw: unknown = JSON.parse('{"communeId":"dak-mol","year":2023,"indicators":{"15.3":"24,9","17.10":"Không đạt"},"criteria":{"10":"Chưa đạt"}}');
    const input = parseCommuneInput(raw);
    expect(input).toEqual(raw);
    expect(evaluateCommuneSync(SET_1037, input)).toEqual(evaluateAnything(SET_1037, raw));
  });

  it('throws INVALID_INPUT with the issues the evaluation reports, at their paths', () => {
    for (const raw of [{ comuneId: 'x', year: 2023 }, { communeId: 'x', yaer: 2023 }, { communeId: 'x', year: '2023' }, { communeId: 'x', year: 2023, indicators: { '15.3': [1] } }, null, 'x']) {
      const parsing = thrown(() => parseCommuneInput(raw));
      expect(parsing.code).toBe('INVALID_INPUT');
      expect(parsing.issues.length).toBeGreaterThan(0);
      const evaluating = thrown(() => evaluateAnything(SET_1037, raw));
      expect(evaluating.code).toBe('INVALID_INPUT');
      expect(parsing.issues).toEqual(evaluating.issues);
    }
    expect(thrown(() => parseCommuneInput({ communeId: 'x', yaer: 2023 })).issues.map((i) => i.path)).toEqual(expect.arrayContaining([['year']]));
  });

  it('refuses exactly where the evaluation refuses the shape of the input (property)', () => {
    const value = fc.oneof(fc.double(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    const raw = fc.record(
      { communeId: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), year: fc.oneof(fc.integer({ min: 2022, max: 2024 }), fc.integer({ min: 1980, max: 2110 }), fc.string({ maxLength: 4 })), indicators: fc.dictionary(fc.constantFrom('15.3', '17.10'), value) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(raw, (r) => {
        let parsing: NtmError | null = null;
        try {
          parseCommuneInput(r);
        } catch (e) {
          parsing = e as NtmError;
        }
        let evaluating: NtmError | null = null;
        try {
          evaluateAnything(SET_1037, r);
        } catch (e) {
          evaluating = e as NtmError;
        }
        if (parsing) {
          // What the schema refuses, the evaluation refuses with the same issues.
          expect(parsing.code).toBe('INVALID_INPUT');
          expect(evaluating?.issues).toEqual(parsing.issues);
        } else if (evaluating) {
          // Beyond the shape, the evaluation checks the year and the values against the set.
          expect(['INVALID_INPUT', 'YEAR_OUT_OF_RANGE']).toContain(evaluating.code);
          expect(evaluating.issues.every((i) => i.path[0] === 'indicators' || i.path[0] === 'year')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('criterionResult and indicatorResult', () => {
  const r = evaluateCommuneSync(SET_1037, { communeId: 'dak-mol', year: 2023, indicators: { '15.3': '24,9', '17.10': 'Không đạt' } });

  it('find a criterion by number and an indicator by code', () => {
    expect(criterionResult(r, '15')).toBe(r.criteria.find((c) => c.number === '15'));
    expect(criterionResult(r, '15')?.nameEn).toMatch(/health/i);
    const stunting = indicatorResult(r, '15.3');
    expect(stunting).toBe(r.criteria[14]!.indicators[2]);
    expect(stunting).toMatchObject({ code: '15.3', status: 'met', requirement: { textVi: '≤ 26,5 %' } });
    expect(indicatorResult(r, '17.10')?.status).toBe('not-met');
    expect(indicatorResult(criterionResult(r, '17')!, '17.10')).toBe(indicatorResult(r, '17.10'));
  });

  it('give undefined for a number or code the set does not list', () => {
    expect(criterionResult(r, '20')).toBeUndefined();
    expect(indicatorResult(r, '1.1')).toBeUndefined();
    expect(indicatorResult(criterionResult(r, '15')!, '17.10')).toBeUndefined();
  });

  it('find every criterion and indicator of a result', () => {
    for (const c of r.criteria) {
      expect(criterionResult(r, c.number)).toBe(c);
      for (const i of c.indicators) expect(indicatorResult(r, i.code)).toBe(i);
    }
  });
});
