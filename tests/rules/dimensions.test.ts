import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCommune, evaluateCommuneSync, getCriterionSet, loadCriterionSet, NtmError, fingerprint, type CommuneResult } from '../../src/index.js';

const text = readFileSync(new URL('../fixtures/commune-group-set.json', import.meta.url), 'utf8');
const set = loadCriterionSet(text, { file: 'commune-group-set.json' });
const indicator = (r: CommuneResult, code: string) => r.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
const loadError = (data: unknown): NtmError => {
  try {
    loadCriterionSet(data);
  } catch (e) {
    return e as NtmError;
  }
  throw new Error('expected the set to be rejected');
};

describe('a set varying by a declared dimension (commune group), written as data only', () => {
  it('resolves each commune group to its column, and says which case was used', async () => {
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const g1 = await evaluateCommune(set, { communeId: 'a', year: 2026, communeGroup: '1', indicators: { '1.1': 85 } }, { engine });
      const g2 = await evaluateCommune(set, { communeId: 'b', year: 2026, communeGroup: '2', indicators: { '1.1': 85 } }, { engine });
      expect(indicator(g1, '1.1')).toMatchObject({ status: 'not-met', shortfall: 5, requirement: { value: 90, cases: { communeGroup: '1' } } });
      expect(indicator(g2, '1.1')).toMatchObject({ status: 'met', requirement: { value: 80, cases: { communeGroup: '2' } } });
      expect(g2.dimensions).toEqual({ communeGroup: '2', date: '2026-01-01' });
      expect(g2.region).toBeNull();
    }
  });

  it('uses a class override, leaves the threshold unknown for an unknown case, and refuses a commune without a group (no default)', () => {
    const island = evaluateCommuneSync(set, { communeId: 'c', year: 2026, classes: ['island'], indicators: { '1.1': 85 } });
    expect(island.dimensions.communeGroup).toBe('3');
    expect(island.dimensionBasis).toEqual({ communeGroup: { basis: 'class', class: 'island' }, date: { basis: 'year' } });
    expect(indicator(island, '1.1')).toMatchObject({ status: 'threshold-unknown', requirement: { kind: 'unknown', cases: { communeGroup: '3' } } });
    const none = (() => {
      try {
        return evaluateCommuneSync(set, { communeId: 'd', year: 2026, indicators: { '1.1': 85 } });
      } catch (e) {
        return e as NtmError;
      }
    })();
    expect(none).toBeInstanceOf(NtmError);
    expect((none as NtmError).issues.map((i) => [i.code, i.path])).toEqual([['missing-dimension', ['dimensions', 'communeGroup']]]);
  });

  it('rejects a group the set does not declare, at the input field', () => {
    expect(() => evaluateCommuneSync(set, { communeId: 'e', year: 2026, communeGroup: '4' })).toThrow(/communeGroup "4" is not a column/);
  });

  it('selects on the date dimension by the latest case not after the assessed year, nested with a group', () => {
    const y26 = evaluateCommuneSync(set, { communeId: 'f', year: 2026, communeGroup: '2', indicators: { '1.2': 65 } });
    expect(indicator(y26, '1.2').requirement).toMatchObject({ value: 60, cases: { date: '2026-01-01' } });
    const y26g1 = evaluateCommuneSync(set, { communeId: 'g', year: 2026, communeGroup: '1', indicators: { '1.2': 65 } });
    expect(indicator(y26g1, '1.2')).toMatchObject({ status: 'not-met', requirement: { value: 70, cases: { date: '2026-01-01', communeGroup: '1' } } });
    const y29 = evaluateCommuneSync(set, { communeId: 'h', year: 2029, communeGroup: '1', indicators: { '1.2': 79 } });
    expect(indicator(y29, '1.2').requirement).toMatchObject({ value: 80, cases: { date: '2028-01-01' } });
  });
});

describe('dimension declarations are checked at load, with exact paths', () => {
  const data = (): Record<string, any> => JSON.parse(text);
  it('rejects a case that is not a declared column', () => {
    const bad = data();
    bad.criteria[0].indicators[0].requirement.cases['4'] = { kind: 'unknown' };
    const e = loadError(bad);
    expect(e.issues.map((i) => i.path)).toContainEqual(['criteria', 0, 'indicators', 0, 'requirement', 'cases', '4']);
  });
  it('rejects a selection by an undeclared dimension and a date case that is not a date', () => {
    const bad = data();
    bad.criteria[0].indicators[0].requirement.dimension = 'province';
    bad.criteria[0].indicators[1].requirement.cases['2027-02-30'] = { kind: 'unknown' };
    const paths = loadError(bad).issues.map((i) => i.path);
    expect(paths).toContainEqual(['criteria', 0, 'indicators', 0, 'requirement', 'dimension']);
    expect(paths).toContainEqual(['criteria', 0, 'indicators', 1, 'requirement', 'cases', '2027-02-30']);
  });
  it('rejects an override to a column the dimension does not have', () => {
    const bad = data();
    bad.dimensions.communeGroup.overrides[0].column = '9';
    expect(loadError(bad).issues.map((i) => i.path)).toContainEqual(['dimensions', 'communeGroup', 'overrides', 0, 'column']);
  });
});

