/**
 * The commands on a district plan — owners, worklist, targets, calendar — and what `--plan`
 * adds to `evaluate` (lead agencies, targets, next deadlines).
 */
import type { Lang } from '../requirement/format.js';
import { formatQuantity } from '../requirement/format.js';
import type { CommuneInput } from '../schema/input.js';
import type { Obligation, Plan, PlanAgency, TargetOutcome, WorkList } from '../schema/plan.js';
import { sayer, t } from '../messages/index.js';
import { NtmError, printable } from '../errors.js';
import { getCriterionSet, listCriterionSets } from '../rules/registry.js';
import { loadPlan, getPlan, listPlans } from '../plan/registry.js';
import { idByName } from '../evaluate/words.js';
import { indicatorName as nameOfIndicator } from '../report/labels.js';
import { agencyOf, ownedBy, ownerAssignments, ownersLookup, ownersOf } from '../plan/owners.js';
import { agencyWorkList } from '../plan/work-list.js';
import { evaluateTargets, populationByCommune } from '../plan/targets.js';
import { reportingSchedule, upcomingDeadlines } from '../plan/calendar.js';
import type { DeadlineLine, ReportContext, TargetLine } from '../report/gaps.js';
import { REPORT_TEXT } from '../report/labels.js';
import { mdCell } from '../report/markdown.js';
import { formatValue } from '../report/gaps.js';
import { targetDetailText } from '../report/targets.js';
import {
  collectEvaluation,
  dateOf,
  jsonFileHeader,
  textTable,
  UsageError,
  parseCommandArgs,
  langOf,
  formatOf,
  yearOf,
  setOf,
  sayingIn,
  COMMON,
  DATA_FILE,
  NO_POSITIONALS,
  type Command,
  type OptionDecl,
  type OptionDecls,
  type PositionalDecl,
  type CoreExtensions,
  type EvaluateExtras,
  type FileChecker,
} from './commands.js';
import { FileError, readUserText } from './inputs.js';
import { openSink, type CliIo } from './io.js';

/** `--plan`: a bundled plan id, a plan file, the data file's `"plan"`, or the only bundled plan. */
export async function planOf(v: unknown, fallback?: string, lang: Lang = 'vi'): Promise<Plan> {
  const id = typeof v === 'string' ? v : fallback;
  if (id === undefined) {
    const all = listPlans();
    if (all.length === 1) return getPlan(all[0]!);
    throw new UsageError(`missing --plan <id> (bundled: ${all.join(', ')})`, `thiếu --plan <mã kế hoạch> (có sẵn: ${all.join(', ')})`);
  }
  if (id.endsWith('.json')) {
    const text = await readUserText(id, lang);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      const shown = printable(id);
      throw new FileError(lang === 'vi' ? `${shown}: không phải JSON hợp lệ (${printable((e as Error).message)})` : `${shown}: not valid JSON: ${printable((e as Error).message)}`);
    }
    return loadPlan(data, { file: id });
  }
  return bundledPlan(id);
}

/** A bundled plan by id; an unknown id is said in Vietnamese too. */
function bundledPlan(id: string): Plan {
  return sayingIn(() => getPlan(id), { 'unknown-plan': () => `không có kế hoạch "${printable(id)}" đi kèm; có sẵn: ${listPlans().join(', ')}` });
}

const name = (x: { nameVi: string; nameEn: string }, lang: Lang): string => (lang === 'vi' ? x.nameVi : x.nameEn);

/** Today's date on this computer, `yyyy-MM-dd` (the CLI is the only place that reads the clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const KIND_TEXT: Record<Lang, Record<Obligation['kind'], string>> = {
  vi: { monthly: 'Báo cáo tháng', quarterly: 'Báo cáo quý', 'six-month': 'Báo cáo 6 tháng', 'nine-month': 'Báo cáo 9 tháng', annual: 'Báo cáo năm', 'commune-plan': 'Kế hoạch của xã' },
  en: { monthly: 'Monthly report', quarterly: 'Quarterly report', 'six-month': 'Six-month report', 'nine-month': 'Nine-month report', annual: 'Annual report', 'commune-plan': "Commune's plan" },
};

/** An obligation as a report line: what, when, to whom (and through which office). */
export function deadlineLine(o: Obligation, plan: Plan, lang: Lang): DeadlineLine {
  const via = o.submitTo.via === undefined ? '' : `${lang === 'vi' ? ' qua ' : ' via '}${name(agencyOf(o.submitTo.via, plan), lang)}`;
  return {
    label: `${KIND_TEXT[lang][o.kind]} ${o.period}`,
    dueBefore: o.dueBefore,
    lastDay: o.lastDay,
    submitTo: o.submitTo.recipients.map((r) => name(r, lang)).join(', ') + via,
  };
}

