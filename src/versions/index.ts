export { fingerprint } from './fingerprint.js';
export { canonicalJson } from '../rules/canonical.js';
export { sha256Hex, sha256Text } from '../rules/sha256.js';
export { criterionSetInForce, criterionSetVersions, isInForce, isoDateOf, type InForceOptions } from './in-force.js';
export {
  diffCriterionSets,
  type CriterionSetDiff,
  type DiffOptions,
  type FieldChange,
  type IndicatorPresence,
  type Rename,
  type RequirementChange,
  type RequirementChangeKind,
} from './diff.js';
export {
  calibrate,
  calibrationTemplate,
  type CalibrationTemplate,
  type KindCalibrationTemplate,
} from './calibrate.js';
export { hasKnownValue, unknownParts } from './unknowns.js';
export { getSetKindWithoutVersions, listSetKindsWithoutVersions } from './kinds.js';
