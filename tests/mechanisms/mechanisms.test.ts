import { describe, expect, it } from 'vitest';
import { resolveRequirement } from '../../src/requirement/index.js';
import type { LeafSpec } from '../../src/schema/requirement.js';
import {
  MECHANISMS,
  allCriteria,
  allOf,
  anyOf,
  count,
  countInRange,
  districtSatisfaction,
  factPredicate,
  incomeAgainstReference,
  meetsSet,
  noDebt,
  security,
  shareOfCount,
  shareOfUnits,
  shownShare,
  storedShare,
  surveySatisfaction,
  verdictOf,
} from '../../src/mechanisms/index.js';
import type { NtmIssue } from '../../src/errors.js';
import type { CommuneResult } from '../../src/schema/result.js';

const source = { decision: 'TEST', confidence: 'inferred' as const };
const req = (operator: '>=' | '<=' | '>' | '<' | '=', value: number, unit: string | null = '%') => resolveRequirement({ kind: 'compare', operator, value, source }, { region: null, year: 2023 }, unit);
const unknown = resolveRequirement({ kind: 'unknown' } as LeafSpec, { region: null, year: 2023 }, '%');
const units = (met: string[], notMet: string[] = [], undetermined: string[] = [], notAssessed: string[] = []) => ({ met, notMet, undetermined, notAssessed });

describe('share of units', () => {
  it('met: 1 of 8 communes advanced is 12.5 % ≥ 10 %, even with 7 open', () => {
    const o = shareOfUnits.evaluate({ requirement: req('>=', 10), units: units(['a'], [], ['b'], ['c', 'd', 'e', 'f', 'g', 'h']), total: 8, subject: 'D2' });
    expect(o).toMatchObject({ status: 'met', value: 12.5, exact: 12.5, shown: 12.5, numerator: 1, denominator: 8, open: 7, shortfall: 0, why: [] });
  });
  it('not met: 7 of 8 against 100 % fails whatever the open ones do', () => {
    const o = shareOfUnits.evaluate({ requirement: req('>=', 100), units: units(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['h']), total: 8, subject: 'D1' });
    expect(o).toMatchObject({ status: 'not-met', value: 87.5, shortfall: 12.5, why: [] });
  });
  it('undetermined: the open units could tip it — the undetermined and the not assessed are named', () => {
    const o = shareOfUnits.evaluate({ requirement: req('>=', 100), units: units(['a'], [], ['b'], ['c']), total: 3, subject: 'D1' });
    expect(o.status).toBe('undetermined');
    expect(o.why).toEqual([
      { code: 'undetermined-results', items: ['b'] },
      { code: 'not-assessed', items: ['c'] },
    ]);
  });
  it('undetermined: units counted but not listed are open too, said of the share itself', () => {
    const o = shareOfUnits.evaluate({ requirement: req('>=', 10), units: units([], ['a']), total: 20, unlisted: 19, subject: 'P2' });
    expect(o).toMatchObject({ status: 'undetermined', open: 19, why: [{ code: 'not-assessed', items: ['P2'] }] });
  });
  it('undetermined: the share required is unknown', () => {
    expect(shareOfUnits.evaluate({ requirement: unknown, units: units(['a']), total: 1, subject: 'D3' }).why).toEqual([{ code: 'threshold-unknown', items: ['D3'] }]);
  });
  it('one rounding rule: stored to 4 decimals, printed to 1 decimal cut toward not meeting', () => {
    expect(storedShare(100 / 3)).toBe(33.3333);
    expect(shownShare(900 / 103, req('>=', 10))).toBe(8.7);
    // 8.96 % does not reach 9 %, so it never prints as 9.0 %.
    expect(shownShare(8.96, req('>=', 9))).toBe(8.9);
    // Under a ceiling the cut goes up: 26.56 % is above 26.5 % and prints so.
    expect(shownShare(26.56, req('<=', 26.5))).toBe(26.6);
    expect(shownShare(12.5, req('>=', 10))).toBe(12.5);
  });
});

