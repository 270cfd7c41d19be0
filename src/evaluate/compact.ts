import type { CommuneResult, DimensionBasis, VerdictState } from '../schema/result.js';
import type { CriterionVerdict, Verdict } from '../schema/input.js';
import { assembleResult, type AssembleOptions, type Comparisons } from './assemble.js';
import type { NormalizedIndicator, NormalizedInput } from './normalize.js';
import type { PreparedContext, PreparedSet } from './prepare.js';
import { communeStatus, criterionState, criterionStatus, openKind, type IndicatorsOutcome } from './status.js';

/*
 * The compact form of results. An evaluation decides every status at once, but 100,000 results
 * with 57 explained indicators each do not fit in memory as objects (≈ 9 KB a result), and
 * building them is most of an evaluation's time. So an evaluation writes each indicator's value
 * into a Float64Array and its value kind, verdict and comparison into one byte; the result is a
 * plain object whose `criteria` (and `why`) are own enumerable getters that build the explanation
 * with the one assembly code (assembleResult) the first time they are read, and keep it. The
 * result is still plain data to every reader: JSON.stringify, structuredClone, spread and deep
 * equality read getters as values.
 */

/** Value kind, bits 0–1 of an indicator's flag byte. */
const KIND_NONE = 0;
const KIND_NUMBER = 1;
const KIND_TRUE = 2;
const KIND_FALSE = 3;
/** Verdict, bits 2–3 (0 none). */
const VERDICT_SHIFT = 2;
const VERDICTS: readonly (Verdict | null)[] = [null, 'met', 'not-met', 'not-applicable'];
/** Comparison, bits 4–5: 0 none (no value or unknown requirement), 1 met, 2 not met. */
const CMP_SHIFT = 4;
/** Bit 6: the not-met verdict was recorded "cơ bản đạt" (basically met), which decides as not met. */
const BASICALLY_MET = 1 << 6;

/** The flag byte of a verdict. */
export const VERDICT_FLAG: Readonly<Record<Verdict, number>> = {
  met: 1 << VERDICT_SHIFT,
  'not-met': 2 << VERDICT_SHIFT,
  'basically-met': (2 << VERDICT_SHIFT) | BASICALLY_MET,
  'not-applicable': 3 << VERDICT_SHIFT,
};
/** The flag byte of a comparison. */
export const CMP_MET = 1 << CMP_SHIFT;
export const CMP_NOT_MET = 2 << CMP_SHIFT;
export { KIND_NUMBER, KIND_TRUE, KIND_FALSE };

/**
 * Rows of indicator data for consecutive results of one pipeline. A kept result keeps its block
 * alive: blocks are small (at most {@link MAX_BLOCK_ROWS} rows) so that keeping a few results of
 * a large batch does not keep the whole batch.
 */
export class CompactBlock {
  readonly values: Float64Array;
  readonly flags: Uint8Array;
  used = 0;
  constructor(
    readonly width: number,
    readonly rows: number,
  ) {
    this.values = new Float64Array(width * rows);
    this.flags = new Uint8Array(width * rows);
  }
}

export const MAX_BLOCK_ROWS = 512;

/** The rest of a normalised input, beside its row (a result keeps its context, criterion verdicts and notes). */
export interface CompactHeader {
  communeId: string;
  name?: string;
  year: number;
  context: PreparedContext;
  /** How each dimension's value was obtained (shared, frozen). */
  dimensionBasis: Readonly<Record<string, DimensionBasis>>;
  /** Criterion verdicts by criterion index, `null` when none was given. */
  criteria: ReadonlyArray<CriterionVerdict | undefined> | null;
  /** Notes by flat indicator index, `null` when none was given. */
  notes: ReadonlyMap<number, string> | null;
}

