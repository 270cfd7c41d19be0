/** The streaming evaluator runs the same pipeline as every other entry point (see commune.ts). */
export { evaluateCommuneStream } from './commune.js';
