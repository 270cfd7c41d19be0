/**
 * The spreadsheet commands: `ntm template --format xlsx|csv` (a calibration workbook to fill),
 * `ntm calibrate` (the filled workbook to an overlay), `ntm import-set` (a whole set from a
 * workbook) and `ntm show --format xlsx|csv` (any set as that workbook). The workbook logic is the
 * library's (src/workbook/); this file reads and writes the files.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Lang } from '../requirement/format.js';
import { t, t as message } from '../messages/index.js';
import type { Sheet, Workbook } from '../workbook/sheet.js';
import { columnName, sheetsToRead } from '../workbook/sheet.js';
import { calibrationWorkbook, templateRowCounts, ABOUT_LABELS, TEMPLATE_SHEETS } from '../workbook/template.js';
import { calibrationFromWorkbook } from '../workbook/calibration.js';
import { setFromWorkbook, setWorkbook } from '../workbook/annex.js';
import { sheetToCsv, workbookFromCsv, workbookToCsv } from '../workbook/csv.js';
import { workbookFromXlsx, workbookToXlsx } from '../workbook/xlsx.js';
import type { WorkbookProblem } from '../workbook/messages.js';
import { fingerprint } from '../versions/fingerprint.js';
import { diffCriterionSets } from '../versions/diff.js';
import { getSetKindWithoutVersions } from '../versions/kinds.js';
import { COMMON, formatOf, langOf, parseCommandArgs, setOf, UsageError, type Command, type OptionDecls, type PositionalDecl } from './commands.js';
import { FileError, hiddenSheetList } from './inputs.js';
import { writeOutput, type CliIo } from './io.js';
import { zipProblem } from './zip-guard.js';

/** A workbook file as read, with how to name its cells in messages. */
interface ReadBook {
  book: Workbook;
  locate: (sheet: Sheet, row: number, column: number) => string;
  /** Problems of the file itself (a CSV quote never closed), already located. */
  problems: WorkbookProblem[];
  /** Notes for standard error: the hidden sheets no reader will read. */
  notes: string[];
}

const T = {
  vi: {
    cannotRead: (f: string, why: string) => `${f}: không đọc được: ${why}`,
    notXlsx: (f: string, why: string) => `${f}: không đọc được tệp XLSX: ${why}`,
    fileType: (f: string) => `${f}: loại tệp không hỗ trợ: dùng .xlsx hoặc .csv`,
    notZip: 'tệp bị cắt hoặc không phải tệp Excel',
    abnormalZip: (k: string) => `tệp nén bất thường, vượt giới hạn (${k})`,
    needOut: (fmt: string) => `--format ${fmt} cần --out <tệp>`,
    quote: 'dấu ngoặc kép mở ở đây không được đóng',
    afterQuote: 'có ký tự sau dấu ngoặc kép đóng',
    problems: (n: number) => `${n} lỗi; chưa ghi tệp nào.`,
    wrote: (f: string) => `đã ghi ${f}`,
    imported: (id: string, c: number, i: number, fp: string) => `hợp lệ: bộ ${id}, ${c} tiêu chí, ${i} chỉ tiêu (dấu vân tay ${fp.slice(0, 12)}…)`,
  },
  en: {
    cannotRead: (f: string, why: string) => `${f}: cannot read: ${why}`,
    notXlsx: (f: string, why: string) => `${f}: cannot read as XLSX: ${why}`,
    fileType: (f: string) => `${f}: unsupported file type: use .xlsx or .csv`,
    notZip: 'a cut file, or not an Excel file',
    abnormalZip: (k: string) => `an abnormal zip, over the limits (${k})`,
    needOut: (fmt: string) => `--format ${fmt} needs --out <file>`,
    quote: 'a quote opened here is never closed',
    afterQuote: 'text after a closing quote',
    problems: (n: number) => `${n} problem(s); no file written.`,
    wrote: (f: string) => `wrote ${f}`,
    imported: (id: string, c: number, i: number, fp: string) => `valid: set ${id}, ${c} criteria, ${i} indicators (fingerprint ${fp.slice(0, 12)}…)`,
  },
} as const;

