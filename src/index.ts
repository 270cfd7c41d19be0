/**
 * ntm-rules — Vietnam's New Rural Development (NTM) criteria as data, and their evaluation.
 *
 * @packageDocumentation
 */
export * from './schema/index.js';
export * from './errors.js';
export * from './requirement/index.js';
export { listCriterionSets, getCriterionSet, type CriterionSetSummary } from './rules/registry.js';
export { loadCriterionSet, parseRuleText, MAX_RULE_FILE_CHARS, MAX_RULE_DEPTH, MAX_RULE_VALUES } from './rules/load.js';
export * from './evaluate/index.js';
export { evaluateCommuneStream } from './evaluate/stream.js';
export * from './report/index.js';
export * from './schema/plan.js';
export * from './plan/index.js';
export { summarizeDistrict, DistrictSummarySchema, type DistrictSummary } from './district/summary.js';
export * from './schema/overlay.js';
export * from './versions/index.js';
export {
  evaluateDistrict,
  evaluateModelCommune,
  DistrictInputSchema,
  DistrictResultSchema,
  ModelCommuneInputSchema,
  ModelCommuneResultSchema,
  ConditionResultSchema,
  ConditionStatusSchema,
  CommuneOutcomeSchema,
  type DistrictInput,
  type DistrictResult,
  type ModelCommuneInput,
  type ModelCommuneResult,
  type ConditionResult,
  type ConditionStatus,
  type CommuneOutcome,
  type ConditionEvaluationOptions,
} from './district/conditions.js';
