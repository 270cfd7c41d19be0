/**
 * What an analyst in the district office can script with the library (beyond the `ntm` command):
 * evaluate the communes, write the HTML and Markdown reports with the plan's owners, targets and
 * deadlines, count each agency's open items, and print the district roll-up.
 *
 * Run: `npx tsx examples/analyst-script.ts [output folder]` (default: the system's temp folder).
 * The data are the illustrative example data, not official figures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  agencyWorkList,
  evaluateCommunes,
  evaluateTargets,
  getCriterionSet,
  getPlan,
  ownersLookup,
  ownersOf,
  populationByCommune,
  resultsHtml,
  resultsMarkdown,
  summarizeDistrict,
  upcomingDeadlines,
  type CommuneInput,
  type ReportContext,
} from '../src/index.js';

const outDir = process.argv[2] ?? join(tmpdir(), 'ntm-analyst');
mkdirSync(outDir, { recursive: true });

const data = JSON.parse(readFileSync(fileURLToPath(new URL('./dak-song-2023.json', import.meta.url)), 'utf8')) as {
  description: string;
  set: string;
  communes: CommuneInput[];
};
const set = getCriterionSet(data.set);
const plan = getPlan('dak-song/2023');

// Owners travel with the results, so every gap names the agency that leads it.
const entries = await evaluateCommunes(set, data.communes, { ownersOf: ownersLookup(plan, set) });

// A fixed "today" inside the plan year keeps the report the same on every run.
const asOf = '2023-06-05';
const context: ReportContext = {
  set,
  agencies: Object.fromEntries(plan.agencies.map((a) => [a.id, { nameVi: a.nameVi, nameEn: a.nameEn }])),
  criterionOwners: (n) => ownersOf(n, plan),
  targets: evaluateTargets(plan, { current: entries, district: { population: populationByCommune(data.communes) } }).map((o) => ({
    ...(o.communeId === undefined ? {} : { communeId: o.communeId }),
    label: o.target.textVi,
    status: o.status,
    detail: o.detail.textEn,
  })),
  deadlines: upcomingDeadlines(plan, asOf, 5).map((d) => ({
    label: `${d.kind} ${d.period}`,
    dueBefore: d.dueBefore,
    lastDay: d.lastDay,
    submitTo: d.submitTo.recipients.map((r) => r.nameVi).join(', '),
  })),
  notes: [data.description],
};
writeFileSync(join(outDir, 'bao-cao.html'), resultsHtml(entries, { ...context, lang: 'vi' }));
writeFileSync(join(outDir, 'report.md'), resultsMarkdown(entries, { ...context, lang: 'en' }));

console.log(`Reports written to ${outDir} (bao-cao.html, report.md)`);
console.log('\nOpen items per agency (criteria and indicators it leads that are not met, missing or unknown):');
for (const agency of plan.agencies) {
  const list = agencyWorkList(entries, agency.id, plan);
  const items = list.communes.reduce((n, c) => n + c.items.length, 0);
  if (items > 0) console.log(`  ${agency.id.padEnd(24)} ${String(items).padStart(3)} in ${list.communes.length} commune(s)`);
}
const s = summarizeDistrict(entries);
console.log(`\nDistrict: ${s.communesMeetingSet}/${s.communes} communes meet ${set.id}; ${s.meanCriteriaMet.toFixed(2)} criteria met per commune on average.`);
