// One module per function: the package root loads every date-fns function (≈ 0.15 s at start).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { subDays } from 'date-fns/subDays';
import * as z from 'zod';
import { IsoDateSchema } from '../schema/common.js';
import {
  BeforeReadingSchema,
  SubmissionSchema,
  type BeforeReading,
  type Obligation,
  type ObligationKind,
  type Plan,
  type Submission,
} from '../schema/plan.js';
import { NtmError, issuesFromZod, type NtmIssue, issue } from '../errors.js';
import { resolvePlan } from './registry.js';

/** Options of the calendar functions. */
export interface CalendarOptions {
  /**
   * How "trước ngày 13" (before the 13th) is read. `exclusive`: the 12th is the last day;
   * `inclusive`: the 13th still counts. Default: the plan's own reading (`reporting.before`).
   */
  before?: BeforeReading;
}

const KIND_ORDER: readonly ObligationKind[] = ['commune-plan', 'monthly', 'quarterly', 'six-month', 'nine-month', 'annual'];

/**
 * A calendar day as a local `Date` at noon. All arithmetic stays on local calendar fields and
 * leaves through `dayString`, so no time zone can shift a day; noon keeps clear of
 * zones whose clocks skip midnight.
 */
function localDay(year: number, month: number, day: number): Date {
  return new Date(year, month - 1, day, 12);
}

function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return localDay(y, m, d);
}

