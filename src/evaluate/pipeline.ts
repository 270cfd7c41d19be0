import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneResult, EvaluationErrorRecord } from '../schema/result.js';
import { NtmError } from '../errors.js';
import { loadCriterionSetWith } from '../rules/load.js';
import type { Comparisons } from './assemble.js';
import { CompactBlock, compactResult, encodeNormalized, MAX_BLOCK_ROWS, outlineOfRow, type CompactHeader, type ResultOutline } from './compact.js';
import { compiledComparisons } from './compiled-path.js';
import { normalizeCompact } from './fast-normalize.js';
import type { EngineLane } from './engine-path.js';
import { normalizeInput } from './normalize.js';
import { prepareSet, type PreparedSet } from './prepare.js';
import { idKey } from './words.js';
import { checkOptions, inputErrorOf } from './input-guard.js';

/** What the reference path runs comparisons with: an {@link EngineLane}, loaded on first use. */
export type Lane = Pick<EngineLane, 'comparisons'>;

/**
 * A lane that imports the json-rules-engine path only when it first compares, so the default
 * (compiled) path never loads json-rules-engine and a bundler can leave it out of an app's
 * initial code.
 */
function lazyLane(prepared: PreparedSet): Lane {
  let lane: Promise<EngineLane> | undefined;
  return {
    async comparisons(input) {
      lane ??= import('./engine-path.js').then(({ EngineLane }) => new EngineLane(prepared));
      return (await lane).comparisons(input);
    },
  };
}

/** Which comparison path to run. Both give identical results (a differential test checks). */
export type EvaluationEngine = 'compiled' | 'json-rules-engine';

/** What every evaluation entry point accepts: the same options give the same results everywhere. */
export interface PipelineOptions {
  /** `compiled` (default, fast) or `json-rules-engine` (the reference semantics). */
  engine?: EvaluationEngine;
  /**
   * Evaluate under the version of the given set's kind that is in force on this date
   * (`yyyy-MM-dd`). A set object you pass is itself a candidate. None in force: `NO_SET_IN_FORCE`.
   */
  asOf?: string | Date;
  /** Owning agencies per indicator code; the plan layer provides it from a plan. */
  ownersOf?: (code: string) => readonly string[];
  /**
   * Whether results may share identical frozen indicator results that carry no number (missing
   * data, verdicts, yes/no values) — the default, which keeps 100,000 results small. `false`
   * builds every indicator result afresh. Values are the same either way.
   */
  shareResults?: boolean;
}

/**
 * A set a commune can be evaluated under, validated (an object not validated yet is loaded; a
 * patch needs `loadCriterionSet`, which finds its base). A set with conditions but no criteria
 * (319 model commune) is refused: with no criteria every commune would "meet" it. On a district
 * set this judges its criteria only (its status comes from `evaluateDistrict`). The set in force
 * on a date is resolved before (`setForEvaluation`), so that this module needs no registry.
 *
 * @example evaluableSet(getCriterionSet('national/commune-model/2022')) // throws INVALID_ARGUMENT
 */
export function evaluableSet(given: CriterionSet): CriterionSet {
  const set = loadCriterionSetWith(given);
  if (set.criteria.length === 0) {
    throw new NtmError('INVALID_ARGUMENT', [
      { code: 'condition-set', path: [], message: `${set.id} has no criteria, only conditions: use evaluateModelCommune or evaluateDistrict` },
    ]);
  }
  return set;
}

/** Wraps any thrown value into a plain batch error record, so a batch never loses an entry. */
export function errorRecord(index: number, communeId: string | undefined, e: unknown): EvaluationErrorRecord {
  const error =
    e instanceof NtmError
      ? e.toJSON()
      : { code: 'INTERNAL_ERROR', message: e instanceof Error ? e.message : String(e), issues: [] };
  return { index, ...(communeId === undefined ? {} : { communeId }), error };
}

