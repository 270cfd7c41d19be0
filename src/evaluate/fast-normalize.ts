import type { CriterionVerdict } from '../schema/input.js';
import type { NtmIssue } from '../errors.js';
import type { DimensionInput } from '../rules/dimensions.js';
import type { DimensionBasis } from '../schema/result.js';
import { internBasis, resolveDimensions } from './dimensions.js';
import { CMP_MET, CMP_NOT_MET, KIND_FALSE, KIND_NUMBER, KIND_TRUE, VERDICT_FLAG, type CompactBlock, type CompactHeader } from './compact.js';
import { isIndicatorEntry, normalizeValue, numberFits, plainCommuneFields, RAW_STRING_MAX, TAKES_NUMBER_OR_YES_NO, TAKES_YES_NO, valuesTaken, verdictOf } from './normalize.js';
import type { PreparedContext, PreparedSet } from './prepare.js';
import { isNoDataWord, parseCriterionVerdict } from './words.js';

/*
 * normalizeInput and the comparisons in one pass, writing into a compact row, for inputs of the
 * usual shape. It is not a second validator: every decision is taken by the functions the
 * ordinary path uses (plainCommuneFields, normalizeValue, verdictOf, resolveDimensions, the
 * compiled checks), and on anything else — an issue, an entry object with a note, an unknown
 * code — it returns null, so the ordinary path decides and words the error.
 * tests/evaluate/compact.test.ts checks the two paths give equal results on generated inputs.
 */

/** A context and how its dimensions were obtained: what an input's dimensions resolve to. */
interface Resolved {
  context: PreparedContext;
  basis: Readonly<Record<string, DimensionBasis>>;
}

/** Per set: the year span, and what the last inputs looked like. */
interface FastState {
  from: number;
  to: number;
  columnIds: readonly string[];
  /** Resolutions by (year, values given, class, facts); `null` where the resolution reports an issue. */
  contexts: Map<string, Resolved | null>;
  /** The usual case (one column dimension given as a field, no classes, record or facts): by year, then by the column given. */
  byYear: Map<number, Map<unknown, Resolved | null>>;
  /** The indicator keys of the last input and their flat indices: inputs read from one file share them. */
  lastKeys: string[] | null;
  lastIndices: Int32Array;
}

const states = new WeakMap<PreparedSet, FastState>();

/** Per context: the kind of value each indicator takes (`TAKES_*`). */
const takenByContext = new WeakMap<PreparedContext, Uint8Array>();
function takenIn(prepared: PreparedSet, context: PreparedContext): Uint8Array {
  let taken = takenByContext.get(context);
  if (!taken) {
    taken = Uint8Array.from(prepared.indicators, (ind, i) => valuesTaken(ind, context.requirements[i]!));
    takenByContext.set(context, taken);
  }
  return taken;
}
const MAX_CONTEXT_KEYS = 4096;

function stateOf(prepared: PreparedSet): FastState {
  let state = states.get(prepared);
  if (!state) {
    const { set } = prepared;
    state = {
      from: Number(set.effectiveFrom.slice(0, 4)),
      to: set.effectiveTo === undefined ? Infinity : Number(set.effectiveTo.slice(0, 4)),
      columnIds: Object.keys(set.dimensions).filter((id) => set.dimensions[id]!.kind === 'column'),
      contexts: new Map(),
      byYear: new Map(),
      lastKeys: null,
      lastIndices: new Int32Array(0),
    };
    states.set(prepared, state);
  }
  return state;
}

/** Resolves an input's dimensions as normalizeInput does; `null` when that reports an issue. */
function resolve(prepared: PreparedSet, raw: Record<string, unknown>): Resolved | null {
  const dims = resolveDimensions(prepared.set, raw as DimensionInput);
  return dims.issues.length > 0 ? null : { context: prepared.context(dims.values), basis: internBasis(dims.basis) };
}

/** A key part for a text value: `null` when it could collide with another key. */
function part(v: unknown): string | null {
  return typeof v === 'string' && !v.includes('\u0000') && !v.includes('|') ? v : null;
}

