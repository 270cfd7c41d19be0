import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import { communeGroupOf, getGroupRules, NtmError, type CommuneGroupFacts, type CommuneGroupResult } from '../../src/index.js';

/** A commune that no group-1 rule and not the group-3 rule places: group 2 by the fallback. */
const RURAL: CommuneGroupFacts = { ethnicMinorityArea: 'outside', adjacentToUrbanArea: false, urbanOrientation: false, agricultureShare: 55, plannedNewUrbanArea: false };

describe('communeGroupOf — each rule of 51/2025/QĐ-TTg', () => {
  it('G3: Area II and Area III communes of the ethnic-minority and mountainous region are group 3', () => {
    for (const area of ['II', 'III'] as const) {
      const r = communeGroupOf({ facts: { ...RURAL, ethnicMinorityArea: area } });
      expect(r).toMatchObject({ group: 3, basis: 'derived', candidates: [3], rule: { id: 'G3' } });
      expect(r.rule!.source.decision).toBe('51/2025/QĐ-TTg');
      expect(r.textEn).toBe('group 3 by rule G3: Group 3: Area II and Area III communes of the ethnic-minority and mountainous region (51/2025/QĐ-TTg)');
    }
  });
  it('Area I, or outside the region, is not group 3', () => {
    expect(communeGroupOf({ facts: { ...RURAL, ethnicMinorityArea: 'I' } }).group).toBe(2);
    expect(communeGroupOf({ facts: RURAL }).group).toBe(2);
  });
  it('G1a: adjoining an urban area AND oriented to become urban — both are needed', () => {
    expect(communeGroupOf({ facts: { ...RURAL, adjacentToUrbanArea: true, urbanOrientation: true } })).toMatchObject({ group: 1, rule: { id: 'G1a' } });
    expect(communeGroupOf({ facts: { ...RURAL, adjacentToUrbanArea: true, urbanOrientation: false } }).group).toBe(2);
    expect(communeGroupOf({ facts: { ...RURAL, adjacentToUrbanArea: false, urbanOrientation: true } }).group).toBe(2);
  });
  it('G1b: agriculture below 10 % of the economy (10 % itself is not below)', () => {
    expect(communeGroupOf({ facts: { ...RURAL, agricultureShare: 9.9 } })).toMatchObject({ group: 1, rule: { id: 'G1b' } });
    expect(communeGroupOf({ facts: { ...RURAL, agricultureShare: 10 } }).group).toBe(2);
  });
  it('G1c: designated as a new urban area', () => {
    expect(communeGroupOf({ facts: { ...RURAL, plannedNewUrbanArea: true } })).toMatchObject({ group: 1, rule: { id: 'G1c' } });
  });
  it('G2: the rest, by the fallback rule with its source', () => {
    const r = communeGroupOf({ facts: RURAL });
    expect(r).toMatchObject({ group: 2, basis: 'derived', rule: { id: 'G2' } });
    expect(r.rules.map((o) => [o.id, o.holds])).toEqual([['G3', false], ['G1a', false], ['G1b', false], ['G1c', false]]);
  });
});

describe('communeGroupOf — unknown facts never give a default group', () => {
  it('no facts at all: undetermined, every group possible, each missing fact named', () => {
    const r = communeGroupOf({});
    expect(r).toMatchObject({ group: null, basis: 'undetermined', candidates: [1, 2, 3], rule: null });
    expect(r.undeterminedBecause![0]!.facts.sort()).toEqual(['adjacentToUrbanArea', 'agricultureShare', 'ethnicMinorityArea', 'plannedNewUrbanArea', 'urbanOrientation']);
  });
  it('area unknown, no group-1 rule holds: group 2 or 3', () => {
    const r = communeGroupOf({ facts: { ...RURAL, ethnicMinorityArea: null } });
    expect(r).toMatchObject({ group: null, candidates: [2, 3] });
    expect(r.undeterminedBecause).toEqual([{ code: 'missing-fact', facts: ['ethnicMinorityArea'], message: 'facts not known: ethnicMinorityArea' }]);
    expect(r.textVi).toBe('chưa xác định được nhóm xã (có thể là xã nhóm 2 hoặc xã nhóm 3): thiếu ethnicMinorityArea');
  });
  it('outside the region but agriculture share unknown: group 1 or 2', () => {
    expect(communeGroupOf({ facts: { ...RURAL, agricultureShare: undefined } }).candidates).toEqual([1, 2]);
  });
  it('one group-1 rule holding decides group 1 even when other group-1 facts are unknown', () => {
    const r = communeGroupOf({ facts: { ethnicMinorityArea: 'outside', agricultureShare: 4 } });
    expect(r).toMatchObject({ group: 1, rule: { id: 'G1b' } });
  });
  it('Area III with a group-1 fact unknown stays open (1 or 3): no source ranks the groups', () => {
    expect(communeGroupOf({ facts: { ...RURAL, ethnicMinorityArea: 'III', agricultureShare: null } })).toMatchObject({ group: null, candidates: [1, 3] });
  });
  it('group 1 and group 3 rules both holding: undetermined as an overlap', () => {
    const r = communeGroupOf({ facts: { ...RURAL, ethnicMinorityArea: 'II', agricultureShare: 5 } });
    expect(r).toMatchObject({ group: null, candidates: [1, 3] });
    expect(r.undeterminedBecause![0]!.code).toBe('overlap');
  });
});

