/**
 * The commands of `ntm`: argument parsing, reading files, choosing the output. Everything they
 * compute comes from the library; this file only connects it to files and terminals.
 */
import { langFromEnv } from '../messages/index.js';
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../requirement/format.js';
import { resolveRequirement } from '../requirement/resolve.js';
import { RegionCodeSchema, type RegionCode } from '../schema/common.js';
import type { CriterionSet, Indicator } from '../schema/criterion-set.js';
import type { RequirementSpec } from '../schema/requirement.js';
import { NtmError, printable, type NtmIssue } from '../errors.js';
import { getCriterionSet, listCriterionSets } from '../rules/registry.js';
import { bundledSetAmends, findByDecision, isBundledSetId } from '../rules/bundled-sets.js';
import { fingerprint } from '../versions/fingerprint.js';
import { listSetKindsWithoutVersions } from '../versions/kinds.js';
import { unknownParts } from '../versions/unknowns.js';
import { defaultRegion } from '../rules/dimensions.js';
import { visitRequirement } from '../schema/requirement.js';
import { parseRuleText } from '../rules/load.js';
import { loadCriterionSet } from '../rules/registry.js';
import { DuplicateGuard, EvaluationPipeline, type BatchEntry, type EvaluationEngine } from '../evaluate/pipeline.js';
import type { ResultOutline } from '../evaluate/compact.js';
import { resultsCsvHeader, resultsCsvRow, resultsCsvRowOfOutline } from '../report/csv.js';
import { resultsMarkdown, mdCell } from '../report/markdown.js';
import { resultsHtml } from '../report/html.js';
import { resultsText, displayWidth } from '../report/table.js';
import { indicatorName, LEVEL_TEXT } from '../report/labels.js';
import type { ReportContext } from '../report/gaps.js';
import { FileError, jsonTooDeep, readRows, readUserText, type SourceRow } from './inputs.js';
import { LIMITS } from './limits.js';
import { issueText } from './messages.js';
import { t } from '../messages/index.js';
import { idKey } from '../evaluate/words.js';
import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { SaidInBoth } from './said.js';
import { openSink, progress, type CliIo } from './io.js';
import { jsonSyntaxErrorPosition, locateJsonPaths } from './json-locate.js';
import { installGroupDerivation } from '../groups/derivation.js';

/** A usage mistake (unknown option, missing argument): exit code 2 with the command's help hint. */
export class UsageError extends SaidInBoth {
  override readonly name = 'UsageError';
}

/**
 * A library error about a run's arguments (an unknown set, plan or kind, no version in force),
 * said in the run's language: the English text is the library's own message, the Vietnamese one
 * is written from the same data by the CLI (never translated from the English). Exit code 2.
 */
export class SaidError extends SaidInBoth {
  override readonly name = 'SaidError';
}

/**
 * Runs `f`; an {@link NtmError} whose first issue has a code `vi` knows becomes a {@link SaidError}
 * with that Vietnamese text. Anything else is thrown as it is.
 */
export function sayingIn<T>(f: () => T, vi: Readonly<Record<string, () => string>>): T {
  try {
    return f();
  } catch (e) {
    const code = e instanceof NtmError ? e.issues[0]?.code : undefined;
    // The error code (UNKNOWN_SET …) is an identifier, the same in both languages, as in the catalogue.
    if (code !== undefined && Object.hasOwn(vi, code)) throw new SaidError((e as NtmError).message, `${(e as NtmError).code}: ${vi[code]!()}`);
    throw e;
  }
}

/**
 * Node's argument parser speaks English only: its errors are said again in both languages, by
 * their code, naming the option it reports.
 */
