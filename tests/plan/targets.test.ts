import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  evaluateCommune,
  evaluateCommunes,
  evaluateTargets,
  getPlan,
  NtmError,
  populationByCommune,
  type CommuneInput,
  type CommuneResult,
  type TargetData,
  type TargetOutcome,
  type IndicatorInput,
} from '../../src/index.js';
import { targetsOf } from '../../src/plan/targets.js';
import { targetDetailText } from '../../src/report/targets.js';

const SET = 'dak-nong/commune-ntm/2022';
const ADVANCED = 'dak-nong/commune-ntm-advanced/2022';
const plan = getPlan('dak-song/2023');

/** A result whose criteria carry verdicts: every criterion met, except as overridden (`null` = no verdict). */
async function result(
  communeId: string,
  overrides: Record<string, 'met' | 'not-met' | null> = {},
  { year = 2023, set = SET, indicators = {} as Record<string, IndicatorInput> } = {},
): Promise<CommuneResult> {
  const criteria: Record<string, string> = {};
  for (let n = 1; n <= 19; n++) {
    const v = Object.hasOwn(overrides, String(n)) ? overrides[String(n)] : 'met';
    if (v) criteria[String(n)] = v;
  }
  return evaluateCommune(set, { communeId, year, indicators, criteria });
}

function outcomeOf(outcomes: TargetOutcome[], id: string): TargetOutcome {
  const o = outcomes.find((x) => x.targetId === id);
  if (!o) throw new Error(`no outcome ${id}`);
  return o;
}

const judge = async (id: string, data: TargetData): Promise<TargetOutcome> => outcomeOf(evaluateTargets('dak-song/2023', data), id);

