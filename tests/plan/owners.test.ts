import { describe, expect, it } from 'vitest';
import {
  agencyWorkList,
  evaluateCommune,
  evaluateCommunes,
  getCriterionSet,
  getPlan,
  isEvaluationError,
  NtmError,
  ownedBy,
  ownersOf,
  type CommuneResult,
  type CommuneInput,
} from '../../src/index.js';
import { ownerAssignments } from '../../src/plan/owners.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const plan = getPlan('dak-song/2023');

/** The ownership table as the plan's section III.2 writes it, transcribed by hand. */
const SEED_TABLE: Record<string, string[]> = {
  'economy-infrastructure': ['1', '2', '4', '7', '9.2', '17.5', '17.10'],
  agriculture: ['3', '13', '17.1', '17.9', '17.10'],
  education: ['5', '14'],
  'culture-information': ['6', '8', '16'],
  'labour-social': ['9.1', '11', '12', '18.5'],
  statistics: ['10'],
  health: ['15', '17.10'],
  environment: ['17.2', '17.3', '17.4', '17.6', '17.7', '17.9', '17.11', '17.12'],
  'womens-union': ['17.8'],
  'home-affairs': ['18.1', '18.2', '18.3'],
  justice: ['18.4'],
  military: ['19.1'],
  police: ['19.2'],
  'ntm-office': ['18.6'],
  'finance-planning': [],
  'commune-committees': [],
};

describe('ownedBy', () => {
  it.each(Object.entries(SEED_TABLE))('%s owns what section III.2 gives it', (agency, codes) => {
    expect(ownedBy(agency)).toEqual(codes);
    expect(ownedBy(agency, 'dak-song/2023')).toEqual(codes);
    expect(ownedBy(agency, plan)).toEqual(codes);
  });

  it('throws INVALID_ARGUMENT naming the known agencies for an unknown one', () => {
    expect(() => ownedBy('roads')).toThrow(NtmError);
    expect(() => ownedBy('roads')).toThrow(/known: economy-infrastructure/);
  });
});

