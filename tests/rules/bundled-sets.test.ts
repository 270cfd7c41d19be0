/**
 * The list of bundled sets (src/rules/bundled-sets.ts: ids, files, kinds) against the files in
 * rules/sets/, and the on-demand lookups the asynchronous entry points use against the registry's
 * synchronous ones: the same sets, the same set in force, the same errors, the same results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_SET_IDS,
  criterionSetInForce,
  evaluateCommune,
  evaluateCommuneSync,
  getCriterionSet,
  getPlan,
  importCriterionSet,
  isBundledSetId,
  listCriterionSets,
  listSetKindsWithoutVersions,
} from '../../src/index.js';
import { bundledSetFile, bundledSetIdsOfKind, loadCriterionSetOnDemand } from '../../src/rules/bundled-sets.js';
import { criterionSetInForceOnDemand } from '../../src/rules/in-force-on-demand.js';
import { setForEvaluation, setForEvaluationOnDemand } from '../../src/evaluate/set-for-evaluation.js';
import { built, nodeProcess } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(`${root}${dir}`, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? jsonFiles(`${dir}/${d.name}`) : d.name.endsWith('.json') ? [`${dir}/${d.name}`] : [],
  );
}

/** What a call gives: its value, or the code and message of what it threw (or rejected with). */
async function outcome<T>(f: () => T | Promise<T>): Promise<{ value: T } | { code: unknown; message: unknown }> {
  try {
    return { value: await f() };
  } catch (e) {
    return { code: (e as { code?: unknown }).code, message: (e as Error).message };
  }
}

describe('the bundled set list', () => {
  it('names every file in rules/sets/ once, under the id the file carries, and nothing else', () => {
    const files = jsonFiles('rules/sets').sort();
    expect(BUNDLED_SET_IDS.map((id) => bundledSetFile(id)).sort()).toEqual(files);
    for (const id of BUNDLED_SET_IDS) {
      const data = JSON.parse(readFileSync(`${root}${bundledSetFile(id)}`, 'utf8')) as { id: string };
      expect(data.id, bundledSetFile(id)).toBe(id);
    }
    expect(listCriterionSets().map((s) => s.id)).toEqual(expect.arrayContaining([...BUNDLED_SET_IDS]));
    expect(listCriterionSets()).toHaveLength(BUNDLED_SET_IDS.length);
  });

  it('files each id under the kind of its set (which the on-demand in-force lookup reads without loading)', () => {
    for (const id of BUNDLED_SET_IDS) expect(bundledSetIdsOfKind(getCriterionSet(id).kind), id).toContain(id);
    const kinds = [...new Set(BUNDLED_SET_IDS.map((id) => getCriterionSet(id).kind))];
    expect(kinds.flatMap((k) => bundledSetIdsOfKind(k)).sort()).toEqual([...BUNDLED_SET_IDS].sort());
  });

  it('tells bundled ids from other strings', () => {
    expect(BUNDLED_SET_IDS.every(isBundledSetId)).toBe(true);
    for (const other of ['dak-nong/commune-ntm', 'dak-nong/commune-ntm/2023', '__proto__', 'toString', '']) expect(isBundledSetId(other), other).toBe(false);
    expect(isBundledSetId(42)).toBe(false);
  });
});

describe('sets imported on demand', () => {
  it('are the objects getCriterionSet returns, for every bundled id (patches with their base)', async () => {
    for (const id of BUNDLED_SET_IDS) expect(await importCriterionSet(id), id).toBe(getCriterionSet(id));
  });

  it('reject an unknown id with the registry error', async () => {
    const unknown: string = 'dak-nong/commune-ntm/1999';
    expect(await outcome(() => importCriterionSet(unknown))).toEqual(await outcome(() => getCriterionSet(unknown)));
    expect(await outcome(() => importCriterionSet(unknown))).toMatchObject({ code: 'UNKNOWN_SET' });
  });

  it('load a rule file given as data, a patch with its bundled base, as loadCriterionSet does', async () => {
    const patch = JSON.parse(readFileSync(`${root}rules/sets/dak-nong/1037-qd-ubnd-2022.211-qd-ttg-2024.json`, 'utf8')) as Record<string, unknown>;
    const mine = { ...patch, id: 'test/commune-ntm/2024-copy' };
    const loaded = await loadCriterionSetOnDemand(mine);
    expect(loaded.id).toBe('test/commune-ntm/2024-copy');
    expect({ ...loaded, id: 'dak-nong/commune-ntm/2024' }).toEqual(getCriterionSet('dak-nong/commune-ntm/2024'));
    const broken = await outcome(() => loadCriterionSetOnDemand({ ...patch, patchOf: 'dak-nong/commune-ntm/1999' }));
    expect(broken).toMatchObject({ code: 'INVALID_RULE_FILE' });
    expect(String((broken as { message: string }).message)).toContain('no bundled criterion set "dak-nong/commune-ntm/1999"');
  });
});

