import * as z from 'zod';
import { mergeReasons } from '../requirement/reasons.js';
import type { CommuneResult, EvaluationErrorRecord } from '../schema/result.js';
import { StatusSchema } from '../schema/result.js';
import {
  DistrictDataSchema,
  type CommuneTarget,
  type DistrictData,
  type Plan,
  type PlanTarget,
  type TargetOutcome,
  type TargetStatus,
} from '../schema/plan.js';
import type { CommuneInput } from '../schema/input.js';
import { NtmError, issuesFromZod, type NtmIssue } from '../errors.js';
import { formatQuantity } from '../requirement/format.js';
import { resolveRequirement } from '../requirement/resolve.js';
import { findCommune } from './communes.js';
import { resolvePlan } from './registry.js';
import { setSeries } from './work-list.js';
import { revocationRisk } from '../recognition/revocation.js';
import { countInRange, figureAgainst, resultReasons } from '../mechanisms/index.js';

/** A batch entry: a result, or the record of an input that could not be evaluated. */
type Entry = CommuneResult | EvaluationErrorRecord;

/** The data {@link evaluateTargets} judges the plan's targets on. */
export interface TargetData {
  /** Results for the plan year under the commune set (a batch from `evaluateCommunes` is fine). */
  current: readonly Entry[];
  /** Results for the baseline year of `gain-criteria` targets. */
  baseline?: readonly Entry[];
  /** Results under the advanced set, for `advanced-criteria` targets. */
  advanced?: readonly Entry[];
  /** District figures and commune populations, for `district-figure` targets. */
  district?: DistrictData;
}

const EntryShape = z.union([
  z.looseObject({ index: z.number(), communeId: z.string().optional(), error: z.looseObject({ code: z.string() }) }),
  z.looseObject({
    communeId: z.string(),
    name: z.string().optional(),
    setId: z.string(),
    year: z.number(),
    status: StatusSchema,
    criteriaMet: z.number().int().min(0),
    criteriaNotMet: z.number().int().min(0),
    criteriaUndetermined: z.number().int().min(0),
    criteria: z.array(z.looseObject({ number: z.string(), status: StatusSchema })),
  }),
]);

/** Entries of one kind of data, by plan commune id. */
type Slot = ReadonlyMap<string, Array<{ index: number; entry: Entry }>>;

/** Checks the entries' shape and files them under the plan's communes (matched by id, name or alias). */
function slotOf(plan: Plan, entries: readonly Entry[] | undefined, name: string, issues: NtmIssue[]): Slot {
  const slot = new Map<string, Array<{ index: number; entry: Entry }>>();
  if (entries === undefined) return slot;
  if (!Array.isArray(entries)) {
    issues.push({ code: 'not-an-array', path: [name], message: `${name} must be an array of evaluation results` });
    return slot;
  }
  entries.forEach((entry, index) => {
    const parsed = EntryShape.safeParse(entry);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error.issues, [name, index]));
      return;
    }
    const commune =
      (entry.communeId === undefined ? undefined : findCommune(entry.communeId, plan)) ??
      ('name' in entry && entry.name !== undefined ? findCommune(entry.name, plan) : undefined);
    if (commune) slot.set(commune.id, [...(slot.get(commune.id) ?? []), { index, entry }]);
  });
  return slot;
}

/** The one result of a commune under a set series in a slot, or the error that stands in for it. */
function pick(
  slot: Slot,
  name: string,
  communeId: string,
  series: string,
): { result?: CommuneResult; error?: EvaluationErrorRecord; otherSets: string[] } {
  const list = slot.get(communeId) ?? [];
  const results = list.filter((x): x is { index: number; entry: CommuneResult } => !('error' in x.entry));
  const mine = results.filter((x) => setSeries(x.entry.setId) === series);
  if (mine.length > 1) {
    throw new NtmError('INVALID_ARGUMENT', [
      { code: 'duplicate-commune', path: [name, mine[1]!.index, 'communeId'], message: `a second ${series} result for commune "${communeId}" (first at index ${mine[0]!.index})` },
    ]);
  }
  const error = list.find((x) => 'error' in x.entry)?.entry as EvaluationErrorRecord | undefined;
  return {
    ...(mine[0] ? { result: mine[0].entry } : error ? { error } : {}),
    otherSets: results.filter((x) => setSeries(x.entry.setId) !== series).map((x) => x.entry.setId),
  };
}