/** Reads an XLSX or CSV workbook file. CSV comment lines `# <label>: <value>` are the instructions sheet's fields. */
export async function readWorkbookFile(file: string, lang: Lang): Promise<ReadBook> {
  const ext = extname(file).toLowerCase();
  const t = T[lang];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new FileError(t.cannotRead(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  if (ext === '.xlsx') {
    // The same bounds on what the XLSX reader will inflate as for data files.
    const zip = await zipProblem(file);
    if (zip) throw new FileError(t.notXlsx(file, zip.kind === 'not-a-zip' ? t.notZip : t.abnormalZip(zip.kind)));
    let book: Workbook;
    try {
      book = await workbookFromXlsx(bytes);
    } catch (e) {
      throw new FileError(t.notXlsx(file, (e as Error).message));
    }
    const hidden = sheetsToRead(book.sheets).hidden;
    const notes = hidden.length === 0 ? [] : [message('reader.hiddenSheetsUnread', { file, sheets: hiddenSheetList(hidden, lang) }, lang)];
    return { book, locate: (s, r, c) => `${file}: ${quoteSheet(s.name)}!${columnName(c + 1)}${r + 1}`, problems: [], notes };
  }
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') throw new FileError(t.fileType(file));
  const parsed = workbookFromCsv(bytes.toString('utf8'), basename(file));
  const lineOf = new Map<Sheet, number[]>(parsed.sheets.map((s, i) => [s, parsed.lines[i]!]));
  // The instructions' fields, written as leading comment lines by `ntm template --format csv`.
  const about: Sheet = { name: TEMPLATE_SHEETS.about, rows: [] };
  const aboutLines: number[] = [];
  parsed.comments.forEach((c, i) => {
    for (const label of Object.values(ABOUT_LABELS)) {
      if (c.startsWith(`${label}:`)) {
        about.rows.push([{ value: label }, { value: c.slice(label.length + 1).trim() || null }]);
        aboutLines.push(i + 1);
      }
    }
  });
  lineOf.set(about, aboutLines);
  const book: Workbook = { sheets: about.rows.length > 0 ? [about, ...parsed.sheets] : parsed.sheets };
  const locate = (s: Sheet, r: number, c: number): string => {
    const line = lineOf.get(s)?.[r] ?? r + 1;
    const sheetPart = parsed.sheets.length > 1 ? ` [${s.name}]` : '';
    return s === about ? `${file}:${line}` : `${file}:${line}:${c + 1}${sheetPart}`;
  };
  const problems = parsed.problems.map((p) => ({ code: 'csv-quote' as const, at: `${file}:${p.line}:${p.column}`, message: p.code === 'unclosed-quote' ? t.quote : t.afterQuote }));
  return { book, locate, problems, notes: [] };
}

const quoteSheet = (name: string): string => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Writes a file through the one writer (a temporary file beside it, then a rename). */
export async function writeFileSafely(file: string, data: string | Uint8Array, io: CliIo): Promise<void> {
  await writeOutput(io, file, data);
}

function report(io: CliIo, problems: readonly WorkbookProblem[], lang: Lang, file: string): void {
  // Cells are located with the file name already; a sheet or the whole file gets it here.
  for (const p of problems) io.err(`${p.at.startsWith(file) ? p.at : p.at === '' ? file : `${file}: ${p.at}`}: ${p.message}\n`);
  io.err(`${T[lang].problems(problems.length)}\n`);
}

/** A workbook as the file `--out` names (xlsx bytes, or CSV text with a BOM for Excel). */
async function writeWorkbook(io: CliIo, book: Workbook, format: 'xlsx' | 'csv', out: string | undefined, csv: () => string): Promise<void> {
  if (format === 'xlsx') {
    if (out === undefined) throw new UsageError(T.en.needOut('xlsx'), T.vi.needOut('xlsx'));
    await writeFileSafely(out, await workbookToXlsx(book), io);
  } else if (out === undefined) await io.out(csv());
  else await writeFileSafely(out, `\ufeff${csv()}`, io);
}

// ---------------------------------------------------------------------------------------------

const SET_ARGUMENT: PositionalDecl = { min: 1, max: 1, names: '<set id or kind>', input: 'set' };
const TEMPLATE_OPTIONS = { ...COMMON, all: { type: 'boolean' } } as const satisfies OptionDecls;
const SHOW_OPTIONS = { ...COMMON, region: { type: 'string' } } as const satisfies OptionDecls;
const CALIBRATE_OPTIONS = {
  base: { type: 'string', input: 'set' },
  out: COMMON.out,
  'set-out': { type: 'string', output: true },
  check: { type: 'boolean' },
  lang: { type: 'string' },
  id: { type: 'string' },
} as const satisfies OptionDecls;
const CALIBRATE_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<filled.xlsx|csv>', input: 'filled-template' };
const IMPORT_OPTIONS = { out: COMMON.out, check: { type: 'boolean' }, lang: { type: 'string' } } as const satisfies OptionDecls;
const IMPORT_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<workbook.xlsx|csv>', input: 'set-workbook' };

async function templateWorkbookCommand(args: readonly string[], io: CliIo, previous: Command | undefined): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TEMPLATE_OPTIONS, SET_ARGUMENT);
  const format = formatOf(values.format, ['json', 'xlsx', 'csv'] as const, 'json');
  const lang = langOf(values.lang);
  const arg = positionals[0]!;
  if (format === 'json') {
    if (!previous) throw new UsageError('the JSON template is not loaded (src/cli/version-commands.ts)', 'mẫu JSON chưa được nạp (src/cli/version-commands.ts)');
    if (values.all) throw new UsageError('--all is for --format xlsx|csv (the JSON template lists the unknowns)', '--all chỉ dùng với --format xlsx|csv (mẫu JSON liệt kê các ngưỡng chưa rõ)');
    return previous.run(args.filter((a, i) => !(a === '--format' || args[i - 1] === '--format' || a === '--format=json' || a === '--lang' || args[i - 1] === '--lang')), io);
  }
  if (getSetKindWithoutVersions(arg)) throw new UsageError(`${arg} has no version to fill a workbook for; use: ntm template ${arg} (JSON: the whole set to fill)`, `${arg} chưa có phiên bản nào để lập bảng tính; hãy dùng: ntm template ${arg} (JSON: cả bộ tiêu chí cần điền)`);
  const set = await setOf(arg);
  const book = calibrationWorkbook(set, { all: values.all === true, lang });
  const out = values.out as string | undefined;
  const sheet = book.sheets[1]!;
  await writeWorkbook(io, book, format, out, () => {
    const about = book.sheets[0]!.rows.filter((r) => Object.values(ABOUT_LABELS).includes(String(r[0]?.value) as never));
    return sheetToCsv(sheet, { comments: [...about.map((r) => `${String(r[0]!.value)}: ${r[1]?.value ?? ''}`)] });
  });
  const counts = templateRowCounts(book);
  const declared = set.counts.declaredIndicators;
  if (out !== undefined) io.err(`${t('workbook.cli.template', { file: out, rows: counts.rows, adding: counts.newIndicatorRows, encoded: set.counts.encodedIndicators, ...(declared === null ? {} : { declared }) }, lang)}\n`);
  return 0;
}

