/**
 * The compact form of results against the ordinary assembly: for the same input, a result whose
 * explanation is built on first read (and the one-pass normaliser behind it) is the same plain data,
 * field for field and in the same order, as the result assembled at once from the schema-validated
 * input — and bad input fails with the same error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CommuneResultSchema, getCriterionSet, loadCriterionSet, NtmError, type CommuneResult, type CriterionSet } from '../../src/index.js';
import { EvaluationPipeline } from '../../src/evaluate/pipeline.js';
import { prepareSet } from '../../src/evaluate/prepare.js';
import { normalizeInput } from '../../src/evaluate/normalize.js';
import { compiledComparisons } from '../../src/evaluate/compiled-path.js';
import { assembleResult } from '../../src/evaluate/assemble.js';
import { CompactBlock } from '../../src/evaluate/compact.js';
import { normalizeCompact } from '../../src/evaluate/fast-normalize.js';
import { generateCommunes } from '../../bench/communes.js';
import { syntheticCriterionSet } from '../../bench/synthetic-set.js';
import { sized } from '../scale.js';
import { installGroupDerivation } from '../../src/groups/derivation.js';

/** The ordinary path: schema-validated input, compiled comparisons, everything assembled at once. */
function assembledAtOnce(set: CriterionSet, raw: unknown, share = true): CommuneResult {
  const prepared = prepareSet(set);
  const input = normalizeInput(prepared, raw);
  return assembleResult(prepared, input, compiledComparisons(input), { share });
}

/** What an evaluation gives: its result as JSON text, or its error. */
function outcome(run: () => CommuneResult): { json?: string; error?: unknown } {
  try {
    return { json: JSON.stringify(run()) };
  } catch (e) {
    return { error: e instanceof NtmError ? e.toJSON() : String(e) };
  }
}

/** Whether the one-pass normaliser takes an input (rather than leaving it to the ordinary path). */
function takenByCompactPath(set: CriterionSet, raw: unknown): boolean {
  const prepared = prepareSet(set);
  return normalizeCompact(prepared, raw, new CompactBlock(prepared.indicators.length, 1), 0) !== null;
}

const SETS: ReadonlyArray<[string, () => CriterionSet]> = [
  ['dak-nong/commune-ntm/2022', () => getCriterionSet('dak-nong/commune-ntm/2022')],
  ['national/commune-ntm/2026 (commune groups)', () => getCriterionSet('national/commune-ntm/2026')],
  ['synthetic 19 × 57', () => loadCriterionSet(syntheticCriterionSet())],
];

// The 2026 set derives its commune group from facts: the engine the entry points install.
installGroupDerivation();

describe.each(SETS)('compact results on %s', (_name, setOf) => {
  const set = setOf();

  it('equal the results assembled at once, on clean and messy generated communes (errors included)', () => {
    const pipeline = new EvaluationPipeline(set);
    let taken = 0;
    let declined = 0;
    let errors = 0;
    for (const profile of ['clean', 'messy'] as const) {
      const inputs = generateCommunes(set, { count: sized(600, 6_000), seed: 11, profile });
      for (const raw of inputs) {
        const compact = outcome(() => pipeline.evaluateSync(raw));
        const atOnce = outcome(() => assembledAtOnce(set, raw));
        expect(compact).toEqual(atOnce);
        if (atOnce.error !== undefined) errors++;
        else if (takenByCompactPath(set, raw)) taken++;
        else declined++;
      }
    }
    // The one-pass path takes the generated inputs, and bad inputs are among them: not vacuous.
    expect(taken).toBeGreaterThan(declined);
    expect(errors).toBeGreaterThan(0);
  });

  it('equal them on arbitrary values of every indicator (property)', () => {
    const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
    const numbers = set.criteria.flatMap((c) => c.indicators.flatMap((i) => (i.requirement.kind === 'compare' ? [i.requirement.value] : [])));
    const value = fc.oneof(
      fc.constantFrom(...(numbers.length > 0 ? numbers : [0])),
      fc.double({ noNaN: false }),
      fc.integer({ min: -5, max: 200 }),
      fc.boolean(),
      fc.constantFrom('Đạt', 'Không đạt', 'N/A', 'Chưa có số liệu', '93,5', '28,2 %', '9.200', 'abc', '', 'đạt'),
      fc.constant(null),
      fc.record({ value: fc.oneof(fc.double(), fc.constant('12,5')), note: fc.string() }, { requiredKeys: [] }),
    );
    const pipeline = new EvaluationPipeline(set);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...codes, 'not-a-code'), value, { maxKeys: 12 }), fc.integer({ min: 2015, max: 2032 }), (indicators, year) => {
        const raw = { communeId: 'x', year, indicators };
        expect(outcome(() => pipeline.evaluateSync(raw))).toEqual(outcome(() => assembledAtOnce(set, raw)));
      }),
      { numRuns: sized(300, 3_000) },
    );
  });
});

