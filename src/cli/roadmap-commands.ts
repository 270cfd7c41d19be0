/**
 * `ntm roadmap` (the road to the standard, what-if, recognition and revocation) and `ntm panel`
 * (several years side by side). Everything they compute comes from the library.
 */
import type { z } from 'zod';
import type { Lang } from '../requirement/format.js';
import { RecognitionFactsFileSchema } from '../schema/recognition.js';
import { WhatIfFileSchema, type WhatIfResult } from '../schema/roadmap.js';
import { NtmError, issuesFromZod, printable } from '../errors.js';
import { parseRuleText } from '../rules/load.js';
import { loadRecognitionRules } from '../recognition/rules.js';
import { roadToStandard } from '../roadmap/roadmap.js';
import { applyWhatIf } from '../roadmap/what-if.js';
import { comparePanel } from '../panel/panel.js';
import { roadmapCsv, roadmapHtml, roadmapMarkdown, roadmapText } from '../report/roadmap.js';
import { panelCsv, panelHtml, panelMarkdown, panelText } from '../report/panel.js';
import type { BatchEntry } from '../evaluate/commune.js';
import { collectEvaluation, formatOf, jsonFileHeader, langOf, locatedIssues, parseCommandArgs, sayingIn, setOf, yearOf, COMMON, DATA_FILE, type Command, type FileChecker, type OptionDecls, type PositionalDecl } from './commands.js';
import { planOf } from './plan-commands.js';
import { FileError, readUserText } from './inputs.js';
import { openSink, type CliIo } from './io.js';

const FORMATS = ['table', 'csv', 'md', 'html', 'json'] as const;

/** Reads a small JSON file (what-if changes, recognition facts) and validates it; errors at file:line:column. */
export async function jsonFileOf<S extends z.ZodType>(file: string, schema: S, lang: Lang): Promise<z.output<S>> {
  const text = await readUserText(file, lang);
  try {
    const data = parseRuleText(text.replace(/^\ufeff/, ''), file, 'INVALID_INPUT');
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues), { file });
    return parsed.data;
  } catch (e) {
    if (e instanceof NtmError) throw new FileError(locatedIssues(file, text, e).join('\n'));
    throw e;
  }
}

const ILLUSTRATIVE: Record<Lang, string> = {
  vi: 'Kết quả chỉ đúng với số liệu đã nhập; ngưỡng "chưa rõ" chưa được mã hóa từ văn bản gốc.',
  en: 'Results are only as good as the data entered; "threshold unknown" means the source text has not been encoded.',
};

/** Renders the chosen format and writes it to standard output or `--out`. */
async function write(io: CliIo, out: string | undefined, format: (typeof FORMATS)[number], render: Record<(typeof FORMATS)[number], () => string>): Promise<void> {
  const text = render[format]();
  const sink = openSink(io, out);
  // Excel reads a UTF-8 CSV file's accents only with a BOM; standard output stays plain.
  await sink.write(format === 'csv' && out !== undefined ? `\ufeff${text}` : text);
  await sink.close();
}

const ROADMAP_OPTIONS = {
  ...COMMON,
  set: { type: 'string', input: 'set' },
  plan: { type: 'string', input: 'plan' },
  commune: { type: 'string' },
  'what-if': { type: 'string', input: 'what-if' },
  facts: { type: 'string', input: 'facts' },
  year: { type: 'string' },
  sheet: { type: 'string' },
} as const satisfies OptionDecls;
const PANEL_OPTIONS = { ...COMMON, set: { type: 'string', input: 'set' }, plan: { type: 'string', input: 'plan' }, recognised: { type: 'string' }, sheet: { type: 'string' } } as const satisfies OptionDecls;
const PANEL_POSITIONALS: PositionalDecl = { min: 1, max: 50, names: '<file>... (one data file per year: .json, .csv or .xlsx)', input: 'data' };

async function roadmapCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, ROADMAP_OPTIONS, DATA_FILE);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, FORMATS, 'table');
  const file = positionals[0]!;
  const header = await jsonFileHeader(file);
  const plan = await planOf(values.plan, header.plan, lang);
  const set = await setOf(values.set ?? header.set, lang);
  const year = yearOf(values.year);
  const whatIfFile = values['what-if'] === undefined ? undefined : await jsonFileOf(String(values['what-if']), WhatIfFileSchema, lang);
  const factsFile = values.facts === undefined ? undefined : await jsonFileOf(String(values.facts), RecognitionFactsFileSchema, lang);
  const collected = await collectEvaluation(file, set, { lang, ...(year === undefined ? {} : { year }), ...(values.sheet === undefined ? {} : { sheet: String(values.sheet) }) }, io);
  let entries: BatchEntry[] = collected.entries;
  let changes: WhatIfResult[] = [];
  if (whatIfFile) ({ entries, changes } = applyWhatIf(entries, whatIfFile, { set }));
  const road = sayingIn(
    () =>
      roadToStandard(entries, {
        plan,
        ...(values.commune === undefined ? {} : { commune: String(values.commune) }),
        ...(factsFile ? { facts: factsFile.communes } : {}),
      }),
    { 'unknown-commune': () => `không có kết quả của xã "${printable(String(values.commune))}" trong tệp` },
  );
  const options = { lang, whatIf: changes, notes: [ILLUSTRATIVE[lang]] };
  await write(io, values.out as string | undefined, format, {
    json: () => JSON.stringify({ roadmap: road, whatIf: changes.map(({ before: _b, after: _a, ...w }) => w) }, null, 2) + '\n',
    csv: () => roadmapCsv(road, lang),
    md: () => roadmapMarkdown(road, options),
    html: () => roadmapHtml(road, options),
    table: () => roadmapText(road, options),
  });
  const afterErrors = entries.filter((e) => 'error' in e).length;
  return collected.errors > 0 || afterErrors > 0 ? 1 : 0;
}

