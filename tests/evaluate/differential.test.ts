/**
 * The compiled path against the reference (json-rules-engine): on seeded random communes (6,000
 * in `npm test`, 100,000 in `npm run test:full`), both give identical batch entries — whole results, deep-equal, not just statuses.
 * Inputs cluster on thresholds (on them, a hair and a unit either side), mix text decimals,
 * verdict words, value/verdict conflicts, criterion verdicts, missing values, every regional
 * column (directly and through `classes`), several years and about 1.5 % broken inputs.
 */
import { isDeepStrictEqual } from 'node:util';
import { visitRequirement } from '../../src/schema/requirement.js';
import { describe, expect, it } from 'vitest';
import {
  CommuneInputSchema,
  evaluateCommunes,
  getCriterionSet,
  isEvaluationError,
  loadCriterionSet,
  type BatchEntry,
  type CriterionSet,
  type RequirementSpec,
} from '../../src/index.js';
import { plainCommuneInput } from '../../src/evaluate/normalize.js';
import { generateCommunes } from '../../bench/communes.js';
import { syntheticCriterionSet } from '../../bench/synthetic-set.js';
import { count as n, sized } from '../scale.js';

/** Communes per evaluateCommunes call: large enough to amortise, small enough to hold twice. */
const BATCH = 2_000;

/** What a run saw, so that the test fails if the generator stops producing the hard cases. */
interface Coverage {
  communes: number;
  errors: number;
  indicatorStatus: Record<string, number>;
  criterionStatus: Record<string, number>;
  communeStatus: Record<string, number>;
  regions: Set<string | null>;
  operators: Set<string>;
  onThreshold: number;
  indicatorConflicts: number;
  criterionConflicts: number;
  criterionVerdicts: number;
  shortcutAccepted: number;
}

function emptyCoverage(): Coverage {
  return {
    communes: 0,
    errors: 0,
    indicatorStatus: {},
    criterionStatus: {},
    communeStatus: {},
    regions: new Set(),
    operators: new Set(),
    onThreshold: 0,
    indicatorConflicts: 0,
    criterionConflicts: 0,
    criterionVerdicts: 0,
    shortcutAccepted: 0,
  };
}

const bump = (tally: Record<string, number>, key: string): void => {
  tally[key] = (tally[key] ?? 0) + 1;
};

function record(coverage: Coverage, entry: BatchEntry): void {
  coverage.communes++;
  if (isEvaluationError(entry)) {
    coverage.errors++;
    return;
  }
  bump(coverage.communeStatus, entry.status);
  coverage.regions.add(entry.region);
  for (const c of entry.criteria) {
    bump(coverage.criterionStatus, c.status);
    if (c.verdict !== null) coverage.criterionVerdicts++;
    if (c.conflict) coverage.criterionConflicts++;
    for (const i of c.indicators) {
      bump(coverage.indicatorStatus, i.status);
      if (i.conflict) coverage.indicatorConflicts++;
      if (i.requirement.kind === 'compare') {
        coverage.operators.add(i.requirement.operator);
        if (i.value === i.requirement.value) coverage.onThreshold++;
      } else if (i.requirement.kind === 'is-met') coverage.operators.add('is-met');
    }
  }
}

/**
 * Runs `count` seeded communes through both paths in batches and returns what it saw. Every
 * entry must be deep-equal (`isDeepStrictEqual`: same keys, same values, same types); the first
 * mismatches are shown with vitest's diff.
 */
async function compareBothPaths(set: CriterionSet, count: number, seed: number): Promise<Coverage> {
  const coverage = emptyCoverage();
  for (let done = 0; done < count; done += BATCH) {
    const inputs = generateCommunes(set, { count: Math.min(BATCH, count - done), seed: seed * 1_000_003 + done, idPrefix: `s${seed}-${done}-` });
    const fast = await evaluateCommunes(set, inputs);
    // The reference builds every result afresh, so the comparison checks the shared results too.
    const reference = await evaluateCommunes(set, inputs, { engine: 'json-rules-engine', shareResults: false });
    expect(fast).toHaveLength(inputs.length);
    expect(reference).toHaveLength(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      if (!isDeepStrictEqual(fast[i], reference[i])) {
        // Same assertion, for a readable diff of the first mismatch and the input that caused it.
        expect({ input: inputs[i], entry: fast[i] }).toStrictEqual({ input: inputs[i], entry: reference[i] });
      }
      record(coverage, fast[i]!);
    }
    // The schema shortcut of normalizeInput: whatever it accepts, the schema accepts unchanged.
    for (let i = 0; i < inputs.length; i += 7) {
      const shortcut = plainCommuneInput(inputs[i]);
      if (shortcut === null) continue;
      coverage.shortcutAccepted++;
      const parsed = CommuneInputSchema.safeParse(inputs[i]);
      expect(parsed.success).toBe(true);
      expect(shortcut).toStrictEqual(parsed.data);
    }
  }
  return coverage;
}

