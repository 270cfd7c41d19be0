/**
 * Hostile criterion-set files: each is rejected with its file name and the JSON path of the
 * problem, before anything is built from it, and Object.prototype is untouched afterwards.
 * Every bundled file serves as the base, so new sets are covered as they land.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from 'json-rules-engine';
import { formatPath, loadCriterionSet } from '../../src/index.js';
import { MAX_RULE_FILE_CHARS } from '../../src/rules/load.js';
import { MAX_RULE_DEPTH, MAX_RULE_VALUES } from '../../src/rules/load.js';
import { bundledSets, expectTypedError, guardPrototypes, readRepoText, thrownBy } from './support.js';
import { at, comparePaths, edit, injectionPoints, NOT_A_THRESHOLD, PROTOTYPE_KEYS, textWithDeepValue, textWithKey, UNKNOWN_KEYS } from './json-mutations.js';

type Json = unknown;
const FILES = bundledSets().map((b) => b.file);
/** Set files (patches are checked for unknown and prototype keys only: they hold no criteria list). */
const SET_FILES = FILES.filter((f) => !('patchOf' in (JSON.parse(readRepoText(f)) as object)));

/** Loads, expecting a typed `INVALID_RULE_FILE` naming `file`; returns the error. */
function rejection(input: string | Json, file: string) {
  const e = expectTypedError(thrownBy(() => loadCriterionSet(input, { file })));
  expect(e.code).toBe('INVALID_RULE_FILE');
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  expect(e.message).toContain(formatPath(e.issues[0]!.path));
  return e;
}

let prototypesUnchanged: () => void;
const engineBuilt = vi.spyOn(Engine.prototype, 'addRule');
beforeAll(() => {
  prototypesUnchanged = guardPrototypes();
});
afterAll(() => {
  prototypesUnchanged();
  engineBuilt.mockRestore();
});

describe.each(FILES.map((f) => [f] as const))('hostile variants of %s', (file) => {
  const text = readRepoText(file);
  const data = JSON.parse(text) as Json;
  const points = injectionPoints(data);

  afterAll(() => {
    // Checked after every file: no hostile file ever got as far as building an engine.
    prototypesUnchanged();
    expect(engineBuilt).not.toHaveBeenCalled();
  });

  it('loads as shipped (the base of every variant below is valid)', () => {
    expect(loadCriterionSet(text, { file }).id).toBe((data as { id: string }).id);
  });

  it('rejects __proto__, constructor and prototype keys wherever they appear, naming the key', () => {
    expect(points.length).toBeGreaterThan(3);
    for (const key of PROTOTYPE_KEYS) {
      for (const point of points) {
        const hostile = textWithKey(data, point, key, { polluted: true, isAdmin: true, path: '$..*' });
        for (const input of [hostile, JSON.parse(hostile) as Json]) {
          const e = rejection(input, file);
          expect(e.issues).toContainEqual(expect.objectContaining({ code: 'forbidden-key', path: [...point, key] }));
        }
        prototypesUnchanged();
      }
    }
  });

  it('rejects unknown keys, `path`, `params` and engine fields at every level', () => {
    for (const key of UNKNOWN_KEYS) {
      for (const point of points) {
        const e = rejection(JSON.parse(textWithKey(data, point, key, '$..[?(@.constructor)]')), file);
        // In a map keyed by the file's own ids (dimensions, documents, sources, cases) the key is a new entry,
        // rejected at its own path; anywhere else it is an unknown key of the object.
        const maps = 'patchOf' in (data as object) ? ['dimensions', 'documents', 'sources', 'cases', 'criteria', 'indicators', 'conditions'] : ['dimensions', 'documents', 'sources', 'cases'];
        const inMap = point.length > 0 && maps.includes(String(point[point.length - 1])) && !Array.isArray(at(data, point));
        const issue = inMap
          ? e.issues.find((i) => i.path.length > point.length && i.path[point.length] === key && point.every((p, k) => i.path[k] === p))
          : e.issues.find((i) => i.code === 'unrecognized_keys' && i.message.includes(`"${key}"`));
        expect(issue, `${key} at ${formatPath(point)}`).toBeDefined();
        if (!inMap) expect(issue!.path).toEqual(point);
      }
    }
  });

  it('rejects unknown operators at the exact path', () => {
    const compares = comparePaths(data);
    for (const p of compares.slice(0, 4)) {
      for (const op of ['contains', 'in', 'regex', 'greaterThanInclusive', '=>', '!=', '', '>= ']) {
        const e = rejection(edit(data, p, (o) => { o.operator = op; }), file);
        expect(e.issues[0]!.path).toEqual([...p, 'operator']);
      }
    }
  });

  it('rejects NaN, ±Infinity, 1e308, strings, booleans, null and objects where a threshold number belongs', () => {
    const compares = comparePaths(data);
    for (const p of compares.slice(0, 4)) {
      const valuePath = [...p, 'value'];
      for (const bad of NOT_A_THRESHOLD) {
        const e = rejection(edit(data, p, (o) => { o.value = bad; }), file);
        expect(e.issues.map((i) => i.path), String(bad)).toContainEqual(valuePath);
      }
      // Through text: 1e400 parses as Infinity; NaN is not JSON at all.
      const raw = JSON.stringify(edit(data, p, (o) => { o.value = 424242.4242; }));
      expect(rejection(raw.replace('424242.4242', '1e400'), file).issues.map((i) => i.path)).toContainEqual(valuePath);
      expect(rejection(raw.replace('424242.4242', '-1e400'), file).issues.map((i) => i.path)).toContainEqual(valuePath);
      expect(rejection(raw.replace('424242.4242', 'NaN'), file).issues[0]).toMatchObject({ code: 'invalid-json', path: [] });
    }
    if (at(data, ['counts'])) {
      const e = rejection(edit(data, ['counts'], (o) => { o.criteria = String(o.criteria); }), file);
      expect(e.issues[0]!.path).toEqual(['counts', 'criteria']);
    }
  });

  it('rejects a key written twice in one object (JSON.parse would keep the last silently)', () => {
    const compares = comparePaths(data);
    const p = compares[0] ?? [];
    const field = compares[0] ? 'value' : 'id';
    const once = JSON.stringify(edit(data, p, (o) => { o[field] = 424242; }));
    const twice = once.replace(`"${field}":424242`, `"${field}":424242,"${field}":1`);
    const e = rejection(twice, file);
    expect(e.issues[0]).toMatchObject({ code: 'duplicate-key', path: [...p, field] });
    // Escaped spellings of the same key are the same key.
    const escaped = once.replace(`"${field}":424242`, `"${field}":424242,"\\u00${field.charCodeAt(0).toString(16)}${field.slice(1)}":1`);
    expect(rejection(escaped, file).issues[0]).toMatchObject({ code: 'duplicate-key', path: [...p, field] });
  });

  it('rejects nesting 10,000 deep at every level, without exhausting the stack', () => {
    for (const point of points.slice(0, 6)) {
      for (const shape of ['array', 'object'] as const) {
        const e = rejection(textWithDeepValue(data, point, shape), file);
        expect(e.issues[0]!.code).toBe('too-deep');
        expect(e.issues[0]!.path.slice(0, point.length + 1)).toEqual([...point, 'nested']);
        expect(e.issues[0]!.path).toHaveLength(MAX_RULE_DEPTH);
      }
    }
  });
});

