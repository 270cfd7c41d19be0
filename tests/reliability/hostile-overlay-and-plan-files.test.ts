/**
 * Hostile calibration overlays and plan files: rejected with their own error code and the JSON
 * path of the problem, as text and as parsed objects, and Object.prototype untouched afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationTemplate,
  evaluateCommune,
  formatPath,
  getCriterionSet,
  loadPlan,
  type JsonPath,
} from '../../src/index.js';
import { expectTypedError, guardPrototypes, readRepoText, thrownBy } from './support.js';
import { at, comparePaths, edit, injectionPoints, NOT_A_THRESHOLD, PROTOTYPE_KEYS, textWithDeepValue, textWithKey, UNKNOWN_KEYS } from './json-mutations.js';

const BASE = 'dak-nong/commune-ntm/2022';
const SOURCE = { decision: '1037/QĐ-UBND', provision: 'Annex, criterion 17', confidence: 'verified' };

let prototypesUnchanged: () => void;
beforeAll(() => {
  prototypesUnchanged = guardPrototypes();
});
afterAll(() => prototypesUnchanged());

/**
 * A valid, filled overlay: the template of the 1037 set with one numeric and one yes/no
 * requirement filled. (The numbers are test data, not thresholds of any decision.)
 */
function filledOverlay(): Record<string, unknown> {
  const t = structuredClone(calibrationTemplate(BASE)) as { id: string; indicators: Record<string, { about?: { measure?: { type: string } }; requirement: unknown }> };
  t.id = 'test/commune-ntm/2022-calibrated';
  const entries = Object.entries(t.indicators);
  const numeric = entries.find(([, e]) => e.about?.measure?.type === 'percent')!;
  numeric[1].requirement = { kind: 'compare', operator: '>=', value: 50, source: SOURCE };
  const yesNo = entries.find(([, e]) => e.about?.measure?.type === 'boolean');
  if (yesNo) yesNo[1].requirement = { kind: 'is-met', source: SOURCE };
  return t as unknown as Record<string, unknown>;
}

