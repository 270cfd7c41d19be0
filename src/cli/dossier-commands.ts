/**
 * `ntm dossier`: the recognition dossier of one commune (18/2022/QĐ-TTg, as amended by
 * 03/2024/QĐ-TTg for results of 2024 on) — criteria with verdicts and evidence, the four
 * conditions with their facts and the agencies that provide them, what is missing and who must
 * provide it — as a table, Markdown, HTML, XLSX or JSON.
 */
import type { CommuneResult } from '../schema/result.js';
import { RecognitionFactsFileSchema, type RecognitionFacts } from '../schema/recognition.js';
import { isEvaluationError } from '../evaluate/index.js';
import { recognitionDossier } from '../recognition/dossier.js';
import { dossierDocument, dossierWorkbook } from '../report/dossier.js';
import { documentHtml, documentMarkdown, documentText } from '../report/document.js';
import { workbookToXlsx } from '../workbook/xlsx.js';
import { foldText } from '../evaluate/words.js';
import { collectEvaluation, COMMON, DATA_FILE, formatOf, jsonFileHeader, langOf, parseCommandArgs, setOf, yearOf, UsageError, type Command, type OptionDecls } from './commands.js';
import { planOf } from './plan-commands.js';
import { jsonFileOf } from './roadmap-commands.js';
import { writeFileSafely } from './workbook-commands.js';
import { openSink, type CliIo } from './io.js';

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

const HELP = `ntm dossier <file> --commune <id or name> [--facts <facts.json>] [--plan <id>] [--set <id>] [--year <n>] [--sheet <name or number>] [--format table|md|html|xlsx|json] [--lang vi|en] [--out <file>]

The recognition dossier of one commune under 18/2022/QĐ-TTg (as amended by 03/2024/QĐ-TTg for
results of 2024 on): every criterion and indicator with its result, value, requirement, source and
lead agency; the four recognition conditions with their facts and the agencies that provide them
(the plan's: the residents' satisfaction survey, the construction-debt report, the security
assessment); who recognises and which year's results count; what is still missing and who must
provide it. Vietnamese by default. --format xlsx needs --out.

--facts <file>   recognition facts per commune, as for ntm roadmap --facts:
                 {"communes": {"dak-mol": {"satisfactionVerdict": "Đạt", "constructionDebt": 0,
                 "security": "safe"}}} ("safe" / "not-safe" for results of 2024 on; "complex" /
                 "not-complex" before).
`;

/** The dossier command, by name. */
export const DOSSIER_COMMANDS: Record<string, Command> = {
  dossier: { summary: "a commune's recognition dossier: criteria with evidence, the four conditions with their owners, what is missing", help: HELP, options: DOSSIER_OPTIONS, positionals: DATA_FILE, run: dossierCommand },
};
