import { z } from 'zod';
import { defaultRegion } from '../rules/dimensions.js';
import type { Condition, CriterionSet } from '../schema/criterion-set.js';
import { RegionCodeSchema, SourceSchema, type RegionCode } from '../schema/common.js';
import { IndicatorInputSchema } from '../schema/input.js';
import {
  CriterionResultSchema,
  RequirementSchema,
  StatusSchema,
  type CommuneResult,
  type Requirement,
} from '../schema/result.js';
import { NtmError, issuesFromZod, type NtmIssue } from '../errors.js';
import { compareRequirement, shortfall } from '../requirement/compare.js';
import { formatQuantity } from '../requirement/format.js';
import { resolveRequirement } from '../requirement/resolve.js';
import { getCriterionSet, listCriterionSets } from '../rules/registry.js';
import { resolveSet } from '../rules/registry.js';
import { criterionSetInForce } from '../versions/in-force.js';
import { assembleResult } from '../evaluate/assemble.js';
import { compiledComparisons } from '../evaluate/compiled-path.js';
import { normalizeInput } from '../evaluate/normalize.js';
import { prepareSet } from '../evaluate/prepare.js';
import { parseDecimal, parseVerdict } from '../evaluate/words.js';

/**
 * A commune's outcome as district and model conditions read it: a full {@link CommuneResult}
 * is accepted (its other fields are ignored), or just these fields.
 */
export const CommuneOutcomeSchema = z.object({
  communeId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  setId: z.string().max(200),
  year: z.number().int(),
  status: StatusSchema,
});
export type CommuneOutcome = z.infer<typeof CommuneOutcomeSchema>;

/** A percentage as data gives it: a number, or text such as `"93,5"`. */
const PercentInputSchema = z.union([z.number(), z.string().max(50)]);

/** A verdict word (`Đạt`, `Không đạt`, `met`, `not-met`, …) or a yes/no. */
const VerdictInputSchema = z.union([z.string().max(50), z.boolean()]);

/** A district's data for one year, for {@link evaluateDistrict}. */
export const DistrictInputSchema = z.strictObject({
  districtId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100),
  /** Every commune of the district, with its result under the commune NTM set. */
  communes: z.array(CommuneOutcomeSchema).min(1).max(1000),
  /** Results under the advanced commune set, for the communes assessed on it. */
  advancedCommunes: z.array(CommuneOutcomeSchema).max(1000).optional(),
  /**
   * The district's townships (thị trấn) and whether each meets the civilised-urban standard
   * (đô thị văn minh); `[]` when the district has none. Absent: not known.
   */
  townships: z
    .array(z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), civilisedUrban: VerdictInputSchema.nullable() }))
    .max(100)
    .optional(),
  /** Survey results (%): district-wide, and per commune per content item. */
  satisfaction: z
    .strictObject({
      district: PercentInputSchema.optional(),
      communes: z.record(z.string().max(200), z.record(z.string().max(200), PercentInputSchema)).optional(),
    })
    .optional(),
  /** District indicators (e.g. transport 2.1, 2.2, 2.4): values and/or verdicts, as for communes. */
  indicators: z.record(z.string().max(50), IndicatorInputSchema).optional(),
  /** Verdicts on the district criteria, keyed by number ("1"…"9"). */
  criteria: z.record(z.string().max(50), z.string().max(50)).optional(),
  /** Official verdicts on conditions, keyed by id (`D3`): the verdict stands, a disagreement is flagged. */
  conditions: z.record(z.string().max(10), VerdictInputSchema).optional(),
});
export type DistrictInput = z.input<typeof DistrictInputSchema>;

/** A commune's data for one year, for {@link evaluateModelCommune}. */
export const ModelCommuneInputSchema = z.strictObject({
  communeId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100),
  /** Regional column for year- and region-dependent references (income). */
  region: RegionCodeSchema.optional(),
  /** The commune's result under the advanced commune set (for "meets the advanced set"). */
  advanced: CommuneOutcomeSchema.optional(),
  /** Per-capita income at the time of assessment, in the unit of the income condition. */
  income: PercentInputSchema.optional(),
  /** Counts by subject, e.g. `{ "smart-village-models": 1, "outstanding-fields": 1 }`. */
  counts: z.record(z.string().max(100), z.number().int().min(0).max(1_000_000)).optional(),
  /** Official verdicts on conditions, keyed by id (`M3`). */
  conditions: z.record(z.string().max(10), VerdictInputSchema).optional(),
});
export type ModelCommuneInput = z.input<typeof ModelCommuneInputSchema>;

