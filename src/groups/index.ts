export * from './schema.js';
export * from './derive.js';
