export * from './lineage.js';