/** Outcome of one condition. `not-applicable`: nothing to check (a district without townships). */
export const ConditionStatusSchema = z.enum(['met', 'not-met', 'undetermined', 'not-applicable']);
export type ConditionStatus = z.infer<typeof ConditionStatusSchema>;

/** Why a condition could not be decided. */
export const UndeterminedReasonSchema = z.strictObject({
  code: z.enum(['missing', 'threshold-unknown', 'not-assessed', 'undetermined-results']),
  message: z.string(),
});

/** One condition's outcome with its numbers, e.g. "advanced communes 1/8 = 12.5 % ≥ 10 %". */
export const ConditionResultSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  status: ConditionStatusSchema,
  /** Computed from the data, or an official verdict given in the input. */
  basis: z.enum(['computed', 'verdict']),
  verdict: z.enum(['met', 'not-met']).nullable(),
  /** Set when a verdict contradicts what the data computes; the verdict stands. */
  conflict: z.strictObject({ verdict: z.enum(['met', 'not-met']), computedOutcome: z.enum(['met', 'not-met']) }).optional(),
  /** The computed figure (a share in %, a count, a ratio in %), `null` when it cannot be computed. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  requirement: RequirementSchema.nullable(),
  /** Distance to the requirement, in its unit: 0 when met. */
  shortfall: z.number().nullable(),
  textVi: z.string(),
  textEn: z.string(),
  undeterminedBecause: z.array(UndeterminedReasonSchema).optional(),
  /** Which units count how, for shares: ids met, not met, undetermined, not assessed. */
  units: z
    .strictObject({ met: z.array(z.string()), notMet: z.array(z.string()), undetermined: z.array(z.string()), notAssessed: z.array(z.string()) })
    .optional(),
  /** Satisfaction: the commune items below the per-commune requirement. */
  below: z.array(z.strictObject({ communeId: z.string(), item: z.string(), value: z.number() })).optional(),
  source: SourceSchema,
});
export type ConditionResult = z.infer<typeof ConditionResultSchema>;

const countsOf = {
  conditionsMet: z.number(),
  conditionsNotMet: z.number(),
  conditionsUndetermined: z.number(),
};

/** A district's outcome under a district set: each condition with its numbers, the district criteria, the status. */
export const DistrictResultSchema = z.strictObject({
  districtId: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  /** `met` only when every condition is met (or not applicable). */
  status: StatusSchema,
  ...countsOf,
  conditions: z.array(ConditionResultSchema),
  criteriaMet: z.number(),
  criteriaNotMet: z.number(),
  criteriaUndetermined: z.number(),
  /** The district criteria, judged like a commune's (indicators and criterion verdicts). */
  criteria: z.array(CriterionResultSchema),
});
export type DistrictResult = z.infer<typeof DistrictResultSchema>;

/** A commune's outcome under a model-commune set. */
export const ModelCommuneResultSchema = z.strictObject({
  communeId: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  region: RegionCodeSchema.nullable(),
  status: StatusSchema,
  ...countsOf,
  conditions: z.array(ConditionResultSchema),
});
export type ModelCommuneResult = z.infer<typeof ModelCommuneResultSchema>;

/** Options of {@link evaluateDistrict} and {@link evaluateModelCommune}. */
export interface ConditionEvaluationOptions {
  /** Evaluate under the version of the set's kind in force on this date (`yyyy-MM-dd`). */
  asOf?: string | Date;
}

/** Everything conditions are computed from, gathered from a district or model-commune input. */
interface Facts {
  year: number;
  region: RegionCode | null;
  communes?: CommuneOutcome[];
  advancedCommunes?: CommuneOutcome[];
  townships?: Array<{ id: string; civilisedUrban: 'met' | 'not-met' | null }>;
  satisfactionDistrict?: number;
  satisfactionCommunes?: Record<string, Record<string, number>>;
  criteria?: CommuneResult;
  ownResults?: Partial<Record<string, CommuneOutcome>>;
  income?: number;
  counts?: Record<string, number>;
  verdicts: Record<string, 'met' | 'not-met'>;
}

const LEVEL_WORDS: Record<string, { vi: string; en: string }> = {
  commune: { vi: 'xã đạt chuẩn NTM', en: 'communes meeting the NTM set' },
  'commune-advanced': { vi: 'xã đạt chuẩn NTM nâng cao', en: 'advanced communes' },
};

