/**
 * The batch loop of the commands that evaluate a data file: rows read and evaluated one at a
 * time, errors located at file, row and column in the run's language.
 */
import { readFile } from 'node:fs/promises';
import type { Lang } from '../requirement/format.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { printable, type NtmIssue } from '../errors.js';
import { DuplicateGuard, EvaluationPipeline, type BatchEntry, type EvaluationEngine } from '../evaluate/pipeline.js';
import type { ResultOutline } from '../evaluate/compact.js';
import { jsonTooDeep, readRows, type SourceRow } from './inputs.js';
import { LIMITS } from './limits.js';
import { issueText } from './messages.js';
import { t } from '../messages/index.js';
import { idKey } from '../evaluate/words.js';
import { progress, type CliIo } from './io.js';
import { SaidError, sayingIn } from './args.js';
import { installGroupDerivation } from '../groups/derivation.js';

/** Replaces an error entry's message with one that names file, row and column of each problem, in the user's language. */
function locateEntry(entry: BatchEntry, row: SourceRow | undefined, firstWhere: ReadonlyMap<string, string>, lang: Lang, set: CriterionSet): BatchEntry {
  const setId = set.id;
  if (!('error' in entry) || row === undefined) return entry;
  const { error } = entry;
  const message = (i: NtmIssue): string => {
    // The library counts inputs; a person looks for the row.
    const first = i.code === 'duplicate-commune' && entry.communeId !== undefined ? firstWhere.get(idKey(entry.communeId)) : undefined;
    if (i.code === 'duplicate-commune') {
      const id = printable(entry.communeId ?? '');
      return lang === 'vi' ? `mã xã "${id}" đã có${first === undefined ? '' : ` ở ${first}`} (so sánh không phân biệt hoa thường, khoảng trắng và ký tự ẩn)` : `communeId "${id}" already appears${first === undefined ? '' : ` at ${first}`} (compared ignoring case, spaces and invisible characters)`;
    }
    return issueText(i, lang, row.input, setId, set);
  };
  const internal = lang === 'vi' ? 'không đánh giá được dòng này' : 'this row could not be evaluated';
  const lines = error.issues.length > 0 ? error.issues.map((i) => `${row.locate(i.path)}: ${message(i)}`) : [`${row.where}: ${error.code === 'INTERNAL_ERROR' ? `${internal}: ${printable(error.message)}` : printable(error.message)}`];
  return { ...entry, error: { ...error, message: lines.join('\n') } };
}

/** The entry of a row the reader could not split into cells: an error naming file, row and column. */
function malformedEntry(index: number, problem: string, input: unknown): BatchEntry {
  const id = (input as { communeId?: unknown } | null)?.communeId;
  return {
    index,
    ...(typeof id === 'string' && id !== '' ? { communeId: id } : {}),
    error: { code: 'INVALID_INPUT', message: problem, issues: [{ code: 'malformed-row', path: [], message: problem }] },
  };
}

/** Options of {@link evaluateFile}. */
export interface EvaluateFileOptions {
  engine?: EvaluationEngine;
  /** Only rows of this year; rows without a year get it. */
  year?: number;
  delimiter?: string;
  sheet?: string;
  ownersOf?: (code: string) => readonly string[];
  /** The row holding the header (detected below title rows by default). */
  headerRow?: number;
  /** Refuse files with columns the reader does not know. */
  strictColumns?: boolean;
  /** Language of the messages (Vietnamese by default). */
  lang?: Lang;
  /** Warnings about the file (unknown columns, skipped title rows). */
  onWarning?: (message: string) => void;
}

/**
 * Evaluates the rows of a data file as they are read: each entry (errors located at their file,
 * row and column) with the input it came from. `skipped()` counts rows of other years.
 */
