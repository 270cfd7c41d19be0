import type { Requirement } from '../schema/result.js';
import { compareRequirement, shortfall } from '../requirement/compare.js';
import { mergeReasons } from '../requirement/reasons.js';
import { defineMechanism, reasonAbout, type Outcome } from './outcome.js';

export interface SatisfactionArgs {
  /** The district-wide share required, and the share each content item of each commune must reach. */
  requirement: Requirement;
  perItemRequirement: Requirement;
  /** The district-wide survey figure (%), or `undefined` when not given. */
  district: number | undefined;
  /** Every commune of the district, and each one's survey items (%), when surveyed. */
  communeIds: readonly string[];
  items: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined;
  subject: string;
}

export interface SatisfactionOutcome extends Outcome<number | null, 'met' | 'not-met' | 'undetermined'> {
  /** The district figure against its requirement (`null`: missing or threshold unknown). */
  readonly districtOk: boolean | null;
  readonly shortfall: number | null;
  readonly perItemRequirement: Requirement;
  /** Commune items below the per-item requirement. */
  readonly below: Array<{ communeId: string; item: string; value: number }>;
  /** Communes without a per-item survey. */
  readonly unsurveyed: string[];
  /** Whether the per-item threshold is unknown for some item. */
  readonly itemsUnknown: boolean;
  /** The lowest item of any commune, and whether it meets the per-item requirement. */
  readonly lowest: number | null;
  readonly lowestOk: boolean | null;
}

/**
 * Residents' satisfaction in a district (320/QĐ-TTg): the district-wide share against its
 * requirement, and every content item of every commune against the per-item requirement. Not met
 * as soon as one part fails; met when both are known to hold; undetermined otherwise, with the
 * missing figures (`missing-data`: the district, the communes not surveyed) and unknown thresholds.
 *
 * @example districtSatisfaction.evaluate({ requirement: ge90, perItemRequirement: ge80, district: 91, communeIds: ['a'], items: { a: { x: 85 } }, subject: 'D4' }).status // 'met'
 */
export const districtSatisfaction = defineMechanism<SatisfactionArgs, SatisfactionOutcome>({
  kind: 'satisfaction',
  summary: "residents' satisfaction: the district-wide share and each commune's content items",
  evaluate({ requirement, perItemRequirement, district, communeIds, items, subject }) {
    const districtOk = district === undefined ? null : compareRequirement(requirement, district);
    const below: Array<{ communeId: string; item: string; value: number }> = [];
    const unsurveyed: string[] = [];
    let itemsUnknown = false;
    let lowest: number | null = null;
    for (const id of communeIds) {
      const own = items?.[id];
      if (!own || Object.keys(own).length === 0) {
        unsurveyed.push(id);
        continue;
      }
      for (const [item, value] of Object.entries(own).sort(([a], [b]) => a.localeCompare(b))) {
        lowest = lowest === null ? value : Math.min(lowest, value);
        const ok = compareRequirement(perItemRequirement, value);
        if (ok === null) itemsUnknown = true;
        else if (!ok) below.push({ communeId: id, item, value });
      }
    }
    const communesOk = below.length > 0 ? false : unsurveyed.length || itemsUnknown ? null : true;
    const status = districtOk === false || communesOk === false ? 'not-met' : districtOk === true && communesOk === true ? 'met' : 'undetermined';
    return {
      status,
      value: district ?? null,
      requirement,
      districtOk,
      shortfall: district === undefined ? null : shortfall(requirement, district),
      perItemRequirement,
      below,
      unsurveyed,
      itemsUnknown,
      lowest,
      lowestOk: lowest === null ? null : compareRequirement(perItemRequirement, lowest),
      why:
        status === 'undetermined'
          ? mergeReasons(
              reasonAbout('missing-data', [...(district === undefined ? [subject] : []), ...unsurveyed]),
              reasonAbout('threshold-unknown', (district !== undefined && districtOk === null) || itemsUnknown ? [subject] : []),
            )
          : [],
    };
  },
});

export interface SurveyArgs {
  requirement: Requirement;
  /** The survey's share of satisfied residents (%), when given. */
  share: number | null;
  /** The survey's own conclusion, when given: it decides. */
  verdict: 'met' | 'not-met' | null;
  subject: string;
}

/**
 * Residents' satisfaction in a commune (18/2022/QĐ-TTg): the survey's verdict decides when given;
 * otherwise the share against the required level — undetermined without a share (`missing`) or
 * while the level is unknown (`threshold-unknown`).
 *
 * @example surveySatisfaction.evaluate({ requirement: unknownLevel, share: 87.5, verdict: null, subject: 'R2' }).why // [{ code: 'threshold-unknown', items: ['R2'] }]
 */
export const surveySatisfaction = defineMechanism<SurveyArgs, Outcome<number | null, 'met' | 'not-met' | 'undetermined'> & { readonly basis: 'computed' | 'verdict' }>({
  kind: 'satisfaction-survey',
  summary: "residents' satisfaction in a commune: the survey's verdict, else its share against the required level",
  evaluate({ requirement, share, verdict, subject }) {
    if (verdict !== null) return { status: verdict, basis: 'verdict', value: share, requirement, why: [] };
    if (share === null) return { status: 'undetermined', basis: 'computed', value: null, requirement, why: reasonAbout('missing', [subject]) };
    const ok = compareRequirement(requirement, share);
    if (ok === null) return { status: 'undetermined', basis: 'computed', value: share, requirement, why: reasonAbout('threshold-unknown', [subject]) };
    return { status: ok ? 'met' : 'not-met', basis: 'computed', value: share, requirement, why: [] };
  },
});
