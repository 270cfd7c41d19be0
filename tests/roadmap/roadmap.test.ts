import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyWhatIf,
  evaluateCommunes,
  evaluateCommuneSync,
  inputFromResult,
  isEvaluationError,
  NtmError,
  roadToStandard,
  RoadmapSchema,
  whatIf,
  WhatIfResultSchema,
  type CommuneResult, type CommuneInput } from '../../src/index.js';
import { repo } from '../cli/helpers.js';

const data = JSON.parse(readFileSync(repo('examples/dak-song-2023.json'), 'utf8')) as { set: string; communes: CommuneInput[] };
const entries = await evaluateCommunes(data.set, data.communes);
const results = entries.filter((e): e is CommuneResult => !isEvaluationError(e));
const byId = (id: string): CommuneResult => results.find((r) => r.communeId === id)!;
const SEED = Number(process.env.FC_SEED ?? 20230613);

describe('roadToStandard', () => {
  const road = roadToStandard(entries, { plan: 'dak-song/2023' });

  it('gives every commune its ordered work list, valid against the schema', () => {
    expect(RoadmapSchema.parse(road)).toEqual(road);
    expect(road.communes.map((c) => c.communeId)).toEqual(results.map((r) => r.communeId));
    const tx = road.communes.find((c) => c.communeId === 'truong-xuan')!;
    expect(tx.notMet).toEqual(['2', '5', '6', '7', '9', '10', '12', '15', '17']);
    expect(tx.items.map((i) => i.order)).toEqual(tx.items.map((_, k) => k + 1));
    // Must-change items come before must-decide ones; each group keeps the set's order.
    const ranks = tx.items.map((i) => (i.must === 'change' ? 0 : 1));
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('names value, requirement, shortfall and lead agency, and whether data or a verdict decides', () => {
    const tx = road.communes.find((c) => c.communeId === 'truong-xuan')!;
    const stunting = tx.items.find((i) => i.code === '15.3')!;
    expect(stunting).toMatchObject({ must: 'change', kind: 'not-met', value: 28.2, shortfall: 1.7, owners: ['health'], decidedBy: 'from-data' });
    expect(stunting.requirement).toMatchObject({ kind: 'compare', operator: '<=', value: 26.5 });
    const insured = tx.items.find((i) => i.code === '15.1')!;
    expect(insured).toMatchObject({ kind: 'not-met', decidedBy: 'needs-verdict' }); // threshold unknown: only the verdict decides
    const food = tx.items.find((i) => i.code === '17.10')!;
    expect(food.owners).toEqual(['economy-infrastructure', 'agriculture', 'health']);
    const income = road.communes.find((c) => c.communeId === 'dak-mol')!.items;
    expect(income).toEqual([expect.objectContaining({ criterion: '10', code: null, kind: 'verdict-not-met', owners: ['statistics'], decidedBy: 'needs-verdict' })]);
    const hoa = road.communes.find((c) => c.communeId === 'dak-hoa')!;
    expect(hoa.items).toEqual([expect.objectContaining({ code: '17.8', must: 'decide', kind: 'missing', owners: ['womens-union'] })]);
    expect(road.communes.find((c) => c.communeId === 'nam-binh')!.items).toEqual([]);
  });

  it('groups the same items by lead agency, an item with two leads under both', () => {
    const all = road.communes.flatMap((c) => c.items);
    for (const a of road.byAgency) for (const i of a.items) expect(i.owners).toContain(a.agencyId);
    for (const i of all) for (const o of i.owners) expect(road.byAgency.find((a) => a.agencyId === o)!.items).toContain(i);
    expect(road.unowned).toEqual([]);
    expect(road.byAgency.find((a) => a.agencyId === 'statistics')!.items.map((i) => i.communeId)).toEqual(['dak-mol', 'dak-n-drung', 'truong-xuan']);
  });

  it('gives the revocation risk of the recognised communes and the recognition check where facts are given', () => {
    expect(road.communes.filter((c) => c.revocation).map((c) => c.communeId)).toEqual(['nam-binh', 'nam-n-jang', 'thuan-hanh', 'thuan-ha', 'dak-hoa']);
    const one = roadToStandard(entries, { plan: 'dak-song/2023', commune: 'Đắk Môt', facts: { 'Đắk Môl': { satisfactionVerdict: 'Đạt', constructionDebt: 0, security: 'not-complex' } } });
    expect(one.communes).toHaveLength(1);
    expect(one.communes[0]!.recognition).toMatchObject({ status: 'not-recognisable', conditions: [{ id: 'R1', status: 'not-met' }, { status: 'met' }, { status: 'met' }, { status: 'met' }] });
    expect(() => roadToStandard(entries, { commune: 'nowhere' })).toThrow(NtmError);
  });

  it("recognition and revocation say why in the project's reason type (each code once), with notes in words", () => {
    const open = roadToStandard(entries, { commune: 'dak-mol', facts: { 'dak-mol': { satisfaction: 95, constructionDebt: 0 } } }).communes[0]!;
    expect(RoadmapSchema.shape.communes.element.parse(open)).toEqual(open);
    const rec = open.recognition!;
    expect(rec.conditions.find((c) => c.id === 'R2')!.why).toEqual([{ code: 'threshold-unknown', items: ['R2'] }]);
    expect(rec.conditions.find((c) => c.id === 'R4')!.why).toEqual([{ code: 'missing', items: ['R4'] }]);
    expect(rec.why).toEqual([{ code: 'missing', items: ['R4'] }, { code: 'threshold-unknown', items: ['R2'] }]);
    expect(rec.notes.map((n) => [n.code, n.subject])).toEqual([['threshold-unknown', 'R2'], ['missing', 'R4']]);
    for (const c of road.communes) if (c.revocation) expect(c.revocation.why).toEqual(c.revocation.status === 'undetermined' ? expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]) : []);
  });

  it('without a plan, items have no lead agency and are listed as unowned', () => {
    const bare = roadToStandard(entries);
    expect(bare.planId).toBeNull();
    expect(bare.byAgency).toEqual([]);
    expect(bare.unowned.length).toBe(bare.communes.flatMap((c) => c.items).length);
  });

  it('marks a "cơ bản đạt" criterion as such, still to change', () => {
    const r = evaluateCommuneSync(data.set, { ...data.communes[0]!, criteria: { ...data.communes[0]!.criteria, '10': 'Cơ bản đạt' } });
    const item = roadToStandard([r], { plan: 'dak-song/2023' }).communes[0]!.items[0]!;
    expect(item).toMatchObject({ criterion: '10', basicallyMet: true, must: 'change', kind: 'verdict-not-met' });
  });
});