/**
 * A target outcome as a report line. The library explains it in English (`detail.textEn`); a
 * Vietnamese report says the same from the figures that decided it, never in English.
 */
export function targetLine(o: TargetOutcome, lang: Lang): TargetLine {
  return {
    ...(o.communeId === undefined ? {} : { communeId: o.communeId }),
    label: lang === 'vi' ? o.target.textVi : o.target.textEn,
    status: o.status,
    detail: targetDetailText(o, lang),
  };
}


/** `--agency` as an id or as the plan writes the name (`Phòng Y tế`), any case, with or without accents. */
function agencyArg(v: unknown, plan: Plan): string {
  const word = String(v);
  const id = idByName(word, plan.agencies, (a) => a.id) ?? word;
  return sayingIn(() => agencyOf(id, plan).id, {
    'unknown-agency': () => `không có cơ quan "${printable(word)}" trong ${plan.id}; có: ${plan.agencies.map((a) => a.id).join(', ')}`,
  });
}

/** `ntm evaluate --plan`: owners in results, criterion owners and agency names in reports, targets, deadlines. */
export const planExtras: CoreExtensions['plan'] = async (planId, set, { asOf, lang }): Promise<EvaluateExtras> => {
  const plan = await planOf(planId, undefined, lang);
  return {
    ownersOf: ownersLookup(plan, set),
    context: ({ entries, inputs, referenceDate }): Partial<ReportContext> => {
      const agencies = Object.fromEntries(plan.agencies.map((a) => [a.id, { nameVi: a.nameVi, nameEn: a.nameEn }]));
      const from = asOf ?? referenceDate ?? today();
      const population = populationByCommune(inputs.filter((i): i is CommuneInput => typeof (i as CommuneInput | undefined)?.population === 'number'));
      let targets: TargetLine[] = [];
      try {
        targets = evaluateTargets(plan, { current: entries, district: { population } }).map((o) => targetLine(o, lang));
      } catch (e) {
        if (!(e instanceof NtmError)) throw e;
        // Rows the plan does not know (other communes) leave targets out rather than the report.
      }
      const deadlines = upcomingDeadlines(plan, from, 5).map((o) => deadlineLine(o, plan, lang));
      const none = lang === 'vi' ? `; kế hoạch không còn hạn báo cáo nào từ ngày này (dùng --as-of với một ngày trong năm ${plan.year})` : `; the plan has no reporting deadline on or after that day (give --as-of a day in ${plan.year})`;
      return {
        agencies,
        criterionOwners: (n) => ownersOf(n, plan),
        targets,
        deadlines,
        notes: [`${lang === 'vi' ? 'Kế hoạch' : 'Plan'}: ${name(plan, lang)} (${plan.id}); ${lang === 'vi' ? 'hạn báo cáo tính từ' : 'deadlines counted from'} ${from}${deadlines.length === 0 ? none : ''}`],
      };
    },
  };
};

// ---------------------------------------------------------------------------------------------

