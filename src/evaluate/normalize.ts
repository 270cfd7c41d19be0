import { CommuneInputSchema, FactValueSchema, IndicatorInputSchema, type CriterionVerdict, type ParsedCommuneInput, type RawValue, type Verdict } from '../schema/input.js';
import { checkedCommuneInput } from './input.js';
import { boundedIssues } from './input-guard.js';
import type { RegionCode } from '../schema/common.js';
import type { Indicator } from '../schema/criterion-set.js';
import type { Requirement } from '../schema/result.js';
import { NtmError, issue, type JsonPath, type NtmIssue } from '../errors.js';
import type { PreparedContext, PreparedSet } from './prepare.js';
import { isNoDataWord, parseCount, parseCriterionVerdict, parseDecimal, parseVerdict } from './words.js';
import type { DimensionInput } from '../rules/dimensions.js';
import type { DimensionBasis } from '../schema/result.js';
import { internBasis, resolveDimensions } from './dimensions.js';

/** One indicator's data after normalisation. */
export interface NormalizedIndicator {
  value: number | boolean | null;
  verdict: Verdict | null;
  note?: string;
}

/** A commune input checked against a set: every code known, every value of the right type. */
export interface NormalizedInput {
  communeId: string;
  name?: string;
  year: number;
  region: RegionCode | null;
  context: PreparedContext;
  /** How each dimension's value was obtained (shared, frozen). */
  dimensionBasis: Readonly<Record<string, DimensionBasis>>;
  /** By flat indicator index; `undefined` where no data was given. */
  indicators: ReadonlyArray<NormalizedIndicator | undefined>;
  /** By criterion index. */
  criteria: ReadonlyArray<CriterionVerdict | undefined>;
}

/**
 * Validates a raw commune input against a prepared set and normalises it ("93,5" → 93.5,
 * "Không đạt" → `not-met`). Collects every problem, then throws one `INVALID_INPUT`
 * {@link NtmError} (or `YEAR_OUT_OF_RANGE` when only the year is wrong).
 */
export function normalizeInput(prepared: PreparedSet, raw: unknown): NormalizedInput {
  const input = plainCommuneInput(raw) ?? parseCommuneInput(raw);
  const { set } = prepared;
  const issues: NtmIssue[] = prototypeKeyIssues(raw, set.id);

  const from = Number(set.effectiveFrom.slice(0, 4));
  const to = set.effectiveTo === undefined ? Infinity : Number(set.effectiveTo.slice(0, 4));
  if (input.year < from || input.year > to) {
    throw new NtmError('YEAR_OUT_OF_RANGE', [
      issue('year-out-of-range', ['year'], { set: set.id, year: input.year, from: set.effectiveFrom, ...(set.effectiveTo === undefined ? {} : { to: set.effectiveTo }) }),
    ]);
  }

  const dims = resolveDimensions(set, input as DimensionInput);
  issues.push(...dims.issues);
  const context = prepared.context(dims.values);
  const dimensionBasis = internBasis(dims.basis);
  const region = context.region;

  const indicators: Array<NormalizedIndicator | undefined> = new Array(prepared.indicators.length);
  for (const code of Object.keys(input.indicators)) {
    const idx = prepared.indexByCode.get(code);
    if (idx === undefined) {
      issues.push(issue('unknown-indicator', ['indicators', code], { code, set: set.id }));
      continue;
    }
    const entry = input.indicators[code];
    if (entry === null || entry === undefined) continue;
    // "Chưa có số liệu" (no data yet): missing data for this indicator only.
    if (typeof entry === 'string' && isNoDataWord(entry)) continue;
    const ind = prepared.indicators[idx]!;
    const req = context.requirements[idx]!;
    let rawValue: RawValue | null | undefined;
    let verdict: Verdict | null = null;
    let note: string | undefined;
    if (typeof entry === 'object') {
      rawValue = entry.value;
      note = entry.note;
      if (entry.verdict !== undefined && entry.verdict !== null) {
        verdict = verdictOf(entry.verdict);
        if (verdict === null) issues.push(issue('invalid-verdict', ['indicators', code, 'verdict'], { got: String(entry.verdict), of: 'indicator' }));
      }
    } else if (typeof entry === 'string' && verdictOf(entry) !== null) {
      // A bare "Đạt" / "Không đạt" is how dossiers record an indicator: the agency's verdict.
      verdict = verdictOf(entry);
    } else {
      rawValue = entry;
    }
    const value =
      rawValue === undefined || rawValue === null ? null : normalizeValue(ind, req, rawValue, typeof entry === 'object', issues);
    if (value === null && verdict === null && note === undefined) continue;
    indicators[idx] = note === undefined ? { value, verdict } : { value, verdict, note };
  }

  const criteria: Array<CriterionVerdict | undefined> = new Array(prepared.criteria.length);
  for (const [number, word] of Object.entries(input.criteria ?? {})) {
    const path = ['criteria', number];
    const ci = prepared.criterionIndexByNumber.get(number);
    if (ci === undefined) {
      issues.push(issue('unknown-criterion', path, { number, set: set.id }));
      continue;
    }
    if (isNoDataWord(word)) continue;
    const v = parseCriterionVerdict(word);
    if (v !== null) criteria[ci] = v;
    else issues.push(issue('invalid-verdict', path, { got: word, of: 'criterion' }));
  }

  if (issues.length > 0) throw new NtmError('INVALID_INPUT', boundedIssues(issues));
  return {
    communeId: input.communeId,
    ...(input.name === undefined ? {} : { name: input.name }),
    year: input.year,
    region,
    context,
    dimensionBasis,
    indicators,
    criteria,
  };
}

