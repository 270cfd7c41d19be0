import type { Plan } from '../schema/plan.js';
import { NtmError, issue } from '../errors.js';
import { loadPlan } from './load.js';
import { PLAN_FILES, type BundledPlanId } from '../rules/manifest/index.js';

/** The id of a district plan bundled with the library; the union is generated from rules/plans/ (`npm run manifest`). */
export type { BundledPlanId } from '../rules/manifest/index.js';

/** The bundled plan files, by plan id, with their data imported on demand (generated: src/rules/manifest/). */
const BUNDLED_PLANS = PLAN_FILES;

/** The ids of the bundled plans, sorted. */
export const BUNDLED_PLAN_IDS: readonly BundledPlanId[] = Object.freeze((Object.keys(BUNDLED_PLANS) as BundledPlanId[]).sort());

/** Whether a string is the id of a bundled plan. */
export function isBundledPlanId(id: unknown): id is BundledPlanId {
  return typeof id === 'string' && Object.hasOwn(BUNDLED_PLANS, id);
}

/** The repository file of a bundled plan. */
export function bundledPlanFile(id: BundledPlanId): string {
  return BUNDLED_PLANS[id].file;
}

/** The `INVALID_ARGUMENT` error for a plan id that is not bundled. */
export function unknownPlanError(id: string): NtmError {
  return new NtmError('INVALID_ARGUMENT', [
    issue('unknown-plan', [], { plan: id, known: BUNDLED_PLAN_IDS }),
  ]);
}

/** Validated bundled plans, by id: `getPlan` and {@link planOnDemand} share them. */
const validated = new Map<BundledPlanId, Plan>();

/** A bundled plan validated from its file's data (once per id), checked to carry its id. */
export function bundledPlanFromData(id: BundledPlanId, data: unknown): Plan {
  const hit = validated.get(id);
  if (hit) return hit;
  const file = BUNDLED_PLANS[id].file;
  const plan = loadPlan(data, { file });
  if (plan.id !== id) {
    throw new NtmError('INVALID_PLAN', [issue('id-mismatch', ['id'], { registered: id, found: plan.id })], { file });
  }
  validated.set(id, plan);
  return plan;
}

/**
 * A plan given as a bundled plan's id (imported on first use) or as an object (validated), as
 * `resolvePlan` gives it synchronously from the registry. Rejects as `getPlan` / `loadPlan` throw.
 */
export async function planOnDemand(planOrId: string | Plan): Promise<Plan> {
  if (typeof planOrId !== 'string') return loadPlan(planOrId);
  if (!isBundledPlanId(planOrId)) throw unknownPlanError(planOrId);
  const done = validated.get(planOrId);
  if (done) return done;
  const { default: data } = await BUNDLED_PLANS[planOrId].data();
  return bundledPlanFromData(planOrId, data);
}
