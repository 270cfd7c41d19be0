/**
 * Writes examples/dak-song-2023.csv and .xlsx from examples/dak-song-2023.json, in the layout
 * `ntm evaluate` reads (one row per commune, one column per indicator or criterion), so the three
 * files hold the same (illustrative) data. Run: `npx tsx examples/make-spreadsheets.ts`.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { getCriterionSet } from '../src/index.js';
import { csvField } from '../src/report/csv.js';

type Entry = number | boolean | string | { value?: number | string | boolean; verdict?: string; note?: string };
interface Commune {
  communeId: string;
  name?: string;
  year: number;
  population?: number;
  indicators: Record<string, Entry>;
  criteria?: Record<string, string>;
}

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const data = JSON.parse(readFileSync(here('./dak-song-2023.json'), 'utf8')) as { description: string; set: string; communes: Commune[] };
const set = getCriterionSet(data.set);
const used = (pick: (c: Commune) => string[]): Set<string> => new Set(data.communes.flatMap(pick));
const codesUsed = used((c) => Object.keys(c.indicators));
const notesUsed = used((c) => Object.entries(c.indicators).filter(([, e]) => typeof e === 'object' && e.note !== undefined).map(([k]) => k));
const criteriaUsed = used((c) => Object.keys(c.criteria ?? {}));

// Set order, so the sheet reads like the decision.
const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code)).filter((c) => codesUsed.has(c));
const noteCodes = codes.filter((c) => notesUsed.has(c));
const numbers = set.criteria.map((c) => c.number).filter((n) => criteriaUsed.has(n));
const header = ['communeId', 'name', 'year', 'population', ...codes, ...noteCodes.map((c) => `${c} ghi chú`), ...numbers.map((n) => `TC${n}`)];

/** A cell as an office writes it: "91,2 (Đạt)" for a value with its verdict. */
function cellOf(e: Entry | undefined): string | number | boolean | null {
  if (e === undefined) return null;
  if (typeof e !== 'object') return e;
  const value = e.value === undefined ? null : e.value;
  if (e.verdict === undefined) return value;
  if (value === null) return e.verdict;
  return `${typeof value === 'number' ? String(value).replace('.', ',') : String(value)} (${e.verdict})`;
}

const rows = data.communes.map((c) => [
  c.communeId,
  c.name ?? null,
  c.year,
  c.population ?? null,
  ...codes.map((code) => cellOf(c.indicators[code])),
  ...noteCodes.map((code) => {
    const e = c.indicators[code];
    return typeof e === 'object' && e.note !== undefined ? e.note : null;
  }),
  ...numbers.map((n) => c.criteria?.[n] ?? null),
]);

const csvLines = [
  `# ${data.description}`,
  `# Set: ${data.set}. Generated from dak-song-2023.json by examples/make-spreadsheets.ts.`,
  header.map(csvField).join(','),
  ...rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : csvField(v))).join(',')),
];
writeFileSync(here('./dak-song-2023.csv'), csvLines.join('\r\n') + '\r\n');

const workbook = new ExcelJS.Workbook();
// Fixed dates keep the workbook's properties the same on every run.
workbook.created = workbook.modified = new Date('2023-12-31T00:00:00Z');
workbook.creator = 'ntm-rules examples';
const sheet = workbook.addWorksheet('Dak Song 2023');
sheet.addRow(header);
for (const r of rows) sheet.addRow(r);
sheet.getRow(1).font = { bold: true };
const about = workbook.addWorksheet('Ghi chu');
about.addRow([data.description]);
about.addRow([`Set: ${data.set}`]);
await workbook.xlsx.writeFile(here('./dak-song-2023.xlsx'));
console.log(`wrote dak-song-2023.csv and dak-song-2023.xlsx (${rows.length} communes, ${header.length} columns)`);