/**
 * Issues for `__proto__` keys in the input's `indicators` and `criteria` maps. `JSON.parse` makes
 * them own keys, but copying them into a record sets the record's prototype instead, so without
 * this check such an entry would vanish without a word rather than be reported as unknown.
 *
 * @example prototypeKeyIssues(JSON.parse('{"indicators":{"__proto__":{"15.3":5}}}'), set.id) // [unknown-indicator at indicators.__proto__]
 */
function prototypeKeyIssues(raw: unknown, set: string): NtmIssue[] {
  const issues: NtmIssue[] = [];
  const has = (field: string): boolean => {
    const map = (raw as Record<string, unknown>)[field];
    return typeof map === 'object' && map !== null && Object.hasOwn(map, '__proto__');
  };
  if (has('indicators')) issues.push(issue('unknown-indicator', ['indicators', '__proto__'], { code: '__proto__', set }));
  if (has('criteria')) issues.push(issue('unknown-criterion', ['criteria', '__proto__'], { number: '__proto__', set }));
  if (has('dimensions')) issues.push(issue('unknown-dimension', ['dimensions', '__proto__'], { dimension: '__proto__', set }));
  if (has('facts')) issues.push(issue('unknown-fact', ['facts', '__proto__'], { fact: '__proto__' }));
  return issues;
}

/** The input as {@link CommuneInputSchema} parses it, objects of another kind refused; throws `INVALID_INPUT` with every issue. */
function parseCommuneInput(raw: unknown): ParsedCommuneInput {
  return checkedCommuneInput(raw);
}

/**
 * Bounds of the commune input, read from {@link CommuneInputSchema} so that the schema stays their
 * single source. Where a bound cannot be read, it is set so that the shortcut below declines.
 */
const LIMITS = (() => {
  const shape = CommuneInputSchema.shape;
  const [rawValue, entryObject] = IndicatorInputSchema.options;
  const stringMax = rawValue.options[2].maxLength ?? -1;
  const classes = shape.classes.unwrap();
  const classesMax = classes._zod.def.checks?.map((c) => c._zod.def).find((d) => d.check === 'max_length');
  const indicators = shape.indicators.unwrap();
  const criteria = shape.criteria.unwrap();
  return {
    communeIdMin: shape.communeId.minLength ?? Infinity,
    communeIdMax: shape.communeId.maxLength ?? -1,
    nameMax: shape.name.unwrap().maxLength ?? -1,
    yearMin: shape.year.minValue ?? Infinity,
    yearMax: shape.year.maxValue ?? -Infinity,
    regions: new Set<unknown>(shape.region.unwrap().options),
    dimensionKeyMax: shape.dimensions.unwrap().keyType.maxLength ?? -1,
    dimensionValueMin: shape.dimensions.unwrap().valueType.minLength ?? Infinity,
    dimensionValueMax: shape.dimensions.unwrap().valueType.maxLength ?? -1,
    factKeyMax: shape.facts.unwrap().keyType.maxLength ?? -1,
    factStringMax: FactValueSchema.options[0].maxLength ?? -1,
    communeGroupMin: shape.communeGroup.unwrap().minLength ?? Infinity,
    communeGroupMax: shape.communeGroup.unwrap().maxLength ?? -1,
    classesMax: classesMax && 'maximum' in classesMax ? Number(classesMax.maximum) : 0,
    classMax: classes.element.maxLength ?? -1,
    populationMin: shape.population.unwrap().minValue ?? Infinity,
    populationMax: shape.population.unwrap().maxValue ?? -Infinity,
    codeMax: indicators.keyType.maxLength ?? -1,
    stringMax,
    verdictMax: entryObject.shape.verdict.unwrap().unwrap().maxLength ?? -1,
    noteMax: entryObject.shape.note.unwrap().maxLength ?? -1,
    criterionKeyMax: criteria.keyType.maxLength ?? -1,
    criterionWordMax: criteria.valueType.maxLength ?? -1,
  };
})();

