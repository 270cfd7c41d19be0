import { registerDerivation } from '../rules/dimensions.js';
import { getGroupRules } from './derive.js';
import { groupDerivationEngine } from './engine.js';

/**
 * Installs the `group-rules` derivation with the bundled rule files (idempotent): what the
 * synchronous entry points, `ntm` and the district evaluation do before evaluating a set that
 * declares one; the asynchronous entry points install it on demand (groups/on-demand.ts). Call
 * it only when building an evaluation below the entry points.
 *
 * @example installGroupDerivation(); new EvaluationPipeline(getCriterionSet('national/commune-ntm/2026'))
 */
export function installGroupDerivation(): void {
  registerDerivation('group-rules', ENGINE);
}

const ENGINE = groupDerivationEngine((id) => getGroupRules(id));