async function panelCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, PANEL_OPTIONS, PANEL_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, FORMATS, 'table');
  const headers = await Promise.all(positionals.map((f) => jsonFileHeader(f)));
  const plan = await planOf(values.plan, headers.find((h) => h.plan !== undefined)?.plan, lang);
  const entries: BatchEntry[] = [];
  let errors = 0;
  for (const [i, file] of positionals.entries()) {
    const set = await setOf(values.set ?? headers[i]!.set, lang);
    const got = await collectEvaluation(file, set, { lang, ...(values.sheet === undefined ? {} : { sheet: String(values.sheet) }) }, io);
    errors += got.errors;
    entries.push(...got.entries);
  }
  const recognised = values.recognised === undefined ? undefined : String(values.recognised).split(',').map((s) => s.trim()).filter(Boolean);
  const panel = comparePanel(entries, { plan, ...(recognised ? { recognised } : {}) });
  const options = { lang, notes: [ILLUSTRATIVE[lang]] };
  await write(io, values.out as string | undefined, format, {
    json: () => JSON.stringify(panel, null, 2) + '\n',
    csv: () => panelCsv(panel, lang),
    md: () => panelMarkdown(panel, options),
    html: () => panelHtml(panel, options),
    table: () => panelText(panel, options),
  });
  return errors > 0 ? 1 : 0;
}

/** The commands of this file, registered by `main.ts`. */
export const ROADMAP_COMMANDS: Record<string, Command> = {
  roadmap: {
    summary: 'what must change, and who must act, for communes to reach the standard',
    help: `ntm roadmap <file> [--commune <id>] [--what-if <file>] [--facts <file>] [--set <id>] [--plan <id>] [--year <yyyy>] [--sheet <name>] [--format table|csv|md|html|json] [--lang vi|en] [--out <file>]

Evaluates the data file (as ntm evaluate does) and prints, for each commune (or only --commune,
by id, name or alias), the ordered work list to the standard: each criterion not met or not
decided, down to its indicators, with value, requirement, shortfall, lead agency (from the plan)
and whether data can decide it or only the lead agency's verdict; then the same items by agency.
Recognised communes (the plan's communes recognised in 2016-2021) get their revocation risk
under 18/2022/QĐ-TTg: from 6 of 19 criteria below standard with income (10), environment and
food safety (17) or defence and security (19) among them, or from 10 of 19.

--what-if <file>  hypothetical values or verdicts applied to the results before the roadmap:
                  {"communes": {"dak-mol": {"criteria": {"10": "Đạt"}, "indicators": {"15.3": 25}}}}
                  (null removes a value); the report shows each commune's status before and after.
--facts <file>    recognition facts per commune, for the recognition check of 18/2022/QĐ-TTg:
                  {"communes": {"dak-mol": {"satisfactionVerdict": "Đạt", "constructionDebt": 0,
                  "security": "not-complex"}}}; "satisfaction": 91.5 alone leaves R2 undetermined
                  (the required commune percentage is not known). For results of 2024 on (18/2022 as
                  amended by 03/2024/QĐ-TTg) security is "safe" or "not-safe" against the standard
                  "An toàn về an ninh, trật tự".

A criterion recorded "Cơ bản đạt" (basically met) is shown as such and does not count as met.
Exit codes: 0 ok; 1 some rows had errors; 2 usage or file errors.
`,
    options: ROADMAP_OPTIONS,
    positionals: DATA_FILE,
    run: roadmapCommand,
  },
  panel: {
    summary: 'several years of results side by side: criteria gained and lost, falls out of standard',
    help: `ntm panel <file>... [--set <id>] [--plan <id>] [--recognised <id,id…>] [--format table|csv|md|html|json] [--lang vi|en] [--out <file>]

Evaluates one data file per year (each under its own "set", or --set) and compares the same
communes year by year: criteria gained (not met → met) and lost (met → not met), changes to or
from "undetermined" kept apart, communes that fell out of standard, criteria by year, and for
recognised communes (the plan's communes recognised in 2016-2021, or --recognised) the
revocation risk of each year. Exit codes as ntm evaluate.
`,
    options: PANEL_OPTIONS,
    positionals: PANEL_POSITIONALS,
    run: panelCommand,
  },
};

/** `ntm check` on a recognition-rules file (rules/recognition/18-qd-ttg-2022.json or a calibration of it). */
export const RECOGNITION_CHECKER: FileChecker = {
  kind: 'recognition rules',
  matches: (d) => 'decision' in d && 'commune' in d && 'appliesTo' in d,
  check: (data, file) => {
    const rules = loadRecognitionRules(data, { file });
    return `recognition rules ${rules.id} (${rules.decision.number}): ${rules.commune.conditions.length} commune conditions, revocation lists for ${rules.commune.revocation.listed.length + rules.district.revocation.listed.length} set series`;
  },
};
