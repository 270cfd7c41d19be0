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
  applyWhatIf,
  checkRecognition,
  comparePanel,
  criteriaMatrixTable,
  evaluateCommunes,
  evaluateTargets,
  formatDate,
  formatPeriod,
  getCriterionSet,
  getPlan,
  isEvaluationError,
  populationByCommune,
  roadToStandard,
  shortfallPhrase,
  targetDetailText,
  COMMUNE_STATUS_TEXT,
  CRITERION_STATUS_TEXT,
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
console.log(`${set.legalBasis.number}, ${formatDate(set.legalBasis.date, 'vi')} — ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'} chỉ tiêu được mã hóa`);
console.log(`Dữ liệu minh họa (không phải số liệu chính thức)\n`);
console.log(criteriaMatrixTable(results, 'vi'));


const plan = getPlan(PLAN_ID);
const STATUS: Record<TargetStatus, string> = { achieved: '✓ Đạt', 'not-achieved': '✗ Chưa đạt', undetermined: '? Chưa xác định' };
const outcomes = evaluateTargets(plan, { current: entries, district: { population: populationByCommune(data.communes) } });
console.log(`\nMục tiêu năm ${plan.year} theo kế hoạch ${plan.id}`);
const who = (communeId: string | undefined): string => plan.communes.find((c) => c.id === communeId)?.nameVi ?? plan.district.nameVi;
const width = Math.max(...outcomes.map((o) => who(o.communeId).length));
for (const o of outcomes) {
  console.log(`${STATUS[o.status].padEnd(16)} ${who(o.communeId).padEnd(width)}  ${targetDetailText(o, 'vi')}`);
}

/** A reporting obligation as the plan names it: "báo cáo quý II/2023", "kế hoạch của xã năm 2023". */
const obligation = (kind: ObligationKind, period: string): string => {
  const p = formatPeriod(period, 'vi');
  return `${kind === 'commune-plan' ? 'kế hoạch của xã' : 'báo cáo'} ${p.charAt(0).toLowerCase()}${p.slice(1)}`;
};
const dmy = (iso: string): string => formatDate(iso, 'vi');
console.log(`\nHạn báo cáo sắp tới tính từ ${dmy(REFERENCE_DATE)} (ngày tham chiếu cố định của bản demo)`);
for (const d of upcomingDeadlines(plan, REFERENCE_DATE, 5)) {
  const via = d.submitTo.via === undefined ? '' : ` qua ${agencyOf(d.submitTo.via, plan).nameVi}`;
  console.log(
    `  hạn chót ${dmy(d.lastDay)} (kế hoạch ghi "trước ${dmy(d.dueBefore)}"), còn ${d.daysLeft} ngày: ${obligation(d.kind, d.period)} → ${d.submitTo.recipients.map((r) => r.nameVi).join(', ')}${via}`,
  );
}
console.log(`  "trước ngày 13" được hiểu là chậm nhất ngày 12 (${plan.reporting.before.reading === 'exclusive' ? 'không tính ngày 13' : 'tính cả ngày 13'}); truyền { before: 'inclusive' } để tính cả ngày 13.`);