describe('communeGroupOf — a given group wins', () => {
  it('given alone', () => {
    expect(communeGroupOf({ group: 2 })).toMatchObject({ group: 2, basis: 'given', candidates: [2], rule: null });
    expect(communeGroupOf({ group: 'Xã nhóm 3' }).group).toBe(3);
    expect(communeGroupOf({ group: 'group 1' }).group).toBe(1);
  });
  it('given over facts that derive another group: the given group stands, the conflict is flagged', () => {
    const r = communeGroupOf({ group: 2, facts: { ...RURAL, ethnicMinorityArea: 'III' } });
    expect(r).toMatchObject({ group: 2, basis: 'given', conflict: { given: 2, derived: 3 } });
    expect(r.textEn).toBe('group 2 (as given); the facts derive group 3 (G3)');
  });
  it('bad input: a clear error at the path', () => {
    const err = (f: () => unknown): NtmError => {
      try {
        f();
      } catch (e) {
        if (e instanceof NtmError) return e;
      }
      throw new Error('expected an NtmError');
    };
    expect(err(() => communeGroupOf({ group: 4 as never })).issues[0]).toMatchObject({ code: 'invalid-group', path: ['group'] });
    expect(err(() => communeGroupOf({ facts: { agricultureShare: 140 } })).issues[0]!.path).toEqual(['facts', 'agricultureShare']);
    expect(err(() => communeGroupOf({ facts: { ethnicMinorityArea: 'IV' as never } })).issues[0]!.path).toEqual(['facts', 'ethnicMinorityArea']);
  });
});

describe('the group rules are data', () => {
  it('every rule cites its source; the file is validated', () => {
    const rules = getGroupRules();
    expect(rules.legalBasis.number).toBe('51/2025/QĐ-TTg');
    expect([...rules.rules, rules.otherwise].every((r) => r.source.decision === '51/2025/QĐ-TTg' && r.source.url)).toBe(true);
    expect(() => getGroupRules({ ...rules, rules: [{ ...rules.rules[0]!, when: { fact: 'nope', is: true } }] })).toThrow(/unknown fact "nope"/);
    expect(() => getGroupRules('no/such/rules')).toThrow(NtmError);
  });
  it('a property: the derived group is always among the candidates, and decided ⇔ one candidate', () => {
    const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          ethnicMinorityArea: maybe(fc.constantFrom('I', 'II', 'III', 'outside') as fc.Arbitrary<'I' | 'II' | 'III' | 'outside'>),
          adjacentToUrbanArea: maybe(fc.boolean()),
          urbanOrientation: maybe(fc.boolean()),
          agricultureShare: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
          plannedNewUrbanArea: maybe(fc.boolean()),
        }),
        (facts) => {
          const r = communeGroupOf({ facts });
          if (r.group === null) expect(r.candidates.length).toBeGreaterThan(1);
          else expect(r.candidates).toEqual([r.group]);
          // Knowing more never contradicts a decided group.
          if (r.group !== null && facts.ethnicMinorityArea !== null) expect(r.rule).not.toBeNull();
        },
      ),
    );
  });
  it('types', () => {
    expectTypeOf(communeGroupOf).returns.toEqualTypeOf<CommuneGroupResult>();
    expectTypeOf<CommuneGroupResult['group']>().toEqualTypeOf<1 | 2 | 3 | null>();
  });
});

