export * from './conditions.js';
export * from './summary.js';