const INPUT_KEYS = Object.keys(CommuneInputSchema.shape);

/** The longest text the schema takes as an indicator's value. */
export const RAW_STRING_MAX = LIMITS.stringMax;

/** Whether `x` is an object whose prototype is `Object.prototype` or `null`: JSON-like data. */
function isPlainRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(x).length === 0;
}

function isRawValue(v: unknown): boolean {
  return typeof v === 'number' ? Number.isFinite(v) : typeof v === 'boolean' || (typeof v === 'string' && v.length <= LIMITS.stringMax);
}

const ENTRY_KEYS = ['value', 'verdict', 'note'] as const;

/** Whether `v` is an indicator entry the schema certainly accepts unchanged (a raw value, `null`, or `{ value?, verdict?, note? }`). */
export function isIndicatorEntry(v: unknown): boolean {
  if (v === null || isRawValue(v)) return true;
  if (!isPlainRecord(v)) return false;
  let present = 0;
  for (const key of ENTRY_KEYS) {
    const x = v[key];
    if (x === undefined) {
      if (key in v) return false;
      continue;
    }
    present++;
    if (key === 'value' ? x !== null && !isRawValue(x) : key === 'verdict' ? x !== null && !(typeof x === 'string' && x.length <= LIMITS.verdictMax) : !(typeof x === 'string' && x.length <= LIMITS.noteMax)) return false;
  }
  return enumerableKeyCount(v) === present;
}

/** Own and inherited enumerable keys of `x`: more than the fields read means unknown keys. */
function enumerableKeyCount(x: object): number {
  let n = 0;
  for (const _ in x) n++;
  return n;
}

// Records are read by own enumerable keys, as the schema and normalizeInput both read them.
function isIndicatorMap(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const code of Object.keys(v)) {
    if (code === '__proto__' || code.length > LIMITS.codeMax || !isIndicatorEntry(v[code])) return false;
  }
  return true;
}

function isDimensionMap(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const key of Object.keys(v)) {
    const x = v[key];
    if (key === '__proto__' || key.length > LIMITS.dimensionKeyMax || typeof x !== 'string' || x.length < LIMITS.dimensionValueMin || x.length > LIMITS.dimensionValueMax) return false;
  }
  return true;
}

// Facts are checked by the derivation that reads them; here only what the schema takes.
function isFactMap(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const key of Object.keys(v)) {
    const x = v[key];
    if (key === '__proto__' || key.length > LIMITS.factKeyMax) return false;
    if (!(x === null || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= LIMITS.factStringMax))) return false;
  }
  return true;
}

function isCriterionMap(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const key of Object.keys(v)) {
    const word = v[key];
    if (key === '__proto__' || key.length > LIMITS.criterionKeyMax || typeof word !== 'string' || word.length > LIMITS.criterionWordMax) return false;
  }
  return true;
}

function isFieldValid(key: string, v: unknown, entries: boolean): boolean {
  switch (key) {
    case 'communeId':
      return typeof v === 'string' && v.length >= LIMITS.communeIdMin && v.length <= LIMITS.communeIdMax;
    case 'name':
      return typeof v === 'string' && v.length <= LIMITS.nameMax;
    case 'year':
      return Number.isSafeInteger(v) && (v as number) >= LIMITS.yearMin && (v as number) <= LIMITS.yearMax;
    case 'region':
      return LIMITS.regions.has(v);
    case 'communeGroup':
      return typeof v === "string" && v.length >= LIMITS.communeGroupMin && v.length <= LIMITS.communeGroupMax;
    case 'dimensions':
      return isDimensionMap(v);
    case 'facts':
      return isFactMap(v);
    case 'classes':
      if (!Array.isArray(v) || v.length > LIMITS.classesMax) return false;
      // An index loop, not every(): every() skips holes, which the schema rejects.
      for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string' || v[i].length > LIMITS.classMax) return false;
      return true;
    case 'population':
      return Number.isSafeInteger(v) && (v as number) >= LIMITS.populationMin && (v as number) <= LIMITS.populationMax;
    case 'indicators':
      return entries ? isIndicatorMap(v) : isPlainRecord(v);
    case 'criteria':
      return isCriterionMap(v);
    default:
      return false;
  }
}