/**
 * Evaluates a district under a district set (e.g. `national/district-ntm/2022`, 320/QĐ-TTg):
 * each condition computed from the communes' results and the district's data, with its numbers
 * ("advanced communes 1/8 = 12.5 % ≥ 10 %"), the district criteria, and the district's status
 * (`met` only when every condition is met). Throws `INVALID_INPUT` naming the path of bad data.
 *
 * @example
 * const communes = await evaluateCommunes('dak-nong/commune-ntm/2022', inputs);
 * const r = evaluateDistrict('national/district-ntm/2022', {
 *   districtId: 'dak-song', year: 2023, communes, advancedCommunes: [namBinhAdvanced],
 *   townships: [{ id: 'duc-an', civilisedUrban: 'Đạt' }], satisfaction: { district: 91 },
 * });
 * r.conditions[1].textEn // 'advanced communes 1/8 = 12.5% ≥ 10%'
 */
export function evaluateDistrict(setOrId: string | CriterionSet, input: unknown, options: ConditionEvaluationOptions = {}): DistrictResult {
  const set = conditionSetFor(setOrId, options.asOf, 'district');
  const parsed = DistrictInputSchema.safeParse(input);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues));
  const data = parsed.data;
  const issues: NtmIssue[] = [];
  const communeIds = new Set<string>();
  data.communes.forEach((c, i) => {
    if (communeIds.has(c.communeId)) issues.push({ code: 'duplicate-commune', path: ['communes', i, 'communeId'], message: `commune "${c.communeId}" appears twice` });
    communeIds.add(c.communeId);
  });
  checkOutcomes(data.communes, ['communes'], 'commune', data.year, issues);
  if (data.advancedCommunes) {
    checkOutcomes(data.advancedCommunes, ['advancedCommunes'], 'commune-advanced', data.year, issues);
    const seen = new Set<string>();
    data.advancedCommunes.forEach((c, i) => {
      if (!communeIds.has(c.communeId)) issues.push({ code: 'unknown-commune', path: ['advancedCommunes', i, 'communeId'], message: `"${c.communeId}" is not among the district's communes` });
      if (seen.has(c.communeId)) issues.push({ code: 'duplicate-commune', path: ['advancedCommunes', i, 'communeId'], message: `commune "${c.communeId}" appears twice` });
      seen.add(c.communeId);
    });
  }
  const townships = (data.townships ?? []).map((t, i) => ({ id: t.id, civilisedUrban: verdictOf(t.civilisedUrban, ['townships', i, 'civilisedUrban'], issues) }));
  const satisfactionDistrict = data.satisfaction?.district === undefined ? undefined : percentOf(data.satisfaction.district, ['satisfaction', 'district'], issues);
  let satisfactionCommunes: Record<string, Record<string, number>> | undefined;
  if (data.satisfaction?.communes) {
    satisfactionCommunes = {};
    for (const [id, items] of Object.entries(data.satisfaction.communes)) {
      if (!communeIds.has(id)) issues.push({ code: 'unknown-commune', path: ['satisfaction', 'communes', id], message: `"${id}" is not among the district's communes` });
      const out: Record<string, number> = {};
      for (const [item, v] of Object.entries(items)) {
        const n = percentOf(v, ['satisfaction', 'communes', id, item], issues);
        if (n !== undefined) out[item] = n;
      }
      satisfactionCommunes[id] = out;
    }
  }
  const verdicts = conditionVerdicts(set, data.conditions, issues);
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);

  // The district criteria are judged exactly as a commune's: same normalisation and assembly.
  const prepared = prepareSet(set);
  const normalized = normalizeInput(prepared, {
    communeId: data.districtId,
    year: data.year,
    indicators: data.indicators ?? {},
    ...(data.criteria === undefined ? {} : { criteria: data.criteria }),
  });
  const criteria = assembleResult(prepared, normalized, compiledComparisons(normalized));
  const facts: Facts = {
    year: data.year,
    region: defaultRegion(set),
    communes: data.communes,
    ...(data.advancedCommunes === undefined ? {} : { advancedCommunes: data.advancedCommunes }),
    ...(data.townships === undefined ? {} : { townships }),
    ...(satisfactionDistrict === undefined ? {} : { satisfactionDistrict }),
    ...(satisfactionCommunes === undefined ? {} : { satisfactionCommunes }),
    criteria,
    verdicts,
  };
  const conditions = (set.conditions ?? []).map((c) => evaluateCondition(c, facts));
  return {
    districtId: data.districtId,
    ...(data.name === undefined ? {} : { name: data.name }),
    setId: set.id,
    year: data.year,
    status: overallStatus(conditions),
    ...conditionCounts(conditions),
    conditions,
    criteriaMet: criteria.criteriaMet,
    criteriaNotMet: criteria.criteriaNotMet,
    criteriaUndetermined: criteria.criteriaUndetermined,
    criteria: criteria.criteria,
  };
}

