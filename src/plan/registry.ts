import type { Plan } from '../schema/plan.js';
import { loadPlan } from './load.js';
import { BUNDLED_PLAN_IDS, bundledPlanFromData, isBundledPlanId, unknownPlanError } from './bundled-plans.js';
import { FILES as PLAN_DATA } from '../rules/manifest/plans.js';

export { loadPlan } from './load.js';

/**
 * The data of the bundled plan files, by plan id (the list is in bundled-plans.ts); imported
 * statically so that the lookups here answer synchronously, and validated the first time asked for.
 */
const BUNDLED_DATA = PLAN_DATA;

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
  return bundledPlanFromData(id, BUNDLED_DATA[id].data);
}

/** A plan given as an id, or as an object (validated once, then known by identity). Defaults to `dak-song/2023`. */
export function resolvePlan(planOrId: string | Plan | undefined): Plan {
  if (planOrId === undefined) return getPlan('dak-song/2023');
  return typeof planOrId === 'string' ? getPlan(planOrId) : loadPlan(planOrId);
}
