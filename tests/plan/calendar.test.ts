import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getPlan, NtmError, overdueReports, reportingSchedule, upcomingDeadlines, type Submission } from '../../src/index.js';
import { lastDayFor } from '../../src/plan/calendar.js';

const plan = getPlan('dak-song/2023');
const schedule = reportingSchedule('dak-song/2023', 2023);
const pad = (n: number): string => String(n).padStart(2, '0');

describe('reportingSchedule (2023)', () => {
  it('has 19 periodic obligations and the commune-plan deadline', () => {
    expect(schedule).toHaveLength(20);
    expect(schedule.filter((o) => o.kind !== 'commune-plan')).toHaveLength(19);
    const count = (k: string): number => schedule.filter((o) => o.kind === k).length;
    expect([count('monthly'), count('quarterly'), count('six-month'), count('nine-month'), count('annual'), count('commune-plan')]).toEqual([12, 4, 1, 1, 1, 1]);
  });

  it('dates each obligation as the plan writes it', () => {
    const due = (kind: string): string[] => schedule.filter((o) => o.kind === kind).map((o) => `${o.period} ${o.dueBefore}`);
    expect(due('monthly')).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${pad(i + 1)} 2023-${pad(i + 1)}-13`));
    expect(due('quarterly')).toEqual(['2023-Q1 2023-03-13', '2023-Q2 2023-06-13', '2023-Q3 2023-09-13', '2023-Q4 2023-12-13']);
    expect(due('six-month')).toEqual(['2023-H1 2023-06-13']);
    expect(due('nine-month')).toEqual(['2023-9M 2023-09-13']);
    expect(due('annual')).toEqual(['2023 2023-12-13']);
    expect(due('commune-plan')).toEqual(['2023 2023-03-30']);
  });

  it('has three obligations due before 13/6/2023', () => {
    expect(schedule.filter((o) => o.dueBefore === '2023-06-13').map((o) => o.id)).toEqual(['monthly:2023-06', 'quarterly:2023-Q2', 'six-month:2023-H1']);
  });

  it('reads "before" as the day before, and says so in the plan', () => {
    expect(plan.reporting.before.reading).toBe('exclusive');
    for (const o of schedule) expect(o.lastDay < o.dueBefore).toBe(true);
    expect(schedule.find((o) => o.id === 'commune-plan:2023')!.lastDay).toBe('2023-03-29');
    expect(schedule.find((o) => o.id === 'annual:2023')!.lastDay).toBe('2023-12-12');
  });

  it('takes the inclusive reading on request', () => {
    const inclusive = reportingSchedule(plan, 2023, { before: 'inclusive' });
    for (const o of inclusive) expect(o.lastDay).toBe(o.dueBefore);
    expect(() => reportingSchedule(plan, 2023, { before: 'soon' as never })).toThrow(/before must be "exclusive" or "inclusive"/);
  });

  it('is in date order, with who owes it and where it goes', () => {
    const dates = schedule.map((o) => o.dueBefore);
    expect([...dates].sort()).toEqual(dates);
    const monthly = schedule.find((o) => o.id === 'monthly:2023-01')!;
    expect(monthly.from).toBe('all-reporters');
    expect(monthly.submitTo).toMatchObject({ via: 'agriculture', email: 'phongnndaksong@gmail.com' });
    expect(monthly.submitTo.recipients.map((r) => r.nameVi)).toEqual(['UBND huyện', 'Ban Chỉ đạo nông thôn mới huyện']);
    expect(monthly.source.provision).toBe('IV.5');
    const communePlan = schedule.find((o) => o.kind === 'commune-plan')!;
    expect(communePlan.from).toBe('each-commune');
    expect(communePlan.submitTo.recipients.map((r) => r.nameVi)).toEqual(['Ủy ban nhân dân huyện']);
    expect(communePlan.source.provision).toBe('IV.1');
  });

  it('covers the plan year only', () => {
    expect(() => reportingSchedule(plan, 2024)).toThrow(/dak-song\/2023 sets the reporting calendar of 2023 only/);
  });
});

describe('lastDayFor', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(lastDayFor('2023-03-01', 'exclusive')).toBe('2023-02-28');
    expect(lastDayFor('2024-03-01', 'exclusive')).toBe('2024-02-29');
    expect(lastDayFor('2023-01-01', 'exclusive')).toBe('2022-12-31');
    expect(lastDayFor('2023-06-13', 'inclusive')).toBe('2023-06-13');
    expect(() => lastDayFor('2023-02-29', 'exclusive')).toThrow(NtmError);
  });
});

describe('upcomingDeadlines', () => {
  it('gives the next obligations from a date, with the days left', () => {
    expect(upcomingDeadlines(plan, '2023-06-05', 4).map((d) => [d.id, d.lastDay, d.daysLeft])).toEqual([
      ['monthly:2023-06', '2023-06-12', 7],
      ['quarterly:2023-Q2', '2023-06-12', 7],
      ['six-month:2023-H1', '2023-06-12', 7],
      ['monthly:2023-07', '2023-07-12', 37],
    ]);
    expect(upcomingDeadlines(plan, '2023-03-01', 3).map((d) => d.id)).toEqual(['monthly:2023-03', 'quarterly:2023-Q1', 'commune-plan:2023']);
  });

  it('counts the last day itself as upcoming, the written day only under the inclusive reading', () => {
    expect(upcomingDeadlines(plan, '2023-06-12', 1)[0]).toMatchObject({ id: 'monthly:2023-06', daysLeft: 0 });
    expect(upcomingDeadlines(plan, '2023-06-13', 1)[0]!.id).toBe('monthly:2023-07');
    expect(upcomingDeadlines(plan, '2023-06-13', 1, { before: 'inclusive' })[0]).toMatchObject({ id: 'monthly:2023-06', daysLeft: 0 });
  });

  it('runs out at the end of the plan year, and before it everything is ahead', () => {
    expect(upcomingDeadlines(plan, '2023-12-13', 5)).toEqual([]);
    expect(upcomingDeadlines(plan, '2022-12-31', 100)).toHaveLength(20);
    expect(upcomingDeadlines(plan, '2023-06-05', 0)).toEqual([]);
  });

  it('takes dates as yyyy-MM-dd strings only', () => {
    for (const bad of ['2023-6-5', '05/06/2023', '2023-02-30', new Date(2023, 5, 5), 20230605]) {
      expect(() => upcomingDeadlines(plan, bad as string, 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(() => upcomingDeadlines(plan, '2023-06-05', -1)).toThrow(/n must be a whole number/);
    expect(() => upcomingDeadlines(plan, '2023-06-05', 1.5)).toThrow(/n must be a whole number/);
  });
});

describe('overdueReports', () => {
  const reporters = plan.reporting.reporters.agencies.length + plan.communes.length;

  it('lists every reporter who owes a report past its last day', () => {
    const overdue = overdueReports(plan, [], '2023-04-01');
    // January, February, March monthly and the first quarter, from every reporter; the 8 commune plans.
    expect(reporters).toBe(23);
    expect(overdue).toHaveLength(4 * reporters + 8);
    expect(overdue.filter((r) => r.kind === 'commune-plan').map((r) => [r.from, r.status, r.daysLate])).toEqual(
      plan.communes.map((c) => [c.id, 'missing', 3]),
    );
    expect(overdue.every((r) => r.lastDay < '2023-04-01')).toBe(true);
  });

  it('separates reports on time, late and missing', () => {
    const subs: Submission[] = [
      { from: 'dak-mol', kind: 'commune-plan', period: '2023', submittedOn: '2023-03-28' },
      { from: 'thuan-ha', kind: 'commune-plan', period: '2023', submittedOn: '2023-03-30' },
      { from: 'nam-binh', kind: 'commune-plan', period: '2023', submittedOn: '2023-03-29' },
      // Handed in after the date asked about: not yet submitted at that date.
      { from: 'dak-hoa', kind: 'commune-plan', period: '2023', submittedOn: '2023-04-05' },
    ];
    const plans = overdueReports(plan, subs, '2023-04-01').filter((r) => r.kind === 'commune-plan');
    expect(plans.map((r) => [r.from, r.status, r.daysLate, r.submittedOn ?? null])).toEqual([
      ['dak-n-drung', 'missing', 3, null],
      ['truong-xuan', 'missing', 3, null],
      ['nam-n-jang', 'missing', 3, null],
      ['thuan-hanh', 'missing', 3, null],
      ['thuan-ha', 'late', 1, '2023-03-30'],
      ['dak-hoa', 'missing', 3, null],
    ]);
  });

  it('counts the earliest of repeated submissions', () => {
    const subs: Submission[] = [
      { from: 'health', kind: 'monthly', period: '2023-01', submittedOn: '2023-01-20' },
      { from: 'health', kind: 'monthly', period: '2023-01', submittedOn: '2023-01-10' },
    ];
    const jan = overdueReports(plan, subs, '2023-02-01').filter((r) => r.obligationId === 'monthly:2023-01');
    expect(jan.map((r) => r.from)).not.toContain('health');
    expect(jan).toHaveLength(reporters - 1);
  });

  it('nothing is overdue on or before a last day', () => {
    expect(overdueReports(plan, [], '2023-01-12')).toEqual([]);
    expect(overdueReports(plan, [], '2023-01-13').map((r) => r.obligationId)).toEqual(Array(reporters).fill('monthly:2023-01'));
  });

  it('rejects unknown reporters, obligations and bad dates with their paths', () => {
    const cases: Array<[Submission, Array<string | number>]> = [
      [{ from: 'roads', kind: 'monthly', period: '2023-01', submittedOn: '2023-01-10' }, ['submissions', 0, 'from']],
      [{ from: 'agriculture', kind: 'commune-plan', period: '2023', submittedOn: '2023-03-10' }, ['submissions', 0, 'from']],
      [{ from: 'health', kind: 'monthly', period: '2023-13', submittedOn: '2023-01-10' }, ['submissions', 0, 'period']],
      [{ from: 'health', kind: 'monthly', period: '2023-01', submittedOn: '10/01/2023' }, ['submissions', 0, 'submittedOn']],
      [{ from: 'health', kind: 'weekly' as never, period: '2023-01', submittedOn: '2023-01-10' }, ['submissions', 0, 'kind']],
    ];
    for (const [sub, path] of cases) {
      try {
        overdueReports(plan, [sub], '2023-04-01');
        expect.unreachable();
      } catch (e) {
        expect((e as NtmError).code).toBe('INVALID_ARGUMENT');
        expect((e as NtmError).issues[0]!.path).toEqual(path);
      }
    }
  });
});

describe('calendar properties (fast-check, seeded)', () => {
  const dayIn2023 = fc.integer({ min: 0, max: 364 }).map((i) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10));

  it('upcoming deadlines are the schedule’s, in order, none already past, days left counted right', () => {
    fc.assert(
      fc.property(dayIn2023, fc.integer({ min: 0, max: 25 }), fc.constantFrom('exclusive' as const, 'inclusive' as const), (date, n, before) => {
        const up = upcomingDeadlines(plan, date, n, { before });
        const all = reportingSchedule(plan, 2023, { before });
        const ahead = all.filter((o) => o.lastDay >= date);
        expect(up.map((u) => u.id)).toEqual(ahead.slice(0, n).map((o) => o.id));
        for (const u of up) {
          // Days left computed independently, on UTC midnights.
          const days = (Date.parse(`${u.lastDay}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
          expect(u.daysLeft).toBe(days);
        }
      }),
      { seed: 20230313, numRuns: 200 },
    );
  });

  it('the exclusive last day is always the calendar day before', () => {
    const anyDay = fc.integer({ min: 0, max: 365 * 30 }).map((i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(anyDay, (d) => {
        const before = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(lastDayFor(d, 'exclusive')).toBe(before);
      }),
      { seed: 20230330, numRuns: 300 },
    );
  });

  it('every reporter is either on time, late or listed as missing for each past obligation', () => {
    const reporters = [...plan.reporting.reporters.agencies, ...plan.communes.map((c) => c.id)];
    fc.assert(
      fc.property(dayIn2023, fc.array(fc.tuple(fc.constantFrom(...reporters), fc.integer({ min: 1, max: 12 }), dayIn2023), { maxLength: 40 }), (date, raw) => {
        const subs: Submission[] = raw.map(([from, m, on]) => ({ from, kind: 'monthly', period: `2023-${pad(m)}`, submittedOn: on }));
        const overdue = overdueReports(plan, subs, date).filter((r) => r.kind === 'monthly');
        for (const r of overdue) {
          expect(r.lastDay < date).toBe(true);
          const mine = subs.filter((s) => s.from === r.from && s.period === r.period && s.submittedOn <= date).map((s) => s.submittedOn).sort();
          if (r.status === 'missing') expect(mine).toEqual([]);
          else expect(r.submittedOn).toBe(mine[0]);
        }
        const pastMonths = reportingSchedule(plan, 2023).filter((o) => o.kind === 'monthly' && o.lastDay < date).length;
        const onTime = new Set(
          subs
            .filter((s) => s.submittedOn <= date && s.submittedOn <= `${s.period}-12` && `${s.period}-12` < date)
            .map((s) => `${s.from}|${s.period}`),
        );
        expect(overdue.length + onTime.size).toBe(pastMonths * reporters.length);
      }),
      { seed: 20230612, numRuns: 150 },
    );
  });
});