describe('count and figure', () => {
  it('met, not met, missing, threshold unknown', () => {
    expect(count.evaluate({ requirement: req('>=', 1, null), value: 1, subject: 'M3' })).toMatchObject({ status: 'met', value: 1, shortfall: 0, why: [] });
    expect(count.evaluate({ requirement: req('>=', 1, null), value: 0, subject: 'M4' })).toMatchObject({ status: 'not-met', value: 0, shortfall: 1, why: [] });
    expect(count.evaluate({ requirement: req('>=', 1, null), value: undefined, subject: 'M4' })).toMatchObject({ status: 'undetermined', value: null, why: [{ code: 'missing-data', items: ['M4'] }] });
    expect(count.evaluate({ requirement: unknown, value: 2, subject: 'M4' })).toMatchObject({ status: 'undetermined', value: 2, why: [{ code: 'threshold-unknown', items: ['M4'] }] });
  });
});

describe('share of a count (the criterion contents of one ward)', () => {
  it('met: 14 of 19 contents is 73.68… % ≥ 70 %, printed 73.6 (cut toward failing)', () => {
    const o = shareOfCount.evaluate({ requirement: req('>=', 70), met: 14, total: 19, subject: 'P3' });
    expect(o).toMatchObject({ status: 'met', ok: true, value: 73.6842, shown: 73.6, shortfall: 0, why: [] });
  });
  it('not met: 13 of 19 is 68.42 % < 70 %, with its shortfall in points', () => {
    const o = shareOfCount.evaluate({ requirement: req('>=', 70), met: 13, total: 19, subject: 'P3' });
    expect(o).toMatchObject({ status: 'not-met', ok: false, value: 68.4211, shown: 68.4, why: [] });
    expect(o.shortfall).toBeCloseTo(1.5789, 4);
  });
  it('exact at the threshold: 7 of 10 is 70 % and meets ≥ 70 %', () => {
    expect(shareOfCount.evaluate({ requirement: req('>=', 70), met: 7, total: 10, subject: 'P3' }).status).toBe('met');
  });
  it('undetermined: a threshold the rules do not know, about the condition', () => {
    const o = shareOfCount.evaluate({ requirement: unknown, met: 13, total: 19, subject: 'P3' });
    expect(o).toMatchObject({ status: 'undetermined', ok: null, value: 68.4211, why: [{ code: 'threshold-unknown', items: ['P3'] }] });
  });
});

describe('count in a range (undecided units)', () => {
  const why = [{ code: 'missing' as const, items: ['17.1'] }];
  it('met when the lowest reaches it, not met when the highest falls short, else undetermined with the reasons given', () => {
    expect(countInRange.evaluate({ min: 15, max: 17, atLeast: 15, why })).toMatchObject({ status: 'met', value: { min: 15, max: 17 }, why: [] });
    expect(countInRange.evaluate({ min: 12, max: 14, atLeast: 15, why })).toMatchObject({ status: 'not-met', why: [] });
    expect(countInRange.evaluate({ min: 12, max: 16, atLeast: 15, why })).toMatchObject({ status: 'undetermined', why });
  });
});

