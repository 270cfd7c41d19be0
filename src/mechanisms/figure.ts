import type { Requirement } from '../schema/result.js';
import { compareRequirement, shortfall } from '../requirement/compare.js';
import { defineMechanism, reasonAbout, statusOf, type Outcome } from './outcome.js';

export interface FigureArgs {
  requirement: Requirement;
  /** The figure, or `undefined` when the data does not give it. */
  value: number | undefined;
  /** What the figure is about (a condition id): the item of its reasons. */
  subject: string;
}

export interface FigureOutcome extends Outcome<number | null> {
  /** Whether the figure meets the requirement: `null` when it is missing or the threshold unknown. */
  readonly ok: boolean | null;
  readonly shortfall: number | null;
}

/**
 * One figure (a count, a ratio) against a requirement: met, not met, or undetermined because the
 * figure is missing (`missing-data`) or the threshold unknown (`threshold-unknown`).
 *
 * @example figureAgainst.evaluate({ requirement: ge1, value: 0, subject: 'M4' }) // { status: 'not-met', value: 0, shortfall: 1, … }
 */
export const figureAgainst = defineMechanism<FigureArgs, FigureOutcome>({
  kind: 'figure',
  summary: 'one figure (a count, a ratio) against a requirement',
  evaluate({ requirement, value, subject }) {
    if (value === undefined) return { status: 'undetermined', value: null, ok: null, requirement, shortfall: null, why: reasonAbout('missing-data', [subject]) };
    const ok = compareRequirement(requirement, value);
    return { status: statusOf(ok), value, ok, requirement, shortfall: shortfall(requirement, value), why: ok === null ? reasonAbout('threshold-unknown', [subject]) : [] };
  },
});

/**
 * The count of things (smart-village models, outstanding fields) a unit has against the count
 * required: {@link figureAgainst} on a count.
 *
 * @example count.evaluate({ requirement: ge1, value: 1, subject: 'M3' }).status // 'met'
 */
export const count = defineMechanism<FigureArgs, FigureOutcome>({
  kind: 'count',
  summary: 'a count against the count required',
  evaluate: (args) => figureAgainst.evaluate(args),
});