/** The context of an input, remembered by the fields the resolution reads; `null`: an issue. */
function contextOf(prepared: PreparedSet, state: FastState, raw: Record<string, unknown>): Resolved | null {
  const classes = raw.classes as readonly string[] | undefined;
  const record = raw.dimensions as Record<string, unknown> | undefined;
  const facts = raw.facts as Record<string, unknown> | undefined;
  if (state.columnIds.length === 1 && (classes === undefined || classes.length === 0) && record === undefined && facts === undefined) {
    const given = raw[state.columnIds[0]!];
    let forYear = state.byYear.get(raw.year as number);
    if (forYear === undefined) state.byYear.set(raw.year as number, (forYear = new Map()));
    let resolved = forYear.get(given);
    if (resolved === undefined) {
      resolved = resolve(prepared, raw);
      if (forYear.size >= MAX_CONTEXT_KEYS) forYear.clear();
      forYear.set(given, resolved);
    }
    return resolved;
  }
  let key = String(raw.year);
  let memo = classes === undefined || classes.length <= 1;
  for (const id of state.columnIds) {
    const given = raw[id];
    if (given === undefined) key += '|';
    else {
      const p = part(given);
      if (p === null) memo = false;
      key += `|=${p}`;
    }
  }
  if (classes !== undefined && classes.length === 1) {
    const p = part(classes[0]);
    if (p === null) memo = false;
    key += `|c${p}`;
  }
  // The record and the facts in their own order: another order only misses the memo.
  if (record !== undefined) {
    for (const id in record) {
      const p = part(id);
      const v = part(record[id]);
      if (p === null || v === null) memo = false;
      key += `|d${p}\u0000${v}`;
    }
  }
  if (facts !== undefined) {
    for (const id in facts) {
      const p = part(id);
      const v = facts[id];
      const t = typeof v;
      if (p === null || !(v === null || t === 'number' || t === 'boolean' || part(v) !== null)) memo = false;
      key += `|f${p}\u0000${t === 'string' ? 's' : ''}${String(v)}`;
    }
  }
  if (memo) {
    const hit = state.contexts.get(key);
    if (hit !== undefined) return hit;
  }
  const resolved = resolve(prepared, raw);
  if (memo) {
    if (state.contexts.size >= MAX_CONTEXT_KEYS) state.contexts.clear();
    state.contexts.set(key, resolved);
  }
  return resolved;
}