function dayString(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Checks a `yyyy-MM-dd` argument; throws `INVALID_ARGUMENT` naming it otherwise. */
function checkDay(value: unknown, name: string): string {
  const parsed = IsoDateSchema.safeParse(value);
  if (!parsed.success) {
    throw new NtmError('INVALID_ARGUMENT', [
      issue('invalid-date', [name], { got: typeof value === 'string' ? JSON.stringify(value) : typeof value }),
    ]);
  }
  return parsed.data;
}

function readingOf(plan: Plan, options: CalendarOptions): BeforeReading {
  if (options.before === undefined) return plan.reporting.before.reading;
  const parsed = BeforeReadingSchema.safeParse(options.before);
  if (!parsed.success) {
    throw new NtmError('INVALID_ARGUMENT', [issue('invalid-option', ['options', 'before'], { option: 'before', got: JSON.stringify(options.before) ?? 'undefined' })]);
  }
  return parsed.data;
}

/**
 * The last day a report is on time, for the date a plan writes after "trước" (before).
 *
 * @example lastDayFor('2023-06-13', 'exclusive') // '2023-06-12'
 * @example lastDayFor('2023-06-13', 'inclusive') // '2023-06-13'
 */
export function lastDayFor(dueBefore: string, reading: BeforeReading): string {
  const day = checkDay(dueBefore, 'dueBefore');
  return reading === 'inclusive' ? day : dayString(subDays(parseDay(day), 1));
}

/**
 * Every dated reporting obligation of the plan in a year, in date order: monthly, quarterly,
 * six-month, nine-month and annual reports, and one-off deadlines such as the communes' own
 * plans. Dates are `yyyy-MM-dd` strings; `dueBefore` is the date the plan writes, `lastDay`
 * the last day on time under the reading in force. Ad-hoc reports have no date and no entry.
 * Throws `INVALID_ARGUMENT` for a year the plan does not cover.
 *
 * @example
 * reportingSchedule('dak-song/2023', 2023).filter((o) => o.dueBefore === '2023-06-13').map((o) => o.kind)
 * // ['monthly', 'quarterly', 'six-month']
 */
export function reportingSchedule(planOrId: string | Plan, year: number, options: CalendarOptions = {}): Obligation[] {
  const plan = resolvePlan(planOrId);
  if (year !== plan.year) {
    throw new NtmError('INVALID_ARGUMENT', [issue('year-not-covered', ['year'], { plan: plan.id, year: plan.year, got: JSON.stringify(year) ?? String(year) })]);
  }
  const reading = readingOf(plan, options);
  const { submitTo } = plan.reporting;
  const out: Obligation[] = [];
  const add = (kind: ObligationKind, period: string, dueBefore: string, from: string, to: Obligation['submitTo'], source: Obligation['source']): void => {
    out.push({ id: `${kind}:${period}`, kind, period, dueBefore, lastDay: lastDayFor(dueBefore, reading), from, submitTo: to, source });
  };
  for (const rule of plan.reporting.periodic) {
    switch (rule.kind) {
      case 'monthly':
        for (let m = 1; m <= 12; m++) add('monthly', `${year}-${String(m).padStart(2, '0')}`, dayString(localDay(year, m, rule.day)), 'all-reporters', submitTo, rule.source);
        break;
      case 'quarterly':
        for (let q = 1; q <= 4; q++) add('quarterly', `${year}-Q${q}`, dayString(localDay(year, (q - 1) * 3 + rule.monthOfQuarter, rule.day)), 'all-reporters', submitTo, rule.source);
        break;
      case 'six-month':
        add('six-month', `${year}-H1`, dayString(localDay(year, rule.month, rule.day)), 'all-reporters', submitTo, rule.source);
        break;
      case 'nine-month':
        add('nine-month', `${year}-9M`, dayString(localDay(year, rule.month, rule.day)), 'all-reporters', submitTo, rule.source);
        break;
      case 'annual':
        add('annual', `${year}`, dayString(localDay(year, rule.month, rule.day)), 'all-reporters', submitTo, rule.source);
        break;
      case 'ad-hoc':
        break;
    }
  }
  for (const d of plan.reporting.deadlines) {
    if (Number(d.dueBefore.slice(0, 4)) !== year) continue;
    add(d.kind, `${year}`, d.dueBefore, d.from === 'commune-committees' ? 'each-commune' : d.from, d.submitTo, d.source);
  }
  return out.sort((a, b) => a.dueBefore.localeCompare(b.dueBefore) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** An obligation still ahead, with the days left until its last day (0 = today is the last day). */
export type UpcomingDeadline = Obligation & { daysLeft: number };

/**
 * The next `n` obligations whose last day is on or after `date` (a `yyyy-MM-dd` string), in
 * date order. Fewer when the plan's year runs out.
 *
 * @example upcomingDeadlines('dak-song/2023', '2023-06-05', 3).map((d) => d.id)
 * // ['monthly:2023-06', 'quarterly:2023-Q2', 'six-month:2023-H1']
 */
export function upcomingDeadlines(planOrId: string | Plan, date: string, n: number, options: CalendarOptions = {}): UpcomingDeadline[] {
  const plan = resolvePlan(planOrId);
  const today = checkDay(date, 'date');
  if (!Number.isInteger(n) || n < 0) {
    throw new NtmError('INVALID_ARGUMENT', [issue('invalid-count', ['n'], { got: JSON.stringify(n) ?? String(n) })]);
  }
  return reportingSchedule(plan, plan.year, options)
    .filter((o) => o.lastDay >= today)
    .slice(0, n)
    .map((o) => ({ ...o, daysLeft: differenceInCalendarDays(parseDay(o.lastDay), parseDay(today)) }));
}

/** A report past its last day: never handed in by `date` (`missing`), or handed in after it (`late`). */
export interface OverdueReport {
  obligationId: string;
  kind: ObligationKind;
  period: string;
  dueBefore: string;
  lastDay: string;
  /** The reporter: an agency id or a commune id. */
  from: string;
  status: 'missing' | 'late';
  submittedOn?: string;
  /** Days past the last day: until `date` when missing, until the submission when late. */
  daysLate: number;
}

/**
 * Reports overdue at `date`: for every obligation whose last day has passed and every reporter
 * who owes it (each agency head the plan lists and each commune; each commune for the commune
 * plans), a `missing` entry when no submission was made by `date`, or a `late` one when it came
 * after the last day. Submissions name `from`, `kind`, `period` and `submittedOn`; an unknown
 * reporter or obligation throws `INVALID_ARGUMENT` with its path.
 *
 * @example
 * overdueReports('dak-song/2023', [{ from: 'dak-mol', kind: 'commune-plan', period: '2023', submittedOn: '2023-03-28' }], '2023-04-01')
 *   .filter((r) => r.kind === 'commune-plan').length // 7 communes still missing
 */
export function overdueReports(
  planOrId: string | Plan,
  submissions: readonly Submission[],
  date: string,
  options: CalendarOptions = {},
): OverdueReport[] {
  const plan = resolvePlan(planOrId);
  const today = checkDay(date, 'date');
  const schedule = reportingSchedule(plan, plan.year, options);
  const parsed = z.array(SubmissionSchema).safeParse(submissions);
  if (!parsed.success) throw new NtmError('INVALID_ARGUMENT', issuesFromZod(parsed.error.issues, ['submissions']));

  const communes = plan.communes.map((c) => c.id);
  const allReporters = [...plan.reporting.reporters.agencies, ...(plan.reporting.reporters.communes ? communes : [])];
  const owing = (o: Obligation): string[] => (o.from === 'all-reporters' ? allReporters : o.from === 'each-commune' ? communes : [o.from]);
  const byId = new Map(schedule.map((o) => [o.id, o]));

  // Earliest submission per (obligation, reporter); later copies do not make a report less late.
  const first = new Map<string, string>();
  const issues: NtmIssue[] = [];
  parsed.data.forEach((s, i) => {
    const o = byId.get(`${s.kind}:${s.period}`);
    if (!o) {
      issues.push(issue('unknown-obligation', ['submissions', i, 'period'], { plan: plan.id, kind: s.kind, period: s.period }));
      return;
    }
    if (!owing(o).includes(s.from)) {
      issues.push(issue('unknown-reporter', ['submissions', i, 'from'], { from: s.from, obligation: o.id, reporters: owing(o) }));
      return;
    }
    const key = `${o.id}|${s.from}`;
    const prev = first.get(key);
    if (prev === undefined || s.submittedOn < prev) first.set(key, s.submittedOn);
  });
  if (issues.length > 0) throw new NtmError('INVALID_ARGUMENT', issues);

  const out: OverdueReport[] = [];
  for (const o of schedule) {
    if (o.lastDay >= today) continue;
    for (const from of owing(o)) {
      const on = first.get(`${o.id}|${from}`);
      const base = { obligationId: o.id, kind: o.kind, period: o.period, dueBefore: o.dueBefore, lastDay: o.lastDay, from };
      // A submission dated after `date` had not happened yet at `date`.
      if (on === undefined || on > today) out.push({ ...base, status: 'missing', daysLate: differenceInCalendarDays(parseDay(today), parseDay(o.lastDay)) });
      else if (on > o.lastDay) out.push({ ...base, status: 'late', submittedOn: on, daysLate: differenceInCalendarDays(parseDay(on), parseDay(o.lastDay)) });
    }
  }
  return out;
}
