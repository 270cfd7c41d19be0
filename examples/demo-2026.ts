/**
 * The rules in force since 15/02/2026, on (illustrative) data for the four communes of former
 * Đắk Song district, now in Lâm Đồng: each commune's group under 51/2025/QĐ-TTg derived, as it
 * is evaluated, from illustrative facts in its input, the criteria matrix under the national set picked by `asOf`, the province
 * roll-up of Phụ lục III, and the 2023 results of the old communes shown by today's commune.
 * Run: `npm run demo:2026`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  COMMUNE_STATUS_TEXT,
  CRITERION_STATUS_TEXT,
  criteriaMatrixTable,
  evaluateCommunes,
  evaluateProvince,
  isEvaluationError,
  resultsByCurrentUnit,
  type CommuneGroupFacts,
  type CommuneInput,
  type CommuneResult,
} from '../src/index.js';

const read = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));
const data = read('./dak-song-2026.json') as {
  description: string;
  set: string;
  asOf: string;
  communes: CommuneInput[];
  groups: Record<string, { group?: 1 | 2 | 3 | string; facts?: CommuneGroupFacts }>;
  province: Record<string, unknown>;
};

console.log('Dữ liệu minh họa (không phải số liệu chính thức)\n');

// 1. Each commune's facts go into its input: the evaluation derives its group by the set's
//    declared derivation (the group rules of 51/2025/QĐ-TTg) and says which rule placed it.
const inputs: CommuneInput[] = data.communes.map((c) => {
  const facts = data.groups[c.communeId]?.facts;
  return facts === undefined ? c : { ...c, facts };
});

// 2. The criteria under the set in force on the date (the 2024 revision of 1037 would answer until 14/02/2026).
const entries = await evaluateCommunes('dak-nong/commune-ntm/2024', inputs, { asOf: data.asOf });
const results = entries.filter((e): e is CommuneResult => !isEvaluationError(e));
console.log('Nhóm xã theo 51/2025/QĐ-TTg, suy ra khi đánh giá');
for (const r of results) {
  const how = r.dimensionBasis?.communeGroup;
  const said =
    how?.basis === 'derived'
      ? `xã nhóm ${r.dimensions.communeGroup} theo quy tắc ${how.rule.id}: ${how.rule.nameVi} (${how.rule.source.decision})`
      : how?.basis === 'undetermined'
        ? `chưa xác định được nhóm xã (có thể là nhóm ${how.candidates.join(' hoặc ')}): thiếu ${how.missingFacts.join(', ')}`
        : `nhóm ${r.dimensions.communeGroup ?? '?'} (${how?.basis ?? '?'})`;
  console.log(`  ${(r.name ?? r.communeId).padEnd(12)} ${said}`);
}
console.log(`\nBộ tiêu chí có hiệu lực ngày ${data.asOf}: ${results[0]!.setId} (51/2025/QĐ-TTg); nhóm xã: ${results.map((r) => r.dimensions.communeGroup ?? '?').join(', ')}`);
console.log(criteriaMatrixTable(results, 'vi'));

// 3. The province roll-up (Phụ lục III): the four communes of 103, the rest not in the data.
const province = evaluateProvince({ ...data.province, communes: results.map((r) => ({ communeId: r.communeId, setId: r.setId, year: r.year, status: r.status })) }, undefined, { asOf: data.asOf });
console.log(`\nTỉnh Lâm Đồng, năm ${province.year} — điều kiện hoàn thành nhiệm vụ (Phụ lục III):`);
for (const c of province.conditions) console.log(`  ${c.id} ${(c.status === 'not-applicable' ? 'Không áp dụng' : CRITERION_STATUS_TEXT.vi[c.status]).padEnd(14)} ${c.textVi}`);

// 4. The 2023 table of the 8 old communes, by the commune that exists now.
const old = read('./dak-song-2023.json') as { set: string; communes: CommuneInput[] };
const view = resultsByCurrentUnit(await evaluateCommunes(old.set, old.communes));
console.log('\nKết quả năm 2023 theo xã hiện nay (không gộp kết quả):');
for (const u of view.units) {
  const parts = u.predecessors.map((p) => `${p.nameVi}: ${p.results.map((r) => COMMUNE_STATUS_TEXT.vi[r.status]).join(', ') || '—'}`);
  console.log(`  ${u.unit.nameVi.padEnd(15)} ${parts.join('; ')}`);
}
