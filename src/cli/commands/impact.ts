/**
 * `ntm impact`: what a new set or calibration changes for the communes of a data file.
 */
import { readFile } from 'node:fs/promises';
import type { Lang } from '../../requirement/format.js';
import type { CriterionSet } from '../../schema/criterion-set.js';
import type { CommuneInput } from '../../schema/input.js';
import { printable } from '../../errors.js';
import { impactOf, impactCsv, impactHtml, impactMarkdown, impactText } from '../../impact/index.js';
import { findCriterionSet } from '../../versions/set-reference.js';
import { readRows } from '../inputs.js';
import { openSink, type CliIo } from '../io.js';
import { t } from '../../messages/index.js';
import { UsageError, sayingIn, COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, outputFileOf, type Command } from '../args.js';
import { jsonFileHeader } from '../batch.js';
import { setOf } from '../set-argument.js';
import { calibrateWithFile } from '../set-versions.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS = ['table', 'csv', 'md', 'html', 'json'] as const;

/** `--from` / `--to` as a set: a rule file, a calibration overlay (applied to its base), an id or a decision number; a date stays a date. */
async function sideOf(arg: unknown, option: string, lang: Lang, kind?: string): Promise<string | CriterionSet> {
  if (typeof arg !== 'string' || arg === '') throw new UsageError(`missing ${option} <set, decision or date>`, `thiếu ${option} <bộ tiêu chí, quyết định hoặc ngày>`);
  if (ISO_DATE.test(arg)) return arg;
  if (arg.toLowerCase().endsWith('.json')) {
    let base: unknown;
    try {
      base = (JSON.parse(await readFile(arg, 'utf8')) as { base?: unknown }).base;
    } catch {
      base = undefined; // setOf says what is wrong with the file.
    }
    if (typeof base === 'string' && base !== '') return calibrateWithFile(await setOf(base, lang), arg, lang);
    return setOf(arg, lang);
  }
  return sayingIn(() => findCriterionSet(arg, kind === undefined ? {} : { kind }).set, {
    'unknown-set': () => `không có bộ tiêu chí, loại hay quyết định "${printable(arg)}" (xem: ntm sets)`,
    'ambiguous-set': () => `"${printable(arg)}" chỉ nhiều loại bộ tiêu chí: hãy ghi mã bộ tiêu chí (xem: ntm sets)`,
    'kind-without-date': () => `"${printable(arg)}" là một loại bộ tiêu chí: hãy ghi một ngày (${option} 2024-03-01) hoặc mã bộ tiêu chí`,
  });
}

const IMPACT_OPTIONS = { ...COMMON, from: { type: 'string', input: 'set' }, to: { type: 'string', input: 'set' }, sheet: { type: 'string' } } as const satisfies OptionDecls;
const IMPACT_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<file> (a .json, .csv or .xlsx file of communes)', input: 'data' };

async function impactCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, IMPACT_OPTIONS, IMPACT_POSITIONALS);
  const file = positionals[0]!;
  const lang = langOf(values.lang);
  const format = formatOf(values.format, FORMATS, 'table');
  const header = await jsonFileHeader(file);
  const from = await sideOf(values.from ?? header.set, '--from', lang);
  // A decision that amends several kinds (211/QĐ-TTg) is read for the earlier set's kind.
  const to = await sideOf(values.to, '--to', lang, typeof from === 'string' ? undefined : from.kind);
  const inputs = [file, ...[values.from, values.to].filter((v): v is string => typeof v === 'string' && v.toLowerCase().endsWith('.json'))];
  const outFile = outputFileOf(values.out, inputs);
  // The kind a date names the version of: the other side's, else the data file's set's.
  const headerKind = header.set === undefined ? undefined : sayingIn(() => findCriterionSet(header.set!).set.kind, {});
  const dateKind = typeof from !== 'string' ? from.kind : typeof to !== 'string' ? to.kind : headerKind;
  if (typeof from === 'string' && typeof to === 'string' && ISO_DATE.test(from) && ISO_DATE.test(to) && dateKind === undefined) {
    throw new UsageError('--from and --to are both dates: name one set (or a data file with "set")', '--from và --to đều là ngày: hãy ghi một bộ tiêu chí (hoặc tệp dữ liệu có "set")');
  }
  const impactSay = {
    'no-set-in-force': () => `không có phiên bản nào có hiệu lực vào ngày đã cho (xem: ntm sets)`,
    'unknown-set': () => `không có bộ tiêu chí đã cho (xem: ntm sets)`,
  };
  // Rows are read with the columns of the set the data is for (the earlier one unless it is a date).
  const readingSet = sayingIn(() => (typeof from !== 'string' ? from : typeof to !== 'string' ? to : findCriterionSet(dateKind!, { date: from }).set), impactSay);
  const communes: CommuneInput[] = [];
  let errors = 0;
  for await (const row of readRows(file, { set: readingSet, lang, onWarning: (w) => io.err(`${w}\n`), ...(values.sheet === undefined ? {} : { sheet: String(values.sheet) }) })) {
    if (row.problem !== undefined) {
      errors++;
      io.err(`${row.problem}\n`);
      continue;
    }
    communes.push(row.input as CommuneInput);
  }
  if (communes.length === 0) {
    io.err(`${t('io.noRows', { file: printable(file) }, lang)}\n`);
    return 1;
  }
  const impact = sayingIn(() => impactOf(communes, from, to, dateKind === undefined ? {} : { kind: dateKind }), impactSay);
  for (const c of impact.communes) {
    for (const side of [c.before, c.after]) {
      if (side.error !== undefined) {
        errors++;
        io.err(`${printable(file)}: ${printable(c.communeId)}: ${side.setId}: ${printable(side.error)}\n`);
      }
    }
  }
  const sink = openSink(io, outFile);
  if (format === 'json') await sink.write(JSON.stringify(impact, null, 2) + '\n');
  else if (format === 'csv') await sink.write((outFile === undefined ? '' : '\ufeff') + impactCsv(impact, lang));
  else if (format === 'md') await sink.write(impactMarkdown(impact, lang));
  else if (format === 'html') await sink.write(impactHtml(impact, lang));
  else await sink.write(impactText(impact, lang));
  await sink.close();
  return errors > 0 ? 1 : 0;
}

export const impact: Command = { options: IMPACT_OPTIONS, positionals: IMPACT_POSITIONALS, run: impactCommand };