/**
 * A shortcut past schema parsing for the common case: the input itself when it is plain JSON-like
 * data that {@link CommuneInputSchema} certainly accepts unchanged, else `null` so that the schema
 * decides and words the errors. It declines anything unusual (another prototype, symbol or
 * `__proto__` keys, `undefined` fields, non-finite numbers), so it never accepts what the schema
 * rejects — tests/evaluate/differential.test.ts checks that on every generated input.
 *
 * @example plainCommuneInput({ communeId: 'x', year: 2023, indicators: { '15.3': 24 } }) // the same object
 * @example plainCommuneInput({ communeId: 'x', year: 2023, extra: 1 }) // null
 */
export function plainCommuneInput(raw: unknown): ParsedCommuneInput | null {
  if (!plainCommuneFields(raw, true)) return null;
  // The schema defaults `indicators` to {}; a copy keeps the caller's object untouched.
  return (raw.indicators === undefined ? { ...raw, indicators: {} } : raw) as ParsedCommuneInput;
}

/**
 * Whether every field of `raw` is one {@link CommuneInputSchema} certainly accepts unchanged, as
 * {@link plainCommuneInput} decides; with `entries` false the entries of `indicators` are left to
 * the caller (the compact path checks each as it reads it), only its being a plain record is checked.
 */
export function plainCommuneFields(raw: unknown, entries: boolean): raw is Record<string, unknown> {
  if (!isPlainRecord(raw)) return false;
  // Named reads (one hidden class per file of inputs) rather than a loop over INPUT_KEYS; the
  // check below keeps this list equal to the schema's fields.
  const { communeId, name, year, region, communeGroup, dimensions, facts, classes, population, indicators, criteria } = raw;
  if (!isFieldValid('communeId', communeId, entries) || !isFieldValid('year', year, entries)) return false;
  let present = 2;
  if (name !== undefined) {
    if (!isFieldValid('name', name, entries)) return false;
    present++;
  }
  if (region !== undefined) {
    if (!isFieldValid('region', region, entries)) return false;
    present++;
  }
  if (communeGroup !== undefined) {
    if (!isFieldValid('communeGroup', communeGroup, entries)) return false;
    present++;
  }
  if (dimensions !== undefined) {
    if (!isFieldValid('dimensions', dimensions, entries)) return false;
    present++;
  }
  if (facts !== undefined) {
    if (!isFieldValid('facts', facts, entries)) return false;
    present++;
  }
  if (classes !== undefined) {
    if (!isFieldValid('classes', classes, entries)) return false;
    present++;
  }
  if (population !== undefined) {
    if (!isFieldValid('population', population, entries)) return false;
    present++;
  }
  if (indicators !== undefined) {
    if (!isFieldValid('indicators', indicators, entries)) return false;
    present++;
  }
  if (criteria !== undefined) {
    if (!isFieldValid('criteria', criteria, entries)) return false;
    present++;
  }
  // Any other enumerable key, and a field present but `undefined` (the schema's output would
  // differ), make the count differ: the schema decides those.
  return enumerableKeyCount(raw) === present;
}

/** The fields {@link plainCommuneFields} reads, which must be the schema's: checked at load. */
const READ_FIELDS = ['communeId', 'name', 'year', 'region', 'communeGroup', 'dimensions', 'facts', 'classes', 'population', 'indicators', 'criteria'];
if ([...READ_FIELDS].sort().join() !== [...INPUT_KEYS].sort().join()) {
  throw new Error(`plainCommuneFields reads ${READ_FIELDS.join(', ')} but CommuneInputSchema has ${INPUT_KEYS.join(', ')}`);
}

/** Verdict words already read, so each distinct word is folded once (bounded: cleared when full). */
const verdictCache = new Map<string, Verdict | null>();
const VERDICT_CACHE_SIZE = 4096;

/** {@link parseVerdict}, remembered: unfolding accents costs more than the rest of an indicator. */
export function verdictOf(word: string): Verdict | null {
  // Numbers are never verdicts (parseVerdict says so too); caching them would only churn the cache.
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return null;
  let v = verdictCache.get(word);
  if (v === undefined) {
    v = parseVerdict(word);
    if (verdictCache.size >= VERDICT_CACHE_SIZE) verdictCache.clear();
    verdictCache.set(word, v);
  }
  return v;
}

/** Pushes an issue about the value of `ind` (bare, or in an entry's `value`) and returns `null`. */
function valueIssue(issues: NtmIssue[], ind: Indicator, inEntry: boolean, found: (path: JsonPath, indicator: string) => NtmIssue): null {
  issues.push(found(inEntry ? ['indicators', ind.code, 'value'] : ['indicators', ind.code], ind.code));
  return null;
}

