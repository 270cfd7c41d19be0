/**
 * The value columns of a set: one column per value its requirements vary by (each regional
 * column, commune group …), and the rows one indicator takes (one per date its values change).
 * The template, the calibration reader and the annex export all go through these functions, so
 * how a set's dimensions become columns is decided here only.
 */
import { REGIONS, type RegionCode } from '../schema/common.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import type { ByRegionSpec, LeafSpec, RequirementSpec } from '../schema/requirement.js';

const REGION_CODES = Object.keys(REGIONS) as RegionCode[];

/** A value column: one coordinate along the set's column dimension. */
export interface ValueColumn {
  /** Stable key: a region code, a commune-group key, or `all` / `otherwise` in the annex view. */
  key: string;
  /** Header text: the key and its name in the language of the sheet. */
  headerVi: string;
  headerEn: string;
}

/** How a set's requirements are laid out in a sheet. */
export interface SetLayout {
  /** The columns a value may vary by; a single `value` column when the set varies by nothing. */
  columns: ValueColumn[];
  /** Whether any requirement changes over time, so rows carry the date (year) they apply from. */
  byTime: boolean;
}

/** The requirement of one row of an indicator: from when (null: always) and one leaf per column key. */
export interface SpecRow {
  from: number | null;
  cells: Partial<Record<string, LeafSpec>>;
}

const regionColumn = (r: RegionCode): ValueColumn => ({ key: r, headerVi: `${r} — ${REGIONS[r].nameVi}`, headerEn: `${r} — ${REGIONS[r].nameEn}` });

/** Whether a requirement tree has a node of the given kind. */
function uses(spec: RequirementSpec, kind: 'by-region' | 'by-year'): boolean {
  if (spec.kind === kind) return true;
  if (spec.kind === 'by-year') return spec.years.some((y) => uses(y.requirement, kind));
  return false;
}

/** Every requirement of a set (indicators and conditions). */
function allSpecs(set: CriterionSet): RequirementSpec[] {
  const out: RequirementSpec[] = set.criteria.flatMap((c) => c.indicators.map((i) => i.requirement));
  return out;
}

/**
 * The columns of a set's dimensions, for a template to fill: each regional column when the set
 * has regional columns (a default region, or a requirement by region), otherwise one value column.
 *
 * @example setLayout(getCriterionSet('dak-nong/commune-ntm/2022')).columns.map((c) => c.key) // ['TDMNPB', …, 'TN', …]
 */
export function setLayout(set: CriterionSet): SetLayout {
  const specs = allSpecs(set);
  const byRegion = set.region !== null || specs.some((s) => uses(s, 'by-region'));
  return {
    columns: byRegion ? REGION_CODES.map(regionColumn) : [{ key: 'value', headerVi: 'Giá trị', headerEn: 'Value' }],
    byTime: specs.some((s) => uses(s, 'by-year')),
  };
}

/**
 * The annex (lossless) view adds an `all` column (a requirement that does not vary) and an
 * `otherwise` column (the value for columns not listed) to the set's columns.
 */
export function annexColumns(set: CriterionSet): ValueColumn[] {
  const layout = setLayout(set);
  return [
    { key: 'all', headerVi: 'Mọi nơi', headerEn: 'Everywhere' },
    ...layout.columns.filter((c) => c.key !== 'value'),
    ...(layout.columns.some((c) => c.key !== 'value') ? [{ key: 'otherwise', headerVi: 'Nơi khác', headerEn: 'Elsewhere' }] : []),
  ];
}

/**
 * A requirement as rows of leaves: one row per date it changes on, one leaf per column (`all` when
 * it does not vary, `otherwise` for columns not listed). The inverse of {@link specFromRows}.
 */
export function specRows(spec: RequirementSpec): SpecRow[] {
  const cells = (s: LeafSpec | ByRegionSpec): SpecRow['cells'] =>
    s.kind === 'by-region' ? { ...s.regions, ...(s.otherwise ? { otherwise: s.otherwise } : {}) } : { all: s };
  if (spec.kind === 'by-year') return spec.years.map((y) => ({ from: y.from, cells: cells(y.requirement) }));
  return [{ from: null, cells: cells(spec) }];
}

/** The leaf that applies at a column of a row (`all`, then the column, then `otherwise`). */
export function leafAt(row: SpecRow | undefined, key: string): LeafSpec | undefined {
  if (!row) return undefined;
  return row.cells.all ?? row.cells[key] ?? row.cells.otherwise;
}

/**
 * Rows of leaves back to a requirement: a row with only `all` is that leaf, any other row selects
 * by column; several rows (or a dated one) change over time.
 */
export function specFromRows(rows: readonly SpecRow[]): RequirementSpec {
  const one = (r: SpecRow): LeafSpec | ByRegionSpec => {
    const keys = Object.keys(r.cells).filter((k) => r.cells[k] !== undefined);
    if (keys.length === 1 && keys[0] === 'all') return r.cells.all!;
    const regions: ByRegionSpec['regions'] = {};
    for (const k of REGION_CODES) if (r.cells[k]) regions[k] = r.cells[k];
    return { kind: 'by-region', regions, ...(r.cells.otherwise ? { otherwise: r.cells.otherwise } : {}) };
  };
  if (rows.length === 1 && rows[0]!.from === null) return one(rows[0]!);
  return { kind: 'by-year', years: rows.map((r) => ({ from: r.from ?? 0, requirement: one(r) })) };
}