describe('whatIf', () => {
  it('applies verdicts and values and gives the new status, without re-entering the data', () => {
    const w = whatIf(byId('dak-mol'), { criteria: { '10': 'Đạt' } });
    expect(WhatIfResultSchema.parse(w)).toEqual(w);
    expect(w).toMatchObject({ statusBefore: 'not-met', statusAfter: 'met', criteria: [{ number: '10', before: 'not-met', after: 'met' }] });
    const tx = whatIf(byId('truong-xuan'), { indicators: { '15.3': 25 } });
    expect(tx.after.criteria[14]!.indicators[2]).toMatchObject({ status: 'met', shortfall: 0 });
    expect(tx.criteria).toEqual([]); // 15.1 and the criterion verdict still say not met
    // null removes the criterion verdict, so the indicators decide.
    const both = whatIf(byId('truong-xuan'), { indicators: { '15.3': 25, '15.1': 'Đạt' }, criteria: { '15': null } });
    // …and they cannot say "met": the set does not list all of criterion 15's indicators.
    expect(both.criteria).toEqual([{ number: '15', before: 'not-met', after: 'undetermined' }]);
    expect(both.after.criteria[14]!.undeterminedBecause).toMatchObject({ indicatorListIncomplete: true });
    const removed = whatIf(byId('dak-hoa'), { indicators: { '17.8': 'Đạt' } });
    expect(removed.statusAfter).toBe('met');
    expect(whatIf(byId('nam-binh'), { indicators: { '17.1': null } }).after.criteria[16]!.status).toBe('undetermined');
    expect(() => whatIf(byId('dak-mol'), { indicators: { '15.3': 'lots' } })).toThrow(NtmError);
  });

  it('with no changes gives back the original result (property, over random communes)', () => {
    const codes = results[0]!.criteria.flatMap((c) => c.indicators.map((i) => i.code));
    const entry = fc.oneof(fc.constant('Đạt'), fc.constant('Không đạt'), fc.constant('N/A'), fc.double({ min: 0, max: 100, noNaN: true }), fc.record({ value: fc.double({ min: 0, max: 100, noNaN: true }), verdict: fc.constantFrom('Đạt', 'Không đạt') }));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...codes.filter((c) => !['3.2', '9.1', '18.4', '13.1', '15.2', '17.5'].includes(c))), entry),
        fc.dictionary(fc.constantFrom('1', '2', '10', '15', '17'), fc.constantFrom('Đạt', 'Không đạt', 'Cơ bản đạt')),
        fc.constantFrom(undefined, 'TDMNPB' as const),
        (indicators, criteria, region) => {
          let r: CommuneResult;
          try {
            r = evaluateCommuneSync(data.set, { communeId: 'p', year: 2023, indicators, criteria, ...(region ? { region } : {}) });
          } catch {
            return; // inputs the set refuses (a value where a yes/no belongs) are not results
          }
          expect(whatIf(r).after).toEqual(r);
          expect(evaluateCommuneSync(r.setId, inputFromResult(r))).toEqual(r);
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('applies a what-if file to a batch by id, name or plan alias', () => {
    const file = JSON.parse(readFileSync(repo('examples/dak-song-2023-what-if.json'), 'utf8'));
    const { entries: after, changes } = applyWhatIf(entries, file, { plan: 'dak-song/2023' });
    expect(after).toHaveLength(entries.length);
    expect(changes.map((c) => [c.communeId, c.statusAfter])).toEqual([['dak-mol', 'met'], ['truong-xuan', 'not-met']]);
    expect(applyWhatIf(entries, { communes: { 'Đắk Môt': { criteria: { '10': 'Đạt' } } } }, { plan: 'dak-song/2023' }).changes[0]!.statusAfter).toBe('met');
    expect(() => applyWhatIf(entries, { communes: { nowhere: {} } })).toThrow(/nowhere/);
    const bad = applyWhatIf(entries, { communes: { 'dak-mol': { indicators: { '99.9': 1 } } } });
    expect(isEvaluationError(bad.entries[0]!)).toBe(true);
  });
});
