import { PlanSchema, type Plan } from '../schema/plan.js';
import { NtmError } from '../errors.js';
import { dataFileLoader } from '../rules/load.js';
import { bundledRegistry, type BundledFile } from '../rules/bundled.js';
import dakSong2023 from '../../rules/plans/dak-song/2023.json' with { type: 'json' };

/** The bundled plan files, by plan id; imported as data and validated the first time they are asked for. */
const BUNDLED: Readonly<Record<string, BundledFile>> = {
  'dak-song/2023': { file: 'rules/plans/dak-song/2023.json', data: dakSong2023 },
};

const planFiles = dataFileLoader(PlanSchema, 'INVALID_PLAN');
const bundledPlans = bundledRegistry(BUNDLED, planFiles.load, 'id', 'INVALID_PLAN');

/**
 * Validates a district plan (an object, or JSON text) and returns it frozen. Throws an
 * {@link NtmError} `INVALID_PLAN` listing every problem with its JSON path.
 *
 * @example
 * const plan = loadPlan(fs.readFileSync('plan.json', 'utf8'), { file: 'plan.json' });
 */
export function loadPlan(json: unknown, options: { file?: string } = {}): Plan {
  return planFiles.load(json, options);
}

/**
 * Ids of the bundled plans.
 *
 * @example listPlans() // ['dak-song/2023']
 */
export function listPlans(): string[] {
  return bundledPlans.ids().sort();
}

/**
 * A bundled district plan by id, validated and frozen. Throws `INVALID_ARGUMENT` for other ids.
 *
 * @example getPlan('dak-song/2023').communes.length // 8
 */
export function getPlan(id: string): Plan {
  const plan = bundledPlans.get(id);
  if (!plan) {
    throw new NtmError('INVALID_ARGUMENT', [
      { code: 'unknown-plan', path: [], message: `no bundled plan "${id}"; known: ${listPlans().join(', ')}` },
    ]);
  }
  return plan;
}

/** A plan given as an id, or as an object (validated once, then known by identity). Defaults to `dak-song/2023`. */
export function resolvePlan(planOrId: string | Plan | undefined): Plan {
  if (planOrId === undefined) return getPlan('dak-song/2023');
  return typeof planOrId === 'string' ? getPlan(planOrId) : loadPlan(planOrId);
}
