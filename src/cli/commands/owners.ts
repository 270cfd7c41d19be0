/**
 * `ntm owners`: which district agency leads which criterion or indicator.
 */
import type { Lang } from '../../requirement/format.js';
import type { Plan } from '../../schema/plan.js';
import { sayer, t } from '../../messages/index.js';
import { getCriterionSet } from '../../rules/registry.js';
import { indicatorName as nameOfIndicator } from '../../report/labels.js';
import { agencyOf, ownedBy, ownerAssignments, ownersOf } from '../../plan/owners.js';
import { mdCell } from '../../report/markdown.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, PLAN_OPTION, type OptionDecls, parseCommandArgs, NO_POSITIONALS, langOf, formatOf, type Command } from '../args.js';
import { planOf, setInForce, nameIn, agencyArg, partnersOf } from '../plan-context.js';
import { textTable } from '../text-table.js';

const OWNERS_OPTIONS = { ...COMMON, plan: PLAN_OPTION, agency: { type: 'string' }, code: { type: 'string' } } as const satisfies OptionDecls;

async function ownersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, OWNERS_OPTIONS, NO_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  const plan = await planOf(values.plan, undefined, lang);
  const sink = openSink(io, values.out as string | undefined);
  const set = getCriterionSet(setInForce(plan.ownership.setKind, plan.year));
  const indicatorName = (code: string): string => {
    const c = set.criteria.find((x) => x.number === code.split('.')[0]);
    const ind = code.includes('.') ? c?.indicators.find((i) => i.code === code) : undefined;
    if (ind) return nameOfIndicator(ind, lang);
    return c ? nameIn(c, lang) : '';
  };
  let data: unknown;
  let head: string[];
  let rows: string[][];
  let after = '';
  if (values.code !== undefined) {
    const code = String(values.code);
    const assignments = ownerAssignments(code, plan);
    data = { code, owners: ownersOf(code, plan), assignments };
    head = lang === 'vi' ? ['Cơ quan', 'Phạm vi'] : ['Agency', 'Scope'];
    rows = assignments.map((a) => {
      const part = 'indicator' in a ? (a.aspect ?? a.sector) : undefined;
      return [nameIn(agencyOf(a.agency, plan), lang), 'criterion' in a ? `${lang === 'vi' ? 'cả tiêu chí' : 'whole criterion'} ${a.criterion}` : `${a.indicator}${part ? ` (${nameIn(part, lang)})` : ''}`];
    });
  } else if (values.agency !== undefined) {
    const agency = agencyOf(agencyArg(values.agency, plan), plan);
    const codes = ownedBy(agency.id, plan);
    data = { agency: agency.id, codes };
    head = lang === 'vi' ? ['Mã', 'Tiêu chí / chỉ tiêu', 'Phạm vi'] : ['Code', 'Criterion / indicator', 'Scope'];
    rows = codes.map((code) => {
      const a = ownerAssignments(code, plan).find((x) => x.agency === agency.id);
      const part = a && 'indicator' in a ? (a.aspect ?? a.sector) : undefined;
      return [code, indicatorName(code), part ? nameIn(part, lang) : code.includes('.') ? '' : lang === 'vi' ? 'cả tiêu chí' : 'whole criterion'];
    });
  } else {
    data = plan.agencies.map((a) => ({ id: a.id, nameVi: a.nameVi, nameEn: a.nameEn, owns: ownedBy(a.id, plan), partnersVi: a.partnersVi, partnersEn: a.partnersEn, dutiesVi: a.dutiesVi, dutiesEn: a.dutiesEn, recognition: a.recognition }));
    head = lang === 'vi' ? ['Mã cơ quan', 'Tên', 'Chủ trì', t('actors.partners', {}, lang)] : ['Agency id', 'Name', 'Leads', t('actors.partners', {}, lang)];
    rows = plan.agencies.map((a) => [a.id, nameIn(a, lang), ownedBy(a.id, plan).join(', ') || '—', partnersOf(a, lang).join('; ') || '—']);
    after = actorsText(plan, lang);
  }
  if (format === 'json') await sink.write(JSON.stringify(data, null, 2) + '\n');
  else if (format === 'md') await sink.write([`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n' + (after ? `\n${after.split('\n').map(mdCell).join('  \n')}\n` : ''));
  else await sink.write(textTable(head, rows) + '\n' + (after ? `\n${after}\n` : ''));
  await sink.close();
  return 0;
}

/** Below the owners table: each agency's other duties and the recognition facts it provides. */
function actorsText(plan: Plan, lang: Lang): string {
  const say = sayer(lang);
  const duties = plan.agencies.filter((a) => (lang === 'vi' ? a.dutiesVi : a.dutiesEn).length > 0);
  const recognition = plan.agencies.filter((a) => a.recognition.length > 0);
  const lines: string[] = [];
  if (duties.length > 0) lines.push(`${say('actors.duties')}:`, ...duties.flatMap((a) => (lang === 'vi' ? a.dutiesVi : a.dutiesEn).map((d) => `  ${nameIn(a, lang)}: ${d}`)));
  if (recognition.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`${say('actors.recognitionHead')}:`, ...recognition.map((a) => say('actors.line', { agency: nameIn(a, lang), items: a.recognition.map((k) => say(`actors.recognition.${k}`)) })));
  }
  return lines.join('\n');
}

export const owners: Command = { options: OWNERS_OPTIONS, positionals: NO_POSITIONALS, run: ownersCommand };
