/**
 * `ntm worklist`: what one agency still has to fix, commune by commune.
 */
import type { Lang } from '../../requirement/format.js';
import type { Plan, WorkList } from '../../schema/plan.js';
import { sayer } from '../../messages/index.js';
import { agencyOf } from '../../plan/owners.js';
import { agencyWorkList } from '../../plan/work-list.js';
import { REPORT_TEXT } from '../../report/labels.js';
import { formatValue, shortfallPhrase } from '../../report/gaps.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, PLAN_OPTION, SET_OPTION, type OptionDecls, parseCommandArgs, DATA_FILE, UsageError, langOf, formatOf, yearOf, type Command } from '../args.js';
import { jsonFileHeader, collectEvaluation } from '../batch.js';
import { nameIn, partnersOf, planOf, agencyArg } from '../plan-context.js';
import { setOf } from '../set-argument.js';

const WORKLIST_OPTIONS = { ...COMMON, plan: PLAN_OPTION, agency: { type: 'string' }, set: SET_OPTION, year: { type: 'string' }, sheet: { type: 'string' } } as const satisfies OptionDecls;

function workListText(list: WorkList, plan: Plan, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const t2 = sayer(lang);
  const agency = agencyOf(list.agencyId, plan);
  const lines = [`${nameIn(agency, lang)} (${agency.id}) — ${list.communes.length}/${list.communesChecked} ${lang === 'vi' ? 'xã còn việc' : 'communes with open items'}`];
  // Partners, other duties and recognition facts the plan gives the agency, besides the criteria it leads.
  const partners = partnersOf(agency, lang);
  if (partners.length > 0) lines.push(`${t2('actors.partners')}: ${partners.join('; ')}`);
  for (const d of lang === 'vi' ? agency.dutiesVi : agency.dutiesEn) lines.push(`${t2('actors.duties')}: ${d}`);
  if (agency.recognition.length > 0) lines.push(`${t2('actors.recognitionHead')}: ${agency.recognition.map((k) => t2(`actors.recognition.${k}`)).join('; ')}`);
  const status: Record<string, string> = lang === 'vi'
    ? { 'not-met': 'chưa đạt', undetermined: 'chưa xác định', missing: 'thiếu số liệu', 'threshold-unknown': 'chưa rõ ngưỡng' }
    : { 'not-met': 'not met', undetermined: 'undetermined', missing: 'missing data', 'threshold-unknown': 'threshold unknown' };
  for (const c of list.communes) {
    lines.push('', `${c.name ?? c.communeId}:`);
    for (const i of c.items) {
      const unit = i.requirement?.kind === 'compare' ? i.requirement.unit : null;
      const facts: string[] = [];
      if (i.value !== undefined && i.value !== null) facts.push(`${t.value.toLowerCase()} ${formatValue(i.value, unit, lang)}`);
      if (i.requirement && i.requirement.kind !== 'unknown') facts.push(`${t.requirement.toLowerCase()} ${lang === 'vi' ? i.requirement.textVi : i.requirement.textEn}`);
      if (typeof i.shortfall === 'number') facts.push(shortfallPhrase(i.shortfall, i.requirement ?? null, lang));
      const part = i.part ? ` (${nameIn(i.part, lang)})` : '';
      const label = i.level === 'criterion' ? `${t.criterion} ${i.code}` : i.code;
      lines.push(`  ${label}${part}: ${status[i.status] ?? i.status}${facts.length ? ` — ${facts.join(', ')}` : ''}${i.coOwners.length ? ` [${lang === 'vi' ? 'cùng' : 'with'} ${i.coOwners.map((id) => nameIn(agencyOf(id, plan), lang)).join(', ')}]` : ''}`);
    }
  }
  for (const s of list.skipped) lines.push(`(${lang === 'vi' ? 'bỏ qua' : 'skipped'} #${s.index}${s.communeId ? ` ${s.communeId}` : ''}: ${s.reason})`);
  return lines.join('\n');
}

async function worklistCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, WORKLIST_OPTIONS, DATA_FILE);
  if (values.agency === undefined) throw new UsageError('missing --agency <id> (see: ntm owners)', 'thiếu --agency <mã hoặc tên cơ quan> (xem: ntm owners)');
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const file = positionals[0]!;
  const header = await jsonFileHeader(file);
  const plan = await planOf(values.plan, header.plan, lang);
  agencyOf(agencyArg(values.agency, plan), plan);
  const set = await setOf(values.set ?? header.set);
  const year = yearOf(values.year);
  const { entries, errors } = await collectEvaluation(file, set, { lang, ...(year === undefined ? {} : { year }), ...(values.sheet === undefined ? {} : { sheet: String(values.sheet) }) }, io);
  const list = agencyWorkList(entries, agencyArg(values.agency, plan), plan);
  const sink = openSink(io, values.out as string | undefined);
  await sink.write(format === 'json' ? JSON.stringify(list, null, 2) + '\n' : workListText(list, plan, lang) + '\n');
  await sink.close();
  return errors > 0 ? 1 : 0;
}

export const worklist: Command = { options: WORKLIST_OPTIONS, positionals: DATA_FILE, run: worklistCommand };