/*
 * What values an indicator takes in a context, from its measure and resolved requirement. The
 * ordinary path (normalizeValue) and the compact path (fast-normalize.ts) both decide by these.
 */
/** A category: a verdict only, never a value. */
export const TAKES_VERDICT_ONLY = 0;
/** Yes/no (a boolean measure, or an unknown one whose requirement is "is met"). */
export const TAKES_YES_NO = 1;
/** An unknown measure with an unknown requirement: a number or yes/no. */
export const TAKES_NUMBER_OR_YES_NO = 2;
/** A number (an unknown measure with a numeric requirement). */
export const TAKES_NUMBER = 3;
export const TAKES_PERCENT = 4;
export const TAKES_COUNT = 5;
export const TAKES_AMOUNT = 6;

/** Which of the `TAKES_*` kinds of value an indicator takes under a requirement. */
export function valuesTaken(ind: Indicator, req: Requirement): number {
  const t = ind.measure.type;
  if (t === 'category') return TAKES_VERDICT_ONLY;
  if (t === 'boolean' || (t === 'unknown' && req.kind === 'is-met')) return TAKES_YES_NO;
  if (t === 'unknown') return req.kind === 'unknown' ? TAKES_NUMBER_OR_YES_NO : TAKES_NUMBER;
  return t === 'percent' ? TAKES_PERCENT : t === 'count' ? TAKES_COUNT : TAKES_AMOUNT;
}

/** Whether a number is a valid value of a numeric kind: finite, and in range for its measure. */
export function numberFits(takes: number, n: number): boolean {
  if (!Number.isFinite(n)) return false;
  if (takes === TAKES_PERCENT) return n >= 0 && n <= 100;
  if (takes === TAKES_COUNT) return n >= 0 && Number.isInteger(n);
  if (takes === TAKES_AMOUNT) return n >= 0;
  return true;
}

/**
 * Checks one value against the indicator's measure and requirement; pushes an issue and returns
 * null if wrong. `inEntry`: the value came in an entry's `value` field rather than bare.
 */
export function normalizeValue(
  ind: Indicator,
  req: Requirement,
  raw: RawValue,
  inEntry: boolean,
  issues: NtmIssue[],
): number | boolean | null {
  const takes = valuesTaken(ind, req);
  if (takes === TAKES_VERDICT_ONLY) return valueIssue(issues, ind, inEntry, (p, indicator) => issue('wrong-type', p, { indicator, expects: 'verdict' }));
  if (takes === TAKES_YES_NO) {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string') {
      const v = verdictOf(raw);
      if (v === 'met') return true;
      if (v === 'not-met') return false;
    }
    return valueIssue(issues, ind, inEntry, (p, indicator) => issue('wrong-type', p, { indicator, expects: 'yes-no', got: JSON.stringify(raw) ?? String(raw) }));
  }
  // Numeric measures, and unknown measures whose requirement is numeric or unknown.
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'boolean') {
    if (takes === TAKES_NUMBER_OR_YES_NO) return raw;
    return valueIssue(issues, ind, inEntry, (p, indicator) => issue('wrong-type', p, { indicator, expects: 'number', got: String(raw) }));
  } else {
    // A count may carry thousands separators (9.200); elsewhere "9.200" is a decimal.
    const parsed = (takes === TAKES_COUNT ? parseCount(raw) : null) ?? parseDecimal(raw, { allowPercentSign: takes === TAKES_PERCENT });
    if (parsed === null) return valueIssue(issues, ind, inEntry, (p, indicator) => issue('not-a-number', p, { indicator, got: JSON.stringify(raw) }));
    n = parsed;
  }
  if (numberFits(takes, n)) return n;
  if (!Number.isFinite(n)) return valueIssue(issues, ind, inEntry, (p, indicator) => issue('not-finite', p, { indicator, got: String(n) }));
  const t = ind.measure.type;
  if (takes === TAKES_PERCENT) return valueIssue(issues, ind, inEntry, (p, indicator) => issue('out-of-range', p, { indicator, expects: 'percent', got: String(n) }));
  if (takes === TAKES_COUNT && n >= 0) return valueIssue(issues, ind, inEntry, (p, indicator) => issue('out-of-range', p, { indicator, expects: 'count', got: String(n) }));
  return valueIssue(issues, ind, inEntry, (p, indicator) => issue('out-of-range', p, { indicator, expects: t, got: String(n) }));
}