async function calibrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CALIBRATE_OPTIONS, CALIBRATE_POSITIONALS);
  const lang = langOf(values.lang);
  if (values.base === undefined) throw new UsageError('missing --base <set id or rule file> (the set the template was made from)', 'thiếu --base <mã bộ tiêu chí hoặc tệp quy tắc> (bộ tiêu chí đã dùng để lập mẫu)');
  const base = await setOf(values.base);
  const file = positionals[0]!;
  const read = await readWorkbookFile(file, lang);
  for (const note of read.notes) io.err(`${note}\n`);
  if (read.problems.length > 0) {
    report(io, read.problems, lang, file);
    return 1;
  }
  const r = calibrationFromWorkbook(read.book, base, { lang, locate: read.locate, ...(values.id === undefined ? {} : { id: String(values.id) }) });
  if (r.problems.length > 0 || r.set === null) {
    report(io, r.problems, lang, file);
    return 1;
  }
  const known = diffCriterionSets(base, r.set).requirements.nowKnown.length;
  const declared = r.set.counts.declaredIndicators;
  const summary = t(
    'workbook.cli.calibrated',
    { requirements: r.filled.requirements, names: r.filled.names, added: r.filled.indicators, id: r.set.id, fingerprint: fingerprint(r.set).slice(0, 12), known, encoded: r.set.counts.encodedIndicators, ...(declared === null ? {} : { declared }) },
    lang,
  );
  const json = JSON.stringify(r.overlay, null, 2) + '\n';
  const out = values.out as string | undefined;
  const setOut = values['set-out'] as string | undefined;
  if (values.check) {
    await io.out(`${file}: ${summary}\n`);
    return 0;
  }
  if (setOut !== undefined) await writeFileSafely(setOut, JSON.stringify(r.set, null, 2) + '\n', io);
  const wrote = [out, setOut].filter((f): f is string => f !== undefined).map((f) => T[lang].wrote(f)).join('; ');
  if (out === undefined) {
    await io.out(json);
    io.err(`${file}: ${summary}${wrote ? `; ${wrote}` : ''}\n`);
  } else {
    await writeFileSafely(out, json, io);
    await io.out(`${file}: ${summary}; ${wrote}\n`);
  }
  return 0;
}

