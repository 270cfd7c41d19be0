/**
 * `ntm evaluate`: every commune of a data file, evaluated and reported.
 */
import type { Lang } from '../../requirement/format.js';
import { printable } from '../../errors.js';
import { type BatchEntry, type EvaluationEngine } from '../../evaluate/pipeline.js';
import { resultsCsvHeader, resultsCsvRow, resultsCsvRowOfOutline } from '../../report/csv.js';
import { resultsMarkdown } from '../../report/markdown.js';
import { resultsHtml } from '../../report/html.js';
import { resultsText } from '../../report/table.js';
import type { ReportContext } from '../../report/gaps.js';
import { openSink, progress, type CliIo } from '../io.js';
import { COMMON, type OptionDecls, parseCommandArgs, DATA_FILE, langOf, formatOf, yearOf, dateOf, SaidError, UsageError, outputFileOf, type Command } from '../args.js';
import { LIMITS } from '../limits.js';
import { t } from '../../messages/index.js';
import { jsonFileHeader, evaluateFile, noRowEvaluated } from '../batch.js';
import { type EvaluateExtras, planExtras } from '../plan-context.js';
import { setOf } from '../set-argument.js';
import { setInForceOn, calibrateWithFile } from '../set-versions.js';

const READING_NOTE: Record<Lang, string> = {
  vi: 'Lưu ý: kết quả chỉ đúng với số liệu đã nhập; ngưỡng "chưa rõ" chưa được mã hóa từ văn bản gốc.',
  en: 'Note: results are only as good as the data entered; "threshold unknown" means the source text has not been encoded.',
};

const EVALUATE_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;

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

async function evaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, EVALUATE_OPTIONS, DATA_FILE);
  const file = positionals[0]!;
  const lang = langOf(values.lang);
  const format = formatOf(values.format, EVALUATE_FORMATS, 'table');
  const year = yearOf(values.year);
  const asOf = dateOf(values['as-of'], '--as-of');
  const engine = formatOf(values.engine, ['compiled', 'json-rules-engine'] as const, 'compiled') as EvaluationEngine;
  const header = await jsonFileHeader(file);
  const setArg = values.set ?? header.set;
  let set = asOf === undefined ? await setOf(setArg, lang) : await setInForceOn(setArg, asOf, io, lang);
  if (values.overlay !== undefined) set = await calibrateWithFile(set, String(values.overlay), lang);
  const planId = values.plan === undefined ? undefined : String(values.plan);
  const extras: EvaluateExtras = planId === undefined ? {} : await planExtras(planId, set, { asOf, lang });
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
  const rowCap = format === 'html' ? LIMITS.htmlRows : LIMITS.reportRows;
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
      // A report rendered whole holds every row: past its cap it is refused before it is rendered.
      if (!streaming && n >= rowCap) throw new SaidError(t('io.report.too-many-rows', { format, limit: rowCap }, 'en'), t('io.report.too-many-rows', { format, limit: rowCap }, 'vi'));
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

export const evaluate: Command = { options: EVALUATE_OPTIONS, positionals: DATA_FILE, run: evaluateCommand };
