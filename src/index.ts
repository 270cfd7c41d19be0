/**
 * ntm-rules — Vietnam's New Rural Development (NTM) criteria as data, and their evaluation.
 *
 * @packageDocumentation
 */
export * from './schema/index.js';
export * from './errors.js';
export * from './requirement/index.js';
export { listCriterionSets, getCriterionSet, loadCriterionSet, type CriterionSetSummary } from './rules/registry.js';
export { importCriterionSet, isBundledSetId, BUNDLED_SET_IDS, type BundledSetId, type BundledSetIdArg } from './rules/bundled-sets.js';
export { columnDimension, defaultColumn, defaultRegion, dimensionContext, type DimensionInput } from './rules/dimensions.js';
export { mergePatch } from './rules/patch.js';
export { upgradeLegacySet, upgradeRequirement } from './rules/legacy.js';
export { parseRuleText, MAX_RULE_FILE_CHARS, MAX_RULE_DEPTH, MAX_RULE_VALUES } from './rules/load.js';
export * from './evaluate/index.js';
export * from './versions/index.js';
export * from './plan/index.js';
export * from './district/index.js';
export * from './groups/index.js';
export * from './reorganisation/index.js';
export * from './province/index.js';
export * from './series/index.js';
export * from './report/index.js';
export * from './recognition/index.js';
export * from './roadmap/index.js';
export * from './panel/index.js';
