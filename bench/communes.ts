/**
 * Seeded generators of commune inputs for a criterion set, shared by the differential test and
 * the benchmark. Values cluster on the set's thresholds (equal, just above, just below), because
 * that is where two implementations of a comparison disagree if they disagree at all.
 */
import type { CommuneInput } from '../src/schema/input.js';
import type { CriterionSet, Indicator } from '../src/schema/criterion-set.js';
import type { RegionCode } from '../src/schema/common.js';
import { requirementLeaves, type RequirementSpec } from '../src/schema/requirement.js';
import { getGroupRules } from '../src/groups/derive.js';

/** A seeded pseudo-random source in [0, 1): mulberry32, small and fast, the same on every machine. */
export type Random = () => number;

/**
 * A seeded random source.
 *
 * @example const r = seededRandom(42); r() // 0.6011037519201636, every time
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const REGIONS: readonly RegionCode[] = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'];
const MET_WORDS = ['met', 'Đạt', 'đạt', 'x', 'DAT'] as const;
const NOT_MET_WORDS = ['not-met', 'Không đạt', 'KHÔNG ĐẠT', 'Chưa đạt', 'not met'] as const;
const NA_WORDS = ['not-applicable', 'N/A', 'Không áp dụng', 'na'] as const;
/** Offsets from a threshold: on it, and a hair, a tenth, a half and a unit either side. */
const OFFSETS = [0, 0, 0, 1e-9, -1e-9, 0.01, -0.01, 0.1, -0.1, 0.5, -0.5, 1, -1, 3, -3] as const;

/** Every numeric threshold a requirement may resolve to, over all its cases. */
export function thresholdsOf(spec: RequirementSpec): number[] {
  return requirementLeaves(spec).flatMap(({ leaf }) => (leaf.kind === 'compare' ? [leaf.value] : []));
}

/** Whether any resolution of the requirement is `is-met` (so values must be yes/no). */
function asksYesNo(spec: RequirementSpec): boolean {
  return requirementLeaves(spec).some(({ leaf }) => leaf.kind === 'is-met');
}

/** What kind of value an indicator takes, worked out once per set. */
interface IndicatorPlan {
  code: string;
  type: Indicator['measure']['type'];
  /** `yes-no`, `number`, `either` (unknown measure and requirement), or `verdict-only` (category). */
  takes: 'yes-no' | 'number' | 'either' | 'verdict-only';
  thresholds: number[];
}

function planOf(ind: Indicator): IndicatorPlan {
  const t = ind.measure.type;
  const thresholds = thresholdsOf(ind.requirement);
  let takes: IndicatorPlan['takes'];
  if (t === 'category') takes = 'verdict-only';
  else if (t === 'boolean' || (t === 'unknown' && asksYesNo(ind.requirement))) takes = 'yes-no';
  else if (t === 'unknown' && thresholds.length === 0) takes = 'either';
  else takes = 'number';
  return { code: ind.code, type: t, takes, thresholds };
}

/** A number on or near one of the thresholds (or anywhere plausible), valid for the measure. */
function nearThreshold(random: Random, plan: IndicatorPlan): number {
  let n: number;
  if (plan.thresholds.length === 0 || random() < 0.08) {
    n = plan.type === 'percent' ? random() * 100 : random() * (plan.thresholds[0] ?? 100) * 2;
  } else {
    n = pick(random, plan.thresholds) + pick(random, OFFSETS);
  }
  if (plan.type === 'percent') n = Math.min(100, Math.max(0, n));
  if (plan.type === 'count') n = Math.max(0, Math.round(n));
  if (plan.type === 'amount') n = Math.max(0, n);
  return n;
}

/** A number as offices write it: as is, or as text with a decimal comma or point (and " %"). */
function asWritten(random: Random, n: number, type: IndicatorPlan['type']): number | string {
  const text = String(n);
  // Only plain decimals can be written as text; "1e-7" is not how anyone types a number.
  if (!/^\d+(\.\d+)?$/.test(text)) return n;
  const r = random();
  if (r < 0.6) return n;
  if (r < 0.8) return text.replace('.', ',');
  if (r < 0.92 || type !== 'percent') return text;
  return `${text.replace('.', ',')} %`;
}

function verdictWord(random: Random): string {
  const r = random();
  return r < 0.45 ? pick(random, MET_WORDS) : r < 0.9 ? pick(random, NOT_MET_WORDS) : pick(random, NA_WORDS);
}

