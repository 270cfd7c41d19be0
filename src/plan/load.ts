import { PlanSchema, type Plan } from '../schema/plan.js';
import { dataFileLoader } from '../rules/load.js';

const planFiles = dataFileLoader(PlanSchema, 'INVALID_PLAN');

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