function argsError(e: unknown): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option "${option}"`, `không có tuỳ chọn "${option}"`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message)
        ? new UsageError(`option "${option}" needs a value`, `tuỳ chọn "${option}" cần một giá trị`)
        : new UsageError(`option "${option}" takes no value`, `tuỳ chọn "${option}" không nhận giá trị`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError('unexpected argument', 'thừa đối số');
    default:
      return new UsageError(message, `đối số không hợp lệ: ${message}`);
  }
}

/**
 * What a file a command reads is to it. The shell compares every output with every declared input
 * before anything is read, so a new command is protected by declaring its inputs.
 */
export type InputRole =
  | 'data'
  | 'set'
  | 'overlay'
  | 'plan'
  | 'facts'
  | 'what-if'
  | 'baseline'
  | 'advanced'
  | 'set-workbook'
  | 'filled-template'
  | 'province'
  | 'groups'
  | 'cases'
  | 'checked';

/** One option of a command, declared once: the parser and the I/O guard read this declaration. */
export interface OptionDecl {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The option names a file read as an input of this role (an id of a bundled set or plan names none). */
  input?: InputRole;
  /** The option names a file the command writes. */
  output?: true;
}

/** A command's options, by name (without the leading `--`). */
export type OptionDecls = Readonly<Record<string, OptionDecl>>;

/** A command's positional arguments: how many, their names in messages, and what they are as inputs. */
export interface PositionalDecl {
  min: number;
  max: number;
  names: string;
  input?: InputRole;
}

/** A command of `ntm`: its declaration (options, positionals with their input roles, outputs) and its run. */
export interface Command {
  summary: string;
  help: string;
  options: OptionDecls;
  positionals: PositionalDecl;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The options of most commands: the run's language, the output format and the output file. */
export const COMMON = {
  lang: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', output: true },
} as const satisfies OptionDecls;

/** Node's parser wants its own option shapes only. */
function parserOptions(options: OptionDecls): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.multiple ? { type: o.type, multiple: true } : { type: o.type }]));
}

const PLACEHOLDERS_VI: Readonly<Record<string, string>> = {
  file: 'tệp',
  'set id or rule file': 'mã bộ tiêu chí hoặc tệp quy tắc',
  'set id or kind': 'mã hoặc loại bộ tiêu chí',
  'rule, overlay or plan file': 'tệp quy tắc, hiệu chỉnh hoặc kế hoạch',
};

/** A command's argument names in Vietnamese: the English explanation in parentheses is left out. */
function placeholdersVi(names: string): string {
  return names.replace(/\s*\(.*\)\s*$/s, '').replace(/<([^>]+)>/g, (whole, name: string) => (Object.hasOwn(PLACEHOLDERS_VI, name) ? `<${PLACEHOLDERS_VI[name]}>` : whole));
}

/** Parses a command's arguments; unknown options and missing values are usage errors. */
export function parseCommandArgs(args: readonly string[], options: OptionDecls, positionals: { min: number; max: number; names: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: parserOptions(options), allowPositionals: true, strict: true });
  } catch (e) {
    throw argsError(e);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.names}`, `thiếu ${placeholdersVi(positionals.names)}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`, `thừa đối số "${parsed.positionals[positionals.max]}"`);
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

export function langOf(v: unknown): Lang {
  if (v === undefined) return langFromEnv(process.env);
  if (v === 'vi' || v === 'en') return v;
  throw new UsageError(`--lang must be vi or en, got "${String(v)}"`, `--lang phải là vi hoặc en, nhận được "${String(v)}"`);
}

export function formatOf<F extends string>(v: unknown, allowed: readonly F[], fallback: F): F {
  if (v === undefined) return fallback;
  if ((allowed as readonly string[]).includes(String(v))) return v as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${String(v)}"`, `--format phải là một trong ${allowed.join(', ')}, nhận được "${String(v)}"`);
}

export function yearOf(v: unknown, option = '--year'): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d{4}$/.test(s)) throw new UsageError(`${option} must be a year like 2023, got "${s}"`, `${option} phải là một năm như 2023, nhận được "${s}"`);
  return Number(s);
}

/** A date option (`yyyy-MM-dd`), checked to exist. */
export function dateOf(v: unknown, option: string): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError(`${option} must be a date like 2023-06-30, got "${s}"`, `${option} phải là một ngày như 2023-06-30, nhận được "${s}"`);
  }
  return s;
}