function valueFor(random: Random, plan: IndicatorPlan, written: boolean): number | string | boolean {
  switch (plan.takes) {
    case 'yes-no':
      return written && random() < 0.3 ? pick(random, [...MET_WORDS.slice(0, 3), ...NOT_MET_WORDS.slice(0, 3)]) : random() < 0.6;
    case 'either':
    case 'number': {
      if (plan.takes === 'either' && random() < 0.3) return random() < 0.5;
      const n = nearThreshold(random, plan);
      return written ? asWritten(random, n, plan.type) : n;
    }
    case 'verdict-only':
      return written ? verdictWord(random) : random() < 0.6 ? 'met' : 'not-met';
  }
}

/** One indicator's data as a commune input carries it. */
type IndicatorEntry = NonNullable<CommuneInput['indicators']>[string];

/** Any data an office might send for one indicator, or `undefined` to leave it out. */
function messyEntry(random: Random, plan: IndicatorPlan): IndicatorEntry | undefined {
  const r = random();
  if (r < 0.16) return undefined;
  if (r < 0.19) return null;
  if (plan.takes === 'verdict-only') {
    if (r < 0.75) return verdictWord(random);
    return { verdict: verdictWord(random), ...(random() < 0.3 ? { note: 'ghi chú' } : {}) };
  }
  if (r < 0.64) {
    const v = valueFor(random, plan, true);
    // A bare verdict word is read as the agency's verdict; yes/no text values go in `value`.
    return typeof v === 'string' && plan.takes === 'yes-no' ? { value: v } : v;
  }
  if (r < 0.74) return verdictWord(random);
  if (r < 0.95) {
    const withValue = random() < 0.8;
    const withVerdict = random() < 0.8;
    return {
      ...(withValue ? { value: valueFor(random, plan, true) } : random() < 0.3 ? { value: null } : {}),
      ...(withVerdict ? { verdict: verdictWord(random) } : random() < 0.3 ? { verdict: null } : {}),
      ...(random() < 0.25 ? { note: `Nguồn: báo cáo ${plan.code}` } : {}),
    };
  }
  return { note: 'chưa có số liệu' };
}

/** Ways to break an input; both paths must report them identically. */
const BREAKAGES: ReadonlyArray<(input: CommuneInput & { indicators: Record<string, unknown> }, plans: readonly IndicatorPlan[], random: Random) => void> = [
  (i) => { i.indicators['99.9'] = 1; },
  (i, plans, random) => {
    const p = plans.find((x) => x.type === 'percent');
    if (p) i.indicators[p.code] = random() < 0.5 ? 150 : '-3,5';
  },
  (i, plans) => {
    const p = plans.find((x) => x.takes === 'number');
    if (p) i.indicators[p.code] = 'abc';
  },
  (i) => { i.year = 2000; },
  (i) => { (i as Record<string, unknown>).extra = true; },
  (i) => { i.criteria = { ...i.criteria, '1': 'maybe' }; },
  (i) => { i.classes = ['nowhere']; delete i.region; },
  (i, plans) => {
    const p = plans.find((x) => x.takes === 'number');
    if (p) i.indicators[p.code] = { value: Number.NaN };
  },
  (i, plans) => {
    const p = plans.find((x) => x.type === 'count');
    if (p) i.indicators[p.code] = 2.5;
  },
];

/** Options of {@link generateCommunes}. */
export interface GenerateOptions {
  count: number;
  seed: number;
  /**
   * `messy` (default): everything offices send — text numbers with a decimal comma, verdict words,
   * verdicts that contradict values, notes, nulls, missing values, criterion verdicts, every
   * region column directly or through `classes`, several years, and about 1.5 % broken inputs
   * (and a few duplicate ids). `clean`: every indicator has a valid value (numbers and yes/no,
   * verdict words only where a verdict is the only way), no criterion verdicts, two years —
   * the shape a benchmark and a hand-written loop can both read.
   */
  profile?: 'messy' | 'clean';
  /** Prefix of the generated commune ids. */
  idPrefix?: string;
}

/**
 * Seeded commune inputs for `set`: the same options give the same inputs on every run.
 *
 * @example
 * const inputs = generateCommunes(getCriterionSet('dak-nong/commune-ntm/2022'), { count: 1000, seed: 7 });
 */