/** Why a result is undetermined, as reasons (the mechanisms' reading: its own `why`, else its criteria's). */
const reasonsOf = resultReasons;

/** What would decide each undetermined criterion of a result. */
function undecidedCriteria(r: CommuneResult): string[] {
  return r.criteria
    .filter((c) => c.status === 'undetermined')
    .map((c) => {
      const why = c.undeterminedBecause;
      const needs: string[] = [];
      if (why && why.missing.length > 0) needs.push(`a value or verdict for ${why.missing.join(', ')}`);
      if (why && why.thresholdUnknown.length > 0) needs.push(`a verdict for ${why.thresholdUnknown.join(', ')} (threshold unknown)`);
      if (!why || why.indicatorListIncomplete) needs.push('a criterion-level verdict (the set does not list all its indicators)');
      return `criterion ${c.number}: ${needs.join('; ')}`;
    });
}

/** Describes a result that is absent or unusable for a target, as the `missing` entry. */
function absence(found: { error?: EvaluationErrorRecord; otherSets: string[] }, what: string): string {
  if (found.error) return `${what} (the input could not be evaluated: ${found.error.error.code})`;
  if (found.otherSets.length > 0) return `${what} (only results under ${found.otherSets.join(', ')} were given)`;
  return what;
}

function outcome(t: PlanTarget, status: TargetStatus, detail: TargetOutcome['detail']): TargetOutcome {
  // Every undetermined outcome says why as reasons; without results to read, the data the target needs is missing.
  const why = status === 'undetermined' && detail.why === undefined ? { why: [{ code: 'missing-data' as const, items: [t.id] }] } : {};
  return { targetId: t.id, kind: t.kind, ...('communeId' in t ? { communeId: t.communeId } : {}), target: t, status, detail: { ...detail, ...why } };
}

/** A target's status from a mechanism's: met is achieved. */
const TARGET_STATUS = { met: 'achieved', 'not-met': 'not-achieved', undetermined: 'undetermined' } as const;

/** The status a count reaches: achieved at `met ≥ n`, not achieved when even every undecided one could not get there. */
function countStatus(met: number, undecided: number, n: number): TargetStatus {
  return TARGET_STATUS[countInRange.evaluate({ min: met, max: met + undecided, atLeast: n }).status];
}

/** `reach-standard` and `keep-standard`: every criterion of the set met in the plan year. */
function standardOutcome(plan: Plan, t: Extract<PlanTarget, { kind: 'reach-standard' | 'keep-standard' }>, current: Slot): TargetOutcome {
  const name = communeName(plan, t.communeId);
  const want = `a ${t.setId} result for ${t.communeId} in ${plan.year}`;
  const found = pick(current, 'current', t.communeId, setSeries(t.setId));
  const r = found.result;
  if (!r || r.year !== plan.year) {
    const missing = [r ? `${want} (the result given is for ${r.year})` : absence(found, want)];
    return outcome(t, 'undetermined', { textEn: `${name}: no ${t.setId} result for ${plan.year} to judge by.`, missing });
  }
  const total = r.criteria.length;
  // A recognised commune that falls short may also lose its title: keep-standard says whether.
  const revocation = t.kind === 'keep-standard' ? revocationRisk(r) : undefined;
  const figures = {
    resultSetId: r.setId,
    criteriaMet: r.criteriaMet,
    criteriaUndetermined: r.criteriaUndetermined,
    criteriaTotal: total,
    required: total,
    ...(revocation ? { revocation } : {}),
  };
  const tail = revocation && r.status !== 'met' ? ` Revocation (18/2022/QĐ-TTg): ${revocation.textEn}.` : '';
  const verb = t.kind === 'keep-standard' ? 'keeps' : 'reaches';
  if (r.status === 'met') {
    return outcome(t, 'achieved', { textEn: `${name} ${verb} the standard: all ${total} criteria of ${r.setId} are met in ${r.year}.`, missing: [], ...figures });
  }
  if (r.status === 'not-met') {
    const notMet = r.criteria.filter((c) => c.status === 'not-met').map((c) => c.number);
    return outcome(t, 'not-achieved', { textEn: `${name} meets ${r.criteriaMet} of ${total} criteria in ${r.year}; not met: ${notMet.join(', ')}.${tail}`, missing: [], ...figures, notMet });
  }
  const missing = undecidedCriteria(r);
  return outcome(t, 'undetermined', {
    textEn: `${name} meets ${r.criteriaMet} of ${total} criteria in ${r.year}, none is not met, ${r.criteriaUndetermined} cannot be decided.${tail}`,
    missing,
    why: reasonsOf(r),
    ...figures,
  });
}

