/**
 * Evaluates the bundled (illustrative) Đắk Song 2023 data under Đắk Nông's commune set 1037
 * and prints the commune × criteria table. Run: `npm run demo`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { criteriaMatrixTable, evaluateCommunes, getCriterionSet, isEvaluationError, type CommuneResult } from '../src/index.js';

const file = fileURLToPath(new URL('./dak-song-2023.json', import.meta.url));
const data = JSON.parse(readFileSync(file, 'utf8')) as { description: string; set: string; communes: unknown[] };
const set = getCriterionSet(data.set);

const entries = await evaluateCommunes(set, data.communes);
const results = entries.filter((e): e is CommuneResult => !isEvaluationError(e));

console.log(`${set.nameVi}`);
console.log(`${set.legalBasis.number}, ${set.legalBasis.date} — ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'} chỉ tiêu được mã hóa`);
console.log(`Dữ liệu minh họa (không phải số liệu chính thức) / illustrative data, not official figures\n`);
console.log(criteriaMatrixTable(results, 'vi'));

for (const e of entries) {
  if (isEvaluationError(e)) console.error(`\n#${e.index} ${e.communeId ?? ''}: ${e.error.message}`);
}
process.exitCode = entries.some(isEvaluationError) ? 1 : 0;
