/**
 * Shared pieces of the reliability suite: seeds, generators of valid and hostile commune inputs
 * built from a set's own indicators, and the Object.prototype check.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { sized } from '../scale.js';
import {
  listCriterionSets,
  getCriterionSet,
  NtmError,
  type CriterionSet,
  type NtmErrorCode,
} from '../../src/index.js';

/**
 * One fixed seed for the whole suite so CI runs are reproducible; `FC_SEED=… npx vitest run
 * tests/reliability` explores other inputs (a failure prints its seed and path to replay).
 */
export const SEED = Number(process.env.FC_SEED ?? 20230613);

/**
 * fast-check options with the suite's seed: half of `numRuns` in `npm test` (still every property,
 * every bundled set, both paths), five times `numRuns` in `npm run test:full`.
 */
export function fcOptions(numRuns: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: sized(Math.ceil(numRuns / 2), numRuns * 5) };
}

/** Every error code the library documents; anything else escaping an API call is a bug. */
export const NTM_ERROR_CODES: readonly NtmErrorCode[] = [
  'INVALID_RULE_FILE',
  'UNKNOWN_SET',
  'INVALID_INPUT',
  'DUPLICATE_COMMUNE',
  'YEAR_OUT_OF_RANGE',
  'NO_SET_IN_FORCE',
  'INVALID_OVERLAY',
  'INVALID_PLAN',
  'INVALID_ARGUMENT',
];

/** Both comparison paths. */
export const ENGINES = ['compiled', 'json-rules-engine'] as const;