describe('ownersOf', () => {
  it('gives every indicator of the commune set at least one owner, the right one', () => {
    const set = getCriterionSet('dak-nong/commune-ntm/2022');
    const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
    expect(codes.length).toBe(set.counts.encodedIndicators);
    for (const code of codes) {
      const owners = ownersOf(code);
      expect(owners.length, code).toBeGreaterThan(0);
      // The owners are exactly the agencies whose seed row lists the indicator or its criterion.
      const expected = Object.entries(SEED_TABLE)
        .filter(([, list]) => list.includes(code) || list.includes(code.split('.')[0]!))
        .map(([a]) => a);
      expect([...owners].sort(), code).toEqual(expected.sort());
    }
  });

  it('gives every one of the 19 criteria an owner, also by criterion number', () => {
    for (let n = 1; n <= 19; n++) expect(ownersOf(String(n)).length, String(n)).toBeGreaterThan(0);
    expect(ownersOf('9')).toEqual(['economy-infrastructure', 'labour-social']);
    expect(ownersOf('19')).toEqual(['military', 'police']);
    expect(ownersOf('17')).toEqual(['economy-infrastructure', 'agriculture', 'health', 'environment', 'womens-union']);
    expect(ownersOf('10')).toEqual(['statistics']);
  });

  it('covers indicators a set does not list yet through the whole-criterion assignment', () => {
    expect(ownersOf('2.1')).toEqual(['economy-infrastructure']);
    expect(ownersOf('13.2')).toEqual(['agriculture']);
    expect(ownersOf('15.5')).toEqual(['health']);
    expect(ownersOf('14.3')).toEqual(['education']);
    // Criterion 17 is assigned indicator by indicator: an unlisted code has no owner.
    expect(ownersOf('17.13')).toEqual([]);
    expect(ownersOf('20.1')).toEqual([]);
  });

  it('splits 9 into 9.1 and 9.2', () => {
    expect(ownersOf('9.1')).toEqual(['labour-social']);
    expect(ownersOf('9.2')).toEqual(['economy-infrastructure']);
  });

  it('gives 17.9 two owners by aspect and 17.10 three by sector, each with its share', () => {
    expect(ownersOf('17.9')).toEqual(['agriculture', 'environment']);
    expect(ownerAssignments('17.9').map((o) => ['aspect' in o ? o.aspect : undefined, o.agency])).toEqual([
      [{ id: 'veterinary-husbandry', nameVi: 'tỷ lệ cơ sở chăn nuôi đảm bảo vệ sinh thú y, chăn nuôi', nameEn: expect.any(String) }, 'agriculture'],
      [{ id: 'environmental-protection', nameVi: 'tỷ lệ cơ sở chăn nuôi đảm bảo các quy định về bảo vệ môi trường', nameEn: expect.any(String) }, 'environment'],
    ]);
    expect(ownersOf('17.10')).toEqual(['economy-infrastructure', 'agriculture', 'health']);
    expect(ownerAssignments('17.10').map((o) => ['sector' in o ? o.sector!.id : undefined, o.agency, o.source.provision])).toEqual([
      ['industry-trade', 'economy-infrastructure', 'III.2.3'],
      ['agriculture', 'agriculture', 'III.2.4'],
      ['health', 'health', 'III.2.9'],
    ]);
    expect(ownerAssignments('17.10').map((o) => ('sector' in o ? o.sector!.nameVi : ''))).toEqual([
      'lĩnh vực an toàn thực phẩm do ngành Công thương quản lý',
      'lĩnh vực an toàn thực phẩm do ngành Nông nghiệp quản lý',
      'lĩnh vực an toàn thực phẩm do ngành Y tế quản lý',
    ]);
  });

  it('rejects codes that are neither a criterion number nor an indicator code', () => {
    for (const bad of ['abc', '', '0', '1.2.3', '17,10']) {
      expect(() => ownersOf(bad), bad).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/dak-song-2023.json', import.meta.url)), 'utf8')) as {
  set: string;
  communes: Array<CommuneInput & { communeId: string }>;
};

async function exampleResults(options = {}): Promise<CommuneResult[]> {
  const entries = await evaluateCommunes(example.set, example.communes, options);
  return entries.filter((e): e is CommuneResult => !isEvaluationError(e));
}

describe('owners in evaluation results', () => {
  it('are filled from a plan given by id or object, on both paths', async () => {
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      for (const p of ['dak-song/2023', plan]) {
        const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: {} }, { engine, plan: p });
        const byCode = new Map(r.criteria.flatMap((c) => c.indicators).map((i) => [i.code, i.owners]));
        expect(byCode.get('17.10')).toEqual(['economy-infrastructure', 'agriculture', 'health']);
        expect(byCode.get('9.1')).toEqual(['labour-social']);
        expect(byCode.get('15.3')).toEqual(['health']);
        for (const [code, owners] of byCode) expect(owners!.length, code).toBeGreaterThan(0);
      }
    }
  });

  it('are absent without a plan, and an explicit ownersOf wins over the plan', async () => {
    const plain = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023 });
    expect(plain.criteria[0]!.indicators.every((i) => i.owners === undefined)).toBe(true);
    expect(plain.criteria[8]!.indicators[0]!.owners).toBeUndefined();
    const custom = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023 }, { plan, ownersOf: () => ['me'] });
    expect(custom.criteria[8]!.indicators[0]!.owners).toEqual(['me']);
  });

  it('refuse a plan written for another set series', async () => {
    await expect(
      evaluateCommune('dak-nong/commune-ntm-advanced/2022', { communeId: 'x', year: 2023 }, { plan }),
    ).rejects.toThrow(/assigns owners for dak-nong\/commune-ntm sets/);
  });
});