const PLAN_OPTION = { type: 'string', input: 'plan' } as const satisfies OptionDecl;
const SET_OPTION = { type: 'string', input: 'set' } as const satisfies OptionDecl;
const OWNERS_OPTIONS = { ...COMMON, plan: PLAN_OPTION, agency: { type: 'string' }, code: { type: 'string' } } as const satisfies OptionDecls;
const WORKLIST_OPTIONS = { ...COMMON, plan: PLAN_OPTION, agency: { type: 'string' }, set: SET_OPTION, year: { type: 'string' }, sheet: { type: 'string' } } as const satisfies OptionDecls;
const TARGETS_OPTIONS = {
  ...COMMON,
  plan: PLAN_OPTION,
  set: SET_OPTION,
  year: { type: 'string' },
  baseline: { type: 'string', input: 'baseline' },
  'baseline-set': SET_OPTION,
  advanced: { type: 'string', input: 'advanced' },
  'advanced-set': SET_OPTION,
  figure: { type: 'string', multiple: true },
} as const satisfies OptionDecls;
const TARGETS_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<file> (the plan year’s data: .json, .csv or .xlsx)', input: 'data' };
const CALENDAR_OPTIONS = { ...COMMON, plan: PLAN_OPTION, year: { type: 'string' }, from: { type: 'string' }, before: { type: 'string' } } as const satisfies OptionDecls;

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
    return c ? name(c, lang) : '';
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
      return [name(agencyOf(a.agency, plan), lang), 'criterion' in a ? `${lang === 'vi' ? 'cả tiêu chí' : 'whole criterion'} ${a.criterion}` : `${a.indicator}${part ? ` (${name(part, lang)})` : ''}`];
    });
  } else if (values.agency !== undefined) {
    const agency = agencyOf(agencyArg(values.agency, plan), plan);
    const codes = ownedBy(agency.id, plan);
    data = { agency: agency.id, codes };
    head = lang === 'vi' ? ['Mã', 'Tiêu chí / chỉ tiêu', 'Phạm vi'] : ['Code', 'Criterion / indicator', 'Scope'];
    rows = codes.map((code) => {
      const a = ownerAssignments(code, plan).find((x) => x.agency === agency.id);
      const part = a && 'indicator' in a ? (a.aspect ?? a.sector) : undefined;
      return [code, indicatorName(code), part ? name(part, lang) : code.includes('.') ? '' : lang === 'vi' ? 'cả tiêu chí' : 'whole criterion'];
    });
  } else {
    data = plan.agencies.map((a) => ({ id: a.id, nameVi: a.nameVi, nameEn: a.nameEn, owns: ownedBy(a.id, plan), partnersVi: a.partnersVi, partnersEn: a.partnersEn, dutiesVi: a.dutiesVi, dutiesEn: a.dutiesEn, recognition: a.recognition }));
    head = lang === 'vi' ? ['Mã cơ quan', 'Tên', 'Chủ trì', t('actors.partners', {}, lang)] : ['Agency id', 'Name', 'Leads', t('actors.partners', {}, lang)];
    rows = plan.agencies.map((a) => [a.id, name(a, lang), ownedBy(a.id, plan).join(', ') || '—', partnersOf(a, lang).join('; ') || '—']);
    after = actorsText(plan, lang);
  }
  if (format === 'json') await sink.write(JSON.stringify(data, null, 2) + '\n');
  else if (format === 'md') await sink.write([`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n' + (after ? `\n${after.split('\n').map(mdCell).join('  \n')}\n` : ''));
  else await sink.write(textTable(head, rows) + '\n' + (after ? `\n${after}\n` : ''));
  await sink.close();
  return 0;
}

/** An agency's partners in a language (the plan's words when no English is given). */
function partnersOf(a: PlanAgency, lang: Lang): readonly string[] {
  return lang === 'en' && a.partnersEn.length > 0 ? a.partnersEn : a.partnersVi;
}

/** Below the owners table: each agency's other duties and the recognition facts it provides. */
function actorsText(plan: Plan, lang: Lang): string {
  const say = sayer(lang);
  const duties = plan.agencies.filter((a) => (lang === 'vi' ? a.dutiesVi : a.dutiesEn).length > 0);
  const recognition = plan.agencies.filter((a) => a.recognition.length > 0);
  const lines: string[] = [];
  if (duties.length > 0) lines.push(`${say('actors.duties')}:`, ...duties.flatMap((a) => (lang === 'vi' ? a.dutiesVi : a.dutiesEn).map((d) => `  ${name(a, lang)}: ${d}`)));
  if (recognition.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`${say('actors.recognitionHead')}:`, ...recognition.map((a) => say('actors.line', { agency: name(a, lang), items: a.recognition.map((k) => say(`actors.recognition.${k}`)) })));
  }
  return lines.join('\n');
}

function workListText(list: WorkList, plan: Plan, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const t2 = sayer(lang);
  const agency = agencyOf(list.agencyId, plan);
  const lines = [`${name(agency, lang)} (${agency.id}) — ${list.communes.length}/${list.communesChecked} ${lang === 'vi' ? 'xã còn việc' : 'communes with open items'}`];
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
      if (typeof i.shortfall === 'number') facts.push(`${t.shortfall.toLowerCase()} ${formatQuantity(i.shortfall, unit, lang)}`);
      const part = i.part ? ` (${name(i.part, lang)})` : '';
      const label = i.level === 'criterion' ? `${t.criterion} ${i.code}` : i.code;
      lines.push(`  ${label}${part}: ${status[i.status] ?? i.status}${facts.length ? ` — ${facts.join(', ')}` : ''}${i.coOwners.length ? ` [${lang === 'vi' ? 'cùng' : 'with'} ${i.coOwners.map((id) => name(agencyOf(id, plan), lang)).join(', ')}]` : ''}`);
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

async function targetsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TARGETS_OPTIONS, TARGETS_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  const file = positionals[0]!;
  const header = await jsonFileHeader(file);
  const plan = await planOf(values.plan, header.plan, lang);
  const set = await setOf(values.set ?? header.set);
  const year = yearOf(values.year);
  const current = await collectEvaluation(file, set, { lang, ...(year === undefined ? {} : { year }) }, io);
  let errors = current.errors;
  const extra = async (f: unknown, setArg: unknown, fallbackSet: string): Promise<Awaited<ReturnType<typeof collectEvaluation>> | undefined> => {
    if (typeof f !== 'string') return undefined;
    const h = await jsonFileHeader(f);
    const r = await collectEvaluation(f, await setOf(setArg ?? h.set ?? fallbackSet), { lang }, io);
    errors += r.errors;
    return r;
  };
  const baseline = await extra(values.baseline, values['baseline-set'], set.id);
  const advancedSetId = plan.targets.find((t) => t.kind === 'advanced-criteria')?.setId;
  const advanced = await extra(values.advanced, values['advanced-set'], advancedSetId ? setInForce(advancedSetId, plan.year) : set.id);
  const figures: Record<string, number> = {};
  for (const f of (values.figure as unknown as string[] | undefined) ?? []) {
    const m = /^([a-z0-9-]+)=([\d.,]+)$/.exec(f);
    if (!m) throw new UsageError(`--figure must be <target id>=<number>, got "${f}"`, `--figure phải có dạng <mã chỉ tiêu kế hoạch>=<số>, nhận được "${f}"`);
    figures[m[1]!] = Number(m[2]!.replace(',', '.'));
  }
  const population = populationByCommune(current.inputs.filter((i): i is CommuneInput => typeof (i as CommuneInput | undefined)?.population === 'number'));
  const outcomes = evaluateTargets(plan, {
    current: current.entries,
    ...(baseline ? { baseline: baseline.entries } : {}),
    ...(advanced ? { advanced: advanced.entries } : {}),
    district: { population, ...(Object.keys(figures).length ? { figures } : {}) },
  });
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(outcomes, null, 2) + '\n');
  else {
    const t = REPORT_TEXT[lang];
    const lines = outcomes.map((o) => targetLine(o, lang));
    const head = [t.commune, t.target, t.status, t.detail];
    const rows = lines.map((l) => [l.communeId ?? '—', l.label, t.targetStatus[l.status], l.detail]);
    if (format === 'md') await sink.write([`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n');
    else await sink.write(rows.map((r) => `${r[2]!.padEnd(14)} ${r[0]!.padEnd(12)} ${r[1]}\n${' '.repeat(28)}${r[3]}`).join('\n') + '\n');
  }
  await sink.close();
  return errors > 0 ? 1 : 0;
}

