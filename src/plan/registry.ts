import type { Plan } from '../schema/plan.js';
import { loadPlan } from './load.js';
import { BUNDLED_PLAN_IDS, bundledPlanFromData, isBundledPlanId, unknownPlanError, type BundledPlanId } from './bundled-plans.js';
import dakSong2023 from '../../rules/plans/dak-song/2023.json' with { type: 'json' };

export { loadPlan } from './load.js';

/**
 * The data of the bundled plan files, by plan id (the list is in bundled-plans.ts); imported
 * statically so that the lookups here answer synchronously, and validated the first time asked for.
 */
const BUNDLED_DATA: { readonly [Id in BundledPlanId]: unknown } = {
  'dak-song/2023': dakSong2023,
};

/**
 * Ids of the bundled plans.
 *
 * @example listPlans() // ['dak-song/2023']
 */
export function listPlans(): string[] {
  return [...BUNDLED_PLAN_IDS];
}

/**
 * A bundled district plan by id, validated and frozen. Throws `INVALID_ARGUMENT` for other ids.
 *
 * @example getPlan('dak-song/2023').communes.length // 8
 */
export function getPlan(id: string): Plan {
  if (!isBundledPlanId(id)) throw unknownPlanError(id);
  return bundledPlanFromData(id, BUNDLED_DATA[id]);
}

/** A plan given as an id, or as an object (validated once, then known by identity). Defaults to `dak-song/2023`. */
export function resolvePlan(planOrId: string | Plan | undefined): Plan {
  if (planOrId === undefined) return getPlan('dak-song/2023');
  return typeof planOrId === 'string' ? getPlan(planOrId) : loadPlan(planOrId);
}
