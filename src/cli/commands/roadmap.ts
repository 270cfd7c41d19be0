/**
 * `ntm roadmap`: the road to the standard, what-if, recognition and revocation.
 */
import { RecognitionFactsFileSchema } from '../../schema/recognition.js';
import { WhatIfFileSchema, type WhatIfResult } from '../../schema/roadmap.js';
import { printable } from '../../errors.js';
import { roadToStandard } from '../../roadmap/roadmap.js';
import { applyWhatIf } from '../../roadmap/what-if.js';
import { roadmapCsv, roadmapHtml, roadmapMarkdown, roadmapText } from '../../report/roadmap.js';
import type { BatchEntry } from '../../evaluate/commune.js';
import type { CliIo } from '../io.js';
import { COMMON, type OptionDecls, parseCommandArgs, DATA_FILE, langOf, formatOf, yearOf, sayingIn, type Command } from '../args.js';
import { jsonFileHeader, collectEvaluation } from '../batch.js';
import { jsonFileOf } from '../json-file.js';
import { planOf } from '../plan-context.js';
import { REPORT_FORMATS, ILLUSTRATIVE, writeReport } from '../report-writer.js';
import { setOf } from '../set-argument.js';

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

async function roadmapCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, ROADMAP_OPTIONS, DATA_FILE);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, REPORT_FORMATS, 'table');
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
  await writeReport(io, values.out as string | undefined, format, {
    json: () => JSON.stringify({ roadmap: road, whatIf: changes.map(({ before: _b, after: _a, ...w }) => w) }, null, 2) + '\n',
    csv: () => roadmapCsv(road, lang),
    md: () => roadmapMarkdown(road, options),
    html: () => roadmapHtml(road, options),
    table: () => roadmapText(road, options),
  });
  const afterErrors = entries.filter((e) => 'error' in e).length;
  return collected.errors > 0 || afterErrors > 0 ? 1 : 0;
}

export const roadmap: Command = { options: ROADMAP_OPTIONS, positionals: DATA_FILE, run: roadmapCommand };
