/**
 * `ntm dossier`: a commune's recognition dossier.
 */
import type { CommuneResult } from '../../schema/result.js';
import { RecognitionFactsFileSchema, type RecognitionFacts } from '../../schema/recognition.js';
import { isEvaluationError } from '../../evaluate/index.js';
import { recognitionDossier } from '../../recognition/dossier.js';
import { dossierDocument, dossierWorkbook } from '../../report/dossier.js';
import { documentHtml, documentMarkdown, documentText } from '../../report/document.js';
import { workbookToXlsx } from '../../workbook/xlsx.js';
import { foldText } from '../../evaluate/words.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, type OptionDecls, parseCommandArgs, DATA_FILE, langOf, formatOf, UsageError, yearOf, type Command } from '../args.js';
import { jsonFileHeader, collectEvaluation } from '../batch.js';
import { jsonFileOf } from '../json-file.js';
import { planOf } from '../plan-context.js';
import { setOf } from '../set-argument.js';
import { writeFileSafely } from '../workbook-files.js';

const FORMATS = ['table', 'md', 'html', 'xlsx', 'json'] as const;

const DOSSIER_OPTIONS = {
  ...COMMON,
  set: { type: 'string', input: 'set' },
  plan: { type: 'string', input: 'plan' },
  commune: { type: 'string' },
  facts: { type: 'string', input: 'facts' },
  year: { type: 'string' },
  sheet: { type: 'string' },
} as const satisfies OptionDecls;

/** The commune a `--commune` names, by id or name (accents and case folded). */
function communeNamed(results: readonly CommuneResult[], wanted: string): CommuneResult | undefined {
  const key = foldText(wanted);
  return results.find((r) => foldText(r.communeId) === key || (r.name !== undefined && foldText(r.name) === key));
}

async function dossierCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DOSSIER_OPTIONS, DATA_FILE);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, FORMATS, 'table');
  if (values.commune === undefined) throw new UsageError('missing --commune <id or name>', 'thiếu --commune <mã hoặc tên xã>');
  if (format === 'xlsx' && values.out === undefined) throw new UsageError('--format xlsx writes a file: give --out <file.xlsx>', '--format xlsx ghi ra tệp: hãy cho --out <tệp.xlsx>');
  const file = positionals[0]!;
  const header = await jsonFileHeader(file);
  const plan = await planOf(values.plan, header.plan, lang);
  const set = await setOf(values.set ?? header.set, lang);
  const year = yearOf(values.year);
  const { entries, errors } = await collectEvaluation(file, set, { lang, ...(year === undefined ? {} : { year }), ...(values.sheet === undefined ? {} : { sheet: String(values.sheet) }) }, io);
  // No row evaluated: collectEvaluation has said why; a dossier of nothing is not written.
  if (entries.length === 0) return 1;
  const results = entries.filter((e): e is CommuneResult => !isEvaluationError(e));
  const wanted = String(values.commune);
  const result = communeNamed(results, wanted);
  if (!result) {
    const known = results.map((r) => r.communeId).join(', ');
    throw new UsageError(`no commune "${wanted}" in ${file}; known: ${known}`, `không có xã "${wanted}" trong ${file}; các xã: ${known}`);
  }
  let facts: RecognitionFacts = {};
  if (values.facts !== undefined) {
    const all = (await jsonFileOf(String(values.facts), RecognitionFactsFileSchema, lang)).communes;
    const key = Object.keys(all).find((k) => foldText(k) === foldText(result.communeId) || (result.name !== undefined && foldText(k) === foldText(result.name)));
    if (key !== undefined) facts = all[key]!;
  }
  const dossier = recognitionDossier(result, facts, { plan });
  const agencies = new Map(plan.agencies.map((a) => [a.id, a]));
  if (format === 'xlsx') {
    await writeFileSafely(String(values.out), await workbookToXlsx(dossierWorkbook(dossier, lang, agencies)), io);
    return errors > 0 ? 1 : 0;
  }
  const sink = openSink(io, values.out as string | undefined);
  const doc = () => dossierDocument(dossier, lang, agencies);
  if (format === 'json') await sink.write(JSON.stringify(dossier, null, 2) + '\n');
  else if (format === 'md') await sink.write(documentMarkdown(doc()));
  else if (format === 'html') await sink.write(documentHtml(doc()));
  else await sink.write(documentText(doc()));
  await sink.close();
  return errors > 0 ? 1 : 0;
}

export const dossier: Command = { options: DOSSIER_OPTIONS, positionals: DATA_FILE, run: dossierCommand };
