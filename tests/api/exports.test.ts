/**
 * The public API is a decision, not a side effect of `export *`: these are the runtime exports of
 * the main entry and of `ntm-rules/words`, by task (as the library guide's "Public API" (docs/library.md) lists them). An
 * export added or removed by accident fails here; a deliberate one updates this list, docs/library.md
 * and CHANGELOG.md.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import * as words from '../../src/words/index.js';
import { built, repo } from '../cli/helpers.js';

export const PUBLIC_API: Readonly<Record<string, readonly string[]>> = {
  'criterion sets': [
    'listCriterionSets', 'getCriterionSet', 'loadCriterionSet', 'importCriterionSet', 'isBundledSetId', 'findByDecision', 'BUNDLED_SET_IDS', 'parseRuleText', 'dimensionContext',
    'criterionSetInForce', 'criterionSetVersions', 'isInForce', 'listSetKindsWithoutVersions', 'getSetKindWithoutVersions',
    'fingerprint', 'diffCriterionSets', 'calibrate', 'calibrationTemplate', 'getSeries', 'listSeries',
  ],
  evaluation: [
    'evaluateCommune', 'evaluateCommuneSync', 'evaluateCommunes', 'evaluateCommuneStream', 'parseCommuneInput', 'isEvaluationError',
    'criterionResult', 'indicatorResult', 'NtmError', 'formatPath', 'parseVerdict', 'parseDecimal',
  ],
  requirements: [
    'resolveRequirement', 'compareRequirement', 'shortfall', 'compareStrictness', 'OPERATORS', 'operatorOf',
    'visitRequirement', 'requirementLeaves', 'mapRequirement', 'formatNumber', 'formatQuantity',
  ],
  plans: [
    'getPlan', 'listPlans', 'loadPlan', 'ownersOf', 'ownedBy', 'ownersLookup', 'agencyOf', 'findCommune', 'agencyWorkList',
    'evaluateTargets', 'populationByCommune', 'reportingSchedule', 'upcomingDeadlines', 'overdueReports',
  ],
  'districts, provinces, groups, reorganisation': [
    'evaluateDistrict', 'evaluateModelCommune', 'summarizeDistrict', 'rollUp', 'rollUpText', 'evaluateProvince', 'getProvinceRules', 'rollUpLevelFor', 'MECHANISMS',
    'communeGroupOf', 'withCommuneGroup', 'getGroupRules', 'getReorganisation', 'listReorganisations', 'successorOf', 'predecessorsOf', 'resultsByCurrentUnit',
  ],
  'recognition, roadmap, panels': [
    'checkRecognition', 'recognitionDossier', 'revocationRisk', 'getRecognitionRules', 'loadRecognitionRules', 'calibrateRecognition',
    'roadToStandard', 'whatIf', 'applyWhatIf', 'inputFromResult', 'comparePanel',
  ],
  'cases and impact': ['runCases', 'parseCaseFile', 'casesJunit', 'CaseFileError', 'CaseFileSchema', 'findCriterionSet', 'impactOf', 'impactText', 'impactCsv', 'impactMarkdown', 'impactHtml'],
  reports: [
    'criteriaMatrixTable', 'resultsText', 'resultsCsv', 'resultsMarkdown', 'resultsHtml', 'buildReport', 'communeReport',
    'communeGaps', 'gapKindText', 'shortfallText', 'requirementText', 'requirementUnit', 'formatValue', 'targetDetailText',
    'panelText', 'panelCsv', 'panelMarkdown', 'panelHtml', 'roadmapText', 'roadmapCsv', 'roadmapMarkdown', 'roadmapHtml',
    'COMMUNE_STATUS_TEXT', 'CRITERION_STATUS_TEXT', 'INDICATOR_STATUS_TEXT', 'REGIONS',
  ],
  schemas: [
    'CriterionSetSchema', 'SetPatchSchema', 'CalibrationOverlaySchema', 'KindOverlaySchema', 'DimensionSchema',
    'CommuneInputSchema', 'IndicatorInputSchema', 'CommuneResultSchema', 'DimensionBasisSchema', 'CriterionResultSchema', 'VerdictStateSchema', 'IndicatorResultSchema',
    'RequirementSchema', 'ReasonSchema', 'EvaluationErrorRecordSchema', 'PlanSchema', 'DistrictInputSchema', 'DistrictResultSchema',
    'ModelCommuneInputSchema', 'ModelCommuneResultSchema', 'ProvinceInputSchema', 'ProvinceResultSchema', 'CommuneGroupResultSchema',
    'ReorganisationSchema', 'RecognitionFactsFileSchema', 'RecognitionResultSchema', 'RevocationRiskSchema', 'RoadmapSchema',
    'WhatIfFileSchema', 'WhatIfResultSchema', 'PanelSchema',
  ],
};

export const WORDS_API: readonly string[] = ['parseVerdict', 'parseCriterionVerdict', 'parseDecimal', 'parseCount', 'parseRegion', 'isNoDataWord', 'idKey', 'cleanId', 'idByName', 'USER_WORDS'];

const sorted = (names: Iterable<string>): string[] => [...names].sort();
const pinned = sorted(Object.values(PUBLIC_API).flat());

describe('the runtime exports of the main entry', () => {
  it('are exactly the pinned list (sources)', () => {
    expect(sorted(Object.keys(main))).toEqual(pinned);
    expect(new Set(pinned).size).toBe(pinned.length);
  });

  it('are exactly the pinned list (the built dist/index.js)', async () => {
    const lib = (await import(pathToFileURL(built().library).href)) as Record<string, unknown>;
    expect(sorted(Object.keys(lib))).toEqual(pinned);
  });

  it('leave the internal helpers out', () => {
    for (const internal of ['csvField', 'escapeHtml', 'mdCell', 'displayWidth', 'foldText', 'sha256Hex', 'sha256Text', 'canonicalJson', 'issuesFromZod', 'mergePatch', 'EvaluationPipeline', 'DuplicateGuard', 'errorRecord', 'SourceSchema']) {
      expect(main, internal).not.toHaveProperty(internal);
    }
  });

  it('are each named in the library guide, in its "Public API" section', () => {
    const readme = readFileSync(repo('docs/library.md'), 'utf8');
    const start = readme.indexOf('\n## Public API');
    expect(start).toBeGreaterThan(0);
    const rest = readme.slice(start + 1);
    const end = rest.search(/\n##+ /);
    const section = end === -1 ? rest : rest.slice(0, end);
    const missing = [...pinned, ...WORDS_API].filter((name) => !new RegExp(`\\b${name}\\b`).test(section));
    expect(missing).toEqual([]);
  });
});

describe('ntm-rules/words', () => {
  it('exports the office-word readers, the same functions as the evaluation uses', () => {
    expect(sorted(Object.keys(words))).toEqual(sorted(WORDS_API));
    expect(words.parseVerdict).toBe(main.parseVerdict);
    expect(words.parseDecimal).toBe(main.parseDecimal);
    expect(words.parseVerdict('Không đạt')).toBe('not-met');
    expect(words.parseDecimal('1.000,5')).toBe(1000.5);
    expect(words.idKey(' Dak-Mol ')).toBe(words.idKey('dak-mol'));
  });

  it('is in the package exports with types, import and require, and resolves for node10', () => {
    const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    expect(pkg.exports['./words']).toEqual({
      import: { types: './dist/words/index.d.ts', default: './dist/words/index.js' },
      require: { types: './dist/words/index.d.cts', default: './dist/words/index.cjs' },
    });
    expect(pkg.files).toContain('words/package.json');
    expect(JSON.parse(readFileSync(repo('words/package.json'), 'utf8'))).toMatchObject({ main: '../dist/words/index.cjs', types: '../dist/words/index.d.cts' });
  });
});