/** `gain-criteria`: at least `minGain` more criteria met than in the baseline year. */
function gainOutcome(plan: Plan, t: Extract<PlanTarget, { kind: 'gain-criteria' }>, current: Slot, baseline: Slot): TargetOutcome {
  const name = communeName(plan, t.communeId);
  const series = setSeries(t.setId);
  const now = pick(current, 'current', t.communeId, series);
  const before = pick(baseline, 'baseline', t.communeId, series);
  const missing: string[] = [];
  const wantNow = `a ${t.setId} result for ${t.communeId} in ${plan.year}`;
  const wantBefore = `a baseline ${t.setId} result for ${t.communeId} in ${t.baselineYear}`;
  if (!now.result) missing.push(absence(now, wantNow));
  else if (now.result.year !== plan.year) missing.push(`${wantNow} (the result given is for ${now.result.year})`);
  if (!before.result) missing.push(absence(before, wantBefore));
  else if (before.result.year !== t.baselineYear) missing.push(`${wantBefore} (the baseline given is for ${before.result.year})`);
  if (missing.length > 0) return outcome(t, 'undetermined', { textEn: `${name}: cannot compare ${plan.year} with ${t.baselineYear} without both results.`, missing, required: t.minGain });

  const r = now.result!;
  const b = before.result!;
  // Undecided criteria may still go either way, so the gain is known only as a range.
  const gain = { min: r.criteriaMet - (b.criteriaMet + b.criteriaUndetermined), max: r.criteriaMet + r.criteriaUndetermined - b.criteriaMet };
  const status: TargetStatus = TARGET_STATUS[countInRange.evaluate({ min: gain.min, max: gain.max, atLeast: t.minGain }).status];
  const figures = {
    resultSetId: r.setId,
    criteriaMet: r.criteriaMet,
    criteriaUndetermined: r.criteriaUndetermined,
    criteriaTotal: r.criteria.length,
    baselineCriteriaMet: b.criteriaMet,
    baselineCriteriaUndetermined: b.criteriaUndetermined,
    gain,
    required: t.minGain,
  };
  const range = gain.min === gain.max ? `${gain.min}` : `between ${gain.min} and ${gain.max}`;
  const textEn = `${name} meets ${r.criteriaMet} criteria in ${r.year} against ${b.criteriaMet} in ${b.year}: a gain of ${range} (at least ${t.minGain} required).`;
  const undecided = status === 'undetermined' ? [...undecidedCriteria(r), ...undecidedCriteria(b).map((s) => `${t.baselineYear} ${s}`)] : [];
  return outcome(t, status, { textEn, missing: undecided, ...(status === 'undetermined' ? { why: mergeReasons(reasonsOf(r), reasonsOf(b)) } : {}), ...figures });
}

