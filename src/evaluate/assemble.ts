import type { CommuneResult, CriterionResult, Draft, IndicatorResult, Reason, Requirement } from '../schema/result.js';
import { shortfall } from '../requirement/compare.js';
import { mergeReasons } from '../requirement/reasons.js';
import type { Indicator } from '../schema/criterion-set.js';
import { communeStatus, criterionState, criterionStatus, indicatorStatus, indicatorsOutcome as outcomeOf } from './status.js';
import type { NormalizedIndicator, NormalizedInput } from './normalize.js';
import type { PreparedContext, PreparedSet } from './prepare.js';

/**
 * Per flat indicator index: whether the given value meets the requirement, or `null` when there
 * is no value or the requirement is unknown. This is the only thing the evaluation paths compute.
 */
export type Comparisons = ReadonlyArray<boolean | null>;

/** Options that decorate results without changing outcomes. */
export interface AssembleOptions {
  /** Owning agencies per indicator code (attached by the plan layer). */
  ownersOf?: (code: string) => readonly string[];
  /** Whether indicator results without a number may be shared between results (see below). */
  share?: boolean;
}

/**
 * Builds the explained result from the comparisons: indicator outcomes (verdicts first), criterion
 * and commune aggregation. Shared by both evaluation paths, so they can differ only in comparing.
 *
 * Nothing per-set is copied: names, requirements and sources are the set's frozen objects. Indicator
 * results are frozen too, and with `share` identical ones without a number (missing data, a
 * verdict, a yes/no value; no note or owners) are one shared object — appraisal dossiers record
 * most indicators as verdicts, and 100,000 results would otherwise hold millions of equal objects.
 */
export function assembleResult(
  prepared: PreparedSet,
  input: NormalizedInput,
  comparisons: Comparisons,
  options: AssembleOptions = {},
): CommuneResult {
  const { requirements } = input.context;
  const { ownersOf } = options;
  // Sharing is an explicit option; results with owners are never shared (owners are per call).
  const shared = options.share === true && ownersOf === undefined ? sharedResultsOf(input.context) : null;
  const criteria: CriterionResult[] = new Array(prepared.criteria.length);
  let met = 0;
  let notMet = 0;
  let undetermined = 0;
  let basicallyMet = 0;
  let undeterminedWhy: Reason[][] | undefined;

  for (let ci = 0; ci < prepared.criteria.length; ci++) {
    const criterion = prepared.criteria[ci]!;
    const [start, end] = prepared.criterionRanges[ci]!;
    const indicators: IndicatorResult[] = new Array(end - start);
    let anyNotMet = false;
    let allApplicableMet = true;
    let missing: string[] | undefined;
    let thresholdUnknown: string[] | undefined;

    for (let i = start; i < end; i++) {
      const ind = prepared.indicators[i]!;
      const data = input.indicators[i];
      const cmp = comparisons[i] ?? null;
      const result = shared ? sharedIndicatorResult(shared, i, ind, requirements[i]!, data, cmp) : indicatorResult(ind, requirements[i]!, data, cmp, ownersOf);
      const { status } = result;
      if (status === 'not-met') anyNotMet = true;
      if (status !== 'met' && status !== 'not-applicable') allApplicableMet = false;
      if (status === 'missing') (missing ??= []).push(result.code);
      if (status === 'threshold-unknown') (thresholdUnknown ??= []).push(result.code);
      indicators[i - start] = result;
    }

    const complete = criterion.indicatorList === 'complete';
    const indicatorsOutcome = outcomeOf(anyNotMet, allApplicableMet, complete);
    const verdict = input.criteria[ci] ?? null;
    const status = criterionStatus(verdict, indicatorsOutcome);
    const state = criterionState(status, verdict);
    const entry: Draft<CriterionResult> = {
      number: criterion.number,
      nameVi: criterion.nameVi,
      nameEn: criterion.nameEn,
      status,
      state,
      basis: verdict === null ? 'indicators' : 'verdict',
      verdict,
      indicators,
    };
    if (verdict !== null) {
      if (indicatorsOutcome !== null && indicatorsOutcome !== status) entry.conflict = { verdict, indicatorsOutcome };
    } else if (status === 'undetermined') {
      entry.undeterminedBecause = { missing: missing ?? [], thresholdUnknown: thresholdUnknown ?? [], indicatorListIncomplete: !complete };
      const why: Reason[] = [];
      if (missing) why.push({ code: 'missing', items: missing });
      if (thresholdUnknown) why.push({ code: 'threshold-unknown', items: thresholdUnknown });
      if (!complete) why.push(incompleteReason(prepared, ci));
      entry.why = why;
      (undeterminedWhy ??= []).push(why);
    }
    if (status === 'met') met++;
    else if (status === 'not-met') notMet++;
    else undetermined++;
    if (state === 'basically-met') basicallyMet++;
    criteria[ci] = entry;
  }

  const status = communeStatus(notMet, undetermined);
  const { communeId, name, year, region } = input;
  const setId = prepared.set.id;
  const dimensions = input.context.values as Record<string, string | null>;
  const dimensionBasis = input.dimensionBasis;
  const result: Draft<CommuneResult> = name === undefined
    ? { communeId, setId, year, region, dimensions, dimensionBasis, status, criteriaMet: met, criteriaNotMet: notMet, criteriaUndetermined: undetermined, criteriaBasicallyMet: basicallyMet, criteria }
    : { communeId, name, setId, year, region, dimensions, dimensionBasis, status, criteriaMet: met, criteriaNotMet: notMet, criteriaUndetermined: undetermined, criteriaBasicallyMet: basicallyMet, criteria };
  if (status === 'undetermined') result.why = mergeReasons(...undeterminedWhy!);
  // Read-only as the types say: an assignment throws rather than changing a shared object.
  return deepFreeze(result);
}