/** Per set: whether each criterion's indicator list is complete (a met criterion needs it). */
const completeBySet = new WeakMap<PreparedSet, Uint8Array>();
function completeFlags(prepared: PreparedSet): Uint8Array {
  let flags = completeBySet.get(prepared);
  if (!flags) {
    flags = Uint8Array.from(prepared.criteria, (c) => (c.indicatorList === 'complete' ? 1 : 0));
    completeBySet.set(prepared, flags);
  }
  return flags;
}

/**
 * Writes a normalised input and its comparisons into row `row` of `block` (the slow paths: the
 * schema-validated input, the json-rules-engine comparisons) and returns its header.
 */
export function encodeNormalized(block: CompactBlock, row: number, input: NormalizedInput, comparisons: Comparisons): CompactHeader {
  const { width, values, flags } = block;
  const base = row * width;
  let notes: Map<number, string> | null = null;
  for (let i = 0; i < width; i++) {
    const data = input.indicators[i];
    const cmp = comparisons[i] ?? null;
    let f = cmp === null ? 0 : cmp ? CMP_MET : CMP_NOT_MET;
    values[base + i] = 0;
    if (data !== undefined) {
      const v = data.value;
      if (typeof v === 'number') {
        f |= KIND_NUMBER;
        values[base + i] = v;
      } else if (v === true) f |= KIND_TRUE;
      else if (v === false) f |= KIND_FALSE;
      if (data.verdict !== null) f |= VERDICT_FLAG[data.verdict];
      if (data.note !== undefined) (notes ??= new Map()).set(i, data.note);
    }
    flags[base + i] = f;
  }
  const anyCriterion = input.criteria.some((v) => v !== undefined);
  return {
    communeId: input.communeId,
    ...(input.name === undefined ? {} : { name: input.name }),
    year: input.year,
    context: input.context,
    dimensionBasis: input.dimensionBasis,
    criteria: anyCriterion ? input.criteria : null,
    notes,
  };
}

/** The normalised input and comparisons a row holds: what {@link assembleResult} reads. */
function decode(prepared: PreparedSet, header: CompactHeader, block: CompactBlock, row: number): { input: NormalizedInput; comparisons: Comparisons } {
  const { width, values, flags } = block;
  const base = row * width;
  const indicators = new Array<NormalizedIndicator | undefined>(width);
  const comparisons = new Array<boolean | null>(width);
  for (let i = 0; i < width; i++) {
    const f = flags[base + i]!;
    const kind = f & 3;
    const verdict = (f & BASICALLY_MET) !== 0 ? 'basically-met' : VERDICTS[(f >> VERDICT_SHIFT) & 3]!;
    const cmp = (f >> CMP_SHIFT) & 3;
    comparisons[i] = cmp === 0 ? null : cmp === 1;
    const note = header.notes?.get(i);
    if (kind === KIND_NONE && verdict === null && note === undefined) continue;
    const value = kind === KIND_NUMBER ? values[base + i]! : kind === KIND_TRUE ? true : kind === KIND_FALSE ? false : null;
    indicators[i] = note === undefined ? { value, verdict } : { value, verdict, note };
  }
  const input: NormalizedInput = {
    communeId: header.communeId,
    ...(header.name === undefined ? {} : { name: header.name }),
    year: header.year,
    region: header.context.region,
    context: header.context,
    dimensionBasis: header.dimensionBasis,
    indicators,
    criteria: header.criteria ?? new Array(prepared.criteria.length),
  };
  return { input, comparisons };
}

/**
 * What a criterion's indicators decide, read from a row: each indicator's verdict stands over the
 * comparison of its value; the criterion is then decided by the one status rule (status.ts).
 */
function rowOutcome(flags: Uint8Array, base: number, start: number, end: number, complete: boolean): IndicatorsOutcome {
  let allApplicableMet = true;
  for (let i = start; i < end; i++) {
    const f = flags[base + i]!;
    const v = (f >> VERDICT_SHIFT) & 3;
    // The verdict (1 met, 2 not met, 3 not applicable), else the comparison of a value (0: none).
    const s = v !== 0 ? v : (f & 3) !== KIND_NONE ? (f >> CMP_SHIFT) & 3 : 0;
    if (s === 2) return 'not-met';
    if (s === 0) allApplicableMet = false;
  }
  return complete && allApplicableMet ? 'met' : null;
}

