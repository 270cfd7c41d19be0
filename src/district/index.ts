export * from './schema.js';
export * from './conditions.js';
export * from './summary.js';
