import { describe, expect, it } from 'vitest';
import { evaluateCommune } from './untyped.js';
import { ENGINES, SET_1037, indicatorOf } from './helpers.js';

const run = (indicators: Record<string, unknown>, engine: (typeof ENGINES)[number], extra: object = {}) =>
  evaluateCommune(SET_1037, { communeId: 'c', year: 2023, indicators, ...extra }, { engine });

describe.each(ENGINES)('indicator outcomes (%s path)', (engine) => {
  it('met / not-met by value, with the Tây Nguyên threshold and its shortfall', async () => {
    const r = await run({ '15.3': 26.5, '3.1': 79.5 }, engine);
    expect(indicatorOf(r, '15.3')).toMatchObject({ status: 'met', value: 26.5, shortfall: 0, verdict: null });
    expect(indicatorOf(r, '3.1')).toMatchObject({ status: 'not-met', value: 79.5, shortfall: 0.5 });
    expect(indicatorOf(r, '3.1').requirement).toMatchObject({ textVi: '≥ 80 %', textEn: '≥ 80%' });
  });

  it('a 15.3 value just above 26.5 % is not met (fails if the threshold leaves 26.5)', async () => {
    const above = await run({ '15.3': 26.51 }, engine);
    const below = await run({ '15.3': 26.49 }, engine);
    expect(indicatorOf(above, '15.3').status).toBe('not-met');
    expect(indicatorOf(below, '15.3').status).toBe('met');
  });

  it('missing: neither value nor verdict — never not-met', async () => {
    const r = await run({}, engine);
    expect(indicatorOf(r, '15.3')).toMatchObject({ status: 'missing', value: null, verdict: null, shortfall: null });
  });

  it('threshold-unknown: a value the set cannot judge', async () => {
    const r = await run({ '15.1': 93.5, '9.2': '91,2' }, engine);
    expect(indicatorOf(r, '15.1')).toMatchObject({ status: 'threshold-unknown', value: 93.5, shortfall: null });
    expect(indicatorOf(r, '15.1').requirement).toMatchObject({ kind: 'unknown', textVi: 'chưa rõ ngưỡng', textEn: 'threshold unknown' });
    expect(indicatorOf(r, '9.2')).toMatchObject({ status: 'threshold-unknown', value: 91.2 });
  });

  it('a verdict decides where the threshold is unknown', async () => {
    const r = await run({ '15.1': { value: 93.5, verdict: 'Đạt' }, '17.10': 'Không đạt' }, engine);
    expect(indicatorOf(r, '15.1')).toMatchObject({ status: 'met', value: 93.5, verdict: 'met' });
    expect(indicatorOf(r, '17.10')).toMatchObject({ status: 'not-met', value: null, verdict: 'not-met' });
  });

  it('not-applicable by verdict', async () => {
    const r = await run({ '17.9': 'N/A' }, engine);
    expect(indicatorOf(r, '17.9')).toMatchObject({ status: 'not-applicable', verdict: 'not-applicable' });
  });

  it('a verdict that contradicts the value stands, flagged as a conflict with both', async () => {
    const r = await run({ '15.3': { value: 27, verdict: 'Đạt' }, '3.1': { value: 90, verdict: 'không đạt' } }, engine);
    expect(indicatorOf(r, '15.3')).toMatchObject({ status: 'met', value: 27, shortfall: 0.5, conflict: { verdict: 'met', valueOutcome: 'not-met' } });
    expect(indicatorOf(r, '3.1')).toMatchObject({ status: 'not-met', conflict: { verdict: 'not-met', valueOutcome: 'met' } });
    const agree = await run({ '15.3': { value: 20, verdict: 'met' } }, engine);
    expect(indicatorOf(agree, '15.3').conflict).toBeUndefined();
  });

  it('boolean "is Đạt" indicators take true/false and verdict words', async () => {
    const r = await run({ '3.2': true, '9.1': false, '18.4': 'x' }, engine);
    expect(indicatorOf(r, '3.2').status).toBe('met');
    expect(indicatorOf(r, '9.1')).toMatchObject({ status: 'not-met', value: false, shortfall: null });
    expect(indicatorOf(r, '18.4')).toMatchObject({ status: 'met', verdict: 'met' });
  });

  it('keeps the note and cites the source', async () => {
    const r = await run({ '17.10': { verdict: 'met', note: 'checked 2023-10' } }, engine);
    expect(indicatorOf(r, '17.10')).toMatchObject({ note: 'checked 2023-10' });
    expect(indicatorOf(r, '15.3').source.decision.length).toBeGreaterThan(0);
  });
});

describe('region columns', () => {
  it('an especially-difficult commune uses the northern-mountain column (15.3 ≤ 24 %)', async () => {
    for (const engine of ENGINES) {
      const base = await run({ '15.3': 25 }, engine);
      const special = await run({ '15.3': 25 }, engine, { classes: ['especially-difficult'] });
      const explicit = await run({ '15.3': 25 }, engine, { region: 'TDMNPB' });
      expect(indicatorOf(base, '15.3').status).toBe('met');
      expect(special.region).toBe('TDMNPB');
      expect(indicatorOf(special, '15.3')).toMatchObject({ status: 'not-met', shortfall: 1, requirement: { value: 24, region: 'TDMNPB' } });
      expect(indicatorOf(explicit, '15.3').status).toBe('not-met');
    }
  });

  it('a column with a known value makes a threshold known (15.4 in ĐBSH ≥ 70 %)', async () => {
    const r = await run({ '15.4': 65 }, 'compiled', { region: 'DBSH' });
    expect(indicatorOf(r, '15.4')).toMatchObject({ status: 'not-met', shortfall: 5 });
    const tn = await run({ '15.4': 65 }, 'compiled');
    expect(indicatorOf(tn, '15.4').status).toBe('threshold-unknown');
  });
});
