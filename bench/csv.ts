/**
 * Writes benchmark communes as the CSV an office would send to `ntm evaluate`: one row per
 * commune, `communeId, year, region, classes`, then one column per indicator code.
 */
import type { CriterionSet } from '../src/schema/criterion-set.js';

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
function field(v: unknown): string {
  if (v === undefined || v === null) return '';
  // Yes/no cells are written as offices write them; the library reads "Đạt" as the verdict.
  const s = typeof v === 'boolean' ? (v ? 'Đạt' : 'Không đạt') : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The CSV text of `inputs` (commune inputs of `set`), with a header row.
 *
 * @example communesCsv(set, [{ communeId: 'a', year: 2023, indicators: { '1.1': 50.5 } }]).split('\n')[1] // 'a,2023,,,50.5,…'
 */
export function communesCsv(set: CriterionSet, inputs: readonly unknown[]): string {
  const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
  const lines = [['communeId', 'year', 'region', 'classes', ...codes].join(',')];
  for (const raw of inputs) {
    const input = raw as { communeId: string; year: number; region?: string; classes?: string[]; indicators: Record<string, unknown> };
    lines.push([input.communeId, input.year, input.region, input.classes, ...codes.map((c) => input.indicators[c])].map(field).join(','));
  }
  return `${lines.join('\n')}\n`;
}
