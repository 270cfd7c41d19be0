import type { Requirement } from '../schema/result.js';
import { operatorOf } from '../schema/operators.js';
import { compareRequirement, shortfall } from '../requirement/compare.js';
import { mergeReasons } from '../requirement/reasons.js';
import { defineMechanism, reasonAbout, statusOf, type Outcome } from './outcome.js';

/** Units by how they count in a share: ids met, not met, undetermined, not assessed. */
export interface Units {
  met: string[];
  notMet: string[];
  undetermined: string[];
  notAssessed: string[];
}

/** No unit yet: the lists to fill. */
export function noUnits(): Units {
  return { met: [], notMet: [], undetermined: [], notAssessed: [] };
}

export interface ShareArgs {
  /** The share (%) required, resolved. */
  requirement: Requirement;
  units: Units;
  /** Units the share is out of (may exceed the units listed). */
  total: number;
  /** Units counted in `total` but not listed at all: open, like those not assessed. */
  unlisted?: number;
  /** What the share is about (a condition id): the item of reasons about the share itself. */
  subject: string;
}

export interface ShareOutcome extends Outcome<number> {
  /** The share exactly (met × 100 / total): every comparison uses it. */
  readonly exact: number;
  /** The share as printed: one decimal, cut toward not meeting the requirement ({@link shownShare}). */
  readonly shown: number;
  readonly numerator: number;
  readonly denominator: number;
  /** Distance from the exact share to the requirement, in points: 0 when met. */
  readonly shortfall: number | null;
  /** Units undetermined, not assessed or not listed: those that could still tip the share. */
  readonly open: number;
  readonly units: Units;
}

/**
 * A share as stored in results: rounded to 4 decimals (1/3 → 33.3333), so results stay readable
 * while 1/8 stays exactly 12.5. Comparisons never use it; they use the exact share.
 *
 * @example storedShare(100 / 3) // 33.3333
 */
export function storedShare(exact: number): number {
  return Math.round(exact * 1e4) / 1e4;
}

/**
 * A share as printed: to one decimal, as appraisal reports quote shares ("8,7 %"), cut toward
 * not meeting the requirement — down under a floor (≥, >), up under a ceiling (≤, <) — so a share
 * that fails its threshold never prints as reaching it (8.96 % against ≥ 9 % prints 8.9 %, not
 * 9.0 %). This is the project's display rule for every share of units, not a legal one.
 *
 * @example shownShare(900 / 103, ge10) // 8.7
 * @example shownShare(26.56, le26_5) // 26.6
 */
export function shownShare(exact: number, requirement: Requirement | null): number {
  const ceiling = requirement?.kind === 'compare' && operatorOf(requirement.operator).direction === -1;
  // 1e-9 absorbs binary noise: 12.5 is 12.499999999 only by representation.
  return ceiling ? Math.ceil(exact * 10 - 1e-9) / 10 : Math.floor(exact * 10 + 1e-9) / 10;
}

export interface ShareCountArgs {
  /** The share (%) required, resolved. */
  requirement: Requirement;
  /** How many of `total` meet their standard (criterion contents of one ward). */
  met: number;
  total: number;
  /** What the share is about (a unit or condition id): the item of reasons about the share itself. */
  subject: string;
}

export interface ShareCountOutcome extends Outcome<number, 'met' | 'not-met' | 'undetermined'> {
  /** Whether the exact share meets the requirement; `null` when the threshold is unknown. */
  readonly ok: boolean | null;
  readonly exact: number;
  readonly shown: number;
  readonly shortfall: number | null;
}

/**
 * A share known only as counts (every part decided: contents met of a ward's criterion contents)
 * against a requirement: the same exact comparison, stored and printed shares as
 * {@link shareOfUnits}, undetermined only when the threshold is unknown.
 *
 * @example shareOfCount.evaluate({ requirement: ge70, met: 13, total: 19, subject: 'P3' }) // { status: 'not-met', exact: 68.42…, shown: 68.4, … }
 */
export const shareOfCount = defineMechanism<ShareCountArgs, ShareCountOutcome>({
  kind: 'share-of-count',
  summary: 'the share (%) of parts meeting a standard, given as counts, against a required share',
  evaluate({ requirement, met, total, subject }) {
    // Multiplying first keeps 1/8 → 12.5 exact.
    const exact = (met * 100) / total;
    const ok = compareRequirement(requirement, exact);
    return {
      status: statusOf(ok),
      value: storedShare(exact),
      ok,
      exact,
      shown: shownShare(exact, requirement),
      requirement,
      shortfall: shortfall(requirement, exact),
      why: ok === null ? reasonAbout('threshold-unknown', [subject]) : [],
    };
  },
});

/**
 * A share of units against a requirement, honest about units not yet decided: met when the
 * decided units alone reach it, not met when it fails even if every open unit were met,
 * undetermined between (with the undetermined and not-assessed units as reasons).
 *
 * @example
 * shareOfUnits.evaluate({ requirement: ge10, units: { met: ['a'], notMet: [], undetermined: ['b'], notAssessed: [] }, total: 8, subject: 'D2' })
 * // { status: 'met', exact: 12.5, shown: 12.5, numerator: 1, denominator: 8, … }
 */
export const shareOfUnits = defineMechanism<ShareArgs, ShareOutcome>({
  kind: 'share-of-units',
  summary: 'the share (%) of units meeting a standard against a required share; open units leave it undetermined only if they could tip it',
  evaluate({ requirement, units, total, unlisted = 0, subject }) {
    const open = units.undetermined.length + units.notAssessed.length + unlisted;
    // Multiplying first keeps 1/8 → 12.5 exact.
    const exact = (units.met.length * 100) / total;
    const okLow = compareRequirement(requirement, exact);
    const okHigh = compareRequirement(requirement, ((units.met.length + open) * 100) / total);
    const status = okLow === null ? 'undetermined' : okLow ? 'met' : okHigh ? 'undetermined' : 'not-met';
    const why =
      okLow === null
        ? reasonAbout('threshold-unknown', [subject])
        : status === 'undetermined'
          ? mergeReasons(reasonAbout('undetermined-results', units.undetermined), reasonAbout('not-assessed', [...units.notAssessed, ...(unlisted > 0 ? [subject] : [])]))
          : [];
    return {
      status,
      value: storedShare(exact),
      exact,
      shown: shownShare(exact, requirement),
      numerator: units.met.length,
      denominator: total,
      requirement,
      shortfall: shortfall(requirement, exact),
      open,
      units,
      why,
    };
  },
});