/** Resolves `--set`: a bundled id, or a rule file (`.json`) to evaluate against. */
export async function setOf(v: unknown, lang: Lang = 'vi'): Promise<CriterionSet> {
  if (typeof v !== 'string' || v === '') throw new UsageError('missing --set <id or rule file> (see: ntm sets)', 'thiếu --set <mã bộ tiêu chí hoặc tệp quy tắc> (xem: ntm sets)');
  if (v.endsWith('.json')) {
    const text = await readUserText(v, lang);
    let set: CriterionSet;
    try {
      set = loadCriterionSet(text, { file: v });
    } catch (e) {
      if (e instanceof NtmError) throw new FileError(locatedIssues(v, text, e).join('\n'));
      throw e;
    }
    refuseImpostor(v, set, lang);
    return set;
  }
  return sayingIn(() => getCriterionSet(isBundledSetId(v) ? v : (setOfDecision(v) ?? v)), {
    'unknown-set': () => `không có bộ tiêu chí "${printable(v)}" đi kèm; có sẵn: ${listCriterionSets().map((s) => s.id).join(', ')}`,
  });
}

/**
 * A set named by its decision number (`1037/QĐ-UBND`): the set that decision issued, or the one
 * version it amended; a decision that amends several sets is refused with their ids.
 */
function setOfDecision(decision: string): string | undefined {
  const found = findByDecision(decision);
  const issued = found.filter((id) => !bundledSetAmends(id));
  const pick = issued.length === 1 ? issued : found;
  if (pick.length <= 1) return pick[0];
  throw new UsageError(
    `decision "${printable(decision)}" names ${pick.length} bundled sets: ${pick.join(', ')}; give the set id`,
    `quyết định "${printable(decision)}" ứng với ${pick.length} bộ tiêu chí có sẵn: ${pick.join(', ')}; hãy ghi mã bộ tiêu chí`,
  );
}

/**
 * A rule file that keeps a bundled set's `id` but not its content would pass, in every report,
 * as the decision it no longer is: refused unless it is the bundled set unchanged (same
 * fingerprint). An edited copy needs an id of its own.
 */
function refuseImpostor(file: string, set: CriterionSet, lang: Lang): void {
  if (!listCriterionSets().some((s) => s.id === set.id)) return;
  if (fingerprint(set) === fingerprint(getCriterionSet(set.id))) return;
  const id = printable(set.id);
  throw new FileError(
    lang === 'vi'
      ? `${printable(file)}: "id": "${id}" là mã của một bộ tiêu chí có sẵn nhưng nội dung khác (dấu vân tay khác); hãy đặt cho bản sửa một mã riêng, ví dụ "${id}-ban-sua"`
      : `${printable(file)}: "id": "${id}" is a bundled set's id but the content differs (another fingerprint); give the edited copy an id of its own, e.g. "${id}-modified"`,
  );
}

/** Each issue of an error on a JSON file, as `file:line:column: $.path: message`. */
export function locatedIssues(file: string, text: string, e: NtmError): string[] {
  if (e.issues.length === 0) return [`${file}: ${e.message}`];
  // One pass over the text for all issues: a large broken file is located in linear time.
  const positions = locateJsonPaths(text, e.issues.map((i) => i.path));
  return e.issues.map((i, k) => {
    const at = positions[k];
    return `${file}${at ? `:${at.line}:${at.column}` : ''}: ${formatIssuePath(i)}${i.message}`;
  });
}

function formatIssuePath(i: NtmIssue): string {
  if (i.path.length === 0) return '';
  return `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')}: `;
}

/**
 * The file of `--out`, refused when it names one of the inputs (writing it would destroy the
 * data being read). Compared by real path, so `./a.csv` and `a.csv` are the same file.
 */
export function outputFileOf(out: unknown, inputs: readonly string[]): string | undefined {
  if (out === undefined) return undefined;
  const target = String(out);
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolvePath(p);
    }
  };
  const t = real(target);
  for (const input of inputs) {
    if (real(input) === t) {
      throw new UsageError(`--out "${printable(target)}" is the input file; write to another file`, `--out "${printable(target)}" là tệp đầu vào; hãy ghi ra một tệp khác`);
    }
  }
  return target;
}

const READING_NOTE: Record<Lang, string> = {
  vi: 'Lưu ý: kết quả chỉ đúng với số liệu đã nhập; ngưỡng "chưa rõ" chưa được mã hóa từ văn bản gốc.',
  en: 'Note: results are only as good as the data entered; "threshold unknown" means the source text has not been encoded.',
};

// ---------------------------------------------------------------------------------------------
// ntm evaluate