/**
 * The id of the bundled set of a series (`dak-nong/commune-ntm-advanced`) in force on 1 January
 * of a year, else the series' earliest; a full set id is returned as it is.
 */
export function setInForce(series: string, year: number): string {
  const versions = listCriterionSets().filter((s) => s.kind === series);
  if (versions.length === 0) return series;
  const day = `${year}-01-01`;
  const inForce = versions.filter((s) => s.effectiveFrom <= day && (s.effectiveTo === null || s.effectiveTo > day));
  return (inForce.at(-1) ?? versions[0]!).id;
}

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
    const t = REPORT_TEXT[lang];
    const head = [t.report, t.dueBefore, t.lastDay, t.submitTo];
    const rows = list.map((o) => {
      const d = deadlineLine(o, plan, lang);
      return [d.label, d.dueBefore, d.lastDay, d.submitTo ?? '—'];
    });
    if (format === 'md') await sink.write([`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n');
    else {
      const reading = before === 'exclusive'
        ? lang === 'vi' ? '"trước ngày D" được hiểu là hạn chót ngày D-1 (--before inclusive để tính cả ngày D)' : '"before day D" is read as due on D-1 at the latest (--before inclusive counts D itself)'
        : lang === 'vi' ? '"trước ngày D" được hiểu là còn kịp trong ngày D' : '"before day D" is read as still on time on D';
      await sink.write(`${textTable(head, rows)}\n\n${reading}\n`);
    }
  }
  await sink.close();
  return 0;
}

/** `owners`, `worklist`, `targets`, `calendar`. */
export const PLAN_COMMANDS: Record<string, Command> = {
  owners: {
    summary: 'which district agency leads which criterion or indicator',
    help: `ntm owners [--agency <id> | --code <code>] [--plan <id>] [--format table|json|md] [--lang vi|en] [--out <file>]

Without options: every agency of the plan and what it leads (chủ trì). --agency: the codes one
agency leads, with the aspect or sector where ownership is split (17.9, 17.10). --code: who
leads one criterion or indicator. --plan defaults to the bundled plan (dak-song/2023).
`,
    options: OWNERS_OPTIONS,
    positionals: NO_POSITIONALS,
    run: ownersCommand,
  },
  worklist: {
    summary: "what one agency still has to fix, commune by commune",
    help: `ntm worklist <file> --agency <id> [--set <id>] [--plan <id>] [--year <yyyy>] [--format table|json] [--lang vi|en] [--out <file>]

Evaluates the data file (as ntm evaluate does) and lists, for the agency, every criterion it
leads that is not met and every indicator it leads that is not met, missing or has an unknown
threshold, with value, requirement and shortfall. Exit codes as ntm evaluate.
`,
    options: WORKLIST_OPTIONS,
    positionals: DATA_FILE,
    run: worklistCommand,
  },
  targets: {
    summary: "whether the plan's targets are reached",
    help: `ntm targets <file> [--baseline <file>] [--advanced <file>] [--figure <target>=<n>]... [--plan <id>] [--set <id>] [--format table|json|md] [--lang vi|en] [--out <file>]

Judges every target of the plan: reach / keep the standard (from <file>), gain N criteria over
the baseline year (--baseline: that year's data), N criteria of the advanced set (--advanced:
data under the advanced set), district figures (--figure health-insurance-coverage=93.4, or
estimated from the communes' indicator values weighted by population when the file has a
population column). Undetermined targets say which data would decide them.
`,
    options: TARGETS_OPTIONS,
    positionals: TARGETS_POSITIONALS,
    run: targetsCommand,
  },
  calendar: {
    summary: "the plan's reporting calendar",
    help: `ntm calendar [--year <yyyy>] [--from <date>] [--before exclusive|inclusive] [--plan <id>] [--format table|json|md] [--lang vi|en] [--out <file>]

Every reporting obligation of the year (monthly, quarterly, six-month, nine-month, annual, the
communes' plans) with the date the plan writes ("before …") and the last day; --from keeps the
ones whose last day is on or after that date. --before inclusive counts the written day itself.
`,
    options: CALENDAR_OPTIONS,
    positionals: NO_POSITIONALS,
    run: calendarCommand,
  },
};

/** `ntm check` on a plan file. */
export const PLAN_CHECKER: FileChecker = {
  kind: 'plan',
  matches: (d) => 'agencies' in d && 'ownership' in d,
  check: (data, file) => {
    const plan = loadPlan(data, { file });
    return `plan ${plan.id}: ${plan.agencies.length} agencies, ${plan.ownership.assignments.length} ownership assignments, ${plan.communes.length} communes, ${plan.targets.length} targets`;
  },
};
