// The entry points themselves are exported from the package root through the plan layer
// (src/plan/evaluate.ts), which attaches owners from a plan; everything else is exported here.
export {
  isEvaluationError,
  setForEvaluation,
  setInForce,
  errorRecord,
  EvaluationPipeline,
  DuplicateGuard,
  type EvaluateOptions,
  type EvaluateBatchOptions,
  type EvaluationEngine,
  type BatchEntry,
  type PipelineOptions,
} from './commune.js';
export { parseVerdict, metOrNot, parseCriterionVerdict, parseDecimal, parseCount, parseRegion, isNoDataWord, idKey, cleanId, idByName, foldText, USER_WORDS } from './words.js';
export type { Comparisons, AssembleOptions } from './assemble.js';
export { parseCommuneInput } from './input.js';
export { criterionResult, indicatorResult } from './find.js';