async function importSetCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, IMPORT_OPTIONS, IMPORT_POSITIONALS);
  const lang = langOf(values.lang);
  const file = positionals[0]!;
  const read = await readWorkbookFile(file, lang);
  for (const note of read.notes) io.err(`${note}\n`);
  if (read.problems.length > 0) {
    report(io, read.problems, lang, file);
    return 1;
  }
  const r = setFromWorkbook(read.book, { lang, locate: read.locate });
  if (r.problems.length > 0 || r.set === null) {
    report(io, r.problems, lang, file);
    return 1;
  }
  const summary = T[lang].imported(r.set.id, r.set.criteria.length, r.set.counts.encodedIndicators, fingerprint(r.set));
  const json = JSON.stringify(r.data, null, 2) + '\n';
  const out = values.out as string | undefined;
  if (values.check) await io.out(`${file}: ${summary}\n`);
  else if (out === undefined) {
    await io.out(json);
    io.err(`${file}: ${summary}\n`);
  } else {
    await writeFileSafely(out, json, io);
    await io.out(`${file}: ${summary}; ${T[lang].wrote(out)}\n`);
  }
  return 0;
}

async function showWorkbookCommand(args: readonly string[], io: CliIo, previous: Command | undefined): Promise<number> {
  const i = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const format = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  if (format !== 'xlsx' && format !== 'csv') {
    if (!previous) throw new UsageError('ntm show is not loaded', 'lệnh ntm show chưa được nạp');
    return previous.run(args, io);
  }
  const { values, positionals } = parseCommandArgs(args, SHOW_OPTIONS, { ...SET_ARGUMENT, names: '<set id or rule file>' });
  langOf(values.lang);
  const set = await setOf(positionals[0]);
  const book = setWorkbook(set);
  await writeWorkbook(io, book, format, values.out as string | undefined, () => workbookToCsv(book));
  return 0;
}

/**
 * The spreadsheet commands, by name. `template` and `show` extend the commands of the same name
 * in `previous` (the JSON template, the text and Markdown views), which they run for the other
 * formats.
 */
