import type { z } from 'zod';
import { CriterionSetSchema, type CriterionSet } from '../schema/criterion-set.js';
import { NtmError, issuesFromZod, type JsonPath, type NtmErrorCode, type NtmIssue } from '../errors.js';
import { SetPatchSchema, type SetPatch } from '../schema/patch.js';
import { applySetPatch } from './patch.js';
import { upgradeLegacySet } from './legacy.js';
import { citeDocuments, resolveSourceRefs } from './sources.js';
import { BUNDLED_FINGERPRINTS } from './bundled-fingerprints.js';
import { setDigest } from './set-digest.js';
import type { BundledSetId } from './manifest/index.js';

/** Largest rule or overlay text accepted, in characters. The biggest bundled file is far below. */
export const MAX_RULE_FILE_CHARS = 5_000_000;

/**
 * Deepest nesting a rule, overlay or plan file may have. The deepest legitimate path (a `by` date
 * requirement holding a `by` region one, down to a source field) is about 12 levels.
 */
export const MAX_RULE_DEPTH = 32;

/**
 * Most values (objects, arrays and scalars) a rule, overlay or plan file may hold. The bundled
 * 1037 file has about 900. The bound exists because schema validation reports several issues per
 * malformed value: a 3.6 MB file of 1.2 million empty objects otherwise exhausts a 4 GB heap.
 */
export const MAX_RULE_VALUES = 20_000;

/** Keys that name JavaScript's object machinery; no rule, overlay or plan file has a use for them. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Recursively freezes plain data so validated sets can be shared between results safely. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Parses rule-file text as JSON, with a size limit. Parsing never runs code; `__proto__` keys stay
 * plain own properties and are rejected here, with nesting deeper than `MAX_RULE_DEPTH` (32)
 * levels, more than `MAX_RULE_VALUES` (20,000) values and keys written twice. Errors carry `code` (`INVALID_RULE_FILE`, or the overlay's or plan's code).
 *
 * @example parseRuleText('{"id": "a", "id": "b"}', 'set.json') // throws: $.id: key "id" appears more than once
 */
export function parseRuleText(text: string, file?: string, code: NtmErrorCode = 'INVALID_RULE_FILE'): unknown {
  if (typeof text !== 'string') {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'not-text', path: [], message: `expected the file's text, got ${text === null ? 'null' : typeof text}` }], file === undefined ? {} : { file });
  }
  if (text.length > MAX_RULE_FILE_CHARS) {
    throw new NtmError(code, [{ code: 'too-large', path: [], message: `file has ${text.length} characters; the limit is ${MAX_RULE_FILE_CHARS}` }], file === undefined ? {} : { file });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new NtmError(code, [{ code: 'invalid-json', path: [], message: (e as Error).message }], file === undefined ? {} : { file });
  }
  // Structure first: it bounds the work the duplicate-key scan and the schemas do.
  assertRuleStructure(data, file, code);
  const duplicates = duplicateKeyIssues(body);
  if (duplicates.length > 0) throw new NtmError(code, duplicates, file === undefined ? {} : { file });
  return data;
}

/**
 * Problems with the shape of parsed rule data that must be caught before schema validation:
 * nesting deeper than `MAX_RULE_DEPTH` (32) (or a cycle, in objects built in code), more than
 * `MAX_RULE_VALUES` (20,000) values, and `__proto__` / `constructor` / `prototype` keys. Iterative,
 * so no input can exhaust the call stack; stops at the first bound exceeded.
 *
 * @example ruleStructureIssues({ a: { __proto__: 1 } }) // after JSON.parse: [{ code: 'forbidden-key', path: ['a', '__proto__'], … }]
 */