export function evaluateFile(
  file: string,
  set: CriterionSet,
  options: EvaluateFileOptions = {},
): { entries: AsyncGenerator<{ entry: BatchEntry; input: unknown; outline?: ResultOutline }>; skipped(): number } {
  const { year } = options;
  const rows = readRows(file, {
    set,
    ...(year === undefined ? {} : { defaultYear: year }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.headerRow === undefined ? {} : { headerRow: options.headerRow }),
    ...(options.strictColumns === undefined ? {} : { strictColumns: options.strictColumns }),
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
    lang: options.lang ?? 'vi',
  });
  const lang = options.lang ?? 'vi';
  const firstWhere = new Map<string, string>();
  let skipped = 0;
  // The pipeline behind evaluateCommuneStream, driven row by row: on the compiled path each row
  // is evaluated as it is read, with no promise per row, and its outline comes with it.
  async function* entries(): AsyncGenerator<{ entry: BatchEntry; input: unknown; outline?: ResultOutline }> {
    installGroupDerivation();
    const pipeline = sayingIn(() => new EvaluationPipeline(set, { ...(options.engine ? { engine: options.engine } : {}), ...(options.ownersOf ? { ownersOf: options.ownersOf } : {}) }), {
      'condition-set': () => `${set.id} chỉ có điều kiện, không có tiêu chí để đánh giá từng xã: xã nông thôn mới kiểu mẫu và huyện được đánh giá bằng thư viện (evaluateModelCommune, evaluateDistrict)`,
    });
    const lane = pipeline.lane();
    const guard = new DuplicateGuard();
    let n = 0;
    for await (const row of rows) {
      if (year !== undefined && row.year !== undefined && row.year !== year) {
        skipped++;
        continue;
      }
      const index = n++;
      let id: unknown;
      try {
        id = (row.input as { communeId?: unknown } | null)?.communeId;
      } catch {
        id = undefined;
      }
      if (typeof id === 'string' && !firstWhere.has(idKey(id))) firstWhere.set(idKey(id), row.where);
      const first = guard.see(index, row.input);
      const raw = lane === null ? pipeline.entrySync(index, row.input, first) : await pipeline.entry(index, row.input, lane, first);
      // A row that could not be read as cells is reported as it is, whatever its fragments gave.
      if (row.problem !== undefined) yield { entry: malformedEntry(index, row.problem, row.input), input: row.input };
      else if ('error' in raw) yield { entry: locateEntry(raw, row, firstWhere, lang, set), input: row.input };
      else yield { entry: raw, input: row.input, outline: pipeline.lastOutline() };
    }
  }
  return { entries: entries(), skipped: () => skipped };
}

/** Every entry of a data file, with the inputs (for populations); row errors go to standard error. */
export async function collectEvaluation(file: string, set: CriterionSet, options: EvaluateFileOptions, io: CliIo): Promise<{ entries: BatchEntry[]; inputs: unknown[]; errors: number }> {
  const entries: BatchEntry[] = [];
  const inputs: unknown[] = [];
  let errors = 0;
  const bar = progress(io, 'Evaluated');
  const evaluation = evaluateFile(file, set, options);
  for await (const { entry, input } of evaluation.entries) {
    // Every entry is held until the report is written: past the cap the run is refused first.
    if (entries.length >= LIMITS.reportRows) throw new SaidError(t('io.report.too-many-results', { limit: LIMITS.reportRows }, 'en'), t('io.report.too-many-results', { limit: LIMITS.reportRows }, 'vi'));
    if ('error' in entry) {
      errors++;
      io.err(`${entry.error.message}\n`);
    }
    entries.push(entry);
    inputs.push(input);
    bar.tick(entries.length);
  }
  bar.done();
  // A report of nothing would pass for a report: the run says why and exits 1.
  if (entries.length === 0) {
    io.err(`${noRowEvaluated(file, options.year, evaluation.skipped(), options.lang ?? 'vi')}\n`);
    errors++;
  }
  return { entries, inputs, errors };
}

/** Why a run evaluated no row: the file has none, or none of the year asked for (exit code 1). */
export function noRowEvaluated(file: string, year: number | undefined, skipped: number, lang: Lang): string {
  const shown = printable(file);
  return year !== undefined && skipped > 0 ? t('io.noRowsOfYear', { file: shown, year: String(year), skipped }, lang) : t('io.noRows', { file: shown }, lang);
}

/** The `"set"`, `"plan"`, `"description"` and `"referenceDate"` a JSON data file gives (examples/dak-song-2023.json gives all four). */
export async function jsonFileHeader(file: string): Promise<{ set?: string; plan?: string; description?: string; referenceDate?: string }> {
  if (!file.toLowerCase().endsWith('.json')) return {};
  try {
    const body = await readFile(file, 'utf8');
    // A file too deep is refused by readRows, with its line and column.
    if (jsonTooDeep(body, LIMITS.jsonDepth) !== undefined) return {};
    const data = JSON.parse(body) as Record<string, unknown> | null;
    const text = (k: string): Record<string, string> => (typeof data?.[k] === 'string' ? { [k]: data[k] as string } : {});
    return { ...text('set'), ...text('plan'), ...text('description'), ...text('referenceDate') };
  } catch {
    return {}; // readRows reports unreadable files with their reason.
  }
}