describe('hostile calibration overlays', () => {
  const overlay = filledOverlay();
  const text = JSON.stringify(overlay);
  const points = injectionPoints(overlay);

  /** Calibrates, expecting `INVALID_OVERLAY`; returns the error. */
  function rejection(input: unknown) {
    const e = expectTypedError(thrownBy(() => calibrate(BASE, input)));
    expect(e.code).toBe('INVALID_OVERLAY');
    expect(e.message).toContain(formatPath(e.issues[0]!.path));
    return e;
  }

  it('the base overlay is valid and turns threshold-unknown into a verdict (so the variants test something)', async () => {
    const set = calibrate(BASE, text);
    const code = comparePaths(overlay)[0]![1] as string;
    const r = await evaluateCommune(set, { communeId: 'x', year: 2023, indicators: { [code]: 49.9 } });
    expect(r.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!.status).toBe('not-met');
    const before = await evaluateCommune(BASE, { communeId: 'x', year: 2023, indicators: { [code]: 49.9 } });
    expect(before.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!.status).toBe('threshold-unknown');
  });

  it('rejects __proto__, constructor and prototype keys anywhere, as text and as a parsed object', () => {
    expect(points.length).toBeGreaterThan(5);
    for (const key of PROTOTYPE_KEYS) {
      for (const point of points) {
        const hostile = textWithKey(overlay, point, key, { requirement: { kind: 'compare', operator: '>=', value: 0, source: SOURCE }, polluted: true });
        for (const input of [hostile, JSON.parse(hostile) as unknown]) {
          const e = rejection(input);
          const paths = e.issues.map((i) => i.path);
          // Either refused as a key, or (for a map of codes) as a code that is not in the set.
          expect(paths.some((p) => JSON.stringify(p) === JSON.stringify([...point, key])), `${key} at ${formatPath(point)}: ${e.message}`).toBe(true);
        }
        prototypesUnchanged();
      }
    }
  });

  it('rejects unknown keys, `path` and `params` at every level', () => {
    for (const key of UNKNOWN_KEYS) {
      for (const point of points) {
        const e = rejection(JSON.parse(textWithKey(overlay, point, key, '$..[?(@.constructor)]')));
        const hit = e.issues.some((i) => (JSON.stringify(i.path) === JSON.stringify(point) && i.message.includes(`"${key}"`)) || JSON.stringify(i.path) === JSON.stringify([...point, key]));
        expect(hit, `${key} at ${formatPath(point)}: ${e.message}`).toBe(true);
      }
    }
  });

  it('rejects unknown operators and non-numbers where a threshold belongs, at the exact path', () => {
    const p = comparePaths(overlay)[0]!;
    for (const op of ['contains', 'in', 'regex', 'greaterThanInclusive', '=>']) {
      expect(rejection(edit(overlay, p, (o) => { o.operator = op; })).issues[0]!.path).toEqual([...p, 'operator']);
    }
    for (const bad of NOT_A_THRESHOLD) {
      expect(rejection(edit(overlay, p, (o) => { o.value = bad; })).issues.map((i) => i.path), String(bad)).toContainEqual([...p, 'value']);
    }
    const raw = JSON.stringify(edit(overlay, p, (o) => { o.value = 424242.4242; }));
    expect(rejection(raw.replace('424242.4242', '1e400')).issues.map((i) => i.path)).toContainEqual([...p, 'value']);
  });

  it('rejects a value without its source, and codes the set does not have', () => {
    const p = comparePaths(overlay)[0]!;
    expect(rejection(edit(overlay, p, (o) => { delete o.source; })).issues[0]!.path).toEqual([...p, 'source']);
    const unknownCode = edit(overlay, ['indicators'], (o) => { o['99.9'] = { requirement: { kind: 'is-met', source: SOURCE } }; });
    expect(rejection(unknownCode).issues[0]!.path).toEqual(['indicators', '99.9']);
  });

  it('rejects the same code twice (a duplicate key in the text) at its path', () => {
    const code = comparePaths(overlay)[0]![1] as string;
    const entry = JSON.stringify(at(overlay, ['indicators', code]));
    const twice = text.replace(`"${code}":${entry}`, `"${code}":${entry},"${code}":{"requirement":{"kind":"unknown"}}`);
    expect(twice).not.toBe(text);
    expect(rejection(twice).issues[0]).toMatchObject({ code: 'duplicate-key', path: ['indicators', code] });
  });

  it('rejects nesting 10,000 deep, 50 MB, and a million values, as text and as objects', () => {
    for (const point of points.slice(0, 5)) {
      for (const shape of ['array', 'object'] as const) {
        const hostile = textWithDeepValue(overlay, point, shape);
        expect(rejection(hostile).issues[0]!.code).toBe('too-deep');
        expect(rejection(JSON.parse(hostile)).issues[0]!.code).toBe('too-deep');
      }
    }
    expect(rejection(`{"base":"${BASE}","note":"${'x'.repeat(50_000_000)}"}`).issues[0]!.code).toBe('too-large');
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 300_000; i++) many[`${1 + (i % 19)}.${i}`] = {};
    const heap = process.memoryUsage().heapUsed;
    expect(rejection({ ...overlay, indicators: many }).issues[0]!.code).toBe('too-many-values');
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(400_000_000);
  });

  it('cannot change anything but requirements and names', () => {
    for (const [field, value] of [
      ['counts', { criteria: 1 }],
      ['criteria', []],
      ['effectiveFrom', '1990-01-01'],
      ['region', 'DBSCL'],
    ] as const) {
      expect(rejection({ ...overlay, [field]: value }).issues[0]!.path).toEqual(field === 'criteria' ? ['criteria'] : []);
    }
    const code = comparePaths(overlay)[0]![1] as string;
    for (const field of ['measure', 'code', 'applicability', 'source']) {
      const e = rejection(edit(overlay, ['indicators', code], (o) => { o[field] = field === 'code' ? '1.1' : {}; }));
      expect(e.issues[0]!.path).toEqual(['indicators', code]);
    }
  });
});