/**
 * Evaluates a commune under a model-commune set (e.g. `national/commune-model/2022`,
 * 319/QĐ-TTg): meets the advanced set, income against the advanced income requirement, counts of
 * smart-village models and outstanding fields — each with its numbers — and the status.
 *
 * @example
 * const r = evaluateModelCommune('national/commune-model/2022', {
 *   communeId: 'nam-binh', year: 2025, advanced: namBinhAdvancedResult,
 *   counts: { 'smart-village-models': 1, 'outstanding-fields': 1 },
 * });
 * r.conditions.find((c) => c.id === 'M2')?.status // 'undetermined' until the reference income is known
 */
export function evaluateModelCommune(setOrId: string | CriterionSet, input: unknown, options: ConditionEvaluationOptions = {}): ModelCommuneResult {
  const set = conditionSetFor(setOrId, options.asOf, 'commune-model');
  const parsed = ModelCommuneInputSchema.safeParse(input);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues));
  const data = parsed.data;
  const issues: NtmIssue[] = [];
  if (data.advanced) {
    checkOutcomes([data.advanced], ['advanced'], 'commune-advanced', data.year, issues, false);
    if (data.advanced.communeId !== data.communeId) {
      issues.push({ code: 'other-commune', path: ['advanced', 'communeId'], message: `the advanced result is for "${data.advanced.communeId}", not "${data.communeId}"` });
    }
  }
  const income = data.income === undefined ? undefined : amountOf(data.income, ['income'], issues);
  const subjects = new Set((set.conditions ?? []).flatMap((c) => (c.kind === 'count' ? [c.subject] : [])));
  for (const key of Object.keys(data.counts ?? {})) {
    if (!subjects.has(key)) issues.push({ code: 'unknown-subject', path: ['counts', key], message: `${set.id} counts no "${key}"; known: ${[...subjects].join(', ') || 'none'}` });
  }
  const verdicts = conditionVerdicts(set, data.conditions, issues);
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);
  const region = data.region ?? defaultRegion(set);
  const facts: Facts = {
    year: data.year,
    region,
    ...(data.advanced === undefined ? {} : { ownResults: { 'commune-advanced': data.advanced } }),
    ...(income === undefined ? {} : { income }),
    ...(data.counts === undefined ? {} : { counts: data.counts }),
    verdicts,
  };
  const conditions = (set.conditions ?? []).map((c) => evaluateCondition(c, facts));
  return {
    communeId: data.communeId,
    ...(data.name === undefined ? {} : { name: data.name }),
    setId: set.id,
    year: data.year,
    region,
    status: overallStatus(conditions),
    ...conditionCounts(conditions),
    conditions,
  };
}

/** The set to evaluate under (with `asOf`, the version in force), which must be of the expected level. */
function conditionSetFor(setOrId: string | CriterionSet, asOf: string | Date | undefined, level: 'district' | 'commune-model'): CriterionSet {
  const given = resolveSet(setOrId);
  const set = asOf === undefined ? given : criterionSetInForce(given.kind, asOf, { sets: typeof setOrId === 'string' ? [] : [given] });
  if (set.level !== level) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'wrong-set-level', path: [], message: `${set.id} is a ${set.level} set; this evaluation needs a ${level} set` }]);
  }
  return set;
}

/** Checks that outcomes come from a set of the expected level (when the set is bundled) and year. */
function checkOutcomes(
  outcomes: readonly CommuneOutcome[],
  path: Array<string | number>,
  level: string,
  year: number,
  issues: NtmIssue[],
  indexed = true,
): void {
  const bundled = new Set(listCriterionSets().map((s) => s.id));
  outcomes.forEach((o, i) => {
    const at = indexed ? [...path, i] : path;
    // Calibrated or private sets are not in the registry; their level cannot be checked here.
    if (bundled.has(o.setId)) {
      const actual = getCriterionSet(o.setId).level;
      if (actual !== level) issues.push({ code: 'wrong-set-level', path: [...at, 'setId'], message: `expected a result under a ${level} set, got ${o.setId} (${actual})` });
    }
    if (o.year !== year) issues.push({ code: 'wrong-year', path: [...at, 'year'], message: `result for ${o.year}, the evaluation is for ${year}` });
  });
}