export function workbookCommands(previous: Readonly<Record<string, Command | undefined>>): Record<string, Command> {
  const previousTemplate = previous.template;
  const previousShow = previous.show;
  return {
    template: {
      summary: 'a calibration template to fill with the thresholds a decision gives (JSON, XLSX or CSV)',
      help: `ntm template <set id or kind> [--format json|xlsx|csv] [--all] [--out <file>]

Writes what is unknown in a set, to fill from the decision text:
  json (default)  the calibration overlay: every unknown requirement as { "kind": "unknown" }
  xlsx            a workbook: instructions (Vietnamese, English); one row per indicator whose
                  threshold or wording is unknown (--all: every indicator) with criterion, code,
                  wording, unit, what is known now, the operator, one column per value to fill
                  (each regional column, commune group or year the set varies by) and the source
                  columns (decision, provision, URL, confidence); drop-down lists for operators,
                  confidence and verdict words; key columns locked. Needs --out.
  csv             the threshold sheet alone (base set and fingerprint as # lines)
Fill it, then turn it into an overlay with ntm calibrate (see: ntm calibrate --help).
`,
      options: TEMPLATE_OPTIONS,
      positionals: SET_ARGUMENT,
      run: (args, io) => templateWorkbookCommand(args, io, previousTemplate),
    },
    calibrate: {
      summary: 'a filled template (XLSX or CSV) to a validated calibration overlay',
      help: `ntm calibrate <filled.xlsx|csv> --base <set id or rule file> [--out overlay.json] [--set-out set.json] [--check] [--id <id>] [--lang vi|en]

Reads a workbook template (ntm template, in its xlsx or csv format) filled from the decision text.
Threshold cells may be typed as people type them: 95, 95,5, ≥ 95 %, a number in a
percentage-formatted cell (95 % is 95), Đạt for a yes/no indicator; blank or ? stays unknown.
Every row with a value needs its decision and confidence. The overlay pins the base set's
fingerprint; it is validated by calibrating the base set with it.

  --out <file>  write the overlay there (only when it is valid: a temporary file, then renamed);
                without --out the overlay goes to standard output
  --set-out <file>  also write the calibrated set as a rule file (for ntm diff and ntm show)
  --check       validate only, write nothing
  --id <id>     id of the calibrated set (default: the workbook's, else <base>-calibrated)

Every problem is reported at its cell ('Ngưỡng (Thresholds)'!M7, or file:line:column for CSV),
in the language of --lang. Then evaluate with the overlay (ntm evaluate, its overlay option),
and ntm diff <base> <set.json> (the --set-out file) shows what the decision changed.
Exit codes: 0 valid; 1 problems found (nothing written); 2 usage or file errors.
`,
      options: CALIBRATE_OPTIONS,
      positionals: CALIBRATE_POSITIONALS,
      run: calibrateCommand,
    },
    'import-set': {
      summary: 'a whole criterion set from a workbook (XLSX or CSV) to a rule file',
      help: `ntm import-set <workbook.xlsx|csv> [--out rule.json] [--check] [--lang vi|en]

Reads a workbook in the shape ntm show writes in its xlsx and csv formats — sheets "Bộ tiêu chí (Set)" (id,
kind, level, decision, dates … one field per row), "Tiêu chí (Criteria)", "Chỉ tiêu
(Indicators)" (requirements per regional column, one row per year they change) and
"Nguồn (Sources)" (each source once, cited as [S1]) — and writes the rule file, validated like
any rule file. Every problem is reported at its cell.
Exit codes: 0 valid; 1 problems found (nothing written); 2 usage or file errors.
`,
      options: IMPORT_OPTIONS,
      positionals: IMPORT_POSITIONALS,
      run: importSetCommand,
    },
    show: {
      summary: previousShow?.summary ?? 'print a criterion set with its requirements and sources',
      help: `${previousShow?.help ?? ''}
  --format xlsx|csv  the set as a workbook (the annex view: set fields, criteria, indicators with
                     their requirements per regional column and year, sources), which
                     ntm import-set reads back to the same set (same fingerprint); xlsx needs --out
`,
      options: SHOW_OPTIONS,
      positionals: { ...SET_ARGUMENT, names: '<set id or rule file>' },
      run: (args, io) => showWorkbookCommand(args, io, previousShow),
    },
  };
}