/** Hooks the plan commands add to `evaluate` once a plan is given (owners, targets, deadlines). */
export interface EvaluateExtras {
  ownersOf?: (code: string) => readonly string[];
  context?: (data: { entries: readonly BatchEntry[]; inputs: readonly unknown[]; file: string; referenceDate: string | undefined }) => Promise<Partial<ReportContext>> | Partial<ReportContext>;
}

/** A checker of one more kind of file for `ntm check` (overlays, plans). */
export interface FileChecker {
  kind: string;
  matches(data: Record<string, unknown>): boolean;
  /** Validates the file (throwing `NtmError`) and returns its summary line. */
  check(data: unknown, file: string): string;
}

/**
 * What the other command files lend to `evaluate` and `check`: `--as-of`, `--overlay`, `--plan`
 * and the other kinds of files `check` knows. Passed to {@link coreCommands} by the command table
 * (src/cli/command-table.ts), so nothing depends on which modules happen to be imported.
 */
export interface CoreExtensions {
  /** `--as-of`: the set an `--set` argument names, in the version in force on a date. */
  inForce(setArg: unknown, date: string, io: CliIo, lang?: Lang): Promise<CriterionSet>;
  /** `--overlay`: the set with a calibration overlay file applied. */
  calibrate(set: CriterionSet, overlayFile: string, lang?: Lang): Promise<CriterionSet>;
  /** `--plan`: owners in results, and the plan's targets and deadlines in reports. */
  plan(planId: string, set: CriterionSet, options: { asOf: string | undefined; lang: Lang }): Promise<EvaluateExtras>;
  /** The kinds of files `check` validates besides criterion sets. */
  checkers: readonly FileChecker[];
}

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

const EVALUATE_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;

/** One data file of communes, the first argument of the commands that evaluate one. */
export const DATA_FILE: PositionalDecl = { min: 1, max: 1, names: '<file> (a .json, .csv or .xlsx file of communes)', input: 'data' };

const EVALUATE_OPTIONS = {
  ...COMMON,
  set: { type: 'string', input: 'set' },
  year: { type: 'string' },
  'as-of': { type: 'string' },
  overlay: { type: 'string', input: 'overlay' },
  plan: { type: 'string', input: 'plan' },
  engine: { type: 'string' },
  sheet: { type: 'string' },
  delimiter: { type: 'string' },
  'header-row': { type: 'string' },
  'strict-columns': { type: 'boolean' },
} as const satisfies OptionDecls;

