export * from './format.js';
export * from './resolve.js';
export * from './compare.js';
export { OPERATORS, OPERATOR_IDS, operatorOf, type OperatorDefinition } from '../schema/operators.js';
export { visitRequirement, requirementLeaves, mapRequirement, type RequirementLeafVisit, type RequirementStep } from '../schema/requirement.js';
export * from './reasons.js';
