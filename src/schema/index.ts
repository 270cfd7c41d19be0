export * from './common.js';
export * from './requirement.js';
export * from './criterion-set.js';
export * from './input.js';
export * from './result.js';
export * from './plan.js';
export * from './overlay.js';
export * from './recognition.js';
