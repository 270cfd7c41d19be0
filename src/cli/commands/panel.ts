/**
 * `ntm panel`: several years of results side by side.
 */
import { comparePanel } from '../../panel/panel.js';
import { panelCsv, panelHtml, panelMarkdown, panelText } from '../../report/panel.js';
import type { BatchEntry } from '../../evaluate/commune.js';
import type { CliIo } from '../io.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, type Command } from '../args.js';
import { jsonFileHeader, collectEvaluation } from '../batch.js';
import { planOf } from '../plan-context.js';
import { REPORT_FORMATS, ILLUSTRATIVE, writeReport } from '../report-writer.js';
import { setOf } from '../set-argument.js';

const PANEL_OPTIONS = { ...COMMON, set: { type: 'string', input: 'set' }, plan: { type: 'string', input: 'plan' }, recognised: { type: 'string' }, sheet: { type: 'string' } } as const satisfies OptionDecls;
const PANEL_POSITIONALS: PositionalDecl = { min: 1, max: 50, names: '<file>... (one data file per year: .json, .csv or .xlsx)', input: 'data' };

async function panelCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, PANEL_OPTIONS, PANEL_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, REPORT_FORMATS, 'table');
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
  await writeReport(io, values.out as string | undefined, format, {
    json: () => JSON.stringify(panel, null, 2) + '\n',
    csv: () => panelCsv(panel, lang),
    md: () => panelMarkdown(panel, options),
    html: () => panelHtml(panel, options),
    table: () => panelText(panel, options),
  });
  return errors > 0 ? 1 : 0;
}

export const panel: Command = { options: PANEL_OPTIONS, positionals: PANEL_POSITIONALS, run: panelCommand };
