import { describe, expect, it } from 'vitest';
import { issue } from '../../src/errors.js';
import { NtmError, getCriterionSet, type BatchEntry, type CommuneResult, type EvaluateOptions } from '../../src/index.js';
import { errorRecord } from '../../src/evaluate/pipeline.js';
import { evaluateCommune, evaluateCommunes, evaluateCommuneStream, evaluateCommuneSync } from './untyped.js';
import { generateCommunes } from '../../bench/communes.js';

/** Inputs with good rows, bad rows and a repeated communeId. */
function inputsFor(setId: string, year: number): unknown[] {
  const good = generateCommunes(getCriterionSet(setId), { count: 30, seed: 12, profile: 'clean' }).map((c) => ({ ...c, year }));
  return [...good.slice(0, 10), { communeId: 'bad', year, indicators: { '99.9': 1 } }, good[3], 'not an object', ...good.slice(10)];
}

async function viaEveryEntryPoint(setId: string, inputs: unknown[], options: EvaluateOptions): Promise<Record<string, BatchEntry[] | string>> {
  const settle = async (f: () => Promise<BatchEntry[]>): Promise<BatchEntry[] | string> => {
    try {
      return await f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  // One at a time: duplicates are a batch notion, so singles skip the repeat like a batch reports it.
  const singles = (one: (raw: unknown) => Promise<unknown>) => async (): Promise<BatchEntry[]> => {
    const out: BatchEntry[] = [];
    const seen = new Map<string, number>();
    for (const [i, raw] of inputs.entries()) {
      const id = typeof raw === 'object' && raw !== null ? (raw as { communeId?: string }).communeId : undefined;
      if (id !== undefined && seen.has(id)) {
        out.push(errorRecord(i, id, new NtmError('DUPLICATE_COMMUNE', [issue('duplicate-commune', ['communeId'], { commune: id, first: seen.get(id)! })])));
        continue;
      }
      if (id !== undefined) seen.set(id, i);
      try {
        out.push((await one(raw)) as BatchEntry);
      } catch (e) {
        if ((e as { code?: string }).code === 'INVALID_ARGUMENT' || (e as { code?: string }).code === 'NO_SET_IN_FORCE') throw e;
        out.push(errorRecord(i, id, e));
      }
    }
    return out;
  };
  const { engine: _e, ...syncOptions } = options;
  return {
    sync: await settle(singles(async (raw) => evaluateCommuneSync(setId, raw, syncOptions))),
    compiled: await settle(singles((raw) => evaluateCommune(setId, raw, { ...options, engine: 'compiled' }))),
    engine: await settle(singles((raw) => evaluateCommune(setId, raw, { ...options, engine: 'json-rules-engine' }))),
    batch: await settle(() => evaluateCommunes(setId, inputs, options)),
    batchEngine: await settle(() => evaluateCommunes(setId, inputs, { ...options, engine: 'json-rules-engine', concurrency: 3 })),
    stream: await settle(async () => {
      const out: BatchEntry[] = [];
      for await (const e of evaluateCommuneStream(setId, inputs, options)) out.push(e);
      return out;
    }),
    streamEngine: await settle(async () => {
      const out: BatchEntry[] = [];
      for await (const e of evaluateCommuneStream(setId, inputs, { ...options, engine: 'json-rules-engine' })) out.push(e);
      return out;
    }),
  };
}

describe('every entry point runs one pipeline: same inputs and options, same entries', () => {
  it('under 1037 with asOf 2024-06-01 (the 211/QĐ-TTg revision is in force)', async () => {
    const all = await viaEveryEntryPoint('dak-nong/commune-ntm/2022', inputsFor('dak-nong/commune-ntm/2022', 2024), { asOf: '2024-06-01' });
    const batch = all.batch as BatchEntry[];
    expect(batch).toHaveLength(33);
    expect(batch.filter((e) => 'setId' in e).every((e) => (e as { setId: string }).setId === 'dak-nong/commune-ntm/2024')).toBe(true);
    expect(batch.map((e) => ('error' in e ? e.error.code : 'ok'))).toContain('DUPLICATE_COMMUNE');
    for (const [name, entries] of Object.entries(all)) expect(entries, name).toEqual(batch);
  });

  it('without asOf, and with a plan attaching owners', async () => {
    const inputs = inputsFor('dak-nong/commune-ntm/2022', 2023);
    const plain = await viaEveryEntryPoint('dak-nong/commune-ntm/2022', inputs, {});
    for (const [name, entries] of Object.entries(plain)) expect(entries, name).toEqual(plain.batch);
    const planned = await viaEveryEntryPoint('dak-nong/commune-ntm/2022', inputs, { plan: 'dak-song/2023' });
    for (const [name, entries] of Object.entries(planned)) expect(entries, name).toEqual(planned.batch);
    const first = (planned.batch as BatchEntry[])[0] as CommuneResult;
    expect(first.criteria[14]!.indicators[2]!.owners).toEqual(['health']);
  });

  it('refuses the 319 model-commune set (conditions only) at every entry point, the stream included', async () => {
    const all = await viaEveryEntryPoint('national/commune-model/2022', [{ communeId: 'x', year: 2025 }], {});
    for (const [name, result] of Object.entries(all)) expect(result, name).toMatch(/has no criteria, only conditions/);
  });

  it('refuses a date no version is in force at every entry point', async () => {
    // Before 1980/QĐ-TTg (01/12/2016) no commune set of the series is in force.
    const all = await viaEveryEntryPoint('dak-nong/commune-ntm/2022', [{ communeId: 'x', year: 2015 }], { asOf: '2015-04-01' });
    for (const [name, result] of Object.entries(all)) expect(typeof result, name).toBe('string');
  });

  it('shares indicator results only when asked: values are the same either way', async () => {
    const inputs = inputsFor('dak-nong/commune-ntm/2022', 2023);
    const shared = await evaluateCommunes('dak-nong/commune-ntm/2022', inputs);
    const fresh = await evaluateCommunes('dak-nong/commune-ntm/2022', inputs, { shareResults: false });
    expect(fresh).toEqual(shared);
    // Two communes with no data for 15.1: the same missing-data result, shared only when asked.
    const empty = [{ communeId: 'a', year: 2023 }, { communeId: 'b', year: 2023 }];
    const at = (entries: BatchEntry[], k: number) => (entries[k] as CommuneResult).criteria[14]!.indicators[0];
    const sharedEmpty = await evaluateCommunes('dak-nong/commune-ntm/2022', empty);
    const freshEmpty = await evaluateCommunes('dak-nong/commune-ntm/2022', empty, { shareResults: false });
    expect(at(sharedEmpty, 0)).toBe(at(sharedEmpty, 1));
    expect(at(freshEmpty, 0)).not.toBe(at(freshEmpty, 1));
    expect(freshEmpty).toEqual(sharedEmpty);
  });
});

describe('one reason type, merged up from indicator to criterion, commune, district condition and target', () => {
  it('carries missing inputs, unknown thresholds and incomplete lists from criteria to the commune', () => {
    const r = evaluateCommuneSync('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.1': 5 } });
    const c15 = r.criteria[14]!;
    expect(c15.why).toEqual([
      { code: 'missing', items: ['15.2', '15.3', '15.4'] },
      { code: 'threshold-unknown', items: ['15.1'] },
      { code: 'indicator-list-incomplete', items: ['15'] },
    ]);
    expect(r.status).toBe('undetermined');
    expect(r.why!.find((w) => w.code === 'threshold-unknown')!.items).toEqual(['15.1']);
    expect(r.why!.find((w) => w.code === 'missing')!.items).toContain('15.3');
    expect(r.why!.find((w) => w.code === 'indicator-list-incomplete')!.items).toContain('15');
    const decided = evaluateCommuneSync('dak-nong/commune-ntm/2022', { communeId: 'y', year: 2023, criteria: { '15': 'Không đạt' } });
    expect(decided.status).toBe('not-met');
    expect(decided.why).toBeUndefined();
  });

  it('merges the undecided communes and their reasons into a district condition', async () => {
    const { evaluateDistrict } = await import('../../src/index.js');
    const a = { communeId: 'a', setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'met' as const };
    const b = evaluateCommuneSync('dak-nong/commune-ntm/2022', { communeId: 'b', year: 2023, indicators: { '17.1': 50 } });
    const d = evaluateDistrict('national/district-ntm/2022', { districtId: 'd', year: 2023, communes: [a, b] });
    const share = d.conditions.find((c) => c.id === 'D1')!;
    expect(share.status).toBe('undetermined');
    expect(share.why!.find((w) => w.code === 'undetermined-results')!.items).toEqual(['b']);
    expect(share.why!.find((w) => w.code === 'threshold-unknown')!.items).toContain('17.1');
  });
});