describe('the set in force, found among sets imported on demand', () => {
  const kinds = [...new Set([...BUNDLED_SET_IDS.map((id) => getCriterionSet(id).kind), ...listSetKindsWithoutVersions().map((k) => k.kind), 'no/such-kind'])];
  const dates = ['2010-01-01', '2016-11-30', '2016-12-01', '2021-06-01', '2022-03-07', '2022-03-08', '2022-06-21', '2022-06-22', '2024-02-29', '2024-03-01', '2026-02-14', '2026-02-15', '2031-01-01'];

  it('is the one criterionSetInForce gives, or the same error, for every kind and date', async () => {
    for (const kind of kinds) {
      for (const date of dates) {
        const sync = await outcome(() => criterionSetInForce(kind, date));
        expect(await outcome(() => criterionSetInForceOnDemand(kind, date)), `${kind} on ${date}`).toEqual(sync);
      }
    }
  });

  it('is the one setForEvaluation gives, for ids and set objects, with and without a date', async () => {
    const own = { ...getCriterionSet('dak-nong/commune-ntm/2024'), id: 'test/commune-ntm/2024-mine', effectiveFrom: '2025-01-01' };
    for (const given of [...BUNDLED_SET_IDS, own, 'no/such/1']) {
      for (const date of [undefined, '2023-06-01', '2025-06-01', '2026-06-01', 'not a date']) {
        const sync = await outcome(() => setForEvaluation(given, date));
        expect(await outcome(() => setForEvaluationOnDemand(given, date)), `${typeof given === 'string' ? given : given.id} on ${date}`).toEqual(sync);
      }
    }
  });

  it('gives evaluateCommune the results evaluateCommuneSync gives, with asOf and a plan', async () => {
    const input = { communeId: 'dak-mol', year: 2024, indicators: { '15.3': '24,1', '17.10': 'Đạt' }, criteria: { '1': 'Đạt' } };
    for (const options of [{}, { asOf: '2024-06-01' }, { plan: 'dak-song/2023' }, { plan: 'dak-song/2023', asOf: '2024-06-01' }, { plan: getPlan('dak-song/2023') }]) {
      expect(await evaluateCommune('dak-nong/commune-ntm/2022', input, options)).toEqual(evaluateCommuneSync('dak-nong/commune-ntm/2022', input, options));
    }
    // The same errors, in the same order: the set's, then the plan's.
    for (const [setId, options] of [['dak-nong/commune-ntm/2022', { plan: 'no/such-plan' }], ['no/such/1', { plan: 'no/such-plan' }], ['national/commune-ntm/2026', { plan: 'dak-song/2023' }]] as const) {
      const sync = await outcome(() => evaluateCommuneSync(setId as string, input, options));
      expect(sync).toHaveProperty('code');
      expect(await outcome(() => evaluateCommune(setId as string, input, options)), `${setId} with ${options.plan}`).toEqual(sync);
    }
  });
});

describe('the built library', () => {
  it('imports each set (and a plan) from the package rule files on first use, before the registry is touched', async () => {
    const script = `
      const m = await import(${JSON.stringify(built().library)});
      const imported = [];
      for (const id of m.BUNDLED_SET_IDS) imported.push(await m.importCriterionSet(id));
      const same = m.BUNDLED_SET_IDS.every((id, i) => m.getCriterionSet(id) === imported[i]);
      const r = await m.evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2026 }, { asOf: '2026-06-01' });
      const owned = await m.evaluateCommune('dak-nong/commune-ntm/2024', { communeId: 'x', year: 2024 }, { plan: 'dak-song/2023' });
      const owners = owned.criteria.find((c) => c.number === '15').indicators[0].owners;
      console.log(JSON.stringify({ ids: imported.map((s) => s.id), same, setId: r.setId, owners, plan: m.getPlan('dak-song/2023').id }));
    `;
    const run = await nodeProcess(['--input-type=module', '-e', script]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ ids: [...BUNDLED_SET_IDS], same: true, setId: 'national/commune-ntm/2026', owners: ['health'], plan: 'dak-song/2023' });
  });
});