/** Criteria counts of one row, by {@link summarise}: met, not met, undetermined, basically met. */
const counts = new Int32Array(4);

/**
 * The commune's criteria counts from a row into {@link counts}, by the one status rule: what the
 * indicators decide, unless the criterion itself has a verdict.
 */
function summarise(prepared: PreparedSet, header: CompactHeader, block: CompactBlock, row: number): void {
  const base = row * block.width;
  const complete = completeFlags(prepared);
  const ranges = prepared.criterionRanges;
  counts.fill(0);
  for (let ci = 0; ci < ranges.length; ci++) {
    const verdict = header.criteria === null ? undefined : header.criteria[ci];
    const [start, end] = ranges[ci]!;
    // A criterion verdict stands: its indicators need not be read.
    const status = criterionStatus(verdict, verdict === undefined ? rowOutcome(block.flags, base, start, end, complete[ci] === 1) : null);
    counts[status === 'met' ? 0 : status === 'not-met' ? 1 : 2]!++;
    if (verdict === 'basically-met') counts[3]!++;
  }
}

/**
 * What a compact result's getters read: its row and, once built, its full result. It hangs on the
 * result under a symbol, not enumerable, so JSON, structuredClone, spread, Object.keys and deep
 * equality never see it — and every result shares the same two getter functions: an accessor
 * that differed per object (a closure) would put each result in dictionary mode (≈ 0.6 KB more,
 * 3× slower to make).
 */
interface RowState {
  readonly prepared: PreparedSet;
  readonly block: CompactBlock;
  readonly row: number;
  readonly options: AssembleOptions;
  /** The header's fields the result does not hold itself. */
  readonly context: PreparedContext;
  readonly criteria: CompactHeader['criteria'];
  readonly notes: CompactHeader['notes'];
  full: CommuneResult | undefined;
}

const ROW_STATE = Symbol('ntm-rules.compact-row');

/** The full result of a compact result's row, by the one assembly code, built once. */
function fullResult(result: CommuneResult): CommuneResult {
  const state = (result as unknown as { [ROW_STATE]: RowState })[ROW_STATE];
  if (state.full === undefined) {
    const { communeId, name, year, dimensionBasis } = result;
    const header: CompactHeader = { communeId, ...(name === undefined ? {} : { name }), year, context: state.context, dimensionBasis: dimensionBasis!, criteria: state.criteria, notes: state.notes };
    const { input, comparisons } = decode(state.prepared, header, state.block, state.row);
    state.full = assembleResult(state.prepared, input, comparisons, state.options);
  }
  return state.full;
}

const CRITERIA_GETTER: PropertyDescriptor = {
  get(this: CommuneResult) {
    return fullResult(this).criteria;
  },
  enumerable: true,
  configurable: true,
};
const WHY_GETTER: PropertyDescriptor = {
  get(this: CommuneResult) {
    return fullResult(this).why;
  },
  enumerable: true,
  configurable: true,
};

/**
 * The result of row `row`: status and counts now, the criteria (and the reasons of an
 * undetermined commune) built on first read. Its fields, their order and values are those of
 * {@link assembleResult} on the same data (tests/evaluate/compact.test.ts checks it).
 */
