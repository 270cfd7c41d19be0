/** Which version of a set kind is in force on a date: found among the rules (see src/rules/in-force.ts). */
export * from '../rules/in-force.js';