async function evaluateCommand(args: readonly string[], io: CliIo, ext: CoreExtensions): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, EVALUATE_OPTIONS, DATA_FILE);
  const file = positionals[0]!;
  const lang = langOf(values.lang);
  const format = formatOf(values.format, EVALUATE_FORMATS, 'table');
  const year = yearOf(values.year);
  const asOf = dateOf(values['as-of'], '--as-of');
  const engine = formatOf(values.engine, ['compiled', 'json-rules-engine'] as const, 'compiled') as EvaluationEngine;
  const header = await jsonFileHeader(file);
  const setArg = values.set ?? header.set;
  let set = asOf === undefined ? await setOf(setArg, lang) : await ext.inForce(setArg, asOf, io, lang);
  if (values.overlay !== undefined) set = await ext.calibrate(set, String(values.overlay), lang);
  const planId = values.plan === undefined ? undefined : String(values.plan);
  const extras: EvaluateExtras = planId === undefined ? {} : await ext.plan(planId, set, { asOf, lang });
  const delimiter = values.delimiter === undefined ? undefined : String(values.delimiter) === '\\t' ? '\t' : String(values.delimiter);
  if (delimiter !== undefined && delimiter.length !== 1) throw new UsageError('--delimiter must be one character (or \\t)', '--delimiter phải là một ký tự (hoặc \\t)');

  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new UsageError(`--header-row must be a row number like 4, got "${printable(String(values['header-row']))}"`, `--header-row phải là số dòng như 4, nhận được "${printable(String(values['header-row']))}"`);
  const outFile = outputFileOf(values.out, [file]);
  const located = evaluateFile(file, set, {
    engine,
    lang,
    onWarning: (w) => io.err(`${w}\n`),
    ...(headerRow === undefined ? {} : { headerRow }),
    ...(values['strict-columns'] === true ? { strictColumns: true } : {}),
    ...(year === undefined ? {} : { year }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(values.sheet === undefined ? {} : { sheet: String(values.sheet) }),
    ...(extras.ownersOf ? { ownersOf: extras.ownersOf } : {}),
  });

  const sink = openSink(io, outFile);
  const streaming = format === 'json' || format === 'csv';
  const criteria = set.criteria.map((c) => c.number);
  const collected: BatchEntry[] = [];
  const inputs: unknown[] = [];
  const bar = progress(io, lang === 'vi' ? 'Đã đánh giá' : 'Evaluated');
  let errors = 0;
  let n = 0;
  try {
    if (format === 'csv') await sink.write((values.out === undefined ? '' : '\ufeff') + resultsCsvHeader(criteria, lang) + '\r\n');
    if (format === 'json') await sink.write('[');
    for await (const { entry, input, outline } of located.entries) {
      if ('error' in entry) {
        errors++;
        io.err(`${entry.error.message}\n`);
      }
      if (!streaming && extras.context) inputs.push(input);
      if (format === 'json') await sink.write(`${n === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
      else if (format === 'csv') await sink.write((outline === undefined || 'error' in entry ? resultsCsvRow(entry, criteria, lang) : resultsCsvRowOfOutline(entry, outline, criteria, criteria, lang)) + '\r\n');
      else collected.push(entry);
      n++;
      bar.tick(n);
    }
    bar.done();
    if (format === 'json') await sink.write(n === 0 ? ']\n' : '\n]\n');
    if (!streaming) {
      const context: ReportContext & { lang: Lang } = {
        lang,
        set,
        // The data file's own description (the examples say they are illustrative) heads the report.
        ...(header.description === undefined ? {} : { notes: [header.description] }),
      };
      if (extras.context) {
        const more = await extras.context({ entries: collected, inputs, file, referenceDate: header.referenceDate });
        Object.assign(context, more, { notes: [...(context.notes ?? []), ...(more.notes ?? [])] });
      }
      if (format === 'table') await sink.write(resultsText(collected, lang, context) + '\n');
      else if (format === 'md') await sink.write(resultsMarkdown(collected, { ...context, notes: [...(context.notes ?? []), READING_NOTE[lang]] }));
      else await sink.write(resultsHtml(collected, { ...context, notes: [...(context.notes ?? []), READING_NOTE[lang]] }));
    }
    bar.done();
    await sink.close();
  } catch (e) {
    bar.done();
    await sink.abort?.();
    throw e;
  }
  if (located.skipped() > 0) io.err(lang === 'vi' ? `bỏ qua ${located.skipped()} dòng của năm khác ${year}\n` : `${located.skipped()} row(s) of other years than ${year} skipped\n`);
  if (n === 0) {
    io.err(`${noRowEvaluated(file, year, located.skipped(), lang)}\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
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

// ---------------------------------------------------------------------------------------------
// ntm sets, ntm show

/** No positional argument. */
export const NO_POSITIONALS: PositionalDecl = { min: 0, max: 0, names: '' };

const SHOW_OPTIONS = { ...COMMON, region: { type: 'string' } } as const satisfies OptionDecls;
const SHOW_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<set id or rule file>', input: 'set' };
const CHECK_OPTIONS = { lang: { type: 'string' } } as const satisfies OptionDecls;
const CHECK_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<rule, overlay or plan file>', input: 'checked' };

async function setsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, COMMON, NO_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const sets = listCriterionSets();
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(sets, null, 2) + '\n');
  else {
    const rows = sets.map((s) => [
      s.id,
      LEVEL_TEXT[lang][s.level] ?? s.level,
      `${s.legalBasis.number} (${s.legalBasis.date})`,
      `${s.effectiveFrom} → ${s.effectiveTo ?? (lang === 'vi' ? 'nay' : 'now')}`,
      `${s.counts.encodedIndicators}/${s.counts.declaredIndicators ?? '?'}`,
      lang === 'vi' ? s.nameVi : s.nameEn,
    ]);
    const head = lang === 'vi' ? ['Mã bộ tiêu chí', 'Cấp', 'Căn cứ', 'Hiệu lực', 'Chỉ tiêu', 'Tên'] : ['Set id', 'Level', 'Legal basis', 'In force', 'Indicators', 'Name'];
    const named = listSetKindsWithoutVersions();
    const footnote = named.length === 0 ? '' : `\n\n${lang === 'vi' ? 'Loại bộ tiêu chí chưa có phiên bản nào được mã hóa (chỉ dùng được qua hiệu chỉnh: ntm template <loại>)' : 'Kinds with no encoded version (usable only through calibration: ntm template <kind>)'}:\n${named.map((k) => `  ${k.kind}  ${lang === 'vi' ? k.nameVi : k.nameEn}`).join('\n')}`;
    await sink.write(textTable(head, rows) + footnote + '\n');
  }
  await sink.close();
  return 0;
}

/** Left-aligned plain-text columns. */
export function textTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c)))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A requirement as written in a rule file, in words, for one region: values on other dimensions
 * the context leaves open (dates, commune groups) are listed case by case.
 */