export function compactResult(prepared: PreparedSet, header: CompactHeader, block: CompactBlock, row: number, options: AssembleOptions): CommuneResult {
  summarise(prepared, header, block, row);
  const met = counts[0]!;
  const notMet = counts[1]!;
  const undetermined = counts[2]!;
  const basicallyMet = counts[3]!;
  const status = communeStatus(notMet, undetermined);
  const { communeId, name, year, context, dimensionBasis } = header;
  const setId = prepared.set.id;
  const region = context.region;
  const dimensions = context.values as Record<string, string | null>;
  // Two literals (with or without a name) and the same definitions in the same order, so that
  // results of one shape share a hidden class.
  const result = (
    name === undefined
      ? { communeId, setId, year, region, dimensions, dimensionBasis, status, criteriaMet: met, criteriaNotMet: notMet, criteriaUndetermined: undetermined, criteriaBasicallyMet: basicallyMet }
      : { communeId, name, setId, year, region, dimensions, dimensionBasis, status, criteriaMet: met, criteriaNotMet: notMet, criteriaUndetermined: undetermined, criteriaBasicallyMet: basicallyMet }
  ) as CommuneResult;
  Object.defineProperty(result, 'criteria', CRITERIA_GETTER);
  if (status === 'undetermined') Object.defineProperty(result, 'why', WHY_GETTER);
  // The header itself is not kept: the result holds its id, name and year.
  const state: RowState = { prepared, block, row, options, context, criteria: header.criteria, notes: header.notes, full: undefined };
  Object.defineProperty(result, ROW_STATE, { value: state });
  // Frozen as the types say (the explanation, once built, is frozen too); the state is not.
  return Object.freeze(result);
}

/**
 * What a results table shows of a commune, read from its row without building the explanation:
 * each criterion's state, the open indicator codes by kind (status.ts `openKind`), and the
 * conflicts between a verdict and the data — the lists `communeCodes` (report/model.ts) reads
 * from a built result, in the same order.
 */
export interface ResultOutline {
  /** By criterion index: the status with "cơ bản đạt" told apart. */
  criterionState: VerdictState[];
  notMet: string[];
  missing: string[];
  thresholdUnknown: string[];
  /** In criterion order: the criterion's own conflict (`code: null`) before its indicators'. */
  conflicts: Array<{ criterion: string; code: string | null }>;
}

/** The indicator status a flag byte stands for, as `indicatorResult` (assemble.ts) decides it. */
const STATUS_OF_VERDICT = [undefined, 'met', 'not-met', 'not-applicable'] as const;

/** The outline of a row (see {@link ResultOutline}). */
export function outlineOfRow(prepared: PreparedSet, header: CompactHeader, block: CompactBlock, row: number): ResultOutline {
  const flags = block.flags;
  const base = row * block.width;
  const complete = completeFlags(prepared);
  const out: ResultOutline = { criterionState: new Array(prepared.criteria.length), notMet: [], missing: [], thresholdUnknown: [], conflicts: [] };
  for (let ci = 0; ci < prepared.criteria.length; ci++) {
    const [start, end] = prepared.criterionRanges[ci]!;
    const number = prepared.criteria[ci]!.number;
    const outcome = rowOutcome(flags, base, start, end, complete[ci] === 1);
    const verdict = header.criteria === null ? undefined : header.criteria[ci];
    const status = criterionStatus(verdict, outcome);
    const basis = verdict === undefined ? 'indicators' : 'verdict';
    out.criterionState[ci] = criterionState(status, verdict);
    if (verdict !== undefined && outcome !== null && outcome !== status) out.conflicts.push({ criterion: number, code: null });
    for (let i = start; i < end; i++) {
      const f = flags[base + i]!;
      const verdictCode = (f >> VERDICT_SHIFT) & 3;
      const kind = f & 3;
      const cmp = (f >> CMP_SHIFT) & 3;
      const code = prepared.indicators[i]!.code;
      const indicator = verdictCode !== 0 ? STATUS_OF_VERDICT[verdictCode]! : kind === KIND_NONE ? 'missing' : cmp === 0 ? 'threshold-unknown' : cmp === 1 ? 'met' : 'not-met';
      const open = openKind(status, basis, indicator);
      if (open !== null) out[open].push(code);
      // A verdict other than "not applicable" that the value's comparison contradicts.
      if ((verdictCode === 1 || verdictCode === 2) && cmp !== 0 && cmp !== verdictCode) out.conflicts.push({ criterion: number, code });
    }
  }
  return out;
}