describe('any of / all of (the branches of a rule, the parts of a branch)', () => {
  const met = { status: 'met' as const, why: [] };
  const notMet = { status: 'not-met' as const, why: [] };
  const none = { status: 'not-applicable' as const, why: [] };
  const open17 = { status: 'undetermined' as const, why: [{ code: 'undetermined-results' as const, items: ['17'] }] };
  const open19 = { status: 'undetermined' as const, why: [{ code: 'undetermined-results' as const, items: ['19'] }, { code: 'missing' as const, items: ['communesRevoked'] }] };

  it('any of: met as soon as one branch is met, even with others open', () => {
    expect(anyOf.evaluate({ outcomes: [notMet, open17, met] })).toEqual({ status: 'met', value: null, requirement: null, why: [] });
  });
  it('any of: not met when every branch is not met; a not-applicable branch does not count', () => {
    expect(anyOf.evaluate({ outcomes: [notMet, notMet, none] })).toMatchObject({ status: 'not-met', why: [] });
    expect(anyOf.evaluate({ outcomes: [] }).status).toBe('not-met');
  });
  it('any of: undetermined otherwise, with the reasons of the open branches only, merged', () => {
    expect(anyOf.evaluate({ outcomes: [notMet, open17, open19] })).toMatchObject({
      status: 'undetermined',
      why: [{ code: 'missing', items: ['communesRevoked'] }, { code: 'undetermined-results', items: ['17', '19'] }],
    });
  });
  it('all of: not met as soon as one part fails, even with others open', () => {
    expect(allOf.evaluate({ outcomes: [met, open17, notMet] })).toMatchObject({ status: 'not-met', why: [] });
  });
  it('all of: met when every part is met (not-applicable parts left out)', () => {
    expect(allOf.evaluate({ outcomes: [met, none, met] })).toMatchObject({ status: 'met', why: [] });
  });
  it('all of: undetermined otherwise, with the open parts\' reasons', () => {
    expect(allOf.evaluate({ outcomes: [met, open17] })).toMatchObject({ status: 'undetermined', why: [{ code: 'undetermined-results', items: ['17'] }] });
  });
});

/** A result with the criteria given as [number, status, extra]. */
function result(rows: Array<[string, 'met' | 'not-met' | 'undetermined', Record<string, unknown>?]>): CommuneResult {
  const criteria = rows.map(([number, status, extra]) => ({ number, status, verdict: null, ...(extra ?? {}) }));
  const met = criteria.filter((c) => c.status === 'met').length;
  const undetermined = criteria.filter((c) => c.status === 'undetermined').length;
  const status = criteria.some((c) => c.status === 'not-met') ? 'not-met' : undetermined > 0 ? 'undetermined' : 'met';
  return { status, criteriaMet: met, criteriaUndetermined: undetermined, criteria } as unknown as CommuneResult;
}

describe('all criteria', () => {
  it('met: every criterion met', () => {
    expect(allCriteria.evaluate(result([['1', 'met'], ['2', 'met']]))).toMatchObject({ status: 'met', value: 2, total: 2, why: [] });
  });
  it('not met: "cơ bản đạt" does not count as met, and is counted apart', () => {
    const o = allCriteria.evaluate(result([['1', 'met'], ['2', 'not-met', { verdict: 'basically-met' }]]));
    expect(o).toMatchObject({ status: 'not-met', value: 1, notMet: ['2'], basicallyMet: ['2'], why: [] });
  });
  it('undetermined: each undecided criterion with why, by criterion number', () => {
    const o = allCriteria.evaluate(
      result([
        ['1', 'met'],
        ['13', 'undetermined', { undeterminedBecause: { missing: [], thresholdUnknown: [], indicatorListIncomplete: true } }],
        ['17', 'undetermined', { undeterminedBecause: { missing: ['17.1'], thresholdUnknown: ['17.2'], indicatorListIncomplete: false } }],
      ]),
    );
    expect(o.status).toBe('undetermined');
    expect(o.why).toEqual([
      { code: 'missing', items: ['17'] },
      { code: 'threshold-unknown', items: ['17'] },
      { code: 'indicator-list-incomplete', items: ['13'] },
    ]);
  });
});

describe('meets a set', () => {
  it("the unit's result under the other set decides; without one it is missing", () => {
    expect(meetsSet.evaluate({ result: { setId: 'x/advanced/2022', status: 'met' }, subject: 'M1' })).toMatchObject({ status: 'met', setId: 'x/advanced/2022', why: [] });
    expect(meetsSet.evaluate({ result: { setId: 'x/advanced/2022', status: 'not-met' }, subject: 'M1' }).status).toBe('not-met');
    expect(meetsSet.evaluate({ result: undefined, subject: 'M1' })).toMatchObject({ status: 'undetermined', why: [{ code: 'missing-data', items: ['M1'] }] });
    const open = meetsSet.evaluate({ result: { setId: 'x/advanced/2022', status: 'undetermined', why: [{ code: 'missing', items: ['15.3'] }] }, subject: 'M1' });
    expect(open.why).toEqual([{ code: 'missing', items: ['15.3'] }, { code: 'undetermined-results', items: ['M1'] }]);
  });
});

