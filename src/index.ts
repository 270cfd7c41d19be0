/**
 * ntm-rules — Vietnam's New Rural Development (NTM) criteria as data, and their evaluation.
 *
 * The main entry exports what a user of the library needs, grouped by task below (the README's
 * "Public API" lists the same). Tolerant readers of office words and numbers are also in
 * `ntm-rules/words`, spreadsheets in `ntm-rules/workbook`. Everything else is internal: a new
 * export is a decision (tests/api/exports.test.ts pins the list).
 *
 * @packageDocumentation
 * @module ntm-rules
 */

// Criterion sets: the bundled ones, your own, versions in force, fingerprints, diffs, calibration.
export { listCriterionSets, getCriterionSet, loadCriterionSet, type CriterionSetSummary } from './rules/registry.js';
export { importCriterionSet, isBundledSetId, findByDecision, BUNDLED_SET_IDS, type BundledSetId, type BundledSetIdArg } from './rules/bundled-sets.js';
export { parseRuleText } from './rules/load.js';
export { dimensionContext, type DimensionInput } from './rules/dimensions.js';
export {
  criterionSetInForce,
  criterionSetVersions,
  isInForce,
  listSetKindsWithoutVersions,
  getSetKindWithoutVersions,
  fingerprint,
  diffCriterionSets,
  calibrate,
  calibrationTemplate,
  type InForceOptions,
  type CriterionSetDiff,
  type DiffOptions,
  type FieldChange,
  type IndicatorPresence,
  type Rename,
  type RequirementChange,
  type RequirementChangeKind,
  type CalibrationTemplate,
  type KindCalibrationTemplate,
} from './versions/index.js';
export { getSeries, listSeries, type Series, type SeriesPeriod, type SeriesStep } from './series/index.js';

// Evaluating communes.
export { evaluateCommune, evaluateCommuneSync, evaluateCommunes, evaluateCommuneStream, type SetOrId } from './plan/evaluate.js';
export {
  parseCommuneInput,
  isEvaluationError,
  criterionResult,
  indicatorResult,
  type EvaluateOptions,
  type EvaluateBatchOptions,
  type EvaluationEngine,
  type BatchEntry,
  type PipelineOptions,
} from './evaluate/index.js';
export { NtmError, formatPath, type JsonPath, type NtmErrorCode, type NtmErrorData, type NtmIssue } from './errors.js';
export { parseVerdict, parseDecimal } from './evaluate/words.js';

// Requirements: resolve, compare, walk.
export { resolveRequirement, compareRequirement, shortfall, compareStrictness, formatNumber, formatQuantity, type Lang, type DimensionValues, type RegionYearContext, type RequirementContext } from './requirement/index.js';
export { OPERATORS, operatorOf, visitRequirement, requirementLeaves, mapRequirement, type OperatorDefinition, type RequirementLeafVisit, type RequirementStep } from './requirement/index.js';

// Plans: owners, work lists, targets, the reporting calendar.
export {
  getPlan,
  listPlans,
  loadPlan,
  ownersOf,
  ownedBy,
  ownersLookup,
  agencyOf,
  findCommune,
  agencyWorkList,
  evaluateTargets,
  populationByCommune,
  reportingSchedule,
  upcomingDeadlines,
  overdueReports,
  type TargetData,
  type CalendarOptions,
  type UpcomingDeadline,
  type OverdueReport,
} from './plan/index.js';

// Districts, model communes, provinces, commune groups, the 2025 reorganisation.
export { evaluateDistrict, evaluateModelCommune, summarizeDistrict, type ConditionEvaluationOptions } from './district/index.js';
export { rollUp, rollUpText, type RollUp } from './report/rollup.js';
export { evaluateProvince, getProvinceRules, rollUpLevelFor, type ProvinceEvaluationOptions } from './province/index.js';
// Conditions as mechanisms: each idea (share of units, count, all criteria, …) one plain object.
export { MECHANISMS, type Mechanism, type Outcome, type MechanismStatus } from './mechanisms/index.js';
export { communeGroupOf, withCommuneGroup, getGroupRules, type CommuneGroupInput } from './groups/index.js';
export {
  getReorganisation,
  listReorganisations,
  successorOf,
  predecessorsOf,
  resultsByCurrentUnit,
  type ResultLike,
  type PredecessorResult,
  type CurrentUnitView,
  type ReorganisedView,
} from './reorganisation/index.js';

// Recognition, revocation, the road to the standard, what-if, panels of years.
export { checkRecognition, revocationRisk, getRecognitionRules, loadRecognitionRules, calibrateRecognition, type RecognitionOptions, type RevocationOptions } from './recognition/index.js';
export { recognitionDossier, type RecognitionDossier, type DossierCriterion, type DossierIndicator, type DossierCondition, type DossierMissing } from './recognition/index.js';
export { roadToStandard, whatIf, applyWhatIf, inputFromResult, type RoadmapOptions, type WhatIfOptions } from './roadmap/index.js';
export { comparePanel, type PanelOptions } from './panel/index.js';

// Case files (expected outcomes, run like tests) and the impact of a rule change on communes.
export {
  runCases,
  parseCaseFile,
  casesJunit,
  CaseFileError,
  CaseFileSchema,
  type CaseRun,
  type CaseOutcome,
  type CaseDifference,
  type CaseFileProblem,
  type LocatedCaseFile,
  type RunCasesOptions,
  type ParseCaseFileOptions,
  type CaseFile,
  type CaseFileInput,
  type Case,
  type CaseInput,
  type Expectation,
  type IndicatorExpectation,
  type CriterionState,
} from './cases/index.js';
export { findCriterionSet, type SetReferenceOptions, type SetReferenceKind } from './versions/set-reference.js';
export {
  impactOf,
  impactText,
  impactCsv,
  impactMarkdown,
  impactHtml,
  type Impact,
  type ImpactOptions,
  type CommuneImpact,
  type CommuneStanding,
  type CriterionFlip,
  type IndicatorFlip,
  type IndicatorOutcome,
  type RuleChange,
  type StandingChange,
} from './impact/index.js';

