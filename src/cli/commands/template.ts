/**
 * `ntm template`: what is unknown in a set, to fill from the decision text — the calibration
 * overlay (json) or a workbook (xlsx, csv).
 */
import { calibrationTemplate } from '../../versions/calibrate.js';
import { openSink, type CliIo } from '../io.js';
import { t } from '../../messages/index.js';
import { calibrationWorkbook, templateRowCounts, ABOUT_LABELS } from '../../workbook/template.js';
import { sheetToCsv } from '../../workbook/csv.js';
import { getSetKindWithoutVersions } from '../../versions/kinds.js';
import { type PositionalDecl, COMMON, type OptionDecls, parseCommandArgs, formatOf, langOf, UsageError, type Command } from '../args.js';
import { setOf } from '../set-argument.js';
import { writeWorkbook } from '../workbook-files.js';

const SET_ARGUMENT: PositionalDecl = { min: 1, max: 1, names: '<set id or kind>', input: 'set' };
const TEMPLATE_OPTIONS = { ...COMMON, all: { type: 'boolean' } } as const satisfies OptionDecls;
const JSON_TEMPLATE_OPTIONS = { out: COMMON.out } as const satisfies OptionDecls;

/** The JSON template: the calibration overlay with every unknown requirement. */
async function jsonTemplateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, JSON_TEMPLATE_OPTIONS, SET_ARGUMENT);
  const arg = positionals[0]!;
  const template = calibrationTemplate(arg.endsWith('.json') ? await setOf(arg) : arg);
  const sink = openSink(io, values.out as string | undefined);
  await sink.write(JSON.stringify(template, null, 2) + '\n');
  await sink.close();
  return 0;
}

/** `ntm template` in every format: json is the overlay above, xlsx and csv the workbook. */
async function templateAnyFormat(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TEMPLATE_OPTIONS, SET_ARGUMENT);
  const format = formatOf(values.format, ['json', 'xlsx', 'csv'] as const, 'json');
  const lang = langOf(values.lang);
  const arg = positionals[0]!;
  if (format === 'json') {
    if (values.all) throw new UsageError('--all is for --format xlsx|csv (the JSON template lists the unknowns)', '--all chỉ dùng với --format xlsx|csv (mẫu JSON liệt kê các ngưỡng chưa rõ)');
    return jsonTemplateCommand(args.filter((a, i) => !(a === '--format' || args[i - 1] === '--format' || a === '--format=json' || a === '--lang' || args[i - 1] === '--lang')), io);
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

export const template: Command = { options: TEMPLATE_OPTIONS, positionals: SET_ARGUMENT, run: templateAnyFormat };
