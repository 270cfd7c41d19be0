export * from './schema.js';
export * from './view.js';
