/** Kinds known only by name (see src/rules/kinds.ts). */
export * from '../rules/kinds.js';