describe('withCommuneGroup: the derivation feeds the communeGroup dimension', async () => {
  const { withCommuneGroup, evaluateCommune, loadCriterionSet } = await import('../../src/index.js');
  const src = { decision: 'Test decision for this test only', confidence: 'verified' as const };
  // A test-only set whose one indicator varies by group (51/2025 gives no such value).
  const set = loadCriterionSet({
    id: 'test/commune-ntm/2026', kind: 'test/commune-ntm', level: 'commune', nameVi: 'Bộ thử', nameEn: 'Test set',
    legalBasis: { number: 'TEST', date: '2026-01-01', issuer: 'test' }, effectiveFrom: '2026-02-15',
    dimensions: { communeGroup: { kind: 'column', nameVi: 'Nhóm xã', nameEn: 'Commune group', columns: [{ key: '1' }, { key: '2' }, { key: '3' }], default: null }, date: { kind: 'date' } },
    counts: { criteria: 1, declaredIndicators: 1, encodedIndicators: 1, source: src },
    criteria: [{ number: '1', nameVi: 'Thử', nameEn: 'Test', indicatorList: 'complete', source: src, indicators: [{
      code: '1.1', nameVi: null, nameEn: 'Test share', measure: { type: 'percent', unit: '%' }, source: src,
      requirement: { kind: 'by', dimension: 'communeGroup', cases: { '1': { kind: 'compare', operator: '>=', value: 90, source: src }, '2': { kind: 'compare', operator: '>=', value: 80, source: src }, '3': { kind: 'compare', operator: '>=', value: 70, source: src } } },
    }] }],
  });
  const base = { communeId: 'x', year: 2026, indicators: { '1.1': 75 } };
  it('derived group 3 → the group-3 column decides (75 ≥ 70)', async () => {
    const { input, group } = withCommuneGroup(base, { facts: { ...RURAL, ethnicMinorityArea: 'III' } });
    expect(input.communeGroup).toBe('3');
    expect(group.rule!.id).toBe('G3');
    const r = await evaluateCommune(set, input);
    expect(r.dimensions).toMatchObject({ communeGroup: '3' });
    expect(r.criteria[0]!.indicators[0]!.status).toBe('met');
  });
  it('derived group 2 → 75 < 80 not met; the input\'s own group wins over the facts', async () => {
    expect((await evaluateCommune(set, withCommuneGroup(base, { facts: RURAL }).input)).criteria[0]!.indicators[0]!.status).toBe('not-met');
    const own = withCommuneGroup({ ...base, communeGroup: '1' }, { facts: RURAL });
    expect(own.input.communeGroup).toBe('1');
    expect(own.group).toMatchObject({ basis: 'given', conflict: { given: 1, derived: 2 } });
  });
  it('undetermined group → communeGroup stays unset → the commune is refused, never given a default group', async () => {
    const { input, group } = withCommuneGroup(base, { facts: { ...RURAL, ethnicMinorityArea: null } });
    expect(group.group).toBeNull();
    expect(input.communeGroup).toBeUndefined();
    await expect(evaluateCommune(set, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ code: 'missing-dimension', path: ['dimensions', 'communeGroup'] }] });
  });
  it('a set declaring the derivation derives the group from the facts in the input, and says how', async () => {
    const data = structuredClone(set) as Record<string, any>;
    data.id = 'test/commune-ntm-derived/2026';
    data.dimensions.communeGroup.derivation = { kind: 'group-rules', rules: 'national/commune-groups/2026' };
    const derived = loadCriterionSet(data);
    const r3 = await evaluateCommune(derived, { ...base, facts: { ...RURAL, ethnicMinorityArea: 'III' } });
    expect(r3.dimensions).toMatchObject({ communeGroup: '3' });
    expect(r3.dimensionBasis!.communeGroup).toMatchObject({ basis: 'derived', rules: 'national/commune-groups/2026', rule: { id: 'G3', source: { decision: '51/2025/QĐ-TTg' } } });
    expect(r3.criteria[0]!.indicators[0]!.status).toBe('met');
    // Facts that do not decide: the group stays open, its threshold unknown — never a default group.
    const open = await evaluateCommune(derived, { ...base, facts: { ...RURAL, ethnicMinorityArea: null } });
    expect(open.dimensions).toMatchObject({ communeGroup: null });
    expect(open.dimensionBasis!.communeGroup).toEqual({ basis: 'undetermined', rules: 'national/commune-groups/2026', missingFacts: ['ethnicMinorityArea'], candidates: ['2', '3'] });
    expect(open.criteria[0]!.indicators[0]!.status).toBe('threshold-unknown');
    // A group given wins over the facts.
    const given = await evaluateCommune(derived, { ...base, dimensions: { communeGroup: '1' }, facts: RURAL });
    expect(given.dimensionBasis!.communeGroup).toEqual({ basis: 'given' });
    expect(given.criteria[0]!.indicators[0]!.status).toBe('not-met');
  });
});
