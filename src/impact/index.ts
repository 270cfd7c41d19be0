export { impactOf, type Impact, type ImpactOptions, type CommuneImpact, type CommuneStanding, type CriterionFlip, type IndicatorFlip, type IndicatorOutcome, type RuleChange, type StandingChange } from './impact.js';
export { impactDocument, impactText, impactMarkdown, impactHtml, impactCsv } from './report.js';