describe('sources declared once per file and referred to by id', () => {
  it('resolves every reference to the declared source', () => {
    expect(set.criteria[0]!.indicators[0]!.source).toEqual({ decision: 'TEST-GROUP', confidence: 'inferred', note: 'Made up for the test.' });
    expect('sources' in set).toBe(false);
  });
  it('rejects an unknown reference, and a malformed declaration where it is declared', () => {
    const bad = JSON.parse(text);
    bad.criteria[0].indicators[0].source = 'nowhere';
    bad.sources.test.confidence = 'sure';
    const e = loadError(bad);
    expect(e.code).toBe('INVALID_RULE_FILE');
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_value', ['sources', 'test', 'confidence']],
      ['unknown-source', ['criteria', 0, 'indicators', 0, 'source']],
    ]);
  });
});

describe('an amendment written as a patch on the version it amends (211/QĐ-TTg)', () => {
  const v22 = getCriterionSet('dak-nong/commune-ntm/2022');
  const v24 = getCriterionSet('dak-nong/commune-ntm/2024');
  it('resolves at load to a whole set: the amended indicators changed, the others as in 2022', () => {
    expect(v24.basedOn.map((b) => b.number)).toEqual(['318/QĐ-TTg', '211/QĐ-TTg']);
    const codes = (s: typeof v22) => s.criteria.flatMap((c) => c.indicators);
    const changed = codes(v24).filter((ind, i) => JSON.stringify(ind) !== JSON.stringify(codes(v22)[i])).map((i) => i.code);
    expect(changed).toEqual(['13.1', '15.4', '17.1', '18.4']);
  });
  it('is fingerprinted as the resolved set', () => {
    const { $schema: _hint, ...content } = v24 as typeof v24 & { $schema?: string };
    expect(fingerprint(loadCriterionSet(structuredClone(content)))).toBe(fingerprint(v24));
  });
  it('rejects a patch of an entry the base does not have, at the path in the patch', () => {
    const patch = { patchOf: 'dak-nong/commune-ntm/2022', id: 'test/patched/2024', amendment: { number: 'TEST', date: '2024-01-01', issuer: 'test' }, indicators: { '15.9': { nameEn: 'x' } } };
    expect(loadError(patch).issues.map((i) => [i.code, i.path])).toEqual([['unknown-indicator', ['indicators', '15.9']]]);
  });
});

describe('rule files of the earlier format (region, regionOverrides, by-region, by-year)', () => {
  it('load as the current format, with the same evaluation', () => {
    const legacy = {
      ...JSON.parse(text),
      id: 'test/legacy/2022',
      kind: 'test/legacy',
      effectiveFrom: '2022-01-01',
      dimensions: undefined,
      region: 'TN',
      regionOverrides: [{ class: 'poor', nameVi: 'Nghèo', nameEn: 'Poor', region: 'TDMNPB', source: 'test' }],
    };
    delete legacy.dimensions;
    legacy.criteria[0].indicators[0].requirement = { kind: 'by-region', regions: { TN: { kind: 'compare', operator: '>=', value: 50, source: 'test' } }, otherwise: { kind: 'unknown' } };
    legacy.criteria[0].indicators[1].requirement = { kind: 'by-year', years: [{ from: 2023, requirement: { kind: 'compare', operator: '>=', value: 40, source: 'test' } }] };
    const s = loadCriterionSet(legacy);
    expect(s.dimensions.region).toMatchObject({ kind: 'column', default: 'TN', overrides: [{ class: 'poor', column: 'TDMNPB' }] });
    expect(s.criteria[0]!.indicators[1]!.requirement).toMatchObject({ kind: 'by', dimension: 'date', cases: { '2023-01-01': { value: 40 } } });
    const r = evaluateCommuneSync(s, { communeId: 'x', year: 2022, indicators: { '1.1': 60, '1.2': 45 } });
    expect(indicator(r, '1.1')).toMatchObject({ status: 'met', requirement: { region: 'TN' } });
    expect(indicator(r, '1.2').status).toBe('threshold-unknown');
    const poor = evaluateCommuneSync(s, { communeId: 'y', year: 2023, classes: ['poor'], indicators: { '1.1': 60, '1.2': 45 } });
    expect(indicator(poor, '1.1').status).toBe('threshold-unknown');
    expect(indicator(poor, '1.2').status).toBe('met');
  });
});