export function ruleStructureIssues(data: unknown): NtmIssue[] {
  const issues: NtmIssue[] = [];
  const stack: Array<{ value: unknown; path: JsonPath }> = [{ value: data, path: [] }];
  let values = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++values > MAX_RULE_VALUES) {
      issues.push({ code: 'too-many-values', path: [], message: `more than ${MAX_RULE_VALUES} values; no rule, overlay or plan file needs so many` });
      break;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_RULE_DEPTH) {
      issues.push({ code: 'too-deep', path, message: `nested deeper than ${MAX_RULE_DEPTH} levels` });
      break;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ code: 'forbidden-key', path: [...path, key], message: `"${key}" is not allowed as a key` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** Throws an {@link NtmError} (`code`) with the {@link ruleStructureIssues} of `data`, if any. */
function assertRuleStructure(data: unknown, file: string | undefined, code: NtmErrorCode): void {
  const issues = ruleStructureIssues(data);
  if (issues.length > 0) throw new NtmError(code, issues, file === undefined ? {} : { file });
}

/**
 * The data of a rule, overlay or plan file, given as JSON text ({@link parseRuleText}) or as an
 * object already parsed by the caller, with the same structural checks either way. Errors carry
 * `code`: `INVALID_RULE_FILE` unless an overlay or plan loader passes its own.
 *
 * @example readRuleData(JSON.parse(text), { file: 'plan.json', code: 'INVALID_PLAN' })
 */
export function readRuleData(json: unknown, options: { file?: string; code?: NtmErrorCode } = {}): unknown {
  const code = options.code ?? 'INVALID_RULE_FILE';
  if (typeof json === 'string') return parseRuleText(json, options.file, code);
  // Objects built in code may be cyclic; the depth bound turns a cycle into a typed error.
  assertRuleStructure(json, options.file, code);
  return json;
}

/**
 * Keys written twice in one object of a JSON text. `JSON.parse` keeps the last one silently, so a
 * reviewer reading the first would approve a value that is never used. Expects valid JSON.
 *
 * @example duplicateKeyIssues('{"a": 1, "a": 2}') // [{ code: 'duplicate-key', path: ['a'], … }]
 */
export function duplicateKeyIssues(text: string): NtmIssue[] {
  const issues: NtmIssue[] = [];
  // One frame per open object or array; `key` / `index` locate the value being read.
  const frames: Array<{ keys: Set<string> | null; key: string | number; expectKey: boolean }> = [];
  const pathOf = (): JsonPath => frames.map((f) => f.key);
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const top = frames[frames.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        top.key = key;
        if (top.keys.has(key)) {
          issues.push({ code: 'duplicate-key', path: pathOf(), message: `key "${key}" appears more than once in this object; only the last would count` });
        }
        top.keys.add(key);
        top.expectKey = false;
      }
      i = j;
    } else if (ch === 0x7b /* { */) {
      frames.push({ keys: new Set(), key: '', expectKey: true });
    } else if (ch === 0x5b /* [ */) {
      frames.push({ keys: null, key: 0, expectKey: false });
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      frames.pop();
    } else if (ch === 0x2c /* , */) {
      const top = frames[frames.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.key = (top.key as number) + 1;
    }
  }
  return issues;
}

/**
 * Makes the loader of one kind of data file (criterion set, plan, …): reads text or an object
 * with the rule files' structural checks, validates it with `schema`, freezes it and remembers it,
 * so the same object is never validated twice. Problems throw `code` with every JSON path. A file
 * kind without its own `prepare` may declare the documents it cites once, in `documents`, and cite
 * them with their provision wherever it gives a source ({@link citeDocuments}).
 *
 * @example const loadPlan = dataFileLoader(PlanSchema, 'INVALID_PLAN');
 */
export function dataFileLoader<S extends z.ZodType, O extends { file?: string } = { file?: string }>(
  schema: S,
  code: NtmErrorCode,
  prepare?: (data: unknown, options: O) => unknown,
): { load: (json: unknown, options?: O) => z.output<S>; isLoaded: (value: unknown) => value is z.output<S> } {
  const loaded = new WeakSet<object>();
  const isLoaded = (value: unknown): value is z.output<S> => typeof value === 'object' && value !== null && loaded.has(value);
  const load = (json: unknown, options: O = {} as O): z.output<S> => {
    if (isLoaded(json)) return json;
    const data = readRuleData(json, { ...options, code });
    const parsed = schema.safeParse(prepare ? prepare(data, options) : citedOrThrow(data, code, options.file));
    if (!parsed.success) {
      throw new NtmError(code, issuesFromZod(parsed.error.issues), options.file === undefined ? {} : { file: options.file });
    }
    const value = deepFreeze(parsed.data) as z.output<S>;
    loaded.add(value as object);
    return value;
  };
  return { load, isLoaded };
}

/** A rule file with its document citations expanded ({@link citeDocuments}); problems throw `code` at their paths. */
function citedOrThrow(data: unknown, code: NtmErrorCode, file: string | undefined): unknown {
  const cited = citeDocuments(data);
  if (cited.issues.length > 0) throw new NtmError(code, cited.issues, file === undefined ? {} : { file });
  return cited.data;
}

/** Options of {@link loadCriterionSetWith}. */
export interface CriterionSetLoadOptions {
  file?: string;
  /** The set a patch file amends, by id (the registry passes the bundled sets). */
  resolveBase?: (id: string) => CriterionSet;
  /** The registry loading its own file: the set is the bundled one by definition. */
  bundled?: true;
}

/**
 * A set file as the schema reads it: a patch applied to its base, an earlier format upgraded,
 * source references replaced by the sources they name. Problems throw `INVALID_RULE_FILE`.
 */