// Reports: tables, CSV, Markdown, HTML, and the pieces a page shows.
export {
  criteriaMatrixTable,
  resultsText,
  resultsCsv,
  resultsMarkdown,
  resultsHtml,
  buildReport,
  communeReport,
  communeGaps,
  gapKindText,
  shortfallText,
  requirementText,
  requirementUnit,
  formatValue,
  targetDetailText,
  panelText,
  panelCsv,
  panelMarkdown,
  panelHtml,
  roadmapText,
  roadmapCsv,
  roadmapMarkdown,
  roadmapHtml,
  COMMUNE_STATUS_TEXT,
  CRITERION_STATUS_TEXT,
  INDICATOR_STATUS_TEXT,
  type Gap,
  type Conflict,
  type CommuneReport,
  type ReportModel,
  type ReportContext,
  type TargetLine,
  type DeadlineLine,
  type RoadmapReportOptions,
} from './report/index.js';

// The shapes: zod schemas of the documents users read and write, and their types.
export {
  REGIONS,
  CriterionSetSchema,
  SetPatchSchema,
  CalibrationOverlaySchema,
  KindOverlaySchema,
  DimensionSchema,
  CommuneInputSchema,
  IndicatorInputSchema,
  CommuneResultSchema,
  DimensionBasisSchema,
  CriterionResultSchema,
  VerdictStateSchema,
  IndicatorResultSchema,
  RequirementSchema,
  ReasonSchema,
  EvaluationErrorRecordSchema,
  PlanSchema,
  RecognitionFactsFileSchema,
  RecognitionResultSchema,
  RevocationRiskSchema,
  RoadmapSchema,
  WhatIfFileSchema,
  WhatIfResultSchema,
  PanelSchema,
  type RegionCode,
  type Confidence,
  type Source,
  type LegalReference,
  type Operator,
  type RequirementSpec,
  type LeafSpec,
  type BySpec,
  type Measure,
  type SetLevel,
  type Indicator,
  type Criterion,
  type ColumnOverride,
  type RegionOverride,
  type DimensionColumn,
  type ColumnDimension,
  type Dimension,
  type Dimensions,
  type Condition,
  type ConditionRequirementField,
  type Derivation,
  type SetKind,
  type CriterionSet,
  type CriterionSetInput,
  type SetPatch,
  type CalibrationOverlayInput,
  type Verdict,
  type CriterionVerdict,
  type RawValue,
  type IndicatorInput,
  type IndicatorData,
  type CommuneInput,
  type ParsedCommuneInput,
  type ComparisonRequirement,
  type IsMetRequirement,
  type UnknownRequirement,
  type Requirement,
  type IndicatorStatus,
  type Status,
  type VerdictState,
  type IndicatorResult,
  type ReasonCode,
  type Reason,
  type CriterionResult,
  type CommuneResult,
  type DimensionBasis,
  type EvaluationErrorRecord,
  type Plan,
  type PlanInput,
  type PlanAgency,
  type PlanCommune,
  type PlanDeadline,
  type PlanTarget,
  type Ownership,
  type OwnershipPart,
  type IndicatorOwnership,
  type CriterionOwnership,
  type Reporting,
  type PeriodicRule,
  type Submission,
  type SubmitTo,
  type BeforeReading,
  type CommuneTarget,
  type TargetKind,
  type TargetOutcome,
  type TargetStatus,
  type WorkItem,
  type WorkList,
  type Obligation,
  type ObligationKind,
  type RecognitionRules,
  type RecognitionRulesInput,
  type RecognitionConditionSpec,
  type RevocationRuleSpec,
  type RecognitionFacts,
  type RecognitionFactsFile,
  type RecognitionNote,
  type RecognitionConditionResult,
  type RecognitionResult,
  type RecognitionStatus,
  type RevocationRisk,
  type RevocationBranch,
  type Roadmap,
  type RoadmapCommune,
  type RoadmapItem,
  type WhatIfChanges,
  type WhatIfFile,
  type WhatIfResult,
  type Panel,
  type Why,
  type DistrictData,
} from './schema/index.js';
export {
  DistrictInputSchema,
  DistrictResultSchema,
  ModelCommuneInputSchema,
  ModelCommuneResultSchema,
  type DistrictInput,
  type DistrictResult,
  type ModelCommuneInput,
  type ModelCommuneResult,
  type CommuneOutcome,
  type ConditionResult,
  type ConditionStatus,
  type DistrictSummary,
} from './district/index.js';
export { ProvinceInputSchema, ProvinceResultSchema, type ProvinceInput, type ProvinceResult, type ProvinceRules, type ProvinceCondition } from './province/index.js';
export {
  CommuneGroupResultSchema,
  type CommuneGroup,
  type CommuneGroupFacts,
  type CommuneGroupResult,
  type GroupFact,
  type GroupFallback,
  type GroupPredicate,
  type GroupRule,
  type GroupRules,
  type RuleOutcome,
} from './groups/index.js';
export { ReorganisationSchema, type Reorganisation, type CurrentUnit, type FormerUnit } from './reorganisation/index.js';