/** Absolute path of a file in the repository. */
export function repoFile(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** The text of a bundled rule file, as a user would pass it around. */
export function readRepoText(relative: string): string {
  return readFileSync(repoFile(relative), 'utf8');
}

/** Every bundled set with the file it came from (grows as sets land). */
export function bundledSets(): Array<{ set: CriterionSet; file: string }> {
  return listCriterionSets().map((s) => ({ set: getCriterionSet(s.id), file: s.file }));
}

/** Bundled sets that have indicators to evaluate (district and model sets may have none). */
export function setsWithIndicators(): CriterionSet[] {
  return bundledSets()
    .map((b) => b.set)
    .filter((s) => s.criteria.some((c) => c.indicators.length > 0));
}

/** The first and last year a set can be evaluated for. */
export function yearsOf(set: CriterionSet): { from: number; to: number } {
  const from = Number(set.effectiveFrom.slice(0, 4));
  const to = set.effectiveTo === undefined ? from + 3 : Number(set.effectiveTo.slice(0, 4));
  return { from, to };
}

/** Control characters other than tab, which error messages must escape. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Expects `e` to be an {@link NtmError} with a documented code and well-formed issues, and
 * returns it (so a test can look further).
 */
export function expectTypedError(e: unknown): NtmError {
  if (!(e instanceof NtmError)) throw new Error(`expected an NtmError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  expect(NTM_ERROR_CODES).toContain(e.code);
  expect(e.issues.length).toBeGreaterThan(0);
  for (const issue of e.issues) {
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.path.every((p) => typeof p === 'string' || typeof p === 'number')).toBe(true);
  }
  // Messages quote users' data: no line breaks or terminal escapes may come through raw.
  for (const text of [e.message, ...e.issues.map((i) => i.message)]) expect(text).not.toMatch(CONTROL_CHARACTERS);
  // The plain form survives JSON, as batch records and CLI output need.
  expect(JSON.parse(JSON.stringify(e.toJSON()))).toEqual(e.toJSON());
  return e;
}

/** Runs `f`, expecting it to throw; returns what was thrown. */
export function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

// ——— Object.prototype ———

type Snapshot = Array<[string, PropertyDescriptor]>;

function snapshotOf(proto: object): Snapshot {
  return Reflect.ownKeys(proto).map((k) => [String(k), Object.getOwnPropertyDescriptor(proto, k)!]);
}

/**
 * Records the own properties of Object.prototype, Array.prototype and Function.prototype; the
 * returned function fails the test if any was added, removed or replaced since.
 */
export function guardPrototypes(): () => void {
  const protos = [Object.prototype, Array.prototype, Function.prototype] as const;
  const before = protos.map(snapshotOf);
  return () => {
    protos.forEach((p, i) => {
      const now = snapshotOf(p);
      expect(now.map(([k]) => k)).toEqual(before[i]!.map(([k]) => k));
      now.forEach(([k, d], j) => {
        const old = before[i]![j]![1];
        expect(d.value, k).toBe(old.value);
        expect(d.get, k).toBe(old.get);
        expect(d.set, k).toBe(old.set);
      });
    });
    const probe = {} as Record<string, unknown>;
    for (const k of ['polluted', 'x', 'isAdmin', 'then', 'path', 'params']) expect(probe[k], k).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  };
}

// ——— commune inputs ———

const VERDICT_WORDS = ['Đạt', 'Không đạt', 'Chưa đạt', 'x', 'N/A', 'met', 'not-met', 'not-applicable', 'KHÔNG ĐẠT'];
/** Words that look up prototype members when used as plain-object keys. */
export const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/**
 * A value of the right kind for an indicator (bare or wrapped, decimal comma or point), or a
 * verdict. Thresholds of the set are favoured so boundaries get exercised.
 */
export function validIndicatorEntry(set: CriterionSet, code: string): fc.Arbitrary<unknown> {
  const ind = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
  const verdict = fc.constantFrom('met', 'not-met', 'not-applicable', 'Đạt', 'Không đạt', 'N/A');
  const thresholds = thresholdsOf(ind.requirement);
  let value: fc.Arbitrary<unknown> | null;
  switch (ind.measure.type) {
    case 'percent':
      value = numberNear(thresholds, 0, 100);
      break;
    case 'count':
      value = fc.oneof(fc.nat({ max: 1000 }), ...thresholds.filter(Number.isInteger).map((t) => fc.constant(t)));
      break;
    case 'amount':
      value = numberNear(thresholds, 0, 1e6);
      break;
    case 'boolean':
      value = fc.oneof(fc.boolean(), fc.constantFrom('Đạt', 'Không đạt'));
      break;
    default:
      // Category and unknown measures take verdicts only; a value there is an input error.
      value = null;
  }
  const entry = value
    ? fc.oneof(value, fc.record({ value, verdict }, { requiredKeys: [] }))
    : fc.oneof(fc.record({ verdict }), verdict.filter((v) => v !== 'not-applicable'));
  return entry;
}

/** A number in [min, max], often exactly on or next to one of `thresholds`, sometimes as "12,5" text. */
function numberNear(thresholds: number[], min: number, max: number): fc.Arbitrary<unknown> {
  const inRange = thresholds.filter((t) => t >= min && t <= max);
  const near = inRange.flatMap((t) => [t, t + 0.1, t - 0.1, t + 1, t - 1]).filter((t) => t >= min && t <= max);
  const n = fc.oneof(
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e6)) }),
    ...(near.length ? [fc.constantFrom(...near.map((t) => Math.round(t * 10) / 10))] : []),
  );
  return fc.oneof({ weight: 4, arbitrary: n }, { weight: 1, arbitrary: n.map((x) => String(Math.round((x as number) * 100) / 100).replace('.', ',')) });
}

/** Every threshold value a requirement spec mentions, in any column or year. */
function thresholdsOf(spec: unknown): number[] {
  const out: number[] = [];
  const walk = (s: unknown): void => {
    if (s === null || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (o.kind === 'compare' && typeof o.value === 'number') out.push(o.value);
    for (const v of Object.values(o)) walk(v);
  };
  walk(spec);
  return out;
}

/** Indicator codes of a set, in order. */
export function codesOf(set: CriterionSet): string[] {
  return set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
}

/** A well-formed commune input for `set`: some indicators, some criterion verdicts, a region or class (a region always where the set has no default). */
export function validCommuneInput(set: CriterionSet, communeId?: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const { from, to } = yearsOf(set);
  const entries = Object.fromEntries(codesOf(set).map((code) => [code, validIndicatorEntry(set, code)]));
  const criteria = Object.fromEntries(set.criteria.map((c) => [c.number, fc.constantFrom('met', 'not-met', 'Đạt', 'Không đạt')]));
  const classes = Object.values(set.dimensions).flatMap((d) => (d.kind === 'column' ? d.overrides.map((o) => o.class) : []));
  return fc.record(
    {
      communeId: communeId ?? fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
      year: fc.integer({ min: from, max: to }),
      indicators: fc.record(entries, { requiredKeys: [] }),
      criteria: fc.record(criteria, { requiredKeys: [] }),
      region: fc.constantFrom('TN', 'TDMNPB', 'DBSCL'),
      classes: classes.length ? fc.subarray(classes, { minLength: 1 }) : fc.constant([]),
    },
    // A set without a default region needs one (a commune without it is an error, tested elsewhere).
    { requiredKeys: set.dimensions.region?.kind === 'column' && set.dimensions.region.default === null ? ['communeId', 'year', 'indicators', 'region'] : ['communeId', 'year', 'indicators'] },
  );
}

/** JSON values likely to break a parser: odd numbers, prototype words, verdict words, deep or empty shapes. */
export function nastyValue(set: CriterionSet): fc.Arbitrary<unknown> {
  const codes = codesOf(set);
  const scalar = fc.oneof(
    fc.constantFrom(...PROTOTYPE_WORDS, ...VERDICT_WORDS, '', ' ', '93,5', '93.5', '1.000', '1e308', 'NaN', 'Infinity', '-0', '12 %', '٣', '½'),
    fc.constantFrom(0, -0, -1, 100, 100.0000001, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity),
    fc.double(),
    fc.string({ maxLength: 300 }),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(fc.constantFrom(...codes), fc.constantFrom(...PROTOTYPE_WORDS), fc.string({ maxLength: 60 }));
  return fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 1, arbitrary: fc.record({ value: scalar, verdict: scalar, note: scalar }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.dictionary(key, scalar, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  );
}

/**
 * Anything JSON can hold, leaning towards inputs that are nearly right: a valid input with some
 * fields replaced by hostile values, keys named after prototype members, or plain junk.
 */
export function hostileCommuneInput(set: CriterionSet): fc.Arbitrary<unknown> {
  const codes = codesOf(set);
  const nasty = nastyValue(set);
  const key = fc.oneof(fc.constantFrom(...codes), fc.constantFrom(...PROTOTYPE_WORDS), fc.string({ maxLength: 60 }));
  const criterionKey = fc.oneof(fc.constantFrom(...set.criteria.map((c) => c.number), '0', '20', '01'), fc.constantFrom(...PROTOTYPE_WORDS));
  const nearlyValid = fc
    .tuple(
      validCommuneInput(set),
      fc.dictionary(key, nasty, { maxKeys: 4 }),
      fc.dictionary(criterionKey, nasty, { maxKeys: 3 }),
      fc.dictionary(fc.oneof(fc.constantFrom('communeId', 'year', 'region', 'classes', 'name', 'population', 'indicators', 'criteria'), fc.constantFrom(...PROTOTYPE_WORDS)), nasty, { maxKeys: 2 }),
    )
    .map(([base, indicators, criteria, top]) => ({
      ...base,
      indicators: { ...(base.indicators as object), ...indicators },
      criteria: { ...((base.criteria as object) ?? {}), ...criteria },
      ...top,
    }));
  return fc.oneof(
    { weight: 4, arbitrary: nearlyValid },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }) },
  );
}