describe('inputs the one-pass normaliser leaves to the ordinary path', () => {
  const set = getCriterionSet('dak-nong/commune-ntm/2022');
  const base = { communeId: 'x', year: 2023 };
  const cases: Record<string, unknown> = {
    'an unknown code': { ...base, indicators: { '99.9': 1 } },
    'a "__proto__" code': JSON.parse('{"communeId":"x","year":2023,"indicators":{"__proto__":{"15.3":5}}}'),
    'NaN': { ...base, indicators: { '15.3': Number.NaN } },
    'a percentage over 100': { ...base, indicators: { '15.3': 101 } },
    'text that is no number': { ...base, indicators: { '15.3': 'khoảng 20' } },
    'an entry with an unknown field': { ...base, indicators: { '15.3': { value: 20, source: 'x' } } },
    'an entry with a bad verdict': { ...base, indicators: { '15.3': { value: 20, verdict: 'tốt' } } },
    'an unknown class': { ...base, classes: ['no-such-class'], indicators: {} },
    'a year outside the set': { ...base, year: 2031, indicators: {} },
    'an unknown criterion': { ...base, criteria: { '42': 'Đạt' } },
    'an extra field': { ...base, indicators: {}, extra: 1 },
    'an undefined field': { ...base, name: undefined, indicators: {} },
    'a class instance': Object.assign(new (class Row {})(), base),
  };
  it.each(Object.entries(cases))('%s: declined, and the same outcome as the ordinary path', (_what, raw) => {
    expect(takenByCompactPath(set, raw)).toBe(false);
    const pipeline = new EvaluationPipeline(set);
    expect(outcome(() => pipeline.evaluateSync(raw))).toEqual(outcome(() => assembledAtOnce(set, raw)));
  });
  it('an Object.prototype given an enumerable code: declined, and inherited keys are not data', () => {
    const raw = { ...base, indicators: { '15.4': 'Đạt' } };
    const proto = Object.prototype as Record<string, unknown>;
    proto['15.3'] = 5;
    try {
      expect(takenByCompactPath(set, raw)).toBe(false);
      const pipeline = new EvaluationPipeline(set);
      expect(outcome(() => pipeline.evaluateSync(raw))).toEqual(outcome(() => assembledAtOnce(set, raw)));
    } finally {
      delete proto['15.3'];
    }
    expect(takenByCompactPath(set, raw)).toBe(true);
  });
  it('an entry with a verdict and a note is taken, and explained as the ordinary path does', () => {
    const raw = { ...base, indicators: { '15.3': { value: '27,5', verdict: 'Đạt', note: 'theo biên bản thẩm định' }, '17.10': { note: 'chưa thẩm định' } } };
    expect(takenByCompactPath(set, raw)).toBe(true);
    const r = new EvaluationPipeline(set).evaluateSync(raw);
    expect(JSON.stringify(r)).toBe(JSON.stringify(assembledAtOnce(set, raw)));
    expect(r.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')).toMatchObject({ status: 'met', value: 27.5, conflict: { verdict: 'met', valueOutcome: 'not-met' }, note: 'theo biên bản thẩm định' });
  });
});

describe('a compact result is plain data', () => {
  const set = getCriterionSet('dak-nong/commune-ntm/2022');
  const raw = { communeId: 'dak-mol', name: 'Xã Đắk Môl', year: 2023, indicators: { '15.3': 24.1, '17.10': 'Đạt', '3.1': 'Chưa có số liệu' } };

  it('reads, copies and serialises as the result assembled at once', () => {
    const r = new EvaluationPipeline(set).evaluateSync(raw);
    const atOnce = assembledAtOnce(set, raw);
    expect(Object.keys(r)).toEqual(Object.keys(atOnce));
    expect(JSON.stringify(r)).toBe(JSON.stringify(atOnce));
    expect(structuredClone(r)).toEqual(JSON.parse(JSON.stringify(atOnce)));
    expect({ ...r }).toEqual(atOnce);
    expect(r.status).toBe('undetermined');
    expect(r.why).toEqual(atOnce.why);
  });

  it('passes the result schema, and still explains itself once frozen', () => {
    const r = new EvaluationPipeline(set).evaluateSync(raw);
    expect(CommuneResultSchema.safeParse(r).success).toBe(true);
    expect(Object.freeze(r).criteria).toHaveLength(19);
  });

  it('is frozen, its explanation too, as its read-only types say', () => {
    const r = new EvaluationPipeline(set).evaluateSync(raw) as unknown as Record<string, unknown> & CommuneResult;
    expect(() => {
      (r as Record<string, unknown>).status = 'met';
    }).toThrow(TypeError);
    expect(() => {
      (r.criteria as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (r.criteria[14] as unknown as Record<string, unknown>).status = 'met';
    }).toThrow(TypeError);
    expect(Object.isFrozen(r.why)).toBe(true);
    expect(r.status).toBe('undetermined');
  });

  it('builds its explanation once: the same arrays on every read', () => {
    const r = new EvaluationPipeline(set).evaluateSync(raw);
    expect(r.criteria).toBe(r.criteria);
    expect(r.why).toBe(r.why);
  });

  it('keeps what was evaluated when the input changes afterwards', () => {
    const input = { communeId: 'dak-mol', year: 2023, indicators: { '15.3': 24.1 } as Record<string, unknown> };
    const r = new EvaluationPipeline(set).evaluateSync(input);
    input.indicators['15.3'] = 99;
    input.indicators['17.10'] = 'Không đạt';
    const ind = r.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')!;
    expect(ind.value).toBe(24.1);
    expect(ind.status).toBe('met');
    expect(r.criteria.flatMap((c) => c.indicators).find((i) => i.code === '17.10')!.status).toBe('missing');
  });

  it('keeps the results of one batch apart (rows of one block)', () => {
    const pipeline = new EvaluationPipeline(set);
    const results = [10, 20, 30, 40, 50].map((v, i) => pipeline.evaluateSync({ communeId: `c${i}`, year: 2023, indicators: { '15.3': v } }));
    expect(results.map((r) => r.criteria[14]!.indicators.find((i) => i.code === '15.3')!.value)).toEqual([10, 20, 30, 40, 50]);
  });

  it('a rejected input leaves no trace in the next result', () => {
    const pipeline = new EvaluationPipeline(set);
    expect(() => pipeline.evaluateSync({ communeId: 'bad', year: 2023, indicators: { '15.3': 24, '15.4': 'abc' } })).toThrow(NtmError);
    const r = pipeline.evaluateSync({ communeId: 'ok', year: 2023, indicators: {} });
    expect(r.criteria.flatMap((c) => c.indicators).every((i) => i.status === 'missing' && i.value === null)).toBe(true);
  });
});
