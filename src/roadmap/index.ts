export { roadToStandard, communeRoad, type RoadmapOptions } from './roadmap.js';
export { whatIf, applyWhatIf, inputFromResult, type WhatIfOptions } from './what-if.js';