/** Freezes plain data all the way down, skipping what is already frozen (the set's objects, shared results). */
function deepFreeze<T>(x: T): T {
  if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return x;
  Object.freeze(x);
  for (const v of Object.values(x)) deepFreeze(v);
  return x;
}

/**
 * Indicator results without a numeric value, already built in one context: by flat indicator
 * index, then by (verdict, comparison, value kind). Missing data, verdicts and yes/no values take
 * few forms, so these are shared by every commune of the context. Results with a number are built
 * afresh: numbers rarely repeat, and caching them costs more time than it saves memory.
 */
type SharedResults = Array<Array<IndicatorResult | undefined> | undefined>;
const VERDICT_SLOT = { none: 0, met: 1, 'not-met': 2, 'not-applicable': 3, 'basically-met': 4 } as const;
/** At most 5 × 9 results per indicator per context; contexts are few (region × year). */
const sharedByContext = new WeakMap<PreparedContext, SharedResults>();

function sharedResultsOf(context: PreparedContext): SharedResults {
  let shared = sharedByContext.get(context);
  if (!shared) {
    shared = [];
    sharedByContext.set(context, shared);
  }
  return shared;
}

/**
 * {@link indicatorResult}, shared when it has no number: the result is then a pure function of the
 * context's indicator and requirement and of (value kind, verdict, comparison). The comparison is
 * part of the key, so two evaluation paths that disagree never share a result. Entries with a
 * note or a number are built afresh.
 */
function sharedIndicatorResult(
  shared: SharedResults,
  i: number,
  ind: Indicator,
  req: Requirement,
  data: NormalizedIndicator | undefined,
  cmp: boolean | null,
): IndicatorResult {
  const value = data === undefined ? null : data.value;
  if (typeof value === 'number' || (data !== undefined && data.note !== undefined)) return indicatorResult(ind, req, data, cmp);
  const verdictSlot = VERDICT_SLOT[data === undefined || data.verdict === null ? 'none' : data.verdict];
  const slot = (verdictSlot * 3 + (cmp === null ? 0 : cmp ? 1 : 2)) * 3 + (value === null ? 0 : value ? 1 : 2);
  const forIndicator = (shared[i] ??= []);
  return (forIndicator[slot] ??= indicatorResult(ind, req, data, cmp));
}

/**
 * One indicator's explained outcome, frozen (it may be shared between results). A verdict stands
 * over the value (a disagreement is flagged as `conflict`); a value without a known requirement is `threshold-unknown`; no data is `missing`.
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
  const status = indicatorStatus(verdict, valueOutcome, value !== null);
  // A verdict the value contradicts ("cơ bản đạt" against a value that meets the requirement too).
  const conflict: IndicatorResult['conflict'] =
    verdict !== null && valueOutcome !== null && verdict !== 'not-applicable' && valueOutcome !== status ? { verdict, valueOutcome } : undefined;
  const note = data === undefined ? undefined : data.note;
  const { code, nameVi, nameEn, source } = ind;
  const gap = shortfall(req, value);
  // The common case in one literal: objects of one shape are smaller and faster to build.
  if (conflict === undefined && note === undefined && ownersOf === undefined) {
    return Object.freeze({ code, nameVi, nameEn, status, value, verdict, requirement: req, shortfall: gap, source });
  }
  return Object.freeze({
    code,
    nameVi,
    nameEn,
    status,
    value,
    verdict,
    requirement: req,
    shortfall: gap,
    ...(conflict ? { conflict: Object.freeze(conflict) } : {}),
    ...(note === undefined ? {} : { note }),
    ...(ownersOf ? { owners: Object.freeze([...ownersOf(code)]) as string[] } : {}),
    source,
  });
}

/** The "incomplete list" reason of a criterion: the same frozen object for every result of the set. */
const incompleteReasons = new WeakMap<PreparedSet, Reason[]>();
function incompleteReason(prepared: PreparedSet, ci: number): Reason {
  let list = incompleteReasons.get(prepared);
  if (!list) incompleteReasons.set(prepared, (list = []));
  return (list[ci] ??= Object.freeze({ code: 'indicator-list-incomplete', items: Object.freeze([prepared.criteria[ci]!.number]) as string[] }) as Reason);
}