export function generateCommunes(set: CriterionSet, options: GenerateOptions): CommuneInput[] {
  const random = seededRandom(options.seed);
  const plans = set.criteria.flatMap((c) => c.indicators).map(planOf);
  const classes = Object.values(set.dimensions).flatMap((d) => (d.kind === 'column' ? d.overrides.map((o) => o.class) : []));
  const firstYear = Number(set.effectiveFrom.slice(0, 4));
  // Years the set is in force (to the year it ends, which still counts), at most six of them.
  const years = Math.min(6, set.effectiveTo === undefined ? 6 : Number(set.effectiveTo.slice(0, 4)) - firstYear + 1);
  const prefix = options.idPrefix ?? `c${options.seed}-`;
  const out: CommuneInput[] = [];
  for (let n = 0; n < options.count; n++) {
    out.push(options.profile === 'clean' ? cleanCommune(random, plans, set, classes, firstYear, years, `${prefix}${n}`) : messyCommune(random, plans, set, classes, firstYear, years, `${prefix}${n}`, out));
  }
  return out;
}

/**
 * Values for the column dimensions the set declares without a default that `input` leaves open,
 * so that it can be evaluated: a column given (`region` as before, else in `dimensions`) or,
 * where the set declares a derivation and `facts` is true, half the time the facts it reads
 * (now and then one of them unknown). Sets with a default on every dimension get nothing: their
 * inputs stay as they were.
 */
function openDimensions(random: Random, set: CriterionSet, input: Record<string, unknown>, facts: boolean): void {
  for (const [id, d] of Object.entries(set.dimensions)) {
    if (d.kind !== 'column' || d.default !== null || input[id] !== undefined) continue;
    const classes = (input.classes as string[] | undefined) ?? [];
    if (classes.some((c) => d.overrides.some((o) => o.class === c))) continue;
    if (facts && d.derivation !== undefined && random() < 0.5) {
      const given: Record<string, unknown> = (input.facts as Record<string, unknown> | undefined) ?? {};
      for (const f of getGroupRules(d.derivation.rules).facts) {
        given[f.id] = random() < 0.05 ? null : f.type === 'category' ? pick(random, f.values) : f.type === 'boolean' ? random() < 0.3 : Math.round(random() * 1000) / 10;
      }
      input.facts = given;
    } else if (id === 'region') input.region = pick(random, d.columns).key;
    else input.dimensions = { ...(input.dimensions as Record<string, string> | undefined), [id]: pick(random, d.columns).key };
  }
}

function cleanCommune(random: Random, plans: readonly IndicatorPlan[], set: CriterionSet, classes: readonly string[], firstYear: number, years: number, communeId: string): CommuneInput {
  const indicators: Record<string, number | boolean | string> = {};
  for (const plan of plans) indicators[plan.code] = valueFor(random, plan, false);
  const r = random();
  const input: CommuneInput = {
    communeId,
    year: firstYear + Math.min(years - 1, 1 + Math.floor(random() * 2)),
    ...(r < 0.3 ? { region: pick(random, REGIONS) } : r < 0.5 && classes.length > 0 ? { classes: [pick(random, classes)] } : {}),
    indicators,
  };
  openDimensions(random, set, input, false);
  return input;
}

function messyCommune(
  random: Random,
  plans: readonly IndicatorPlan[],
  set: CriterionSet,
  classes: readonly string[],
  firstYear: number,
  years: number,
  communeId: string,
  earlier: readonly CommuneInput[],
): CommuneInput {
  const indicators: Record<string, unknown> = {};
  for (const plan of plans) {
    const entry = messyEntry(random, plan);
    if (entry !== undefined) indicators[plan.code] = entry;
  }
  const criteria: Record<string, string> = {};
  for (const c of set.criteria) {
    if (random() < 0.12) criteria[c.number] = random() < 0.5 ? pick(random, MET_WORDS) : pick(random, NOT_MET_WORDS);
  }
  const r = random();
  const regionPart =
    r < 0.35
      ? {}
      : r < 0.6
        ? { region: pick(random, REGIONS) }
        : r < 0.85 && classes.length > 0
          ? { classes: random() < 0.8 ? [pick(random, classes)] : [pick(random, classes), pick(random, classes)] }
          : { region: pick(random, REGIONS), classes: classes.length > 0 ? [pick(random, classes)] : [] };
  const input = {
    communeId: earlier.length > 0 && random() < 0.002 ? pick(random, earlier).communeId : communeId,
    ...(random() < 0.5 ? { name: `Xã ${communeId}` } : {}),
    year: firstYear + Math.floor(random() * years),
    ...regionPart,
    indicators,
    ...(Object.keys(criteria).length > 0 ? { criteria } : {}),
  } as CommuneInput & { indicators: Record<string, unknown> };
  // Now and then a commune says nothing of a dimension the set needs: an error, as it should be.
  if (random() >= 0.005) openDimensions(random, set, input, true);
  if (random() < 0.015) pick(random, BREAKAGES)(input, plans, random);
  return input;
}
