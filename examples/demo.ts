/**
 * Evaluates the bundled (illustrative) Đắk Song 2023 data under Đắk Nông's commune set 1037
 * and prints the commune × criteria table, the district roll-up, the plan's 2023 targets and
 * the next reporting deadlines. Run: `npm run demo`.
 *
 * The deadlines are counted from the fixed REFERENCE_DATE below, not from the clock, so the
 * output is the same on every run. (It lives here rather than in the data file, which follows
 * the commune-data schema.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  agencyOf,
  criteriaMatrixTable,
  evaluateCommunes,
  evaluateTargets,
  formatNumber,
  getCriterionSet,
  getPlan,
  isEvaluationError,
  populationByCommune,
  summarizeDistrict,
  upcomingDeadlines,
  type CommuneInput,
  type CommuneResult,
  type ObligationKind,
  type TargetStatus,
} from '../src/index.js';

const file = fileURLToPath(new URL('./dak-song-2023.json', import.meta.url));
const data = JSON.parse(readFileSync(file, 'utf8')) as { description: string; set: string; communes: CommuneInput[] };
/** The district plan the example communes belong to. */
const PLAN_ID = 'dak-song/2023';
/** An illustrative, fixed "today" for the list of next reporting deadlines. */
const REFERENCE_DATE = '2023-06-05';
const set = getCriterionSet(data.set);

const entries = await evaluateCommunes(set, data.communes);
const results = entries.filter((e): e is CommuneResult => !isEvaluationError(e));

console.log(`${set.nameVi}`);
console.log(`${set.legalBasis.number}, ${set.legalBasis.date} — ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'} chỉ tiêu được mã hóa`);
console.log(`Dữ liệu minh họa (không phải số liệu chính thức) / illustrative data, not official figures\n`);
console.log(criteriaMatrixTable(results, 'vi'));

const summary = summarizeDistrict(entries);
console.log(
  `\nToàn huyện: ${summary.communesMeetingSet}/${summary.communes} xã đạt chuẩn; bình quân ${formatNumber(summary.meanCriteriaMet, 'vi')} tiêu chí/xã` +
    ` / district: ${summary.communesMeetingSet} of ${summary.communes} communes meet the set, ${formatNumber(summary.meanCriteriaMet, 'en')} criteria met per commune on average`,
);

const plan = getPlan(PLAN_ID);
const STATUS: Record<TargetStatus, string> = { achieved: '✓ Đạt', 'not-achieved': '✗ Chưa đạt', undetermined: '? Chưa xác định' };
const outcomes = evaluateTargets(plan, { current: entries, district: { population: populationByCommune(data.communes) } });
console.log(`\nMục tiêu năm ${plan.year} theo kế hoạch ${plan.id} / the plan's ${plan.year} targets`);
const who = (communeId: string | undefined): string => plan.communes.find((c) => c.id === communeId)?.nameVi ?? plan.district.nameVi;
const width = Math.max(...outcomes.map((o) => who(o.communeId).length));
for (const o of outcomes) {
  console.log(`${STATUS[o.status].padEnd(16)} ${who(o.communeId).padEnd(width)}  ${o.kind.padEnd(17)} ${o.detail.textEn}`);
  for (const m of o.detail.missing) console.log(`${' '.repeat(18 + width)}needs: ${m}`);
}

const KIND_VI: Record<ObligationKind, string> = {
  monthly: 'báo cáo tháng',
  quarterly: 'báo cáo quý',
  'six-month': 'báo cáo 6 tháng',
  'nine-month': 'báo cáo 9 tháng',
  annual: 'báo cáo năm',
  'commune-plan': 'kế hoạch của xã',
};
const dmy = (iso: string): string => iso.split('-').reverse().join('/');
console.log(`\nHạn báo cáo sắp tới tính từ ${dmy(REFERENCE_DATE)} (ngày tham chiếu cố định của bản demo) / next deadlines from the demo's fixed reference date ${REFERENCE_DATE}`);
for (const d of upcomingDeadlines(plan, REFERENCE_DATE, 5)) {
  const via = d.submitTo.via === undefined ? '' : ` qua ${agencyOf(d.submitTo.via, plan).nameVi}`;
  console.log(
    `  hạn chót ${dmy(d.lastDay)} (kế hoạch ghi "trước ${dmy(d.dueBefore)}"), còn ${d.daysLeft} ngày: ${KIND_VI[d.kind]} ${d.period} → ${d.submitTo.recipients.map((r) => r.nameVi).join(', ')}${via}`,
  );
}
console.log(`  "trước ngày 13" is read as "the 12th at the latest" (${plan.reporting.before.reading}); pass { before: 'inclusive' } to count the 13th.`);

for (const e of entries) {
  if (isEvaluationError(e)) console.error(`\n#${e.index} ${e.communeId ?? ''}: ${e.error.message}`);
}
process.exitCode = entries.some(isEvaluationError) ? 1 : 0;
