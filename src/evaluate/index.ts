export * from './commune.js';
export { parseVerdict, parseDecimal, parseCount, parseRegion, isNoDataWord, idKey, cleanId, idByName, foldText, USER_WORDS } from './words.js';
export type { Comparisons, AssembleOptions } from './assemble.js';
export { evaluateCommuneStream } from './stream.js';
