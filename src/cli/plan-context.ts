/**
 * A district plan as the commands read it (`--plan`), and what it adds to `evaluate`'s reports
 * (lead agencies, targets, next deadlines).
 */
import type { Lang } from '../requirement/format.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError, printable } from '../errors.js';
import { listCriterionSets } from '../rules/registry.js';
import type { BatchEntry } from '../evaluate/pipeline.js';
import type { ReportContext } from '../report/gaps.js';
import { FileError, readUserText } from './inputs.js';
import { t } from '../messages/index.js';
import type { CommuneInput } from '../schema/input.js';
import type { Obligation, Plan, PlanAgency, TargetOutcome } from '../schema/plan.js';
import { loadPlan, getPlan, listPlans } from '../plan/registry.js';
import { idByName } from '../evaluate/words.js';
import { agencyOf, ownersLookup, ownersOf } from '../plan/owners.js';
import { evaluateTargets, populationByCommune } from '../plan/targets.js';
import { upcomingDeadlines } from '../plan/calendar.js';
import type { DeadlineLine, TargetLine } from '../report/gaps.js';
import { targetDetailText } from '../report/targets.js';
import { UsageError, sayingIn } from './args.js';

/** Hooks the plan commands add to `evaluate` once a plan is given (owners, targets, deadlines). */
export interface EvaluateExtras {
  ownersOf?: (code: string) => readonly string[];
  context?: (data: { entries: readonly BatchEntry[]; inputs: readonly unknown[]; file: string; referenceDate: string | undefined }) => Promise<Partial<ReportContext>> | Partial<ReportContext>;
}

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

export const nameIn = (x: { nameVi: string; nameEn: string }, lang: Lang): string => (lang === 'vi' ? x.nameVi : x.nameEn);

/** Today's date on this computer, `yyyy-MM-dd` (the CLI is the only place that reads the clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An obligation as a report line: what, when, to whom (and through which office). */
export function deadlineLine(o: Obligation, plan: Plan, lang: Lang): DeadlineLine {
  const recipients = o.submitTo.recipients.map((r) => nameIn(r, lang)).join(', ');
  return {
    label: t(`calendar.${o.kind}`, { period: o.period }, lang),
    dueBefore: o.dueBefore,
    lastDay: o.lastDay,
    submitTo: o.submitTo.via === undefined ? recipients : t('calendar.via', { recipients, via: nameIn(agencyOf(o.submitTo.via, plan), lang) }, lang),
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
export function agencyArg(v: unknown, plan: Plan): string {
  const word = String(v);
  const id = idByName(word, plan.agencies, (a) => a.id) ?? word;
  return sayingIn(() => agencyOf(id, plan).id, {
    'unknown-agency': () => `không có cơ quan "${printable(word)}" trong ${plan.id}; có: ${plan.agencies.map((a) => a.id).join(', ')}`,
  });
}

/** `ntm evaluate --plan`: owners in results, criterion owners and agency names in reports, targets, deadlines. */
export const planExtras = async (planId: string, set: CriterionSet, { asOf, lang }: { asOf: string | undefined; lang: Lang }): Promise<EvaluateExtras> => {
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
      return {
        agencies,
        criterionOwners: (n) => ownersOf(n, plan),
        targets,
        deadlines,
        notes: [t('calendar.planNote', { plan: nameIn(plan, lang), id: plan.id, from }, lang) + (deadlines.length === 0 ? t('calendar.noneFrom', { year: String(plan.year), option: '--as-of' }, lang) : '')],
      };
    },
  };
};

/** An agency's partners in a language (the plan's words when no English is given). */
export function partnersOf(a: PlanAgency, lang: Lang): readonly string[] {
  return lang === 'en' && a.partnersEn.length > 0 ? a.partnersEn : a.partnersVi;
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