// The road to the standard (18/2022/QĐ-TTg): what must change and who must act, what-if, recognition, revocation.
const road = roadToStandard(entries, { plan });
console.log(`\nLộ trình đạt chuẩn: việc phải làm theo xã (thứ tự, cơ quan chủ trì)`);
for (const c of road.communes.filter((x) => x.items.length > 0)) {
  const items = c.items.map((i) => `${i.code ?? `TC${i.criterion}`}${i.basicallyMet ? ' (cơ bản đạt)' : ''} [${i.owners.map((o) => agencyOf(o, plan).nameVi).join(' + ') || '—'}${i.shortfall ? `, ${shortfallPhrase(i.shortfall, i.requirement, 'vi')}` : ''}${i.decidedBy === 'needs-verdict' ? ', cần kết luận' : ''}]`);
  console.log(`  ${(c.name ?? c.communeId).padEnd(width)}  ${items.join('; ')}`);
}
const whatIfFile = JSON.parse(readFileSync(fileURLToPath(new URL('./dak-song-2023-what-if.json', import.meta.url)), 'utf8'));
const { entries: hypothetical, changes } = applyWhatIf(entries, whatIfFile);
console.log(`\nGiả định (dak-song-2023-what-if.json)`);
for (const w of changes) {
  const commune = (s: keyof typeof COMMUNE_STATUS_TEXT.vi): string => COMMUNE_STATUS_TEXT.vi[s];
  const criterion = (s: keyof typeof CRITERION_STATUS_TEXT.vi): string => CRITERION_STATUS_TEXT.vi[s];
  console.log(`  ${who(w.communeId).padEnd(width)}  ${commune(w.statusBefore)} → ${commune(w.statusAfter)}${w.criteria.length ? `; ${w.criteria.map((c) => `TC${c.number}: ${criterion(c.before)} → ${criterion(c.after)}`).join(', ')}` : ''}`);
}
const facts = JSON.parse(readFileSync(fileURLToPath(new URL('./dak-song-2023-recognition.json', import.meta.url)), 'utf8')) as { communes: Record<string, object> };
console.log(`\nĐiều kiện công nhận (18/2022/QĐ-TTg; tỷ lệ hài lòng yêu cầu chưa rõ), sau giả định`);
const RECOGNITION_VI: Record<string, string> = { recognisable: 'đủ điều kiện', 'not-recognisable': 'chưa đủ điều kiện', undetermined: 'chưa xác định' };
const CONDITION_VI: Record<string, string> = { met: 'đạt', 'not-met': 'chưa đạt', undetermined: 'chưa xác định' };
for (const [id, f] of Object.entries(facts.communes)) {
  const r = hypothetical.find((e): e is CommuneResult => !isEvaluationError(e) && e.communeId === id)!;
  const rec = checkRecognition(r, f);
  console.log(`  ${who(id).padEnd(width)}  ${RECOGNITION_VI[rec.status]!.padEnd(17)} ${rec.conditions.map((c) => `${c.id} ${CONDITION_VI[c.status] ?? c.status}`).join(', ')}`);
}
const years = [2022, 2023, 2024].map((y) => JSON.parse(readFileSync(fileURLToPath(new URL(`./dak-song-${y}.json`, import.meta.url)), 'utf8')) as { set: string; communes: CommuneInput[] });
const panelEntries = (await Promise.all(years.map((y) => evaluateCommunes(y.set, y.communes)))).flat();
const panel = comparePanel(panelEntries, { plan });
console.log(`\nQua các năm 2022–2024 (dữ liệu minh họa): xã ra khỏi chuẩn, nguy cơ bị thu hồi của các xã đã được công nhận`);
const REVOCATION_VI: Record<string, string> = { revocable: 'thuộc diện thu hồi', 'not-revocable': 'không thuộc diện thu hồi', undetermined: 'chưa xác định' };
for (const f of panel.fellOutOfStandard) console.log(`  ${who(f.communeId).padEnd(width)}  ra khỏi chuẩn ${f.from} → ${f.to}${f.definite ? '' : ' (có thể)'}`);
for (const c of panel.communes.filter((x) => x.recognised)) {
  console.log(`  ${who(c.communeId).padEnd(width)}  ${c.years.map((y) => `${y.year}: ${REVOCATION_VI[y.revocation!.status] ?? y.revocation!.status} (${y.revocation!.belowStandard.min}${y.revocation!.belowStandard.max > y.revocation!.belowStandard.min ? `–${y.revocation!.belowStandard.max}` : ''}/19)`).join(', ')}`);
}
console.log(`  thu hồi: từ 6/19 tiêu chí không đạt chuẩn, trong đó có tiêu chí 10, 17 hoặc 19, hoặc từ 10/19 ("từ 30 %", "từ 50 %" hiểu đúng theo tỷ lệ)`);

for (const e of entries) {
  if (isEvaluationError(e)) console.error(`\n#${e.index} ${e.communeId ?? ''}: ${e.error.message}`);
}
process.exitCode = entries.some(isEvaluationError) ? 1 : 0;