/** `advanced-criteria`: at least `minCriteria` criteria of the advanced set met in the plan year. */
function advancedOutcome(plan: Plan, t: Extract<PlanTarget, { kind: 'advanced-criteria' }>, advanced: Slot): TargetOutcome {
  const name = communeName(plan, t.communeId);
  const want = `a ${t.setId} result for ${t.communeId} in ${plan.year}`;
  const found = pick(advanced, 'advanced', t.communeId, setSeries(t.setId));
  const r = found.result;
  if (!r || r.year !== plan.year) {
    const missing = [r ? `${want} (the result given is for ${r.year})` : absence(found, want)];
    return outcome(t, 'undetermined', { textEn: `${name}: no ${t.setId} result for ${plan.year} to judge by.`, missing, required: t.minCriteria });
  }
  const status = countStatus(r.criteriaMet, r.criteriaUndetermined, t.minCriteria);
  return outcome(t, status, {
    textEn: `${name} meets ${r.criteriaMet} criteria of ${r.setId} in ${r.year}${r.criteriaUndetermined > 0 ? ` (${r.criteriaUndetermined} undecided)` : ''}; at least ${t.minCriteria} required.`,
    missing: status === 'undetermined' ? undecidedCriteria(r) : [],
    ...(status === 'undetermined' ? { why: reasonsOf(r) } : {}),
    resultSetId: r.setId,
    criteriaMet: r.criteriaMet,
    criteriaUndetermined: r.criteriaUndetermined,
    criteriaTotal: r.criteria.length,
    required: t.minCriteria,
  });
}

/** `district-figure`: the district's own figure, else the communes' values weighted by population. */
function districtOutcome(plan: Plan, t: Extract<PlanTarget, { kind: 'district-figure' }>, current: Slot, district: DistrictData): TargetOutcome {
  const req = resolveRequirement({ kind: 'compare', operator: t.operator, value: t.value, source: t.source }, { region: null, year: plan.year }, t.measure.unit);
  const judge = (value: number, method: 'district-figure' | 'population-weighted', how: string, communesUsed?: string[]): TargetOutcome => {
    // Rounded like shortfalls, so 92.99999999999999 from a weighted mean does not fail a 93 % target.
    const v = Math.round(value * 1e9) / 1e9;
    const ok = figureAgainst.evaluate({ requirement: req, value: v, subject: t.id }).ok;
    return outcome(t, ok ? 'achieved' : 'not-achieved', {
      textEn: `${t.measure.nameEn}: ${formatQuantity(round2(v), t.measure.unit, 'en')} ${how}; ${req.textEn} required by ${t.by}.`,
      missing: [],
      value: v,
      required: t.value,
      method,
      ...(communesUsed ? { communesUsed } : {}),
      ...(method === 'population-weighted' && t.fromCommunes ? { reading: { indicator: t.fromCommunes.indicator, confidence: t.fromCommunes.source.confidence } } : {}),
    });
  };
  const figure = district.figures?.[t.id];
  if (figure !== undefined) return judge(figure, 'district-figure', 'as the district figure');

  const wantFigure = `the district figure "${t.id}" (district.figures)`;
  const from = t.fromCommunes;
  if (!from) return outcome(t, 'undetermined', { textEn: `${t.measure.nameEn}: no district figure given.`, missing: [wantFigure], required: t.value });

  const population = populationIndex(plan, district.population ?? {});
  const missing: string[] = [];
  let weighted = 0;
  let people = 0;
  for (const c of plan.communes) {
    const found = pick(current, 'current', c.id, setSeries(from.setId));
    const r = found.result;
    const value = r && r.year === plan.year ? indicatorValue(r, from.indicator) : undefined;
    if (typeof value !== 'number') missing.push(absence(found, `a ${from.indicator} value for ${c.id} in ${plan.year}`));
    else if (t.measure.type === 'percent' && (value < 0 || value > 100)) missing.push(`a ${from.indicator} value within 0–100 for ${c.id} (got ${value})`);
    const p = population.get(c.id);
    if (p === undefined) missing.push(`the population of ${c.id} (district.population)`);
    if (typeof value === 'number' && p !== undefined) {
      weighted += value * p;
      people += p;
    }
  }
  if (missing.length === 0 && people === 0) missing.push('a population above 0 for at least one commune');
  if (missing.length > 0) {
    return outcome(t, 'undetermined', {
      textEn: `${t.measure.nameEn}: no district figure, and the communes' ${from.indicator} values cannot be weighted (${missing.length} item(s) missing).`,
      missing: [wantFigure, ...missing],
      required: t.value,
    });
  }
  return judge(
    weighted / people,
    'population-weighted',
    `estimated from the ${plan.communes.length} communes' ${from.indicator} values weighted by population (reading ${from.indicator} as this figure is ${from.source.confidence})`,
    plan.communes.map((c) => c.id),
  );
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A numeric indicator value of a result, if it has one. */
function indicatorValue(r: CommuneResult, code: string): number | undefined {
  for (const c of r.criteria) {
    for (const i of c.indicators) if (i.code === code) return typeof i.value === 'number' ? i.value : undefined;
  }
  return undefined;
}

/** Population keyed by plan commune id; keys may be ids, names or aliases. */
function populationIndex(plan: Plan, population: Readonly<Record<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, p] of Object.entries(population)) {
    const c = findCommune(key, plan);
    if (c) out.set(c.id, p);
  }
  return out;
}

