export { runCases, type CaseRun, type CaseOutcome, type CaseDifference, type LocatedCaseFile, type RunCasesOptions } from './run.js';
export { parseCaseFile, type ParseCaseFileOptions } from './parse.js';
export { casesJunit, caseFailureLines } from './junit.js';
export { CaseFileError, problemText, type CaseFileProblem } from './problems.js';
export { CaseFileSchema, CaseSchema, ExpectationSchema, IndicatorExpectationSchema, CaseInputSchema, requirementExpectationOf, type CaseFile, type CaseFileInput, type Case, type CaseInput, type Expectation, type IndicatorExpectation, type RequirementExpectation } from './schema.js';
export { communeStateOf, criterionStateOf, indicatorStateOf, criterionState, stateText, communeStateText, type CriterionState } from './words.js';