/** The hard cases each run must have met, so that equality is not shown on easy data only. */
function expectBroadCoverage(c: Coverage, count: number, options: { regionColumns: number; operators: string[] }): void {
  expect(c.communes).toBe(count);
  expect(c.errors).toBeGreaterThan(count * 0.005);
  expect(c.errors).toBeLessThan(count * 0.05);
  for (const s of ['met', 'not-met', 'missing', 'threshold-unknown', 'not-applicable']) expect(c.indicatorStatus[s] ?? 0).toBeGreaterThan(100);
  for (const s of ['met', 'not-met', 'undetermined']) expect(c.criterionStatus[s] ?? 0).toBeGreaterThan(100);
  expect(c.communeStatus['not-met'] ?? 0).toBeGreaterThan(100);
  expect(c.regions.size).toBeGreaterThanOrEqual(options.regionColumns);
  expect([...c.operators].sort()).toEqual([...options.operators].sort());
  expect(c.onThreshold).toBeGreaterThan(count * 0.1);
  expect(c.indicatorConflicts).toBeGreaterThan(100);
  expect(c.criterionVerdicts).toBeGreaterThan(100);
  expect(c.criterionConflicts).toBeGreaterThan(10);
  expect(c.shortcutAccepted).toBeGreaterThan(count / 7 / 2);
}

const ALL_OPERATORS = ['>=', '<=', '>', '<', '=', 'is-met'];

/** Every operator (and `is-met`) a set's requirements use, over all regions and years. */
function operatorsOf(set: CriterionSet): string[] {
  const found = new Set<string>();
  const walk = (spec: RequirementSpec): void =>
    visitRequirement(spec, ({ leaf }) => {
      if (leaf.kind === 'compare') found.add(leaf.operator);
      else if (leaf.kind === 'is-met') found.add('is-met');
    });
  for (const c of set.criteria) for (const i of c.indicators) walk(i.requirement);
  return [...found];
}

const SIZES = { shapes: sized(2_000, 40_000), noRegion: sized(1_000, 8_000), fullSize: sized(1_000, 7_000), bundled: sized(2_000, 45_000) };
const TOTAL = SIZES.shapes + SIZES.noRegion + SIZES.fullSize + SIZES.bundled;

describe(`compiled path = json-rules-engine path (differential, ${n(TOTAL)} seeded communes)`, () => {
  it(`synthetic set, one indicator of every requirement shape (Tây Nguyên default): ${n(SIZES.shapes)} communes`, async () => {
    // 19 shapes in 8 criteria: every operator, is-met, `by` region with and without gaps, `by` date.
    const set = loadCriterionSet(syntheticCriterionSet({ criteria: 8, indicators: 21 }));
    const coverage = await compareBothPaths(set, SIZES.shapes, 1);
    expectBroadCoverage(coverage, SIZES.shapes, { regionColumns: 7, operators: ALL_OPERATORS });
  }, 240_000);

  it(`synthetic set without a default column (a commune without a region is an error): ${n(SIZES.noRegion)} communes`, async () => {
    const set = loadCriterionSet(syntheticCriterionSet({ region: null, criteria: 8, indicators: 21 }));
    const coverage = await compareBothPaths(set, SIZES.noRegion, 2);
    expectBroadCoverage(coverage, SIZES.noRegion, { regionColumns: 7, operators: ALL_OPERATORS });
    // Every commune evaluated has its column: none is judged without one.
    expect(coverage.regions.has(null)).toBe(false);
  }, 240_000);

  it(`synthetic set of full size (19 criteria, 57 indicators): ${n(SIZES.fullSize)} communes`, async () => {
    const set = loadCriterionSet(syntheticCriterionSet());
    expect(operatorsOf(set).sort()).toEqual([...ALL_OPERATORS].sort());
    const coverage = await compareBothPaths(set, SIZES.fullSize, 3);
    expectBroadCoverage(coverage, SIZES.fullSize, { regionColumns: 7, operators: ALL_OPERATORS });
  }, 240_000);

  it(`bundled set dak-nong/commune-ntm/2022: ${n(SIZES.bundled)} communes`, async () => {
    const set = getCriterionSet('dak-nong/commune-ntm/2022');
    const coverage = await compareBothPaths(set, SIZES.bundled, 4);
    // The bundled set knows few thresholds; each operator it uses must have been exercised.
    expectBroadCoverage(coverage, SIZES.bundled, { regionColumns: 7, operators: operatorsOf(set) });
  }, 240_000);
});