/** The `communeId` of a raw input, if it has a string one (used before validation, for records). */
export function communeIdOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  // A getter that throws makes this input an error entry (normalisation reports it), not the batch.
  try {
    const id = (raw as { communeId?: unknown }).communeId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** One entry of a batch: a result, or the error that kept that input from being evaluated. */
export type BatchEntry = CommuneResult | EvaluationErrorRecord;

/**
 * The one evaluation pipeline: the condition-only guard (at construction, on the set in force that
 * `setForEvaluation` or `setForEvaluationOnDemand` resolved), then
 * per input the duplicate check, normalisation, comparison (compiled or json-rules-engine) and
 * assembly, or an error record. Every entry point — one commune, sync or async, a batch, a stream,
 * a district's criteria — runs through it, so they cannot drift apart.
 */
export class EvaluationPipeline {
  readonly prepared: PreparedSet;
  readonly engine: EvaluationEngine;
  private readonly assemble: { ownersOf?: (code: string) => readonly string[]; share: boolean };
  private block: CompactBlock | undefined;
  /** The row of the last result, for {@link lastOutline}. */
  private last: { header: CompactHeader; block: CompactBlock; row: number } | undefined;

  constructor(set: CriterionSet, options: PipelineOptions = {}) {
    checkOptions(options);
    this.prepared = prepareSet(evaluableSet(set));
    this.engine = options.engine ?? 'compiled';
    this.assemble = {
      ...(options.ownersOf ? { ownersOf: options.ownersOf } : {}),
      share: options.shareResults !== false && options.ownersOf === undefined,
    };
  }

  /** A private json-rules-engine lane (engines keep run state), or `null` on the compiled path. */
  lane(): Lane | null {
    return this.engine === 'compiled' ? null : lazyLane(this.prepared);
  }

  /** One result on the compiled path; throws an {@link NtmError} for bad input. */
  evaluateSync(raw: unknown): CommuneResult {
    const block = this.blockWithRoom();
    const row = block.used;
    let header: CompactHeader;
    try {
      header = normalizeCompact(this.prepared, raw, block, row) ?? this.encoded(block, row, raw, null);
    } catch (e) {
      // A getter or a proxy that throws is the input's problem, said as one (at its path).
      throw inputErrorOf(e, raw);
    }
    block.used++;
    this.last = { header, block, row };
    return compactResult(this.prepared, header, block, row, this.assemble);
  }

  /** One result on the configured path; throws for bad input. */
  async evaluate(raw: unknown, lane: Lane | null = this.lane()): Promise<CommuneResult> {
    if (lane === null) return this.evaluateSync(raw);
    let normalized: ReturnType<typeof normalizeInput>;
    try {
      normalized = normalizeInput(this.prepared, raw);
    } catch (e) {
      throw inputErrorOf(e, raw);
    }
    const comparisons = await lane.comparisons(normalized);
    // The row is taken after the await: lanes running concurrently never share one.
    const block = this.blockWithRoom();
    const row = block.used;
    const header = encodeNormalized(block, row, normalized, comparisons);
    block.used++;
    this.last = { header, block, row };
    return compactResult(this.prepared, header, block, row, this.assemble);
  }

  /**
   * The outline of the last result this pipeline gave (what a results table shows: criterion
   * statuses, open indicator codes, conflicts), read from its row without building its
   * explanation. For writers of large tables that read each result right after it is made.
   */
  lastOutline(): ResultOutline {
    if (this.last === undefined) throw new Error('no result yet');
    const { header, block, row } = this.last;
    return outlineOfRow(this.prepared, header, block, row);
  }

  /** The ordinary path into a row: schema validation, normalisation, the given or compiled comparisons. */
  private encoded(block: CompactBlock, row: number, raw: unknown, comparisons: Comparisons | null) {
    const normalized = normalizeInput(this.prepared, raw);
    return encodeNormalized(block, row, normalized, comparisons ?? compiledComparisons(normalized));
  }

  /**
   * The block the next result is written into. Blocks grow from one row (a single evaluation
   * holds only its own row) to {@link MAX_BLOCK_ROWS} (a batch allocates rarely).
   */
  private blockWithRoom(): CompactBlock {
    if (this.block === undefined || this.block.used === this.block.rows) {
      const rows = this.block === undefined ? 1 : Math.min(MAX_BLOCK_ROWS, this.block.rows * 2);
      this.block = new CompactBlock(this.prepared.indicators.length, rows);
    }
    return this.block;
  }

  /**
   * One batch entry: the result, or an error record at `index` (a duplicate of the entry at
   * `firstIndex` is `DUPLICATE_COMMUNE`). Never throws.
   */
  async entry(index: number, raw: unknown, lane: Lane | null, firstIndex: number | undefined): Promise<BatchEntry> {
    if (lane === null) return this.entrySync(index, raw, firstIndex);
    try {
      if (firstIndex !== undefined && firstIndex !== index) throw duplicateError(communeIdOf(raw)!, firstIndex);
      return await this.evaluate(raw, lane);
    } catch (e) {
      return errorRecord(index, communeIdOf(raw), e);
    }
  }

  /** {@link entry} on the compiled path, without a promise per input. Never throws. */
  entrySync(index: number, raw: unknown, firstIndex: number | undefined): BatchEntry {
    try {
      if (firstIndex !== undefined && firstIndex !== index) throw duplicateError(communeIdOf(raw)!, firstIndex);
      return this.evaluateSync(raw);
    } catch (e) {
      return errorRecord(index, communeIdOf(raw), e);
    }
  }
}

function duplicateError(communeId: string, first: number): NtmError {
  return new NtmError('DUPLICATE_COMMUNE', [
    { code: 'duplicate-commune', path: ['communeId'], message: `communeId "${communeId}" already appears at index ${first}` },
  ]);
}

/**
 * Remembers the first index of each `communeId`: repeats are reported at the repeat, the first
 * occurrence is evaluated. A batch fills it ahead; a stream as it goes (same answers).
 */
export class DuplicateGuard {
  private readonly first = new Map<string, number>();
  /** Records `raw` at `index`; returns the index of its first occurrence. */
  see(index: number, raw: unknown): number | undefined {
    const rawId = communeIdOf(raw);
    if (rawId === undefined) return undefined;
    // Look-alike ids (NFC forms, invisible characters, case, surrounding spaces) are one commune.
    const id = idKey(rawId);
    const seen = this.first.get(id);
    if (seen !== undefined) return seen;
    this.first.set(id, index);
    return index;
  }
}
