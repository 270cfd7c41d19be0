import type { CriterionVerdict, Verdict } from '../schema/input.js';
import type { CriterionResult, IndicatorStatus, Status, VerdictState } from '../schema/result.js';

/*
 * The status rule, in one place: how indicators decide a criterion, how a criterion verdict
 * stands over them, how criteria decide a commune, and which indicators a report lists as open.
 * The assembled explanation (assemble.ts), the compact rows (compact.ts) and the report outlines
 * (report/model.ts) all decide through these functions, so they cannot drift apart.
 */

/**
 * An indicator's status: the agency's verdict stands over the value ("cơ bản đạt" is not met);
 * else the value against the requirement (`valueOutcome`, `null` when the requirement is
 * unknown); no value and no verdict is missing data.
 *
 * @example indicatorStatus('basically-met', 'met', true) // 'not-met'
 */
export function indicatorStatus(verdict: Verdict | null, valueOutcome: 'met' | 'not-met' | null, hasValue: boolean): IndicatorStatus {
  if (verdict !== null) return verdict === 'basically-met' ? 'not-met' : verdict;
  if (hasValue) return valueOutcome ?? 'threshold-unknown';
  return 'missing';
}

/** What a criterion's indicators decide, before any criterion verdict. */
export type IndicatorsOutcome = 'met' | 'not-met' | null;

/**
 * What a criterion's indicators decide: not met when one is not met; met when the set lists all
 * of the criterion's indicators and every applicable one is met; else nothing (`null`).
 *
 * @example indicatorsOutcome(false, true, true) // 'met'
 */
export function indicatorsOutcome(anyNotMet: boolean, allApplicableMet: boolean, listComplete: boolean): IndicatorsOutcome {
  return anyNotMet ? 'not-met' : listComplete && allApplicableMet ? 'met' : null;
}

/**
 * A criterion's status: its own verdict when one is given ("cơ bản đạt" is not met), else what
 * its indicators decide, else undetermined.
 *
 * @example criterionStatus('basically-met', 'met') // 'not-met'
 */
export function criterionStatus(verdict: CriterionVerdict | null | undefined, outcome: IndicatorsOutcome): Status {
  if (verdict === null || verdict === undefined) return outcome ?? 'undetermined';
  return verdict === 'met' ? 'met' : 'not-met';
}

/**
 * A criterion's state: its status, with a "cơ bản đạt" verdict told apart.
 *
 * @example criterionState('not-met', 'basically-met') // 'basically-met'
 */
export function criterionState(status: Status, verdict: CriterionVerdict | null | undefined): VerdictState {
  return verdict === 'basically-met' ? 'basically-met' : status;
}

/**
 * The state of a criterion result (also of one saved before results carried `state`).
 *
 * @example stateOf({ status: 'not-met', verdict: 'basically-met' }) // 'basically-met'
 */
export function stateOf(c: Pick<CriterionResult, 'status' | 'verdict'>): VerdictState {
  return criterionState(c.status, c.verdict);
}

/**
 * A commune's status from its criteria counts: not met when one criterion is not met (basically
 * met included), else undetermined when one is undetermined, else met.
 *
 * @example communeStatus(0, 2) // 'undetermined'
 */
export function communeStatus(notMet: number, undetermined: number): Status {
  return notMet > 0 ? 'not-met' : undetermined > 0 ? 'undetermined' : 'met';
}

/** How a report lists an open indicator: not met, missing data, or a value the set cannot judge. */
export type OpenKind = 'notMet' | 'missing' | 'thresholdUnknown';

/**
 * Whether a report lists an indicator of a criterion, and as what: only in a criterion that is not
 * met; and an indicator without data under a criterion judged as a whole by its verdict is not
 * missing — the verdict decided the criterion, there is nothing to chase.
 *
 * @example openKind('not-met', 'verdict', 'missing') // null
 */
export function openKind(status: Status, basis: CriterionResult['basis'], indicator: IndicatorStatus): OpenKind | null {
  if (status === 'met') return null;
  if (indicator === 'not-met') return 'notMet';
  if (indicator === 'missing') return basis === 'verdict' ? null : 'missing';
  if (indicator === 'threshold-unknown') return 'thresholdUnknown';
  return null;
}