function prepareSetFile(data: unknown, options: CriterionSetLoadOptions): unknown {
  const fail = (issues: NtmIssue[]): never => {
    throw new NtmError('INVALID_RULE_FILE', issues, options.file === undefined ? {} : { file: options.file });
  };
  if (typeof data === 'object' && data !== null && Object.hasOwn(data, 'patchOf')) {
    const parsed = SetPatchSchema.safeParse(data);
    if (!parsed.success) fail(issuesFromZod(parsed.error.issues));
    const patch = parsed.data!;
    // Sources inside the patch are resolved against its own registry before it is applied.
    const refs = resolveSourceRefs({ sources: patch.sources ?? {}, ...(patch.documents === undefined ? {} : { documents: patch.documents }), set: patch.set, criteria: patch.criteria, indicators: patch.indicators, conditions: patch.conditions });
    if (refs.issues.length > 0) fail(refs.issues);
    const resolvedPatch = { ...patch, ...(refs.data as object) } as typeof patch;
    if (!options.resolveBase) fail([{ code: 'unknown-base', path: ['patchOf'], message: `cannot load a patch of "${patch.patchOf}" without its base set` }]);
    let base: CriterionSet;
    try {
      base = options.resolveBase!(patch.patchOf);
    } catch (e) {
      return fail([{ code: 'unknown-base', path: ['patchOf'], message: `the set this patch amends could not be loaded: ${(e as Error).message}` }]);
    }
    const applied = applySetPatch(base, resolvedPatch);
    if (applied.issues.length > 0) fail(applied.issues);
    // Validated here so that a problem is reported where the patch wrote it, not in the result.
    const checked = CriterionSetSchema.safeParse(applied.data);
    if (!checked.success) fail(issuesFromZod(checked.error.issues).map((i) => ({ ...i, path: patchPathOf(i.path, patch, applied.data) })));
    return applied.data;
  }
  const refs = resolveSourceRefs(upgradeLegacySet(data));
  if (refs.issues.length > 0) fail(refs.issues);
  return refs.data;
}

/**
 * Where in a patch a problem of the amended set comes from: an indicator's or criterion's field
 * the patch replaced, or a set field it merged; else the path in the amended set.
 */
function patchPathOf(path: JsonPath, patch: SetPatch, data: Record<string, unknown>): JsonPath {
  const [head, ci, sub, ii, field, ...rest] = path;
  if (head === 'criteria' && typeof ci === 'number') {
    const criterion = (data.criteria as Array<{ number: string; indicators: Array<{ code: string }> }>)[ci];
    if (criterion && sub === 'indicators' && typeof ii === 'number') {
      const code = criterion.indicators[ii]?.code;
      const fields = code === undefined || !Object.hasOwn(patch.indicators, code) ? undefined : patch.indicators[code];
      if (fields && typeof field === 'string' && Object.hasOwn(fields, field)) return ['indicators', code!, field, ...rest];
    }
    const fields = criterion && Object.hasOwn(patch.criteria, criterion.number) ? patch.criteria[criterion.number] : undefined;
    if (fields && typeof sub === 'string' && Object.hasOwn(fields, sub)) return ['criteria', criterion!.number, ...path.slice(2)];
  }
  if (typeof head === 'string' && Object.hasOwn(patch.set, head)) return ['set', ...path];
  return path;
}

const criterionSetFiles = dataFileLoader(CriterionSetSchema, 'INVALID_RULE_FILE', prepareSetFile);

/**
 * Validates a criterion set (an object, or JSON text) and returns it frozen: a set file, or a
 * patch of another set (`patchOf`) resolved with `options.resolveBase`. Most callers want
 * {@link loadCriterionSet} from the registry, which resolves bases among the bundled sets.
 */
export function loadCriterionSetWith(json: unknown, options: CriterionSetLoadOptions = {}): CriterionSet {
  if (criterionSetFiles.isLoaded(json)) return json;
  const set = criterionSetFiles.load(json, options);
  if (options.bundled !== true) refuseBundledIdOfOtherContent(set, options.file);
  return set;
}

/**
 * A set that keeps a bundled set's id with other content would pass, in every report, as the
 * decision it no longer is: refused unless it marks itself a modified copy of that set
 * (`derivedFrom.setId`, the schema's field for a set derived from another), which the reports
 * then say. Every loader passes here — `loadCriterionSet`, the evaluation entry points given a
 * set object, the sets calibration and workbook import build — so each refuses it alike.
 */
function refuseBundledIdOfOtherContent(set: CriterionSet, file: string | undefined): void {
  if (!Object.hasOwn(BUNDLED_FINGERPRINTS, set.id)) return;
  if (set.derivedFrom?.setId === set.id) return;
  const bundled = BUNDLED_FINGERPRINTS[set.id as BundledSetId];
  const digest = setDigest(set);
  if (digest === bundled) return;
  const params = { id: set.id, fingerprint: digest, bundled };
  // The library's English; the CLI and workbook import word it from `params` (catalogue: guard.bundled-id).
  const message = `"id": "${set.id}" is a bundled set's id but the content differs (fingerprint ${digest.slice(0, 12)}…, the bundled set's ${bundled.slice(0, 12)}…): give the edited copy an id of its own, e.g. "${set.id}-modified", or mark it a modified copy with "derivedFrom": { "setId": "${set.id}", "fingerprint": "${bundled}" }`;
  throw new NtmError('INVALID_RULE_FILE', [{ code: 'bundled-id', path: ['id'], message, params }], file === undefined ? {} : { file });
}

/** True when `set` came out of {@link loadCriterionSetWith} (and so needs no new validation). */
export function isValidatedSet(set: unknown): set is CriterionSet {
  return criterionSetFiles.isLoaded(set);
}
