/**
 * `ntm test`: case files run like a test runner.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Lang } from '../../requirement/format.js';
import { printable } from '../../errors.js';
import { casesFromSheet } from '../../cases/sheet.js';
import { CaseFileError, caseFailureLines, casesJunit, parseCaseFile, runCases, type CaseOutcome, type CaseRun, type LocatedCaseFile } from '../../cases/index.js';
import { issueText } from '../messages.js';
import { FileError, readUserText } from '../inputs.js';
import { openSink, type CliIo } from '../io.js';
import { t } from '../../messages/index.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, outputFileOf, UsageError, type Command } from '../args.js';
import { readWorkbookFile } from '../workbook-files.js';
import { sheetsToRead } from '../../workbook/sheet.js';

const CASE_EXTENSIONS = ['.yaml', '.yml', '.json', '.csv', '.xlsx'];

/** The case files a folder holds: YAML files, and JSON / CSV / XLSX files named `*.cases.*` (a folder also holds data files). */
async function filesOf(arg: string, lang: Lang): Promise<string[]> {
  let s;
  try {
    s = await stat(arg);
  } catch {
    throw new FileError(t('cases.run.notFound', { file: printable(arg) }, lang));
  }
  if (!s.isDirectory()) {
    if (!CASE_EXTENSIONS.includes(extname(arg).toLowerCase())) throw new FileError(t('cases.run.fileType', { file: printable(arg) }, lang));
    return [arg];
  }
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(ya?ml)$/i.test(e.name) || /\.cases\.(json|csv|xlsx)$/i.test(e.name)) out.push(p);
    }
  };
  await walk(arg);
  if (out.length === 0) throw new FileError(t('cases.run.noCases', { path: printable(arg) }, lang));
  return out;
}

/** Reads one case file: YAML / JSON as text, CSV / XLSX as a sheet (the first with a "Case" column). */
async function readCaseFile(file: string, lang: Lang, note: (text: string) => void): Promise<LocatedCaseFile> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.xlsx') {
    const { book, locate, problems, notes } = await readWorkbookFile(file, lang);
    notes.forEach(note);
    if (problems.length > 0) throw new FileError(problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
    const sheets = sheetsToRead(book.sheets).read.filter((s) => s.rows.some((r) => r.some((c) => typeof c.value === 'string' && /^(trường hợp|case)$/i.test(c.value.trim()))));
    if (sheets.length === 0) throw new FileError(t('cases.run.sheetNone', { file: printable(file) }, lang));
    const sheet = sheets[0]!;
    return casesFromSheet(sheet, { file, locate: (r, c) => locate(sheet, r, c) });
  }
  return parseCaseFile(await readUserText(file, lang), { file });
}

/** A case's problem or difference lines, input problems worded from their code in the run's language. */
function failureLines(c: CaseOutcome, input: unknown, lang: Lang): string[] {
  if (!c.error) return caseFailureLines(c, lang);
  return c.error.problems.map((p) => {
    const [head, , sub] = p.path;
    if (head === 'cases' && sub === 'input') {
      const text = issueText({ code: p.code, path: p.path.slice(3), message: p.message }, lang, input, c.setId ?? undefined);
      return `${p.where ? `${printable(p.where)}: ` : ''}${text}`;
    }
    return caseFailureLines({ ...c, error: { code: c.error!.code, problems: [p] } }, lang)[0]!;
  });
}

/** The run as text: one line per case, what differs under each failed case, the counts. */
function runText(run: CaseRun, inputs: ReadonlyMap<CaseOutcome, unknown>, lang: Lang): string {
  const lines: string[] = [];
  let file: string | null | undefined;
  for (const c of run.cases) {
    if (c.file !== file) {
      file = c.file;
      if (file !== null) lines.push(printable(file));
    }
    const mark = c.passed ? '✓' : '✗';
    const tail = c.passed ? '' : `  ${t(c.error ? 'cases.run.error' : 'cases.run.failed', {}, lang)}${c.where ? ` — ${printable(c.where)}` : ''}`;
    lines.push(`  ${mark} ${printable(c.name)}${c.setId ? ` (${c.setId})` : ''}${tail}`);
    if (!c.passed) for (const l of failureLines(c, inputs.get(c), lang)) lines.push(`      ${l}`);
  }
  lines.push('', t('cases.run.closing', { passed: run.passed, failed: run.failed }, lang));
  return lines.join('\n') + '\n';
}

const TEST_OPTIONS = { ...COMMON, junit: { type: 'string', output: true } } as const satisfies OptionDecls;
const TEST_POSITIONALS: PositionalDecl = { min: 1, max: Number.MAX_SAFE_INTEGER, names: '<files or folders> (case files: .yaml, .json, .csv, .xlsx)', input: 'cases' };

async function testCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TEST_OPTIONS, TEST_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const files = (await Promise.all(positionals.map((p) => filesOf(p, lang)))).flat();
  const outFile = outputFileOf(values.out, files);
  const junitFile = outputFileOf(values.junit, files);
  if (junitFile !== undefined && outFile !== undefined && junitFile === outFile) throw new UsageError(t('cases.run.sameOutputs', {}, 'en'), t('cases.run.sameOutputs', {}, 'vi'));

  const loaded: LocatedCaseFile[] = [];
  let invalid = 0;
  for (const f of files) {
    try {
      loaded.push(await readCaseFile(f, lang, (n) => io.err(`${n}\n`)));
    } catch (e) {
      if (!(e instanceof CaseFileError)) throw e;
      invalid++;
      io.err(`${e.text(lang)}\n`);
    }
  }
  const run = runCases(loaded);
  const inputs = new Map<CaseOutcome, unknown>();
  let k = 0;
  for (const f of loaded) for (const c of f.data.cases) inputs.set(run.cases[k++]!, c.input);

  const sink = openSink(io, outFile);
  if (format === 'json') {
    const plain = { passed: run.passed, failed: run.failed, cases: run.cases.map(({ result: _result, ...rest }) => rest) };
    await sink.write(JSON.stringify(plain, null, 2) + '\n');
  } else await sink.write(runText(run, inputs, lang));
  await sink.close();
  if (junitFile !== undefined) {
    const junit = openSink(io, junitFile);
    await junit.write(casesJunit(run, lang));
    await junit.close();
  }
  // The closing line goes where a CI log shows it even when the report goes to a file or is JSON.
  if (format === 'json' || outFile !== undefined) io.err(`${t('cases.run.closing', { passed: run.passed, failed: run.failed }, lang)}\n`);
  if (invalid > 0) {
    io.err(`${t('cases.run.invalidFiles', { n: invalid }, lang)}\n`);
    return 2;
  }
  return run.failed > 0 ? 1 : 0;
}

export const test: Command = { options: TEST_OPTIONS, positionals: TEST_POSITIONALS, run: testCommand };