describe('evaluateTargets', () => {
  it('answers every target of the plan, in plan order, with the target and its source', async () => {
    const outcomes = evaluateTargets(plan, { current: [] });
    expect(outcomes.map((o) => [o.targetId, o.kind, o.communeId ?? null])).toEqual([
      ['dak-mol-reach-standard', 'reach-standard', 'dak-mol'],
      ['dak-n-drung-reach-standard', 'reach-standard', 'dak-n-drung'],
      ['truong-xuan-gain-criteria', 'gain-criteria', 'truong-xuan'],
      ['nam-binh-keep-standard', 'keep-standard', 'nam-binh'],
      ['nam-n-jang-keep-standard', 'keep-standard', 'nam-n-jang'],
      ['thuan-hanh-keep-standard', 'keep-standard', 'thuan-hanh'],
      ['thuan-ha-keep-standard', 'keep-standard', 'thuan-ha'],
      ['dak-hoa-keep-standard', 'keep-standard', 'dak-hoa'],
      ['nam-binh-advanced-criteria', 'advanced-criteria', 'nam-binh'],
      ['health-insurance-coverage', 'district-figure', null],
    ]);
    // Without data nothing is decided, and each says what it needs.
    for (const o of outcomes) {
      expect(o.status).toBe('undetermined');
      expect(o.detail.missing.length).toBeGreaterThan(0);
      expect(o.target.source.provision).toMatch(/^II|^III/);
    }
    expect(JSON.parse(JSON.stringify(outcomes))).toEqual(outcomes);
  });

  it('pins the plan targets: 1 and 2 advanced criteria, 93 % by the end of 2023, baseline 2022', () => {
    const t = Object.fromEntries(plan.targets.map((x) => [x.id, x]));
    expect(t['truong-xuan-gain-criteria']).toMatchObject({ minGain: 1, baselineYear: 2022, setId: SET });
    expect(t['nam-binh-advanced-criteria']).toMatchObject({ minCriteria: 2, setId: ADVANCED });
    expect(t['health-insurance-coverage']).toMatchObject({ operator: '>=', value: 93, by: '2023-12-31', measure: { unit: '%', type: 'percent' } });
    expect(targetsOf('Nam Bình').map((x) => x.kind)).toEqual(['keep-standard', 'advanced-criteria']);
    expect(targetsOf('Đắk Môt').map((x) => x.id)).toEqual(['dak-mol-reach-standard']);
  });

  describe.each([
    ['reach-standard', 'dak-n-drung-reach-standard', 'dak-n-drung'],
    ['keep-standard', 'thuan-ha-keep-standard', 'thuan-ha'],
  ])('%s', (_kind, id, commune) => {
    it('is achieved when every criterion is met', async () => {
      const o = await judge(id, { current: [await result(commune)] });
      expect(o.status).toBe('achieved');
      expect(o.detail).toMatchObject({ criteriaMet: 19, criteriaTotal: 19, required: 19, resultSetId: SET, missing: [] });
    });

    it('is not achieved when a criterion is not met, naming it', async () => {
      const o = await judge(id, { current: [await result(commune, { '2': 'not-met' })] });
      expect(o.status).toBe('not-achieved');
      expect(o.detail.criteriaMet).toBe(18);
      expect(o.detail.textEn).toMatch(/not met: 2\./);
    });

    it('is undetermined when a criterion cannot be decided, saying what would decide it', async () => {
      const o = await judge(id, { current: [await result(commune, { '10': null, '17': null }, { indicators: { '17.1': 80 } })] });
      expect(o.status).toBe('undetermined');
      expect(o.detail.missing).toHaveLength(2);
      expect(o.detail.missing[0]).toBe('criterion 10: a criterion-level verdict (the set does not list all its indicators)');
      expect(o.detail.missing[1]).toMatch(/^criterion 17: a value or verdict for 17\.2, 17\.3/);
    });

    it('is undetermined without a result for the plan year, or when the input failed', async () => {
      expect((await judge(id, { current: [] })).detail.missing).toEqual([`a ${SET} result for ${commune} in 2023`]);
      const old = await judge(id, { current: [await result(commune, {}, { year: 2022 })] });
      expect(old.status).toBe('undetermined');
      expect(old.detail.missing[0]).toMatch(/the result given is for 2022/);
      const failed = await evaluateCommunes(SET, [{ communeId: commune, year: 2023, indicators: { '15.3': 'n/a-ish' } }]);
      const o = await judge(id, { current: failed });
      expect(o.status).toBe('undetermined');
      expect(o.detail.missing[0]).toMatch(/could not be evaluated: INVALID_INPUT/);
    });
  });

  it('matches results to communes by official name or the plan’s own spelling', async () => {
    const r = await result('Đắk Môt');
    expect((await judge('dak-mol-reach-standard', { current: [r] })).status).toBe('achieved');
    const byName = { ...(await result('xa-1', { '5': 'not-met' })), name: "Năm N'Jang" };
    expect((await judge('nam-n-jang-keep-standard', { current: [byName] })).status).toBe('not-achieved');
  });

  it('refuses two results of one commune under one set', async () => {
    const r = await result('dak-mol');
    expect(() => evaluateTargets(plan, { current: [r, r] })).toThrow(/a second dak-nong\/commune-ntm result for commune "dak-mol"/);
  });

  describe('gain-criteria (Trường Xuân, at least 1 more than in 2022)', () => {
    const ten = { '2': 'not-met', '5': 'not-met', '6': 'not-met', '7': 'not-met', '9': 'not-met', '10': 'not-met', '12': 'not-met', '15': 'not-met', '17': 'not-met' } as const;
    const baseline = async () => [await result('truong-xuan', ten, { year: 2022 })];

    it('is achieved with one criterion more', async () => {
      const o = await judge('truong-xuan-gain-criteria', { current: [await result('truong-xuan', { ...ten, '2': 'met' })], baseline: await baseline() });
      expect(o.status).toBe('achieved');
      expect(o.detail).toMatchObject({ criteriaMet: 11, baselineCriteriaMet: 10, gain: { min: 1, max: 1 }, required: 1 });
    });

    it('is not achieved with the same count, even if other criteria changed', async () => {
      const o = await judge('truong-xuan-gain-criteria', { current: [await result('truong-xuan', { ...ten, '2': 'met', '1': 'not-met' })], baseline: await baseline() });
      expect(o.status).toBe('not-achieved');
      expect(o.detail.gain).toEqual({ min: 0, max: 0 });
    });

    it('is undetermined while an undecided criterion could still make the gain', async () => {
      const o = await judge('truong-xuan-gain-criteria', { current: [await result('truong-xuan', { ...ten, '2': null })], baseline: await baseline() });
      expect(o.status).toBe('undetermined');
      expect(o.detail.gain).toEqual({ min: 0, max: 1 });
      expect(o.detail.missing).toEqual(['criterion 2: a criterion-level verdict (the set does not list all its indicators)']);
    });

    it('is undetermined without the 2022 baseline, or with a baseline of another year', async () => {
      const current = [await result('truong-xuan', { ...ten, '2': 'met' })];
      const none = await judge('truong-xuan-gain-criteria', { current });
      expect(none.status).toBe('undetermined');
      expect(none.detail.missing).toEqual([`a baseline ${SET} result for truong-xuan in 2022`]);
      const wrongYear = await judge('truong-xuan-gain-criteria', { current, baseline: [await result('truong-xuan', ten, { year: 2023 })] });
      expect(wrongYear.detail.missing[0]).toMatch(/the baseline given is for 2023/);
    });
  });

  describe('advanced-criteria (Nam Bình, at least 2 of the advanced set)', () => {
    const advanced = async (overrides: Record<string, 'met' | 'not-met' | null>) => {
      const all: Record<string, 'met' | 'not-met' | null> = {};
      for (let n = 1; n <= 19; n++) all[String(n)] = 'not-met';
      return result('nam-binh', { ...all, ...overrides }, { set: ADVANCED });
    };

    it('is achieved with 2 advanced criteria met', async () => {
      const o = await judge('nam-binh-advanced-criteria', { current: [], advanced: [await advanced({ '1': 'met', '8': 'met' })] });
      expect(o.status).toBe('achieved');
      expect(o.detail).toMatchObject({ criteriaMet: 2, required: 2, resultSetId: ADVANCED });
    });

    it('is not achieved with 1 met and none undecided', async () => {
      const o = await judge('nam-binh-advanced-criteria', { current: [], advanced: [await advanced({ '1': 'met' })] });
      expect(o.status).toBe('not-achieved');
    });

    it('is undetermined with 1 met and some undecided', async () => {
      const o = await judge('nam-binh-advanced-criteria', { current: [], advanced: [await advanced({ '1': 'met', '4': null })] });
      expect(o.status).toBe('undetermined');
      expect(o.detail.missing).toEqual(['criterion 4: a criterion-level verdict (the set does not list all its indicators)']);
    });

    it('is undetermined without an advanced-set result, and says when only other sets were given', async () => {
      const none = await judge('nam-binh-advanced-criteria', { current: [await result('nam-binh')] });
      expect(none.status).toBe('undetermined');
      expect(none.detail.missing).toEqual([`a ${ADVANCED} result for nam-binh in 2023`]);
      const wrongSlot = await judge('nam-binh-advanced-criteria', { current: [], advanced: [await result('nam-binh')] });
      expect(wrongSlot.detail.missing[0]).toMatch(/only results under dak-nong\/commune-ntm\/2022 were given/);
    });
  });

  describe('district-figure (health insurance ≥ 93 % by the end of 2023)', () => {
    const id = 'health-insurance-coverage';

    it('is judged on the district figure when given, 93 itself included', async () => {
      for (const [figure, status] of [[93.4, 'achieved'], [93, 'achieved'], [92.9, 'not-achieved']] as const) {
        const o = await judge(id, { current: [], district: { figures: { [id]: figure } } });
        expect(o.status, String(figure)).toBe(status);
        expect(o.detail).toMatchObject({ method: 'district-figure', value: figure, required: 93 });
      }
    });

    it('is estimated from the communes’ 15.1 values weighted by population', async () => {
      const communes = plan.communes.map((c, i) => ({ id: c.id, value: i < 4 ? 95 : 91, population: i < 4 ? 1000 : 3000 }));
      const current = await Promise.all(communes.map((c) => result(c.id, {}, { indicators: { '15.1': c.value } })));
      const population = Object.fromEntries(communes.map((c) => [c.id, c.population]));
      const o = await judge(id, { current, district: { population } });
      // (4·95·1000 + 4·91·3000) / 16000 = 92: an unweighted mean (93) would pass.
      expect(o.detail.value).toBe(92);
      expect(o.status).toBe('not-achieved');
      expect(o.detail.method).toBe('population-weighted');
      expect(o.detail.communesUsed).toEqual(plan.communes.map((c) => c.id));
      // Reading 15.1 as health-insurance coverage is an inference, and both languages say so.
      expect(o.detail.reading).toEqual({ indicator: '15.1', confidence: 'inferred' });
      expect(targetDetailText(o, 'vi')).toContain('đọc chỉ tiêu 15.1 là số liệu này: cách hiểu suy đoán');
      expect(targetDetailText(o, 'en')).toContain('reading 15.1 as this figure is inferred');
      const even = Object.fromEntries(communes.map((c) => [c.id, 1000]));
      const o2 = await judge(id, { current, district: { population: even } });
      expect(o2.detail.value).toBe(93);
      expect(o2.status).toBe('achieved');
      // The district's own figure takes precedence over the estimate.
      expect((await judge(id, { current, district: { population, figures: { [id]: 94 } } })).detail.method).toBe('district-figure');
    });

    it('is undetermined when a commune’s value or population is missing, naming each', async () => {
      const current = await Promise.all(plan.communes.map((c) => result(c.id, {}, { indicators: c.id === 'dak-hoa' ? {} : { '15.1': 94 } })));
      const population = Object.fromEntries(plan.communes.filter((c) => c.id !== 'thuan-ha').map((c) => [c.id, 1000]));
      const o = await judge(id, { current, district: { population } });
      expect(o.status).toBe('undetermined');
      expect(o.detail.missing).toEqual([
        'the district figure "health-insurance-coverage" (district.figures)',
        'the population of thuan-ha (district.population)',
        'a 15.1 value for dak-hoa in 2023',
      ]);
    });

    it('takes populations from commune inputs', () => {
      const inputs: CommuneInput[] = [{ communeId: 'dak-mol', year: 2023, population: 9200 }, { communeId: 'x', year: 2023 }];
      expect(populationByCommune(inputs)).toEqual({ 'dak-mol': 9200 });
    });

    it('rejects bad district data with INVALID_ARGUMENT and its path', () => {
      const cases: Array<[TargetData['district'], Array<string | number>]> = [
        [{ figures: { 'hospital-beds': 3 } }, ['district', 'figures', 'hospital-beds']],
        [{ figures: { [id]: 930 } }, ['district', 'figures', id]],
        [{ population: { nowhere: 10 } }, ['district', 'population', 'nowhere']],
        [{ population: { 'dak-mol': -1 } }, ['district', 'population', 'dak-mol']],
      ];
      for (const [district, path] of cases) {
        try {
          evaluateTargets(plan, { current: [], district });
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(NtmError);
          expect((e as NtmError).code).toBe('INVALID_ARGUMENT');
          expect((e as NtmError).issues[0]!.path).toEqual(path);
        }
      }
    });
  });

  it('rejects entries that are not results, with their path', () => {
    expect(() => evaluateTargets(plan, { current: [{ communeId: 'dak-mol' } as unknown as CommuneResult] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('on the example data: the figures the demo prints', async () => {
    const file = fileURLToPath(new URL('../../examples/dak-song-2023.json', import.meta.url));
    const data = JSON.parse(readFileSync(file, 'utf8')) as { set: string; communes: CommuneInput[] };
    const current = await evaluateCommunes(data.set, data.communes);
    const outcomes = evaluateTargets(plan, { current, district: { population: populationByCommune(data.communes) } });
    expect(Object.fromEntries(outcomes.map((o) => [o.targetId, o.status]))).toEqual({
      'dak-mol-reach-standard': 'not-achieved',
      'dak-n-drung-reach-standard': 'not-achieved',
      'truong-xuan-gain-criteria': 'undetermined',
      'nam-binh-keep-standard': 'achieved',
      'nam-n-jang-keep-standard': 'not-achieved',
      'thuan-hanh-keep-standard': 'achieved',
      'thuan-ha-keep-standard': 'achieved',
      'dak-hoa-keep-standard': 'undetermined',
      'nam-binh-advanced-criteria': 'undetermined',
      'health-insurance-coverage': 'not-achieved',
    });
    // Σ(15.1 × population) / Σ population = 8 357 580 / 90 000.
    expect(outcomeOf(outcomes, 'health-insurance-coverage').detail.value).toBe(92.862);
  });
});

describe('gain-criteria properties (fast-check, seeded)', () => {
  const verdicts = fc.array(fc.constantFrom<'met' | 'not-met' | null>('met', 'not-met', null), { minLength: 19, maxLength: 19 });
  const toMap = (v: Array<'met' | 'not-met' | null>): Record<string, 'met' | 'not-met' | null> => Object.fromEntries(v.map((x, i) => [String(i + 1), x]));

  it('the gain range holds every gain the undecided criteria could still produce, and decides the status', async () => {
    await fc.assert(
      fc.asyncProperty(verdicts, verdicts, async (now, before) => {
        const o = await judge('truong-xuan-gain-criteria', {
          current: [await result('truong-xuan', toMap(now))],
          baseline: [await result('truong-xuan', toMap(before), { year: 2022 })],
        });
        const count = (v: Array<'met' | 'not-met' | null>, fill: 'met' | 'not-met'): number => v.filter((x) => (x ?? fill) === 'met').length;
        // Extremes: every undecided criterion resolved for or against the gain.
        const lo = count(now, 'not-met') - count(before, 'met');
        const hi = count(now, 'met') - count(before, 'not-met');
        expect(o.detail.gain).toEqual({ min: lo, max: hi });
        expect(o.status).toBe(lo >= 1 ? 'achieved' : hi < 1 ? 'not-achieved' : 'undetermined');
      }),
      { seed: 2022, numRuns: 60 },
    );
  });
});

describe('keep-standard targets and the revocation rule of 18/2022/QĐ-TTg', () => {
  const keep = async (overrides: Record<string, 'met' | 'not-met' | null>): Promise<TargetOutcome> =>
    outcomeOf(evaluateTargets(plan, { current: [await result('thuan-ha', overrides)] }), 'thuan-ha-keep-standard');

  it('report the revocation risk with the count, the share and the failing listed criteria', async () => {
    const six = await keep({ '1': 'not-met', '2': 'not-met', '4': 'not-met', '5': 'not-met', '6': 'not-met', '10': 'not-met' });
    expect(six.status).toBe('not-achieved');
    expect(six.detail.revocation).toMatchObject({ status: 'revocable', branch: 'partial-with-listed', belowStandard: { min: 6, max: 6 }, share: { min: 31.58 }, listed: { failing: ['10'] } });
    expect(six.detail.textEn).toMatch(/Revocation \(18\/2022\/QĐ-TTg\): 6\/19 \(31\.58%\) criteria below standard; listed criteria below standard: 10: meets the revocation rule/);
    const five = await keep({ '1': 'not-met', '2': 'not-met', '4': 'not-met', '5': 'not-met', '10': 'not-met' });
    expect(five.detail.revocation).toMatchObject({ status: 'not-revocable', moreToRevoke: 1 });
  });

  it('give a range while criteria are undecided, and no tail when the standard is kept', async () => {
    const open = await keep({ '1': 'not-met', '2': 'not-met', '4': 'not-met', '5': 'not-met', '10': 'not-met', '11': null });
    expect(open.status).toBe('not-achieved');
    expect(open.detail.revocation).toMatchObject({ status: 'undetermined', belowStandard: { min: 5, max: 6 } });
    const kept = await keep({});
    expect(kept.status).toBe('achieved');
    expect(kept.detail.revocation).toMatchObject({ status: 'not-revocable', moreToRevoke: 6 });
    expect(kept.detail.textEn).not.toMatch(/Revocation/);
    // Other kinds of target carry none.
    const reach = outcomeOf(evaluateTargets(plan, { current: [await result('dak-mol')] }), 'dak-mol-reach-standard');
    expect(reach.detail.revocation).toBeUndefined();
  });
});