describe('agencyWorkList', () => {
  it('lists, per commune, the open indicators and criteria an agency owns, with value, requirement and shortfall', async () => {
    const results = await exampleResults();
    const health = agencyWorkList(results, 'health');
    expect(health.planId).toBe('dak-song/2023');
    expect(health.communesChecked).toBe(8);
    const tx = health.communes.find((c) => c.communeId === 'truong-xuan')!;
    expect(tx.name).toBe('Trường Xuân');
    // Criterion 15 is owned whole: the criterion itself, then its open indicators.
    expect(tx.items.map((i) => [i.level, i.code, i.status])).toEqual([
      ['criterion', '15', 'not-met'],
      ['indicator', '15.1', 'not-met'],
      ['indicator', '15.3', 'not-met'],
      ['indicator', '17.10', 'not-met'],
    ]);
    const stunting = tx.items.find((i) => i.code === '15.3')!;
    expect(stunting.value).toBe(28.2);
    expect(stunting.requirement!.textVi).toBe('≤ 26,5 %');
    expect(stunting.shortfall).toBe(1.7);
    const food = tx.items.find((i) => i.code === '17.10')!;
    expect(food.part).toEqual({ by: 'sector', id: 'health', nameVi: 'lĩnh vực an toàn thực phẩm do ngành Y tế quản lý', nameEn: expect.any(String) });
    expect(food.coOwners).toEqual(['economy-infrastructure', 'agriculture']);
    // Communes with nothing open for the agency are not listed.
    expect(health.communes.map((c) => c.communeId)).not.toContain('thuan-hanh');
  });

  it('shows missing indicators and undecided criteria, and nothing the agency does not own', async () => {
    const results = await exampleResults();
    const env = agencyWorkList(results, 'environment');
    const everything = env.communes.flatMap((c) => c.items.map((i) => i.code));
    for (const code of everything) expect(ownersOf(code)).toContain('environment');
    expect(env.communes.flatMap((c) => c.items).every((i) => i.level === 'indicator')).toBe(true);
    expect(env.communes.flatMap((c) => c.items).every((i) => ['not-met', 'missing', 'threshold-unknown'].includes(i.status))).toBe(true);

    const stats = agencyWorkList(results, 'statistics');
    expect(stats.communes.map((c) => [c.communeId, c.items.map((i) => `${i.code}:${i.status}`)])).toEqual([
      ['dak-mol', ['10:not-met']],
      ['dak-n-drung', ['10:not-met']],
      ['truong-xuan', ['10:not-met']],
    ]);
    expect(agencyWorkList(results, 'finance-planning').communes).toEqual([]);
  });

  it('reports a missing indicator as missing, and an undecided criterion with why', async () => {
    const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'dak-hoa', year: 2023, indicators: { '17.1': 80 } });
    const env = agencyWorkList([r], 'environment').communes[0]!;
    expect(env.items.find((i) => i.code === '17.2')).toMatchObject({ status: 'missing', value: null });
    const stats = agencyWorkList([r], 'statistics').communes[0]!.items[0]!;
    expect(stats).toMatchObject({ level: 'criterion', code: '10', status: 'undetermined' });
    expect(stats.undeterminedBecause).toEqual({ missing: [], thresholdUnknown: [], indicatorListIncomplete: true });
  });

  it('never drops an entry: errors and other set series are listed as skipped', async () => {
    const entries = await evaluateCommunes('dak-nong/commune-ntm/2022', [
      { communeId: 'a', year: 2023, indicators: { '15.3': 30 } },
      { communeId: 'b', year: 2023, indicators: { '15.3': 'lots' } },
    ]);
    const adv = await evaluateCommune('dak-nong/commune-ntm-advanced/2022', { communeId: 'c', year: 2023 });
    const list = agencyWorkList([...entries, adv], 'health');
    expect(list.communesChecked).toBe(1);
    expect(list.communes.map((c) => c.communeId)).toEqual(['a']);
    expect(list.skipped).toEqual([
      { index: 1, communeId: 'b', reason: 'not evaluated: INVALID_INPUT' },
      { index: 2, communeId: 'c', reason: expect.stringContaining('not a dak-nong/commune-ntm set') },
    ]);
  });

  it('throws for an unknown agency', () => {
    expect(() => agencyWorkList([], 'roads')).toThrow(/no agency "roads"/);
  });
});
