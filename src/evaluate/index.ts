export * from './commune.js';
export { parseVerdict, parseCriterionVerdict, parseDecimal, foldText } from './words.js';
export type { Comparisons, AssembleOptions } from './assemble.js';
export { evaluateCommuneStream } from './stream.js';
