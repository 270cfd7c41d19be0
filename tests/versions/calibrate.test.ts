import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationTemplate,
  diffCriterionSets,
  evaluateCommune,
  fingerprint,
  getCriterionSet,
  NtmError,
  type CalibrationOverlayInput,
} from '../../src/index.js';

/**
 * Overlays here carry made-up numbers: they exercise the mechanics and cite a fixture, never a
 * real decision. The bundled rule files stay free of such values.
 */
const FIXTURE_SOURCE = { decision: 'test fixture (not a legal value)', provision: 'calibration test', confidence: 'verified' } as const;
const BASE = 'dak-nong/commune-ntm/2022';

function overlayError(setOrKind: string, overlay: unknown): NtmError {
  try {
    calibrate(setOrKind, overlay);
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected the overlay to be rejected');
}

describe('calibrationTemplate', () => {
  const t = calibrationTemplate(BASE) as CalibrationOverlayInput & { indicators: Record<string, any> };

  it('lists every indicator of 1037 whose wording or requirement is unknown, with code, wording, measure and unit', () => {
    expect(t.base).toBe(BASE);
    expect(t.baseFingerprint).toBe(fingerprint(BASE));
    expect(t.indicators['17.1'].about).toEqual({
      criterion: '17',
      nameVi: 'Tỷ lệ hộ sử dụng nước sạch',
      nameEn: 'Share of households using clean water',
      measure: { type: 'percent', unit: '%' },
      currently: 'threshold unknown',
      unknown: ['requirement'],
    });
    expect(t.indicators['17.1'].requirement).toEqual({ kind: 'unknown' });
    expect(t.indicators['17.2'].about.unknown).toEqual(['wording', 'requirement']);
    // 15.4 knows TDMNPB and ĐBSH: the template keeps them, to be completed in place.
    expect(t.indicators['15.4'].about.unknown).toEqual(['BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']);
    expect(t.indicators['15.4'].requirement.kind).toBe('by');
    // 15.3 is known in every column, 3.1 is known: nothing to fill.
    expect(t.indicators['15.3']).toBeUndefined();
    expect(t.indicators['3.1']).toBeUndefined();
    // Every indicator with any unknown part is listed (30 encoded, 5 fully known).
    expect(Object.keys(t.indicators)).toHaveLength(25); // 8.1 (1127/QĐ-BTTTT) is known by its pass rule, not its official wording
  });

  it('lists condition requirements that are unknown (319/QĐ-TTg: the advanced income reference of M2)', () => {
    const m = calibrationTemplate('national/commune-model/2022') as { conditions: Record<string, any> };
    expect(Object.keys(m.conditions)).toEqual(['M2']);
    expect(m.conditions['M2'].reference).toEqual({ kind: 'unknown' });
    expect(m.conditions['M2'].about.unknown).toEqual(['reference: requirement']);
  });

  it('is itself an overlay: applied unfilled, it changes nothing but the id', () => {
    const same = calibrate(BASE, t);
    expect(same.id).toBe(`${BASE}-calibrated`);
    const d = diffCriterionSets(BASE, same);
    expect(Object.values(d.requirements).flat()).toEqual([]);
    expect(Object.values(d.indicators).flat()).toEqual([]);
    expect(d.set.map((f) => f.field).sort()).toEqual(['derivedFrom', 'notes']);
  });

  it('for the model-garden kind (text not found), is the whole set to fill', () => {
    const g = calibrationTemplate('dak-nong/model-garden') as { base: string; set: Record<string, any> };
    expect(g.base).toBe('dak-nong/model-garden');
    expect(g.set.level).toBe('garden');
    expect(g.set.criteria).toEqual([]);
  });
});

describe('calibrate — a filled overlay turns threshold-unknown into met / not-met', () => {
  const overlay = {
    base: BASE,
    baseFingerprint: fingerprint(BASE),
    id: 'test/commune-ntm/2022-calibrated',
    note: 'mechanics test',
    indicators: {
      '17.1': { requirement: { kind: 'by', dimension: 'region', cases: { TN: { kind: 'compare', operator: '>=', value: 60, source: FIXTURE_SOURCE } } } },
      '17.2': { nameVi: 'Chỉ tiêu thử 17.2', nameEn: 'Test wording 17.2', nameSource: FIXTURE_SOURCE },
    },
  };

  it('evaluates 17.1 as threshold-unknown under 1037, and met / not-met under the calibrated set', async () => {
    const before = await evaluateCommune(BASE, { communeId: 'a', year: 2023, indicators: { '17.1': 65 } });
    expect(before.criteria[16]!.indicators[0]!.status).toBe('threshold-unknown');

    const mine = calibrate(BASE, overlay);
    const met = await evaluateCommune(mine, { communeId: 'a', year: 2023, indicators: { '17.1': 65 } });
    const notMet = await evaluateCommune(mine, { communeId: 'b', year: 2023, indicators: { '17.1': 55.5 } }, { engine: 'json-rules-engine' });
    expect(met.setId).toBe('test/commune-ntm/2022-calibrated');
    expect(met.criteria[16]!.indicators[0]).toMatchObject({ status: 'met', shortfall: 0 });
    expect(met.criteria[16]!.indicators[0]!.requirement.textEn).toBe('≥ 60%');
    expect(notMet.criteria[16]!.indicators[0]).toMatchObject({ status: 'not-met', shortfall: 4.5 });
  });

  it('returns a new frozen set with its own id and fingerprint, recording its base', () => {
    const mine = calibrate(BASE, overlay);
    expect(Object.isFrozen(mine)).toBe(true);
    expect(mine.kind).toBe('dak-nong/commune-ntm');
    expect(mine.derivedFrom).toEqual({ setId: BASE, fingerprint: fingerprint(BASE), note: 'mechanics test' });
    expect(fingerprint(mine)).not.toBe(fingerprint(BASE));
    expect(fingerprint(calibrate(BASE, overlay))).toBe(fingerprint(mine));
    expect(mine.notes.at(-1)).toContain('1 requirement(s) and 1 name(s)');
    // The base is untouched.
    expect(getCriterionSet(BASE).criteria[16]!.indicators[0]!.requirement.kind).toBe('unknown');
  });

  it('shows in the diff exactly what it changed', () => {
    const d = diffCriterionSets(BASE, calibrate(BASE, overlay));
    expect(d.requirements.nowKnown.map((c) => c.textEn)).toEqual(['17.1: threshold unknown → ≥ 60% (now known)']);
    expect(d.requirements.nowKnown[0]!.afterSource).toEqual(FIXTURE_SOURCE);
    expect(d.indicators.renamed).toEqual([expect.objectContaining({ code: '17.2', after: { nameVi: 'Chỉ tiêu thử 17.2', nameEn: 'Test wording 17.2' } })]);
    expect(d.indicators.added).toEqual([]);
  });

  it('accepts overlay JSON text', () => {
    expect(calibrate(BASE, JSON.stringify(overlay)).id).toBe('test/commune-ntm/2022-calibrated');
  });

  it('fills the 319 income reference, so M2 can be judged', async () => {
    const { evaluateModelCommune } = await import('../../src/index.js');
    const model = calibrate('national/commune-model/2022', {
      base: 'national/commune-model/2022',
      id: 'test/commune-model/2022-calibrated',
      conditions: { M2: { reference: { kind: 'by-year', years: [{ from: 2025, requirement: { kind: 'compare', operator: '>=', value: 50, source: FIXTURE_SOURCE } }] } } },
    });
    const r = evaluateModelCommune(model, { communeId: 'x', year: 2025, income: 56 });
    expect(r.conditions.find((c) => c.id === 'M2')).toMatchObject({ status: 'met', value: 112 });
  });
});

describe('calibrate — a malformed overlay is rejected with its JSON path', () => {
  const cases: Array<[string, Record<string, unknown>, Array<string | number>, string]> = [
    [
      'a value without its source',
      { indicators: { '17.1': { requirement: { kind: 'compare', operator: '>=', value: 60 } } } },
      ['indicators', '17.1', 'requirement', 'source'],
      'invalid_type',
    ],
    ['an unknown key', { indicators: { '17.1': { threshold: 60 } } }, ['indicators', '17.1'], 'unrecognized_keys'],
    ['a measure change (not calibratable)', { indicators: { '17.1': { measure: { type: 'count', unit: null } } } }, ['indicators', '17.1'], 'unrecognized_keys'],
    [
      'a code the set does not have',
      { indicators: { '17.13': { requirement: { kind: 'compare', operator: '>=', value: 1, source: FIXTURE_SOURCE } } } },
      ['indicators', '17.13'],
      'unknown-code',
    ],
    [
      'a percentage above 100',
      { indicators: { '17.1': { requirement: { kind: 'compare', operator: '>=', value: 120, source: FIXTURE_SOURCE } } } },
      ['indicators', '17.1', 'requirement', 'value'],
      'invalid-requirement',
    ],
    [
      'a comparison on a yes/no indicator',
      { indicators: { '9.1': { requirement: { kind: 'compare', operator: '>=', value: 1, source: FIXTURE_SOURCE } } } },
      ['indicators', '9.1', 'requirement'],
      'invalid-requirement',
    ],
    ['a new name without its source', { indicators: { '17.2': { nameVi: 'Chỉ tiêu' } } }, ['indicators', '17.2', 'nameSource'], 'custom'],
    ['a criterion the set does not have', { criteria: { '20': { nameVi: 'X', nameSource: FIXTURE_SOURCE } } }, ['criteria', '20'], 'unknown-criterion'],
    ['a condition the set does not have', { conditions: { D1: { nameVi: 'X', nameSource: FIXTURE_SOURCE } } }, ['conditions', 'D1'], 'unknown-condition'],
    ['another base', { base: 'dak-nong/commune-ntm/2024' }, ['base'], 'base-mismatch'],
    ['a stale base fingerprint', { baseFingerprint: '0'.repeat(64) }, ['baseFingerprint'], 'fingerprint-mismatch'],
    ['a bundled id', { id: 'dak-nong/commune-ntm/2024' }, ['id'], 'id-taken'],
    ['an id that is not a set id', { id: 'Mine 2024' }, ['id'], 'invalid_format'],
  ];
  for (const [label, patch, path, code] of cases) {
    it(`rejects ${label} at ${JSON.stringify(path)}`, () => {
      const e = overlayError(BASE, { base: BASE, id: 'test/commune-ntm/bad', ...patch });
      expect(e.code).toBe('INVALID_OVERLAY');
      expect(e.issues.map((i) => i.path)).toContainEqual(path);
      expect(e.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))!.code).toBe(code);
    });
  }

  it('rejects a requirement field the condition kind does not have (320 D5 has none)', () => {
    const e = overlayError('national/district-ntm/2022', {
      base: 'national/district-ntm/2022',
      id: 'test/district-ntm/bad',
      conditions: { D5: { requirement: { kind: 'compare', operator: '>=', value: 9, source: FIXTURE_SOURCE } } },
    });
    expect(e.issues[0]).toMatchObject({ code: 'no-such-requirement', path: ['conditions', 'D5', 'requirement'] });
  });

  it('rejects text that is not JSON', () => {
    const e = overlayError(BASE, '{ "base": ');
    expect(e.code).toBe('INVALID_OVERLAY');
    expect(e.issues[0]!.code).toBe('invalid-json');
  });

  it('collects every problem in one error', () => {
    const e = overlayError(BASE, {
      base: BASE,
      id: 'test/commune-ntm/bad',
      indicators: {
        '17.13': { requirement: { kind: 'compare', operator: '>=', value: 1, source: FIXTURE_SOURCE } },
        '17.1': { requirement: { kind: 'compare', operator: '>=', value: 101, source: FIXTURE_SOURCE } },
      },
    });
    expect(e.issues).toHaveLength(2);
  });
});