export function describeSpec(spec: RequirementSpec, unit: string | null, region: RegionCode | null, lang: Lang): string {
  const text = (r: ReturnType<typeof resolveRequirement>): string => (lang === 'vi' ? r.textVi : r.textEn);
  const open = new Map<string, Set<string>>();
  visitRequirement(spec, ({ steps }) => {
    for (const step of steps) if (step.key !== null && !(step.dimension === 'region' && region !== null)) (open.get(step.dimension) ?? open.set(step.dimension, new Set()).get(step.dimension)!).add(step.key);
  });
  let contexts: Array<{ label: string[]; values: Record<string, string | null> }> = [{ label: [], values: { region } }];
  for (const [dimension, keys] of open) {
    contexts = contexts.flatMap((c) =>
      [...keys].sort().map((key) => ({
        label: [...c.label, dimension === 'date' ? `${lang === 'vi' ? 'từ' : 'from'} ${key}` : `${dimension} ${key}`],
        values: { ...c.values, [dimension]: key },
      })),
    );
  }
  return contexts.map((c) => (c.label.length > 0 ? `${c.label.join(', ')}: ` : '') + text(resolveRequirement(spec, c.values, unit))).join('; ');
}

const CONFIDENCE_VI: Record<string, string> = { verified: 'đã kiểm chứng', 'single-source': 'một nguồn', inferred: 'suy luận' };

function indicatorLine(ind: Indicator, region: RegionCode | null, lang: Lang): string[] {
  const name = indicatorName(ind, lang);
  const req = describeSpec(ind.requirement, ind.measure.unit, region, lang);
  const spec = ind.requirement;
  const conf = (c: string): string => (lang === 'vi' ? (CONFIDENCE_VI[c] ?? c) : c);
  const src = 'source' in spec && spec.source ? `${spec.source.decision} (${conf(spec.source.confidence)})` : spec.kind === 'unknown' ? '—' : `${ind.source.decision} (${conf(ind.source.confidence)})`;
  return [ind.code, name, req + (ind.applicability === 'if-any' ? (lang === 'vi' ? ' (nếu có)' : ' (if any)') : ''), src];
}