describe('hostile plan files', () => {
  const file = 'rules/plans/dak-song/2023.json';
  const text = readRepoText(file);
  const plan = JSON.parse(text) as unknown;
  const points = injectionPoints(plan);

  /** Loads, expecting `INVALID_PLAN` naming the file; returns the error. */
  function rejection(input: unknown) {
    const e = expectTypedError(thrownBy(() => loadPlan(input, { file })));
    expect(e.code).toBe('INVALID_PLAN');
    expect(e.file).toBe(file);
    expect(e.message).toContain(file);
    return e;
  }
  const hasPath = (issues: Array<{ path: JsonPath }>, path: JsonPath): boolean => issues.some((i) => JSON.stringify(i.path) === JSON.stringify(path));

  it('the shipped plan loads (the base of every variant)', () => {
    expect(loadPlan(text, { file }).id).toBe((plan as { id: string }).id);
  });

  it('rejects __proto__, constructor and prototype keys anywhere, as text and as a parsed object', () => {
    for (const key of PROTOTYPE_KEYS) {
      for (const point of points) {
        const hostile = textWithKey(plan, point, key, { polluted: true });
        for (const input of [hostile, JSON.parse(hostile) as unknown]) {
          const e = rejection(input);
          const hit = hasPath(e.issues, [...point, key]) || e.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(point) && i.message.includes(`"${key}"`));
          expect(hit, `${key} at ${formatPath(point)}: ${e.message}`).toBe(true);
        }
      }
    }
    prototypesUnchanged();
  });

  it('rejects unknown keys at every level', () => {
    for (const key of UNKNOWN_KEYS) {
      for (const point of points) {
        const e = rejection(JSON.parse(textWithKey(plan, point, key, 1)));
        const hit = hasPath(e.issues, [...point, key]) || e.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(point) && i.message.includes(`"${key}"`));
        expect(hit, `${key} at ${formatPath(point)}: ${e.message}`).toBe(true);
      }
    }
  });

  it('rejects strings, NaN, Infinity and 1e308 where its numbers belong', () => {
    const numberPaths: JsonPath[] = [];
    const walk = (v: unknown, p: JsonPath): void => {
      if (typeof v === 'number') numberPaths.push(p);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, Array.isArray(v) ? Number(k) : k]);
    };
    walk(plan, []);
    expect(numberPaths.length).toBeGreaterThan(3);
    for (const p of numberPaths.slice(0, 8)) {
      for (const bad of [NaN, Infinity, 1e308, '93', null]) {
        const hostile = edit(plan, p.slice(0, -1), (o) => { o[p[p.length - 1]!] = bad; });
        expect(hasPath(rejection(hostile).issues, p), `${String(bad)} at ${formatPath(p)}`).toBe(true);
      }
    }
  });

  it('rejects duplicate keys, nesting 10,000 deep, 50 MB and a million values', () => {
    const twice = text.replace(/"id":\s*"([^"]+)"/, (m) => `${m}, "id": "other"`);
    expect(rejection(twice).issues[0]).toMatchObject({ code: 'duplicate-key', path: ['id'] });
    for (const point of points.slice(0, 5)) {
      const hostile = textWithDeepValue(plan, point, 'array');
      expect(rejection(hostile).issues[0]!.code).toBe('too-deep');
      expect(rejection(JSON.parse(hostile)).issues[0]!.code).toBe('too-deep');
    }
    expect(rejection(`{"id":"x","notes":["${'x'.repeat(50_000_000)}"]}`).issues[0]!.code).toBe('too-large');
    expect(rejection(`{"agencies":[${Array(1_000_000).fill('{}').join(',')}]}`).issues[0]!.code).toBe('too-many-values');
  });

  it('duplicate agency ids and duplicate commune ids are refused', () => {
    const p = plan as { agencies: Array<{ id: string }>; communes: Array<{ id: string }> };
    const dupAgency = edit(plan, ['agencies', 1], (a) => { a.id = p.agencies[0]!.id; });
    expect(rejection(dupAgency).issues.map((i) => i.path)).toContainEqual(['agencies', 1, 'id']);
    const dupCommune = edit(plan, ['communes', 1], (c) => { c.id = p.communes[0]!.id; });
    expect(rejection(dupCommune).issues.map((i) => i.path)).toContainEqual(['communes', 1, 'id']);
  });
});

describe('a set built by calibration is as safe as a bundled one', () => {
  it('is frozen and evaluates identically on both paths', async () => {
    const set = calibrate(BASE, filledOverlay());
    expect(Object.isFrozen(set.criteria)).toBe(true);
    const code = comparePaths(filledOverlay())[0]![1] as string;
    for (const v of [0, 49.9, 50, 100]) {
      const input = { communeId: 'x', year: 2023, indicators: { [code]: v, '15.3': 20 } };
      expect(JSON.stringify(await evaluateCommune(set, input, { engine: 'json-rules-engine' }))).toBe(JSON.stringify(await evaluateCommune(set, input)));
    }
    expect(getCriterionSet(BASE).id).toBe(BASE);
  });
});