describe('calibrate — kinds known only by name (model garden, model residential area)', () => {
  const gardenSet = {
    id: 'test/model-garden/2024',
    kind: 'dak-nong/model-garden',
    level: 'garden',
    nameVi: 'Bộ tiêu chí vườn mẫu thử',
    nameEn: 'Test model garden set',
    legalBasis: { number: '0/TEST', date: '2024-01-01', issuer: 'test fixture' },
    effectiveFrom: '2024-01-01',
    region: null,
    counts: { criteria: 1, declaredIndicators: 1, encodedIndicators: 1, source: FIXTURE_SOURCE },
    criteria: [
      {
        number: '1',
        nameVi: 'Tiêu chí thử',
        nameEn: 'Test criterion',
        indicatorList: 'complete',
        indicators: [
          { code: '1.1', nameVi: 'Chỉ tiêu thử', nameEn: 'Test indicator', measure: { type: 'boolean', unit: null }, requirement: { kind: 'is-met', source: FIXTURE_SOURCE }, source: FIXTURE_SOURCE },
        ],
        source: FIXTURE_SOURCE,
      },
    ],
  };

  it('builds a usable set from the decision text the user holds', async () => {
    const garden = calibrate('dak-nong/model-garden', { base: 'dak-nong/model-garden', set: gardenSet });
    expect(garden.level).toBe('garden');
    const r = await evaluateCommune(garden, { communeId: 'vuon-1', year: 2024, indicators: { '1.1': 'Đạt' } });
    expect(r.status).toBe('met');
  });

  it('rejects the unfilled template with the paths to fill', () => {
    const e = overlayError('dak-nong/model-garden', calibrationTemplate('dak-nong/model-garden'));
    const paths = e.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['set.id', 'set.legalBasis.date', 'set.effectiveFrom']));
  });

  it('rejects a set without criteria (it would pass everything) and one of another kind or level', () => {
    const empty = overlayError('dak-nong/model-garden', { base: 'dak-nong/model-garden', set: { ...gardenSet, criteria: [], counts: { ...gardenSet.counts, criteria: 0, encodedIndicators: 0 } } });
    expect(empty.issues.map((i) => i.path)).toContainEqual(['set', 'criteria']);
    const wrong = overlayError('dak-nong/model-residential-area', { base: 'dak-nong/model-residential-area', set: gardenSet });
    expect(wrong.issues.map((i) => i.code)).toEqual(['kind-mismatch', 'level-mismatch']);
  });
});
