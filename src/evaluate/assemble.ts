import type { CommuneResult, CriterionResult, IndicatorResult, IndicatorStatus, Requirement, Status } from '../schema/result.js';
import { shortfall } from '../requirement/compare.js';
import type { Indicator } from '../schema/criterion-set.js';
import type { NormalizedIndicator, NormalizedInput } from './normalize.js';
import type { PreparedSet } from './prepare.js';
import type { Plan } from '../schema/plan.js';
import { ownersLookup } from '../plan/owners.js';

/**
 * Per flat indicator index: whether the given value meets the requirement, or `null` when there
 * is no value or the requirement is unknown. This is the only thing the evaluation paths compute.
 */
export type Comparisons = ReadonlyArray<boolean | null>;

/** Options that decorate results without changing outcomes. */
export interface AssembleOptions {
  /** Owning agencies per indicator code (from a plan). */
  ownersOf?: (code: string) => readonly string[];
  /**
   * A district plan (or its id, e.g. `dak-song/2023`) whose ownership table fills `owners` per
   * indicator. `ownersOf` wins when both are given. A plan written for another set series is an
   * `INVALID_ARGUMENT` error.
   */
  plan?: string | Plan;
}

/**
 * Builds the explained result from the comparisons: indicator outcomes (verdicts first), criterion
 * and commune aggregation. Shared by both evaluation paths, so they can differ only in comparing.
 * Per-set data (names, requirements, sources) is referenced, not copied: every result of a
 * context shares the same frozen requirement and source objects.
 */
export function assembleResult(
  prepared: PreparedSet,
  input: NormalizedInput,
  comparisons: Comparisons,
  options: AssembleOptions = {},
): CommuneResult {
  const { requirements } = input.context;
  const ownersOf = options.ownersOf ?? (options.plan === undefined ? undefined : ownersLookup(options.plan, prepared.set));
  const criteria: CriterionResult[] = new Array(prepared.criteria.length);
  let met = 0;
  let notMet = 0;
  let undetermined = 0;

  for (let ci = 0; ci < prepared.criteria.length; ci++) {
    const criterion = prepared.criteria[ci]!;
    const [start, end] = prepared.criterionRanges[ci]!;
    const indicators: IndicatorResult[] = new Array(end - start);
    let anyNotMet = false;
    let allApplicableMet = true;
    let missing: string[] | undefined;
    let thresholdUnknown: string[] | undefined;

    for (let i = start; i < end; i++) {
      const result = indicatorResult(prepared.indicators[i]!, requirements[i]!, input.indicators[i], comparisons[i] ?? null, ownersOf);
      const { status } = result;
      if (status === 'not-met') anyNotMet = true;
      if (status !== 'met' && status !== 'not-applicable') allApplicableMet = false;
      if (status === 'missing') (missing ??= []).push(result.code);
      if (status === 'threshold-unknown') (thresholdUnknown ??= []).push(result.code);
      indicators[i - start] = result;
    }

    const complete = criterion.indicatorList === 'complete';
    const indicatorsOutcome: 'met' | 'not-met' | null = anyNotMet ? 'not-met' : complete && allApplicableMet ? 'met' : null;
    const verdict = input.criteria[ci] ?? null;
    const status: Status = verdict ?? indicatorsOutcome ?? 'undetermined';
    const entry: CriterionResult = {
      number: criterion.number,
      nameVi: criterion.nameVi,
      nameEn: criterion.nameEn,
      status,
      basis: verdict === null ? 'indicators' : 'verdict',
      verdict,
      indicators,
    };
    if (verdict !== null) {
      if (indicatorsOutcome !== null && indicatorsOutcome !== verdict) entry.conflict = { verdict, indicatorsOutcome };
    } else if (status === 'undetermined') {
      entry.undeterminedBecause = { missing: missing ?? [], thresholdUnknown: thresholdUnknown ?? [], indicatorListIncomplete: !complete };
    }
    if (status === 'met') met++;
    else if (status === 'not-met') notMet++;
    else undetermined++;
    criteria[ci] = entry;
  }

  const status: Status = notMet > 0 ? 'not-met' : undetermined > 0 ? 'undetermined' : 'met';
  const { communeId, name, year, region } = input;
  const setId = prepared.set.id;
  return name === undefined
    ? { communeId, setId, year, region, status, criteriaMet: met, criteriaNotMet: notMet, criteriaUndetermined: undetermined, criteria }
    : { communeId, name, setId, year, region, status, criteriaMet: met, criteriaNotMet: notMet, criteriaUndetermined: undetermined, criteria };
}

/**
 * One indicator's explained outcome. A verdict stands over the value (a disagreement is flagged as
 * `conflict`); a value without a known requirement is `threshold-unknown`; no data is `missing`.
 *
 * @example indicatorResult(ind15_3, req, { value: 27, verdict: null }, false).status // 'not-met'
 */
function indicatorResult(
  ind: Indicator,
  req: Requirement,
  data: NormalizedIndicator | undefined,
  cmp: boolean | null,
  ownersOf?: (code: string) => readonly string[],
): IndicatorResult {
  const value = data === undefined ? null : data.value;
  const verdict = data === undefined ? null : data.verdict;
  const valueOutcome = cmp === null ? null : cmp ? 'met' : 'not-met';
  let status: IndicatorStatus;
  let conflict: IndicatorResult['conflict'];
  if (verdict !== null) {
    status = verdict;
    if (valueOutcome !== null && verdict !== 'not-applicable' && valueOutcome !== verdict) conflict = { verdict, valueOutcome };
  } else if (value !== null) {
    status = valueOutcome ?? 'threshold-unknown';
  } else {
    status = 'missing';
  }
  const note = data === undefined ? undefined : data.note;
  const { code, nameVi, nameEn, source } = ind;
  const gap = shortfall(req, value);
  // The common case in one literal: objects of one shape are smaller and faster to build.
  if (conflict === undefined && note === undefined && ownersOf === undefined) {
    return { code, nameVi, nameEn, status, value, verdict, requirement: req, shortfall: gap, source };
  }
  return {
    code,
    nameVi,
    nameEn,
    status,
    value,
    verdict,
    requirement: req,
    shortfall: gap,
    ...(conflict ? { conflict } : {}),
    ...(note === undefined ? {} : { note }),
    ...(ownersOf ? { owners: [...ownersOf(code)] } : {}),
    source,
  };
}
