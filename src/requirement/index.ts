export * from './format.js';
export * from './resolve.js';
export * from './compare.js';