describe('income against a reference', () => {
  const ref = (v: number) => req('=', v, 'triệu đồng');
  it('met at 110 % of the reference, not met below, undetermined without income or reference', () => {
    expect(incomeAgainstReference.evaluate({ requirement: req('>=', 110), reference: ref(60), income: 66, subject: 'M2' })).toMatchObject({ status: 'met', value: 110, referenceValue: 60 });
    expect(incomeAgainstReference.evaluate({ requirement: req('>=', 110), reference: ref(60), income: 65.9, subject: 'M2' })).toMatchObject({ status: 'not-met', value: 109.8333 });
    expect(incomeAgainstReference.evaluate({ requirement: req('>=', 110), reference: ref(60), income: undefined, subject: 'M2' }).why).toEqual([{ code: 'missing-data', items: ['M2'] }]);
    expect(incomeAgainstReference.evaluate({ requirement: req('>=', 110), reference: unknown, income: 66, subject: 'M2' }).why).toEqual([{ code: 'threshold-unknown', items: ['M2'] }]);
  });
});

describe('satisfaction', () => {
  const base = { requirement: req('>=', 90), perItemRequirement: req('>=', 80), communeIds: ['a', 'b'], subject: 'D4' };
  it('district: met when the district and every commune item reach their levels', () => {
    expect(districtSatisfaction.evaluate({ ...base, district: 91, items: { a: { x: 85 }, b: { x: 80 } } })).toMatchObject({ status: 'met', value: 91, lowest: 80, why: [] });
  });
  it('district: not met as soon as one commune item is below, named', () => {
    expect(districtSatisfaction.evaluate({ ...base, district: 95, items: { a: { x: 85 }, b: { x: 70 } } })).toMatchObject({ status: 'not-met', below: [{ communeId: 'b', item: 'x', value: 70 }] });
  });
  it('district: undetermined without the district figure or a commune survey', () => {
    expect(districtSatisfaction.evaluate({ ...base, district: undefined, items: { a: { x: 85 } } }).why).toEqual([{ code: 'missing-data', items: ['D4', 'b'] }]);
  });
  it("commune: the survey's verdict decides; else the share, unknown level leaves it open", () => {
    expect(surveySatisfaction.evaluate({ requirement: unknown, share: 70, verdict: 'met', subject: 'R2' })).toMatchObject({ status: 'met', basis: 'verdict' });
    expect(surveySatisfaction.evaluate({ requirement: unknown, share: 87.5, verdict: null, subject: 'R2' })).toMatchObject({ status: 'undetermined', why: [{ code: 'threshold-unknown', items: ['R2'] }] });
    expect(surveySatisfaction.evaluate({ requirement: req('>=', 90), share: 87.5, verdict: null, subject: 'R2' }).status).toBe('not-met');
    expect(surveySatisfaction.evaluate({ requirement: req('>=', 90), share: null, verdict: null, subject: 'R2' }).why).toEqual([{ code: 'missing', items: ['R2'] }]);
  });
});

