export * from './table.js';
export * from './labels.js';
export * from './gaps.js';
export * from './csv.js';
export * from './markdown.js';
export * from './html.js';
export * from './model.js';
