/** The reporting calendar: obligations by kind and period, how "before day D" is read. */
import { domain, msg } from '../define.js';

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export const calendar = domain('calendar', {
  'calendar.monthly': msg({ period: 'period' }, (p, f) => `Báo cáo ${lower(f.period(p.period))}`, (p) => `Monthly report ${p.period}`),
  'calendar.quarterly': msg({ period: 'period' }, (p, f) => `Báo cáo ${lower(f.period(p.period))}`, (p) => `Quarterly report ${p.period}`),
  'calendar.six-month': msg({ period: 'period' }, (p, f) => `Báo cáo ${f.period(p.period)}`, (p) => `Six-month report ${p.period}`),
  'calendar.nine-month': msg({ period: 'period' }, (p, f) => `Báo cáo ${f.period(p.period)}`, (p) => `Nine-month report ${p.period}`),
  'calendar.annual': msg({ period: 'period' }, (p, f) => `Báo cáo ${lower(f.period(p.period))}`, (p) => `Annual report ${p.period}`),
  'calendar.commune-plan': msg({ period: 'period' }, (p, f) => `Kế hoạch của xã ${lower(f.period(p.period))}`, (p) => `Commune's plan ${p.period}`),
  'calendar.via': msg({ recipients: 'text', via: 'name' }, (p) => `${p.recipients} qua ${p.via}`, (p) => `${p.recipients} via ${p.via}`),
  'calendar.beforeExclusive': msg(
    {},
    '"trước ngày D" được hiểu là hạn chót ngày D-1 (--before inclusive để tính cả ngày D)',
    '"before day D" is read as due on D-1 at the latest (--before inclusive counts D itself)',
  ),
  'calendar.noneFrom': msg(
    { year: 'code', option: 'code' },
    (p) => `; kế hoạch không còn hạn báo cáo nào từ ngày này (dùng ${p.option} với một ngày trong năm ${p.year})`,
    (p) => `; the plan has no reporting deadline on or after that day (give ${p.option} a day in ${p.year})`,
  ),
  'calendar.beforeInclusive': msg({}, '"trước ngày D" được hiểu là còn kịp trong ngày D', '"before day D" is read as still on time on D'),
  'calendar.planNote': msg(
    { plan: 'name', id: 'code', from: 'date' },
    (p, f) => `Kế hoạch: ${p.plan} (${p.id}); hạn báo cáo tính từ ${f.date(p.from)}`,
    (p, f) => `Plan: ${p.plan} (${p.id}); deadlines counted from ${f.date(p.from)}`,
  ),
});