function conditionVerdicts(set: CriterionSet, raw: Record<string, string | boolean> | undefined, issues: NtmIssue[]): Record<string, 'met' | 'not-met'> {
  const out: Record<string, 'met' | 'not-met'> = {};
  const ids = new Set((set.conditions ?? []).map((c) => c.id));
  for (const [id, word] of Object.entries(raw ?? {})) {
    if (!ids.has(id)) {
      issues.push({ code: 'unknown-condition', path: ['conditions', id], message: `condition "${id}" is not in ${set.id}` });
      continue;
    }
    const v = verdictOf(word, ['conditions', id], issues);
    if (v !== null) out[id] = v;
  }
  return out;
}

function verdictOf(raw: string | boolean | null, path: Array<string | number>, issues: NtmIssue[]): 'met' | 'not-met' | null {
  if (raw === null) return null;
  if (typeof raw === 'boolean') return raw ? 'met' : 'not-met';
  const v = parseVerdict(raw);
  if (v === 'met' || v === 'not-met') return v;
  issues.push({ code: 'invalid-verdict', path, message: `expected Đạt / Không đạt (met / not-met), got "${raw}"` });
  return null;
}

function percentOf(raw: number | string, path: Array<string | number>, issues: NtmIssue[]): number | undefined {
  const n = typeof raw === 'number' ? raw : parseDecimal(raw, { allowPercentSign: true });
  if (n === null || !Number.isFinite(n) || n < 0 || n > 100) {
    issues.push({ code: 'out-of-range', path, message: `expected a percentage in 0–100, got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return n;
}

function amountOf(raw: number | string, path: Array<string | number>, issues: NtmIssue[]): number | undefined {
  const n = typeof raw === 'number' ? raw : parseDecimal(raw);
  if (n === null || !Number.isFinite(n) || n < 0) {
    issues.push({ code: 'not-a-number', path, message: `expected a non-negative number like 52.5 or "52,5", got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return n;
}

/** Computes one condition, then lets an official verdict stand over it. */
function evaluateCondition(c: Condition, facts: Facts): ConditionResult {
  const computed = computeCondition(c, facts);
  const verdict = facts.verdicts[c.id] ?? null;
  if (verdict === null) return computed;
  const outcome = computed.status === 'met' || computed.status === 'not-met' ? computed.status : null;
  const { undeterminedBecause: _dropped, ...rest } = computed;
  return {
    ...rest,
    status: verdict,
    basis: 'verdict',
    verdict,
    ...(outcome !== null && outcome !== verdict ? { conflict: { verdict, computedOutcome: outcome } } : {}),
  };
}

/** What each kind of condition computes; the condition's own fields are added around it. */
type ConditionBody = Omit<ConditionResult, 'id' | 'kind' | 'nameVi' | 'nameEn' | 'basis' | 'verdict' | 'source'>;

function computeCondition(c: Condition, facts: Facts): ConditionResult {
  const base = { id: c.id, kind: c.kind, nameVi: c.nameVi, nameEn: c.nameEn, basis: 'computed' as const, verdict: null, source: c.source };
  const body = ((): ConditionBody => {
    switch (c.kind) {
      case 'share-of-communes': {
        const words = LEVEL_WORDS[c.level]!;
        const pool = c.level === 'commune' ? facts.communes : facts.advancedCommunes;
        const all = facts.communes ?? [];
        const byId = new Map((pool ?? []).map((o) => [o.communeId, o]));
        const units = { met: [] as string[], notMet: [] as string[], undetermined: [] as string[], notAssessed: [] as string[] };
        for (const commune of all) {
          const o = byId.get(commune.communeId);
          if (!o) units.notAssessed.push(commune.communeId);
          else if (o.status === 'met') units.met.push(o.communeId);
          else if (o.status === 'not-met') units.notMet.push(o.communeId);
          else units.undetermined.push(o.communeId);
        }
        return shareOutcome(resolveRequirement(c.requirement, { region: null, year: facts.year }, '%'), units, all.length, words);
      }
      case 'share-of-townships': {
        const req = resolveRequirement(c.requirement, { region: null, year: facts.year }, '%');
        const words = { vi: 'thị trấn đạt chuẩn đô thị văn minh', en: 'townships meeting the civilised-urban standard' };
        if (facts.townships === undefined) return missingOutcome(req, 'townships not given', words);
        if (facts.townships.length === 0) {
          return { ...empty(req), status: 'not-applicable', textVi: 'huyện không có thị trấn: không áp dụng', textEn: 'the district has no township: not applicable' };
        }
        const units = { met: [] as string[], notMet: [] as string[], undetermined: [] as string[], notAssessed: [] as string[] };
        for (const t of facts.townships) (t.civilisedUrban === 'met' ? units.met : t.civilisedUrban === 'not-met' ? units.notMet : units.undetermined).push(t.id);
        return shareOutcome(req, units, facts.townships.length, words);
      }
      case 'satisfaction':
        return satisfactionOutcome(c, facts);
      case 'all-criteria': {
        const r = facts.criteria;
        if (!r) return { ...empty(null), status: 'undetermined', textVi: 'không có kết quả tiêu chí', textEn: 'no criteria result', undeterminedBecause: [{ code: 'missing', message: 'no criteria result' }] };
        const total = r.criteria.length;
        const status = r.status;
        const tail = r.criteriaUndetermined > 0 ? ` (${r.criteriaUndetermined} chưa xác định)` : '';
        const tailEn = r.criteriaUndetermined > 0 ? ` (${r.criteriaUndetermined} undetermined)` : '';
        return {
          ...empty(null),
          status,
          value: r.criteriaMet,
          numerator: r.criteriaMet,
          denominator: total,
          shortfall: total - r.criteriaMet,
          textVi: `tiêu chí đạt ${r.criteriaMet}/${total}${tail}`,
          textEn: `criteria met ${r.criteriaMet}/${total}${tailEn}`,
          ...(status === 'undetermined'
            ? { undeterminedBecause: [{ code: 'undetermined-results' as const, message: `criteria undetermined: ${r.criteria.filter((x) => x.status === 'undetermined').map((x) => x.number).join(', ')}` }] }
            : {}),
        };
      }
      case 'meets-set': {
        const o = facts.ownResults?.[c.level];
        if (!o) return { ...empty(null), status: 'undetermined', textVi: `chưa có kết quả theo bộ tiêu chí ${c.level}`, textEn: `no result under a ${c.level} set`, undeterminedBecause: [{ code: 'missing', message: `no result under a ${c.level} set` }] };
        const word = { met: ['đạt', 'met'], 'not-met': ['không đạt', 'not met'], undetermined: ['chưa xác định', 'undetermined'] }[o.status];
        return {
          ...empty(null),
          status: o.status,
          textVi: `${o.setId}: ${word[0]}`,
          textEn: `${o.setId}: ${word[1]}`,
          ...(o.status === 'undetermined' ? { undeterminedBecause: [{ code: 'undetermined-results' as const, message: `the result under ${o.setId} is undetermined` }] } : {}),
        };
      }
      case 'income-vs-reference':
        return incomeOutcome(c, facts);
      case 'count': {
        const req = resolveRequirement(c.requirement, { region: facts.region, year: facts.year }, null);
        const n = facts.counts?.[c.subject];
        if (n === undefined) return missingOutcome(req, `no count of ${c.subject}`, { vi: c.subject, en: c.subject });
        return numericOutcome(req, n, `${c.subject} = ${n}`, `${c.subject} = ${n}`);
      }
    }
  })();
  return { ...base, ...body };
}

function empty(requirement: Requirement | null): ConditionBody {
  return { status: 'undetermined', value: null, numerator: null, denominator: null, requirement, shortfall: null, textVi: '', textEn: '' };
}

function missingOutcome(req: Requirement, why: string, words: { vi: string; en: string }): ConditionBody {
  return {
    ...empty(req),
    textVi: `${words.vi}: thiếu số liệu (${req.textVi})`,
    textEn: `${words.en}: no data (${req.textEn})`,
    undeterminedBecause: [{ code: 'missing', message: why }],
  };
}

/** A single figure against a requirement: met, not met, or threshold unknown. */
function numericOutcome(req: Requirement, value: number, labelVi: string, labelEn: string): ConditionBody {
  const ok = compareRequirement(req, value);
  const status = ok === null ? 'undetermined' : ok ? 'met' : 'not-met';
  return {
    ...empty(req),
    status,
    value,
    shortfall: shortfall(req, value),
    textVi: `${labelVi}${against(req, ok, 'vi')}`,
    textEn: `${labelEn}${against(req, ok, 'en')}`,
    ...(ok === null ? { undeterminedBecause: [{ code: 'threshold-unknown' as const, message: req.textEn }] } : {}),
  };
}

/**
 * A share of units against a requirement, honest about units not yet decided: met when the
 * share counting only decided units already meets it, not met when it fails even if every
 * undecided unit were met, undetermined in between.
 */
function shareOutcome(
  req: Requirement,
  units: { met: string[]; notMet: string[]; undetermined: string[]; notAssessed: string[] },
  total: number,
  words: { vi: string; en: string },
): ConditionBody {
  const open = units.undetermined.length + units.notAssessed.length;
  // Compared exactly (multiplying first keeps 1/8 → 12.5 exact); only the display is rounded.
  const exactLow = (units.met.length * 100) / total;
  const low = round(exactLow);
  const okLow = compareRequirement(req, exactLow);
  const okHigh = compareRequirement(req, ((units.met.length + open) * 100) / total);
  const status = okLow === null ? 'undetermined' : okLow ? 'met' : okHigh ? 'undetermined' : 'not-met';
  const tailVi = open > 0 ? ` (${open} xã/đơn vị chưa xác định hoặc chưa đánh giá)` : '';
  const tailEn = open > 0 ? ` (${open} undetermined or not assessed)` : '';
  const reasons: ConditionResult['undeterminedBecause'] = [];
  if (okLow === null) reasons.push({ code: 'threshold-unknown', message: req.textEn });
  else if (status === 'undetermined') {
    if (units.undetermined.length) reasons.push({ code: 'undetermined-results', message: `undetermined: ${units.undetermined.join(', ')}` });
    if (units.notAssessed.length) reasons.push({ code: 'not-assessed', message: `not assessed: ${units.notAssessed.join(', ')}` });
  }
  return {
    ...empty(req),
    status,
    value: low,
    numerator: units.met.length,
    denominator: total,
    shortfall: shortfall(req, exactLow),
    textVi: `${words.vi} ${units.met.length}/${total} = ${formatQuantity(low, '%', 'vi')}${against(req, okLow, 'vi')}${tailVi}`,
    textEn: `${words.en} ${units.met.length}/${total} = ${formatQuantity(low, '%', 'en')}${against(req, okLow, 'en')}${tailEn}`,
    ...(reasons.length ? { undeterminedBecause: reasons } : {}),
    units,
  };
}

function satisfactionOutcome(c: Extract<Condition, { kind: 'satisfaction' }>, facts: Facts): ConditionBody {
  const ctx = { region: null, year: facts.year };
  const req = resolveRequirement(c.requirement, ctx, '%');
  const perItem = resolveRequirement(c.perCommuneItemRequirement, ctx, '%');
  const reasons: NonNullable<ConditionResult['undeterminedBecause']> = [];
  let districtOk: boolean | null = null;
  if (facts.satisfactionDistrict === undefined) reasons.push({ code: 'missing', message: 'no district-wide satisfaction figure' });
  else {
    districtOk = compareRequirement(req, facts.satisfactionDistrict);
    if (districtOk === null) reasons.push({ code: 'threshold-unknown', message: `district: ${req.textEn}` });
  }
  const below: Array<{ communeId: string; item: string; value: number }> = [];
  const unsurveyed: string[] = [];
  let itemsUnknown = false;
  let lowest: number | null = null;
  for (const commune of facts.communes ?? []) {
    const items = facts.satisfactionCommunes?.[commune.communeId];
    if (!items || Object.keys(items).length === 0) {
      unsurveyed.push(commune.communeId);
      continue;
    }
    for (const [item, value] of Object.entries(items).sort(([a], [b]) => a.localeCompare(b))) {
      lowest = lowest === null ? value : Math.min(lowest, value);
      const ok = compareRequirement(perItem, value);
      if (ok === null) itemsUnknown = true;
      else if (!ok) below.push({ communeId: commune.communeId, item, value });
    }
  }
  if (unsurveyed.length) reasons.push({ code: 'missing', message: `no per-item survey for: ${unsurveyed.join(', ')}` });
  if (itemsUnknown) reasons.push({ code: 'threshold-unknown', message: `per commune item: ${perItem.textEn}` });
  const communesOk = below.length > 0 ? false : unsurveyed.length || itemsUnknown ? null : true;
  const status = districtOk === false || communesOk === false ? 'not-met' : districtOk === true && communesOk === true ? 'met' : 'undetermined';
  const d = facts.satisfactionDistrict;
  const total = (facts.communes ?? []).length;
  const surveyed = total - unsurveyed.length;
  const lowestOk = lowest === null ? null : compareRequirement(perItem, lowest);
  const lowVi = lowest === null ? `chưa có số liệu xã (yêu cầu ${perItem.textVi})` : `thấp nhất ${formatQuantity(lowest, '%', 'vi')}${against(perItem, lowestOk, 'vi')}`;
  const lowEn = lowest === null ? `no commune data (required ${perItem.textEn})` : `lowest ${formatQuantity(lowest, '%', 'en')}${against(perItem, lowestOk, 'en')}`;
  return {
    ...empty(req),
    status,
    value: d ?? null,
    shortfall: d === undefined ? null : shortfall(req, d),
    textVi: `huyện ${d === undefined ? `thiếu số liệu (yêu cầu ${req.textVi})` : `${formatQuantity(d, '%', 'vi')}${against(req, districtOk, 'vi')}`}; từng nội dung ở từng xã: ${lowVi} (${surveyed}/${total} xã có số liệu)`,
    textEn: `district ${d === undefined ? `no data (required ${req.textEn})` : `${formatQuantity(d, '%', 'en')}${against(req, districtOk, 'en')}`}; each commune item: ${lowEn} (${surveyed}/${total} communes surveyed)`,
    ...(status === 'undetermined' ? { undeterminedBecause: reasons } : {}),
    below,
  };
}

function incomeOutcome(c: Extract<Condition, { kind: 'income-vs-reference' }>, facts: Facts): ConditionBody {
  const ctx = { region: facts.region, year: facts.year };
  const req = resolveRequirement(c.requirement, ctx, '%');
  const reference = resolveRequirement(c.reference, ctx, c.unit);
  if (facts.income === undefined) return missingOutcome(req, 'no income figure', { vi: 'thu nhập', en: 'income' });
  if (reference.kind !== 'compare' || reference.value <= 0) {
    return {
      ...empty(req),
      textVi: `thu nhập ${formatQuantity(facts.income, c.unit, 'vi')}; mức thu nhập tham chiếu ${reference.textVi}`,
      textEn: `income ${formatQuantity(facts.income, c.unit, 'en')}; reference income ${reference.textEn}`,
      undeterminedBecause: [{ code: 'threshold-unknown', message: `reference income: ${reference.textEn}` }],
    };
  }
  const exact = (facts.income * 100) / reference.value;
  const ratio = round(exact);
  const out = numericOutcome(
    req,
    exact,
    `thu nhập ${formatQuantity(facts.income, c.unit, 'vi')} = ${formatQuantity(ratio, '%', 'vi')} của mức ${formatQuantity(reference.value, c.unit, 'vi')}`,
    `income ${formatQuantity(facts.income, c.unit, 'en')} = ${formatQuantity(ratio, '%', 'en')} of the reference ${formatQuantity(reference.value, c.unit, 'en')}`,
  );
  return { ...out, value: ratio, numerator: facts.income, denominator: reference.value };
}

function overallStatus(conditions: readonly ConditionResult[]): 'met' | 'not-met' | 'undetermined' {
  if (conditions.some((c) => c.status === 'not-met')) return 'not-met';
  if (conditions.some((c) => c.status === 'undetermined')) return 'undetermined';
  return 'met';
}

function conditionCounts(conditions: readonly ConditionResult[]): { conditionsMet: number; conditionsNotMet: number; conditionsUndetermined: number } {
  return {
    conditionsMet: conditions.filter((c) => c.status === 'met' || c.status === 'not-applicable').length,
    conditionsNotMet: conditions.filter((c) => c.status === 'not-met').length,
    conditionsUndetermined: conditions.filter((c) => c.status === 'undetermined').length,
  };
}

/**
 * How a figure stands against its requirement, in words: ` ≥ 10%` when it meets it,
 * `, required ≥ 100%` when it does not or cannot be judged.
 */
function against(req: Requirement, ok: boolean | null, lang: 'vi' | 'en'): string {
  const text = lang === 'vi' ? req.textVi : req.textEn;
  if (ok === true) return ` ${text}`;
  return lang === 'vi' ? `, yêu cầu ${text}` : `, required ${text}`;
}

/** Rounds shares for display and comparison (12.5 stays 12.5; 1/3 becomes 33.3333). */
function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