describe.each(SET_FILES.map((f) => [f] as const))('hostile variants of the set file %s', (file) => {
  const data = JSON.parse(readRepoText(file)) as Json;

  it('rejects duplicate indicator codes and criterion numbers at their paths', () => {
    const criteria = (data as { criteria: Array<{ indicators: unknown[] }> }).criteria;
    const ci = criteria.findIndex((c) => c.indicators.length > 0);
    if (ci >= 0) {
      const dup = edit(data, ['criteria', ci, 'indicators'], (list) => {
        (list as unknown as unknown[]).push(structuredClone((list as unknown as unknown[])[0]));
      });
      const n = criteria[ci]!.indicators.length;
      const e = rejection(dup, file);
      expect(e.issues).toContainEqual(expect.objectContaining({ path: ['criteria', ci, 'indicators', n, 'code'], message: expect.stringContaining('duplicate indicator code') }));
    }
    if (criteria.length > 1) {
      const dup = edit(data, ['criteria', 1], (c) => { c.number = (criteria[0] as unknown as { number: string }).number; });
      expect(rejection(dup, file).issues).toContainEqual(expect.objectContaining({ path: ['criteria', 1, 'number'], message: expect.stringContaining('duplicate criterion number') }));
    }
  });

});

describe('files too big, too many values, cycles', () => {
  const file = 'hostile.json';

  it('refuses a 50 MB file before parsing it', () => {
    const big = `{"id":"x/y/z","notes":["${'x'.repeat(50_000_000)}"]}`;
    // Not parsed: the size is checked before any parsing (no timing, which a busy machine breaks).
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const e = rejection(big, file);
      expect(e.issues[0]).toMatchObject({ code: 'too-large', path: [] });
      expect(e.issues[0]!.message).toContain(String(MAX_RULE_FILE_CHARS));
      expect(parse.mock.calls.some(([text]) => text === big)).toBe(false);
    } finally {
      parse.mockRestore();
    }
  });

  it(`refuses more than ${MAX_RULE_VALUES} values with bounded memory (1.2 million empty criteria in 3.6 MB)`, () => {
    const many = `{"criteria":[${Array(1_200_000).fill('{}').join(',')}]}`;
    expect(many.length).toBeLessThan(MAX_RULE_FILE_CHARS);
    const heap = process.memoryUsage().heapUsed;
    const e = rejection(many, file);
    expect(e.issues).toEqual([expect.objectContaining({ code: 'too-many-values', path: [] })]);
    // Without the bound this exhausts a 4 GB heap in schema validation.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(400_000_000);
  });

  it('refuses nesting a million deep (JSON.parse itself overflows; still a typed error)', () => {
    const e = rejection('['.repeat(1_000_000) + ']'.repeat(1_000_000), file);
    expect(['invalid-json', 'too-deep']).toContain(e.issues[0]!.code);
  });

  it('refuses a cyclic object built in code as too deep, instead of looping', () => {
    const cyclic: Record<string, unknown> = { id: 'x/y/z' };
    cyclic.criteria = [cyclic];
    expect(rejection(cyclic, file).issues[0]!.code).toBe('too-deep');
  });

  it('refuses text that is not JSON, empty text, and non-objects, with a typed error', () => {
    for (const bad of ['', ' ', '{', 'null', '[]', '"x"', '42', '\ufeff', 'undefined', '{"id": 1,}']) {
      expectTypedError(thrownBy(() => loadCriterionSet(bad, { file })));
    }
  });

  it('returns a frozen set: a loaded set cannot be altered afterwards', () => {
    const set = loadCriterionSet(readRepoText(FILES[0]!), { file: FILES[0]! });
    expect(() => {
      (set.criteria as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (set as unknown as Record<string, unknown>).id = 'other';
    }).toThrow(TypeError);
  });
});