async function showCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, SHOW_OPTIONS, SHOW_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  const set = await setOf(positionals[0]);
  let region: RegionCode | null = defaultRegion(set);
  if (values.region !== undefined) {
    const r = RegionCodeSchema.safeParse(values.region);
    if (!r.success) throw new UsageError(`--region must be one of ${RegionCodeSchema.options.join(', ')}`, `--region phải là một trong ${RegionCodeSchema.options.join(', ')}`);
    region = r.data;
  }
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') {
    await sink.write(JSON.stringify(set, null, 2) + '\n');
    await sink.close();
    return 0;
  }
  const t = lang === 'vi'
    ? { head: ['Mã', 'Chỉ tiêu', 'Yêu cầu', 'Nguồn'], region: 'Cột vùng', basis: 'Căn cứ', from: 'Hiệu lực từ', count: 'Chỉ tiêu đã mã hóa', listed: { complete: '', partial: ' — chưa liệt kê đủ chỉ tiêu', unknown: ' — chưa rõ danh sách chỉ tiêu' } }
    : { head: ['Code', 'Indicator', 'Requirement', 'Source'], region: 'Region column', basis: 'Legal basis', from: 'In force from', count: 'Indicators encoded', listed: { complete: '', partial: ' — indicator list incomplete', unknown: ' — indicator list unknown' } };
  const title = lang === 'vi' ? set.nameVi : set.nameEn;
  const meta = [
    `${t.basis}: ${set.legalBasis.number}, ${set.legalBasis.date}, ${set.legalBasis.issuer}`,
    `${t.from}: ${set.effectiveFrom}${set.effectiveTo ? ` → ${set.effectiveTo}` : ''}`,
    `${t.region}: ${region ?? '—'}`,
    `${t.count}: ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'}`,
    `${lang === 'vi' ? 'Dấu vân tay (SHA-256)' : 'Fingerprint (SHA-256)'}: ${fingerprint(set)}`,
  ];
  if (format === 'md') {
    // Names and ids come from a rule file: escaped, so they cannot add headings, links or images.
    const out = [`# ${mdCell(title)} (${mdCell(set.id)})`, '', ...meta.map((m) => `- ${mdCell(m)}`), ''];
    for (const c of set.criteria) {
      out.push(`## ${mdCell(`${c.number}. ${lang === 'vi' ? c.nameVi : c.nameEn}${t.listed[c.indicatorList]}`)}`, '');
      if (c.indicators.length > 0) {
        out.push(`| ${t.head.join(' | ')} |`, `|${t.head.map(() => ' --- ').join('|')}|`);
        for (const ind of c.indicators) out.push(`| ${indicatorLine(ind, region, lang).map(mdCell).join(' | ')} |`);
        out.push('');
      }
    }
    await sink.write(out.join('\n'));
  } else {
    const out = [`${title} (${set.id})`, ...meta, ''];
    for (const c of set.criteria) {
      out.push(`${c.number}. ${lang === 'vi' ? c.nameVi : c.nameEn}${t.listed[c.indicatorList]}`);
      for (const ind of c.indicators) {
        const [code, name, req, src] = indicatorLine(ind, region, lang);
        out.push(`   ${code!.padEnd(6)}${req}  — ${name} [${src}]`);
      }
    }
    await sink.write(out.join('\n') + '\n');
  }
  await sink.close();
  return 0;
}

// ---------------------------------------------------------------------------------------------
// ntm check


/** Where a text stops being JSON, as `:line:column` (empty when it cannot be told). */
function jsonErrorPosition(text: string): string {
  const at = jsonSyntaxErrorPosition(text);
  return at ? `:${at.line}:${at.column}` : '';
}

