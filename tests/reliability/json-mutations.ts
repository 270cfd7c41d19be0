/**
 * Helpers that build hostile variants of a valid JSON document: find its objects, add keys
 * (including `__proto__`, which only JSON text can make an own key), replace values.
 */
import type { JsonPath } from '../../src/index.js';

type Json = unknown;

/** The value at `path` in `data`. */
export function at(data: Json, path: JsonPath): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], data);
}

/** A deep copy of `data` with `f` applied to the object at `path`. */
export function edit(data: Json, path: JsonPath, f: (target: Record<string | number, Json>) => void): Json {
  const copy = structuredClone(data);
  f(at(copy, path) as Record<string | number, Json>);
  return copy;
}

/** Paths to every object (not array) in `data`, breadth first. */
export function objectPaths(data: Json): JsonPath[] {
  const out: JsonPath[] = [];
  const queue: Array<[Json, JsonPath]> = [[data, []]];
  while (queue.length) {
    const [v, p] = queue.shift()!;
    if (v === null || typeof v !== 'object') continue;
    if (!Array.isArray(v)) out.push(p);
    for (const [k, x] of Object.entries(v)) queue.push([x, [...p, Array.isArray(v) ? Number(k) : k]]);
  }
  return out;
}

/** Paths to every compare requirement (objects with `kind: "compare"`). */
export function comparePaths(data: Json): JsonPath[] {
  return objectPaths(data).filter((p) => (at(data, p) as { kind?: unknown }).kind === 'compare');
}

/**
 * Injection points: the root, and the first object of each distinct shape (identified by its
 * sorted key set), so every kind of object in the document gets a hostile key once.
 */
export function injectionPoints(data: Json): JsonPath[] {
  const seen = new Set<string>();
  const out: JsonPath[] = [];
  for (const p of objectPaths(data)) {
    const shape = Object.keys(at(data, p) as object).sort().join(',');
    if (seen.has(shape)) continue;
    seen.add(shape);
    out.push(p);
  }
  return out;
}

/** JSON text of `data` with key `key` (which may be `__proto__`) added to the object at `path`. */
export function textWithKey(data: Json, path: JsonPath, key: string, value: Json): string {
  const marker = '\u0000hostile-key\u0000';
  const copy = edit(data, path, (o) => {
    o[marker] = value;
  });
  return JSON.stringify(copy).replace(JSON.stringify(marker), JSON.stringify(key));
}

/** JSON text of `data` with the object at `path` holding a value nested 10,000 levels deep. */
export function textWithDeepValue(data: Json, path: JsonPath, shape: 'array' | 'object'): string {
  const deep = shape === 'array' ? '['.repeat(10_000) + ']'.repeat(10_000) : '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
  return textWithKey(data, path, 'nested', 424242).replace('"nested":424242', `"nested":${deep}`);
}

/** Values that must never pass where a number belongs. */
export const NOT_A_THRESHOLD: readonly Json[] = [NaN, Infinity, -Infinity, 1e308, -1e308, 1e13, '26.5', '26,5', true, null, {}, [26.5]];

/** Keys that must never pass: engine fields, JSONPath, thenables, serialisation hooks, junk. */
export const UNKNOWN_KEYS: readonly string[] = ['path', 'params', 'fact', 'event', 'priority', 'onSuccess', 'then', 'toJSON', 'unknownField'];

/** Keys naming JavaScript's object machinery. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
