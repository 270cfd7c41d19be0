import { mergeReasons } from '../requirement/reasons.js';
import { defineMechanism, type Outcome } from './outcome.js';

export interface BranchesArgs {
  /** The outcomes combined (their status and reasons); `not-applicable` ones are left out. */
  outcomes: ReadonlyArray<Pick<Outcome<unknown>, 'status' | 'why'>>;
}

type Decided = Outcome<null, 'met' | 'not-met' | 'undetermined'>;

/** The reasons of the undetermined outcomes, merged, when the combination is itself undetermined. */
function openReasons(applicable: BranchesArgs['outcomes']): Decided {
  return { status: 'undetermined', value: null, requirement: null, why: mergeReasons(...applicable.filter((o) => o.status === 'undetermined').map((o) => o.why)) };
}

/**
 * One of several conditions (the branches of a rule "a, or b"): met as soon as one is met, not met
 * when every one is not met (or there is none), undetermined otherwise — with the reasons of the
 * undetermined branches only, as a branch already failed cannot tip it.
 *
 * @example anyOf.evaluate({ outcomes: [notMet, met] }).status // 'met'
 * @example anyOf.evaluate({ outcomes: [notMet, open] }).why // open.why
 */
export const anyOf = defineMechanism<BranchesArgs, Decided>({
  kind: 'any-of',
  summary: 'one of several conditions met (the branches of a rule); undetermined while none is met and one is open',
  evaluate({ outcomes }) {
    const applicable = outcomes.filter((o) => o.status !== 'not-applicable');
    if (applicable.some((o) => o.status === 'met')) return { status: 'met', value: null, requirement: null, why: [] };
    if (applicable.every((o) => o.status === 'not-met')) return { status: 'not-met', value: null, requirement: null, why: [] };
    return openReasons(applicable);
  },
});

/**
 * Every one of several conditions met (the parts of one branch, "6 criteria with a listed one
 * among them"): not met as soon as one is not met, met when every one is (or there is none),
 * undetermined otherwise — with the reasons of the undetermined parts.
 *
 * @example allOf.evaluate({ outcomes: [met, notMet] }).status // 'not-met'
 * @example allOf.evaluate({ outcomes: [met, open] }).why // open.why
 */
export const allOf = defineMechanism<BranchesArgs, Decided>({
  kind: 'all-of',
  summary: 'every one of several conditions met (the parts of one branch); undetermined while none fails and one is open',
  evaluate({ outcomes }) {
    const applicable = outcomes.filter((o) => o.status !== 'not-applicable');
    if (applicable.some((o) => o.status === 'not-met')) return { status: 'not-met', value: null, requirement: null, why: [] };
    if (applicable.every((o) => o.status === 'met')) return { status: 'met', value: null, requirement: null, why: [] };
    return openReasons(applicable);
  },
});