async function checkCommand(args: readonly string[], io: CliIo, checkers: readonly FileChecker[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CHECK_OPTIONS, CHECK_POSITIONALS);
  const lang = langOf(values.lang);
  const file = positionals[0]!;
  const text = await readUserText(file, lang);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    io.err(`${file}${jsonErrorPosition(text)}: not valid JSON: ${(e as Error).message}\n`);
    return 1;
  }
  // The checks every loader applies to text (size, depth, value count, __proto__, repeated keys),
  // so `check` never passes a file that `--set` or `--overlay` would refuse.
  try {
    parseRuleText(text, file);
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    for (const line of locatedIssues(file, text, e)) io.err(`${line}\n`);
    return 1;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    io.err(`${file}: expected a JSON object (a criterion set, a calibration overlay or a plan)\n`);
    return 1;
  }
  const obj = data as Record<string, unknown>;
  try {
    const hook = checkers.find((h) => h.matches(obj));
    if (hook) {
      await io.out(`${file}: ok — ${hook.check(data, file)}\n`);
      return 0;
    }
    if (!('criteria' in obj) && !('patchOf' in obj)) {
      io.err(`${file}: not a criterion set${checkers.length ? `, ${checkers.map((h) => h.kind).join(', ')}` : ''}: no "criteria"\n`);
      return 1;
    }
    const set = loadCriterionSet(data, { file });
    const unknown = set.criteria.flatMap((c) => c.indicators).filter((i) => unknownParts(i.requirement, set.dimensions).length > 0).length;
    await io.out(
      `${file}: ok — criterion set ${set.id}: ${set.criteria.length} criteria, ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'} indicators encoded, ${unknown} with an unknown threshold (in some column or year)\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    for (const line of locatedIssues(file, text, e)) io.err(`${line}\n`);
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------

const HELP = {
  evaluate: `ntm evaluate <file> --set <id|rule.json> [options]

Evaluates every commune of a data file (.json, .csv or .xlsx; one commune per row) and writes
the results. Rows are read and evaluated one at a time; json and csv output stream as well.

Options:
  --set <id>        criterion set id (see: ntm sets) or a rule file; a JSON data file may name it
  --year <yyyy>     evaluate only the rows of this year; rows without a year get it
  --as-of <date>    use the version of the set in force on this date (yyyy-MM-dd; --set
                    may then name a kind, e.g. dak-nong/commune-ntm); with --plan, also
                    the date the next deadlines are counted from (default: today)
  --overlay <file>  apply a filled calibration overlay (see: ntm template) to the set
  --plan <id>       a district plan (e.g. dak-song/2023): lead agencies, targets, deadlines
  --format <f>      table (default) | json | csv | md | html
  --lang <l>        vi (default) | en
  --out <file>      write to a file instead of standard output (csv files get a BOM for Excel)
  --engine <e>      compiled (default) | json-rules-engine
  --sheet <name|n>  XLSX sheet (default: the first)
  --delimiter <c>   CSV delimiter (default: detected from the header line: ; tab or ,)
  --header-row <n>  the row holding the header (default: the first row with a "Mã xã" or
                    communeId column, below title rows such as "UBND HUYỆN …")
  --strict-columns  refuse the file when a column is not known (default: report and skip it)

CSV / XLSX layout: a header row, then one row per commune. Columns: communeId (or "Mã xã"),
year ("Năm"), optional name ("Tên xã"), region ("Vùng": TN or Tây Nguyên …), commune group
("Nhóm xã": 2 or Nhóm 2, for sets that vary by group), population ("Dân số": 9200 or 9.200),
classes ("Loại xã"), notes ("Ghi chú", not read); then one column
per indicator code ("15.3", or "15.3 <label>") or criterion number ("15", "TC15"). A cell holds
a value ("24,9" or "24.9"), a verdict (Đạt, Đạt chuẩn, Không đạt, Chưa đạt, Cơ bản đạt = not
met, x, N/A — any case, with or without accents) or both as "value (verdict)": "91,2 (Đạt)".
Empty cells and "Chưa có số liệu" are no data. XLSX percent cells on percentage indicators
are read as shown (28,2 %); formulas by their saved result. Header cells in XLSX must be text
(a number cell turns 17.10 into 17.1). --out is written only when the run completes.

Exit codes: 0 every row evaluated; 1 some rows had errors (each named file:row:column on
standard error, and kept in the output); 2 usage or file errors.
`,
  sets: `ntm sets [--format table|json] [--lang vi|en] [--out <file>]

Lists the bundled criterion sets: id, level, legal basis, dates in force, indicators encoded.
`,
  show: `ntm show <set id|rule file> [--region <code>] [--format table|json|md] [--lang vi|en] [--out <file>]

Prints a criterion set: each criterion and indicator with its requirement (for the set's
regional column, or --region TDMNPB|DBSH|BTB|DHNTB|TN|DNB|DBSCL) and its source; unknown
thresholds are shown as unknown.
`,
  check: `ntm check <file>

Validates a rule file (criterion set), a calibration overlay or a plan file. Prints a summary
when it is valid; otherwise every problem as file:line:column: JSON path: message.
Exit codes: 0 valid; 1 problems found; 2 file not readable or usage error.
`,
} as const;

/** `sets`, `show`, `evaluate` and `check`, given what the other command files lend them. */
export function coreCommands(ext: CoreExtensions): Record<string, Command> {
  return {
    sets: { summary: 'list the bundled criterion sets', help: HELP.sets, options: COMMON, positionals: NO_POSITIONALS, run: setsCommand },
    show: { summary: 'print a criterion set with its requirements and sources', help: HELP.show, options: SHOW_OPTIONS, positionals: SHOW_POSITIONALS, run: showCommand },
    evaluate: { summary: 'evaluate the communes of a JSON, CSV or XLSX file', help: HELP.evaluate, options: EVALUATE_OPTIONS, positionals: DATA_FILE, run: (args, io) => evaluateCommand(args, io, ext) },
    check: { summary: 'validate a rule, overlay or plan file', help: HELP.check, options: CHECK_OPTIONS, positionals: CHECK_POSITIONALS, run: (args, io) => checkCommand(args, io, ext.checkers) },
  };
}
