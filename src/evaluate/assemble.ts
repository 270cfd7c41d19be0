import type { CommuneResult, CriterionResult, IndicatorResult, IndicatorStatus, Status } from '../schema/result.js';
import { shortfall } from '../requirement/compare.js';
import type { NormalizedInput } from './normalize.js';
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
 */
export function assembleResult(
  prepared: PreparedSet,
  input: NormalizedInput,
  comparisons: Comparisons,
  options: AssembleOptions = {},
): CommuneResult {
  const { requirements } = input.context;
  const ownersOf = options.ownersOf ?? (options.plan === undefined ? undefined : ownersLookup(options.plan, prepared.set));
  const criteria: CriterionResult[] = [];
  let met = 0;
  let notMet = 0;
  let undetermined = 0;

  prepared.criteria.forEach((criterion, ci) => {
    const [start, end] = prepared.criterionRanges[ci]!;
    const indicators: IndicatorResult[] = [];
    let anyNotMet = false;
    let allApplicableMet = true;
    const missing: string[] = [];
    const thresholdUnknown: string[] = [];

    for (let i = start; i < end; i++) {
      const ind = prepared.indicators[i]!;
      const req = requirements[i]!;
      const data = input.indicators[i];
      const value = data?.value ?? null;
      const verdict = data?.verdict ?? null;
      const cmp = comparisons[i] ?? null;
      const valueOutcome = cmp === null ? null : cmp ? 'met' : 'not-met';
      let status: IndicatorStatus;
      let conflict: IndicatorResult['conflict'];
      if (verdict !== null) {
        status = verdict;
        if (valueOutcome !== null && verdict !== 'not-applicable' && valueOutcome !== verdict) {
          conflict = { verdict, valueOutcome };
        }
      } else if (value !== null) {
        status = valueOutcome ?? 'threshold-unknown';
      } else {
        status = 'missing';
      }
      if (status === 'not-met') anyNotMet = true;
      if (status !== 'met' && status !== 'not-applicable') allApplicableMet = false;
      if (status === 'missing') missing.push(ind.code);
      if (status === 'threshold-unknown') thresholdUnknown.push(ind.code);

      const result: IndicatorResult = {
        code: ind.code,
        nameVi: ind.nameVi,
        nameEn: ind.nameEn,
        status,
        value,
        verdict,
        requirement: req,
        shortfall: shortfall(req, value),
        ...(conflict ? { conflict } : {}),
        ...(data?.note === undefined ? {} : { note: data.note }),
        ...(ownersOf ? { owners: [...ownersOf(ind.code)] } : {}),
        source: ind.source,
      };
      indicators.push(result);
    }

    const complete = criterion.indicatorList === 'complete';
    const indicatorsOutcome: 'met' | 'not-met' | null = anyNotMet ? 'not-met' : complete && allApplicableMet ? 'met' : null;
    const verdict = input.criteria[ci] ?? null;
    let status: Status;
    const entry: CriterionResult = {
      number: criterion.number,
      nameVi: criterion.nameVi,
      nameEn: criterion.nameEn,
      status: 'undetermined',
      basis: verdict === null ? 'indicators' : 'verdict',
      verdict,
      indicators,
    };
    if (verdict !== null) {
      status = verdict;
      if (indicatorsOutcome !== null && indicatorsOutcome !== verdict) entry.conflict = { verdict, indicatorsOutcome };
    } else {
      status = indicatorsOutcome ?? 'undetermined';
      if (status === 'undetermined') {
        entry.undeterminedBecause = { missing, thresholdUnknown, indicatorListIncomplete: !complete };
      }
    }
    entry.status = status;
    if (status === 'met') met++;
    else if (status === 'not-met') notMet++;
    else undetermined++;
    criteria.push(entry);
  });

  return {
    communeId: input.communeId,
    ...(input.name === undefined ? {} : { name: input.name }),
    setId: prepared.set.id,
    year: input.year,
    region: input.region,
    status: notMet > 0 ? 'not-met' : undetermined > 0 ? 'undetermined' : 'met',
    criteriaMet: met,
    criteriaNotMet: notMet,
    criteriaUndetermined: undetermined,
    criteria,
  };
}
