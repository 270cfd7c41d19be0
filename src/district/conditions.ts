/** Evaluating a district (320/QĐ-TTg) or a model commune (319/QĐ-TTg) on its conditions. */
import { dimensionContext } from '../rules/dimensions.js';
import type { DimensionValues } from '../requirement/resolve.js';
import type { RegionCode } from '../schema/common.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError, issuesFromZod, type NtmIssue, issue } from '../errors.js';
import { EvaluationPipeline, setInForce } from '../evaluate/index.js';
import { DistrictInputSchema, ModelCommuneInputSchema, type DistrictResult, type ModelCommuneResult } from './schema.js';
import { amountOf, checkOutcomes, conditionVerdicts, percentOf, verdictOf } from './read.js';
import { conditionCounts, evaluateCondition, overallStatus, type Facts } from './compute.js';
import { installGroupDerivation } from '../groups/derivation.js';

/** Options of {@link evaluateDistrict} and {@link evaluateModelCommune}. */
export interface ConditionEvaluationOptions {
  /** Evaluate under the version of the set's kind in force on this date (`yyyy-MM-dd`). */
  asOf?: string | Date;
}

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
    if (communeIds.has(c.communeId)) issues.push(issue('duplicate-commune', ['communes', i, 'communeId'], { commune: c.communeId }));
    communeIds.add(c.communeId);
  });
  checkOutcomes(data.communes, ['communes'], 'commune', data.year, issues);
  if (data.advancedCommunes) {
    checkOutcomes(data.advancedCommunes, ['advancedCommunes'], 'commune-advanced', data.year, issues);
    const seen = new Set<string>();
    data.advancedCommunes.forEach((c, i) => {
      if (!communeIds.has(c.communeId)) issues.push(issue('unknown-commune', ['advancedCommunes', i, 'communeId'], { commune: c.communeId, among: 'the district' }));
      if (seen.has(c.communeId)) issues.push(issue('duplicate-commune', ['advancedCommunes', i, 'communeId'], { commune: c.communeId }));
      seen.add(c.communeId);
    });
  }
  const townships = (data.townships ?? []).map((t, i) => ({ id: t.id, civilisedUrban: verdictOf(t.civilisedUrban, ['townships', i, 'civilisedUrban'], issues) }));
  const satisfactionDistrict = data.satisfaction?.district === undefined ? undefined : percentOf(data.satisfaction.district, ['satisfaction', 'district'], issues);
  let satisfactionCommunes: Record<string, Record<string, number>> | undefined;
  if (data.satisfaction?.communes) {
    satisfactionCommunes = {};
    for (const [id, items] of Object.entries(data.satisfaction.communes)) {
      if (!communeIds.has(id)) issues.push(issue('unknown-commune', ['satisfaction', 'communes', id], { commune: id, among: 'the district' }));
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
  // The district's own criteria go through the same pipeline as any commune.
  // One context for the criteria and the conditions: the district's dimensions as a commune's.
  const context = conditionContext(set, data);
  installGroupDerivation();
  const criteria = new EvaluationPipeline(set).evaluateSync({
    communeId: data.districtId,
    year: data.year,
    ...(data.region === undefined ? {} : { region: data.region }),
    ...(data.dimensions === undefined ? {} : { dimensions: data.dimensions }),
    indicators: data.indicators ?? {},
    ...(data.criteria === undefined ? {} : { criteria: data.criteria }),
  });
  const facts: Facts = {
    year: data.year,
    region: (context.region as RegionCode | null | undefined) ?? null,
    context,
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
    criteriaBasicallyMet: criteria.criteriaBasicallyMet,
    criteria: [...criteria.criteria],
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
      issues.push(issue('other-commune', ['advanced', 'communeId'], { got: data.advanced.communeId, commune: data.communeId }));
    }
  }
  const income = data.income === undefined ? undefined : amountOf(data.income, ['income'], issues);
  const subjects = new Set((set.conditions ?? []).flatMap((c) => (c.kind === 'count' ? [c.subject] : [])));
  for (const key of Object.keys(data.counts ?? {})) {
    if (!subjects.has(key)) issues.push(issue('unknown-subject', ['counts', key], { subject: key, set: set.id, known: [...subjects] }));
  }
  const verdicts = conditionVerdicts(set, data.conditions, issues);
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);
  const context = conditionContext(set, data);
  const region = (context.region as RegionCode | null | undefined) ?? null;
  const facts: Facts = {
    year: data.year,
    region,
    context,
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

/**
 * The dimension values conditions resolve by: the input's own (`region`, `dimensions`) checked
 * against the set, else the set's defaults; the date of the year. Unknown dimensions or columns
 * are `INVALID_INPUT` at their paths.
 */
function conditionContext(set: CriterionSet, data: { year: number; region?: string | undefined; dimensions?: Record<string, string> | undefined }): DimensionValues {
  const resolved = dimensionContext(set, { year: data.year, ...(data.region === undefined ? {} : { region: data.region }), ...(data.dimensions === undefined ? {} : { dimensions: data.dimensions }) });
  // Conditions leave a value unknown where no column is known, as before: only bad values are errors.
  const issues = resolved.issues.filter((i) => i.code !== 'missing-dimension');
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);
  return resolved.values;
}

/** The set to evaluate under (with `asOf`, the version in force), which must be of the expected level. */
function conditionSetFor(setOrId: string | CriterionSet, asOf: string | Date | undefined, level: 'district' | 'commune-model'): CriterionSet {
  const set = setInForce(setOrId, asOf);
  if (set.level !== level) {
    throw new NtmError('INVALID_ARGUMENT', [issue('wrong-set-level', [], { set: set.id, level: set.level, wanted: level })]);
  }
  return set;
}