function communeName(plan: Plan, communeId: string): string {
  return plan.communes.find((c) => c.id === communeId)?.nameVi ?? communeId;
}

/**
 * Population by commune id, read from commune inputs (their optional `population`), for
 * `district.population`.
 *
 * @example evaluateTargets('dak-song/2023', { current, district: { population: populationByCommune(inputs) } })
 */
export function populationByCommune(inputs: readonly CommuneInput[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of inputs) if (typeof i.population === 'number') out[i.communeId] = i.population;
  return out;
}

/**
 * Judges every target of the plan on the data given: for each, `achieved`, `not-achieved`, or
 * `undetermined` with the data that would decide it (`detail.missing`). Results are matched to
 * the plan's communes by id, name or alias, and to targets by set series and year.
 *
 * @example
 * const outcomes = evaluateTargets('dak-song/2023', { current: results, district: { population } });
 * outcomes.find((o) => o.targetId === 'dak-n-drung-reach-standard')?.status // 'not-achieved'
 */
export function evaluateTargets(planOrId: string | Plan, data: TargetData): TargetOutcome[] {
  const plan = resolvePlan(planOrId);
  if (typeof data !== 'object' || data === null) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'invalid-data', path: [], message: 'expected { current, baseline?, advanced?, district? }' }]);
  }
  const issues: NtmIssue[] = [];
  if (data.current === undefined) issues.push({ code: 'required', path: ['current'], message: 'current results are required' });
  const current = slotOf(plan, data.current, 'current', issues);
  const baseline = slotOf(plan, data.baseline, 'baseline', issues);
  const advanced = slotOf(plan, data.advanced, 'advanced', issues);
  const parsedDistrict = DistrictDataSchema.safeParse(data.district ?? {});
  if (!parsedDistrict.success) issues.push(...issuesFromZod(parsedDistrict.error.issues, ['district']));
  const district = parsedDistrict.success ? parsedDistrict.data : {};
  for (const id of Object.keys(district.figures ?? {})) {
    const t = plan.targets.find((x) => x.id === id);
    if (!t || t.kind !== 'district-figure') issues.push({ code: 'unknown-target', path: ['district', 'figures', id], message: `${plan.id} has no district-figure target "${id}"` });
    else if (t.measure.type === 'percent' && (district.figures![id]! < 0 || district.figures![id]! > 100)) {
      issues.push({ code: 'out-of-range', path: ['district', 'figures', id], message: `a percentage must lie in 0–100, got ${district.figures![id]}` });
    }
  }
  for (const key of Object.keys(district.population ?? {})) {
    if (!findCommune(key, plan)) issues.push({ code: 'unknown-commune', path: ['district', 'population', key], message: `"${key}" is not a commune of ${plan.id}` });
  }
  if (issues.length > 0) throw new NtmError('INVALID_ARGUMENT', issues);

  return plan.targets.map((t) => {
    switch (t.kind) {
      case 'reach-standard':
      case 'keep-standard':
        return standardOutcome(plan, t, current);
      case 'gain-criteria':
        return gainOutcome(plan, t, current, baseline);
      case 'advanced-criteria':
        return advancedOutcome(plan, t, advanced);
      case 'district-figure':
        return districtOutcome(plan, t, current, district);
    }
  });
}

/** The targets of one commune (by id, name or alias), in plan order. */
export function targetsOf(commune: string, planOrId?: string | Plan): CommuneTarget[] {
  const plan = resolvePlan(planOrId);
  const c = findCommune(commune, plan);
  return c ? plan.targets.filter((t): t is CommuneTarget => 'communeId' in t && t.communeId === c.id) : [];
}