describe('debt and security', () => {
  it('no construction debt: 0 or false is met, an amount or true is not, absent is missing', () => {
    expect(noDebt.evaluate({ debt: 0, subject: 'R3' }).status).toBe('met');
    expect(noDebt.evaluate({ debt: false, subject: 'R3' }).status).toBe('met');
    expect(noDebt.evaluate({ debt: 1.5, subject: 'R3' })).toMatchObject({ status: 'not-met', value: 1.5 });
    expect(noDebt.evaluate({ debt: undefined, subject: 'R3' }).why).toEqual([{ code: 'missing', items: ['R3'] }]);
  });
  it('security: an assessment that answers the question asked decides; the other question leaves it open', () => {
    expect(security.evaluate({ assessment: 'not-complex', asks: 'not-complex', subject: 'R4' }).status).toBe('met');
    expect(security.evaluate({ assessment: 'complex', asks: 'not-complex', subject: 'R4' }).status).toBe('not-met');
    expect(security.evaluate({ assessment: 'not-safe', asks: 'safe', subject: 'R4' }).status).toBe('not-met');
    expect(security.evaluate({ assessment: 'not-complex', asks: 'safe', subject: 'R4' })).toMatchObject({ status: 'undetermined', answers: false, why: [{ code: 'missing', items: ['R4'] }] });
    expect(security.evaluate({ assessment: undefined, asks: 'safe', subject: 'R4' }).why).toEqual([{ code: 'missing', items: ['R4'] }]);
  });
});

describe('fact predicates (commune groups)', () => {
  const g1 = { any: [{ fact: 'adjacentToUrbanArea', is: true }, { fact: 'agricultureShare', operator: '<' as const, value: 10 }] };
  it('holds, fails, or is open with the facts it needs', () => {
    expect(factPredicate.evaluate({ predicate: g1, facts: { adjacentToUrbanArea: false, agricultureShare: 8 } })).toMatchObject({ status: 'met', value: true });
    expect(factPredicate.evaluate({ predicate: g1, facts: { adjacentToUrbanArea: false, agricultureShare: 10 } })).toMatchObject({ status: 'not-met', value: false });
    const open = factPredicate.evaluate({ predicate: g1, facts: { adjacentToUrbanArea: false } });
    expect(open).toMatchObject({ status: 'undetermined', missing: ['agricultureShare'], why: [{ code: 'missing', items: ['agricultureShare'] }] });
    // One true part decides `any` whatever the unknown ones.
    expect(factPredicate.evaluate({ predicate: g1, facts: { adjacentToUrbanArea: true } }).status).toBe('met');
    expect(factPredicate.evaluate({ predicate: { fact: 'area', in: ['II', 'III'] }, facts: { area: 'III' } }).status).toBe('met');
  });
  it('compares with the one operator table: the boundary of < and <= as thresholds have it', () => {
    expect(factPredicate.evaluate({ predicate: { fact: 'x', operator: '<=', value: 10 }, facts: { x: 10 } }).status).toBe('met');
    expect(factPredicate.evaluate({ predicate: { fact: 'x', operator: '<', value: 10 }, facts: { x: 10 } }).status).toBe('not-met');
  });
});

describe('verdicts', () => {
  it('reads verdict words and yes/no; "cơ bản đạt" is not met; a non-verdict is an issue at its path', () => {
    const issues: NtmIssue[] = [];
    expect(verdictOf('Đạt', ['c'], issues)).toBe('met');
    expect(verdictOf('Cơ bản đạt', ['c'], issues)).toBe('not-met');
    expect(verdictOf(false, ['c'], issues)).toBe('not-met');
    expect(verdictOf(undefined, ['c'], issues)).toBeNull();
    expect(verdictOf('maybe', ['conditions', 'D3'], issues)).toBeNull();
    expect(issues).toEqual([{ code: 'invalid-verdict', path: ['conditions', 'D3'], message: 'expected Đạt / Không đạt (met / not-met), got "maybe"' }]);
  });
  it('every mechanism is listed by its kind, names itself and says what it decides', () => {
    expect(Object.values(MECHANISMS)).toEqual(expect.arrayContaining([shareOfUnits, count, countInRange, allCriteria, meetsSet, incomeAgainstReference, districtSatisfaction, surveySatisfaction, noDebt, security, factPredicate, anyOf, allOf, shareOfCount]));
    for (const [kind, m] of Object.entries(MECHANISMS)) {
      expect(m.kind).toBe(kind);
      expect(m.summary.length).toBeGreaterThan(10);
      expect(Object.isFrozen(m)).toBe(true);
    }
  });
});
