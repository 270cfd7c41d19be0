/**
 * `ntm calendar`: the plan's reporting calendar.
 */
import { t } from '../../messages/index.js';
import { reportingSchedule } from '../../plan/calendar.js';
import { REPORT_TEXT } from '../../report/labels.js';
import { mdCell } from '../../report/markdown.js';
import { formatDate } from '../../messages/index.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, PLAN_OPTION, type OptionDecls, parseCommandArgs, NO_POSITIONALS, langOf, formatOf, yearOf, dateOf, sayingIn, type Command } from '../args.js';
import { planOf, deadlineLine } from '../plan-context.js';
import { textTable } from '../text-table.js';

const CALENDAR_OPTIONS = { ...COMMON, plan: PLAN_OPTION, year: { type: 'string' }, from: { type: 'string' }, before: { type: 'string' } } as const satisfies OptionDecls;

async function calendarCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, CALENDAR_OPTIONS, NO_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  const plan = await planOf(values.plan, undefined, lang);
  const year = yearOf(values.year) ?? plan.year;
  const from = dateOf(values.from, '--from');
  const before = formatOf(values.before, ['exclusive', 'inclusive'] as const, plan.reporting.before.reading);
  const list = sayingIn(() => reportingSchedule(plan, year, { before }), {
    'year-not-covered': () => `${plan.id} chỉ có lịch báo cáo năm ${plan.year}, không có năm ${year}`,
  }).filter((o) => from === undefined || o.lastDay >= from);
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(list, null, 2) + '\n');
  else {
    const w = REPORT_TEXT[lang];
    const head = [w.report, w.dueBefore, w.lastDay, w.submitTo];
    const rows = list.map((o) => {
      const d = deadlineLine(o, plan, lang);
      return [d.label, formatDate(d.dueBefore, lang), formatDate(d.lastDay, lang), d.submitTo ?? '—'];
    });
    if (format === 'md') await sink.write([`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n');
    else {
      const reading = t(before === 'exclusive' ? 'calendar.beforeExclusive' : 'calendar.beforeInclusive', {}, lang);
      await sink.write(`${textTable(head, rows)}\n\n${reading}\n`);
    }
  }
  await sink.close();
  return 0;
}

export const calendar: Command = { options: CALENDAR_OPTIONS, positionals: NO_POSITIONALS, run: calendarCommand };
