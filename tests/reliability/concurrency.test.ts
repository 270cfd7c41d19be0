/**
 * Concurrency: results never depend on how many evaluations run at once, on either path. The
 * first test shows why the guard exists: one json-rules-engine Engine shared by overlapping runs
 * drops rule results.
 */
import { describe, expect, it } from 'vitest';
import { defaultRegion } from '../../src/rules/dimensions.js';
import fc from 'fast-check';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { getCriterionSet, type BatchEntry } from '../../src/index.js';
import { evaluateCommune, evaluateCommunes } from '../evaluate/untyped.js';
import { engineRules } from '../../src/evaluate/engine-path.js';
import { prepareSet } from '../../src/evaluate/prepare.js';
import { ENGINES, fcOptions, hostileCommuneInput, setsWithIndicators, validCommuneInput, yearsOf } from './support.js';

const SET_1037 = getCriterionSet('dak-nong/commune-ntm/2022');

/** Facts for run `n`: every indicator of the 1037 set, values varying with `n`. */
function factsFor(n: number): Record<string, number | boolean> {
  const prepared = prepareSet(SET_1037);
  const facts: Record<string, number | boolean> = {};
  prepared.indicators.forEach((ind, i) => {
    facts[`i${i}`] = ind.measure.type === 'boolean' ? (n + i) % 2 === 0 : (n * 7 + i) % 100;
  });
  return facts;
}

/** Number of rule results (passed or failed) of one run. */
async function ruleResultCount(run: Promise<{ results: unknown[]; failureResults: unknown[] }>): Promise<number> {
  const r = await run;
  return r.results.length + r.failureResults.length;
}

/** Starts `count` runs on `engineFor(k)`, each a couple of microtasks after the previous one. */
async function overlappingRuns(count: number, engineFor: (k: number) => Engine): Promise<number[]> {
  const runs: Array<Promise<number>> = [];
  for (let k = 0; k < count; k++) {
    runs.push(ruleResultCount(engineFor(k).run(factsFor(k))));
    await Promise.resolve();
    await Promise.resolve();
  }
  return Promise.all(runs);
}

describe('why engines are never shared', () => {
  const prepared = prepareSet(SET_1037);
  const rules = engineRules(prepared, prepared.context({ region: 'TN', date: '2023-01-01' }));
  const withPriorities = (priority: (k: number) => number): RuleProperties[] => rules.map((r, k) => ({ ...r, priority: priority(k) }));

  it('a shared json-rules-engine Engine with mixed priorities drops rule results of overlapping runs', async () => {
    const mixed = withPriorities((k) => k + 1);
    const fresh = await overlappingRuns(20, () => new Engine(mixed, { allowUndefinedFacts: true }));
    expect(fresh.every((n) => n === rules.length)).toBe(true);
    const shared = new Engine(mixed, { allowUndefinedFacts: true });
    const sharedCounts = await overlappingRuns(20, () => shared);
    // Some runs come back with fewer rule results than there are rules: results silently lost.
    expect(sharedCounts.some((n) => n < rules.length)).toBe(true);
  });

  it('one priority level is not enough on its own: a shared engine still loses whole runs', async () => {
    const shared = new Engine(withPriorities(() => 1), { allowUndefinedFacts: true });
    const counts = await overlappingRuns(20, () => shared);
    expect(counts.some((n) => n < rules.length)).toBe(true);
  });

  it('the library builds every condition at one priority, from library-made keys only', () => {
    for (const set of setsWithIndicators()) {
      const p = prepareSet(set);
      for (const region of [defaultRegion(set), 'TDMNPB', null] as const) {
        for (const rule of engineRules(p, p.context({ region, date: `${set.effectiveFrom.slice(0, 4)}-01-01` }))) {
          expect(Object.keys(rule).sort()).toEqual(['conditions', 'event', 'name', 'priority']);
          const all = (rule.conditions as { all: Array<Record<string, unknown>> }).all;
          for (const c of all) {
            expect(Object.keys(c).sort()).toEqual(['fact', 'operator', 'priority', 'value']);
            expect(c.priority).toBe(rule.priority);
            expect(c.fact).toMatch(/^i\d+$/);
            expect(['greaterThanInclusive', 'lessThanInclusive', 'greaterThan', 'lessThan', 'equal']).toContain(c.operator);
            expect(['number', 'boolean']).toContain(typeof c.value);
          }
        }
      }
    }
  });
});