/** Whether Object.prototype has an enumerable key (someone assigned to it): for-in would read it. */
function prototypeHasEnumerableKeys(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/** Criterion verdicts by index, or `false` for anything the ordinary path would report. */
function criteriaOf(prepared: PreparedSet, map: Record<string, string>): Array<CriterionVerdict | undefined> | null | false {
  let out: Array<CriterionVerdict | undefined> | null = null;
  for (const number of Object.keys(map)) {
    const ci = prepared.criterionIndexByNumber.get(number);
    if (ci === undefined) return false;
    const word = map[number]!;
    if (isNoDataWord(word)) continue;
    const v = parseCriterionVerdict(word);
    if (v === null) return false;
    (out ??= new Array(prepared.criteria.length))[ci] = v;
  }
  return out;
}

/** Issues of a value the fast path declines (never reported from here). */
const scratch: NtmIssue[] = [];

/**
 * Normalises `raw` and compares its values into row `row` of `block`, as normalizeInput and the
 * compiled comparisons would; returns the row's header, or `null` to leave the input to the
 * ordinary path (which reports whatever is wrong with it).
 */
export function normalizeCompact(prepared: PreparedSet, raw: unknown, block: CompactBlock, row: number): CompactHeader | null {
  if (!plainCommuneFields(raw, false)) return null;
  const state = stateOf(prepared);
  const year = raw.year as number;
  if (year < state.from || year > state.to) return null;
  const resolved = contextOf(prepared, state, raw);
  if (resolved === null) return null;
  const { context, basis: dimensionBasis } = resolved;
  const criteria = raw.criteria === undefined ? null : criteriaOf(prepared, raw.criteria as Record<string, string>);
  if (criteria === false) return null;

  const { width, values, flags } = block;
  const base = row * width;
  flags.fill(0, base, base + width);
  const map = raw.indicators as Record<string, unknown> | undefined;
  let notes: Map<number, string> | null = null;
  if (map !== undefined) {
    // for-in reads an object's properties without allocating; it also walks inherited keys,
    // so an Object.prototype given enumerable keys leaves the input to the ordinary path.
    if (prototypeHasEnumerableKeys()) return null;
    const { checks, requirements } = context;
    const taken = takenIn(prepared, context);
    const last = state.lastKeys;
    const lastIndices = state.lastIndices;
    // The keys in order, collected only from where they first differ from the last input's.
    let seen: string[] | null = null;
    let n = 0;
    for (const code in map) {
      const k = n++;
      let idx: number;
      if (seen === null && last !== null && k < last.length && last[k] === code) idx = lastIndices[k]!;
      else {
        seen ??= last === null ? [] : last.slice(0, k);
        seen.push(code);
        const found = prepared.indexByCode.get(code);
        if (found === undefined) return null;
        idx = found;
      }
      const entry = map[code];
      let value: number | boolean | null;
      if (typeof entry === 'number') {
        const takes = taken[idx]!;
        if (takes < TAKES_NUMBER_OR_YES_NO || !numberFits(takes, entry)) return null;
        value = entry;
      } else if (typeof entry === 'boolean') {
        const takes = taken[idx]!;
        if (takes !== TAKES_YES_NO && takes !== TAKES_NUMBER_OR_YES_NO) return null;
        value = entry;
      } else if (typeof entry === 'string') {
        if (entry.length > RAW_STRING_MAX) return null;
        // "Chưa có số liệu" (no data yet): missing data for this indicator only.
        if (isNoDataWord(entry)) continue;
        // A bare "Đạt" / "Không đạt" is the agency's verdict.
        const verdict = verdictOf(entry);
        if (verdict !== null) {
          flags[base + idx] = VERDICT_FLAG[verdict];
          continue;
        }
        value = normalizeValue(prepared.indicators[idx]!, requirements[idx]!, entry, false, scratch);
      } else if (entry === null) {
        continue;
      } else {
        // `{ value?, verdict?, note? }`: an agency's verdict beside the value, or a note.
        if (!isIndicatorEntry(entry)) return null;
        const { value: given, verdict: word, note } = entry as { value?: string | number | boolean | null; verdict?: string | null; note?: string };
        let f = 0;
        if (word !== undefined && word !== null) {
          const verdict = verdictOf(word);
          if (verdict === null) return null;
          f = VERDICT_FLAG[verdict];
        }
        value = given === undefined || given === null ? null : normalizeValue(prepared.indicators[idx]!, requirements[idx]!, given, true, scratch);
        if (value === null && given !== undefined && given !== null) {
          scratch.length = 0;
          return null;
        }
        if (note !== undefined) (notes ??= new Map()).set(idx, note);
        if (value !== null) {
          const check = checks[idx];
          f |= check ? (check(value) ? CMP_MET : CMP_NOT_MET) : 0;
          if (typeof value === 'number') {
            values[base + idx] = value;
            f |= KIND_NUMBER;
          } else f |= value ? KIND_TRUE : KIND_FALSE;
        }
        flags[base + idx] = f;
        continue;
      }
      if (value === null) {
        scratch.length = 0;
        return null;
      }
      const check = checks[idx];
      const cmp = check ? (check(value) ? CMP_MET : CMP_NOT_MET) : 0;
      if (typeof value === 'number') {
        values[base + idx] = value;
        flags[base + idx] = KIND_NUMBER | cmp;
      } else {
        flags[base + idx] = (value ? KIND_TRUE : KIND_FALSE) | cmp;
      }
    }
    if (seen !== null || last === null || n !== last.length) {
      const keys = seen ?? (last === null ? [] : last.slice(0, n));
      state.lastKeys = keys;
      state.lastIndices = Int32Array.from(keys, (code) => prepared.indexByCode.get(code)!);
    }
  }
  const communeId = raw.communeId as string;
  const name = raw.name as string | undefined;
  return name === undefined ? { communeId, year, context, dimensionBasis, criteria, notes } : { communeId, name, year, context, dimensionBasis, criteria, notes };
}