/** Sequential reference: each input evaluated alone, one after the other, as a batch entry. */
async function sequential(set: Parameters<typeof evaluateCommunes>[0], inputs: unknown[], engine: (typeof ENGINES)[number]): Promise<string> {
  return JSON.stringify(await evaluateCommunes(set, inputs, { engine, concurrency: 1 }));
}

describe.each(setsWithIndicators().map((s) => [s.id, s] as const))('concurrent evaluation under %s', (_id, set) => {
  const batch = fc.array(fc.oneof({ weight: 5, arbitrary: validCommuneInput(set) }, { weight: 1, arbitrary: hostileCommuneInput(set) }), { minLength: 1, maxLength: 40 });

  it('evaluateCommunes gives the sequential results for any concurrency option, on both paths', async () => {
    const concurrency = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(undefined, 0, -1, 0.5, 2.7, NaN, Infinity, Number.MAX_SAFE_INTEGER));
    await fc.assert(
      fc.asyncProperty(batch, fc.constantFrom(...ENGINES), concurrency, async (inputs, engine, c) => {
        const expected = await sequential(set, inputs, 'compiled');
        const entries = await evaluateCommunes(set, inputs, { engine, concurrency: c as number });
        expect(entries).toHaveLength(inputs.length);
        expect(JSON.stringify(entries)).toBe(expected);
      }),
      fcOptions(40),
    );
  });

  it('a batch in one context, with bad rows interleaved, gives the sequential results at every concurrency', async () => {
    // One (region, year) context means every lane runs the same engine rules: the case where a
    // shared engine would lose results. Bad rows return at once and knock the lanes out of step.
    const { from } = yearsOf(set);
    const inputs = fc
      .sample(validCommuneInput(set), { seed: 5, numRuns: 150 })
      .map((x, k) => (k % 5 === 3 ? { communeId: `c${k}`, year: 'bad' } : { ...x, communeId: `c${k}`, year: from, region: undefined, classes: undefined }));
    const expected = await sequential(set, inputs, 'compiled');
    for (const concurrency of [2, 7, 16]) {
      expect(JSON.stringify(await evaluateCommunes(set, inputs, { engine: 'json-rules-engine', concurrency }))).toBe(expected);
    }
  });

  it('many calls in flight at once, staggered, on both paths, give the sequential results', async () => {
    const inputs = fc.sample(validCommuneInput(set), { seed: 7, numRuns: 60 });
    const expected = await Promise.all(inputs.map(async (i) => JSON.stringify(await evaluateCommune(set, i))));
    const inFlight: Array<Promise<string>> = [];
    for (let k = 0; k < inputs.length; k++) {
      for (const engine of ENGINES) inFlight.push(evaluateCommune(set, inputs[k], { engine }).then((r) => JSON.stringify(r)));
      // Start the next calls while earlier ones are mid-run, at varying offsets.
      for (let t = 0; t < k % 4; t++) await Promise.resolve();
    }
    const got = await Promise.all(inFlight);
    got.forEach((g, j) => expect(g).toBe(expected[Math.floor(j / ENGINES.length)]));
  });

  it('several batches in flight at once, with different concurrency, give the sequential results', async () => {
    const inputs = fc.sample(validCommuneInput(set), { seed: 11, numRuns: 50 }).map((x, k) => ({ ...x, communeId: `c${k}` }));
    const expected = await sequential(set, inputs, 'compiled');
    const runs: Array<Promise<BatchEntry[]>> = [];
    for (const concurrency of [1, 2, 3, 8, 50]) {
      for (const engine of ENGINES) runs.push(evaluateCommunes(set, inputs, { engine, concurrency }));
      await Promise.resolve();
    }
    for (const entries of await Promise.all(runs)) expect(JSON.stringify(entries)).toBe(expected);
  });
});
