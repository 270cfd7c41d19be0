/**
 * The value columns of a set: one column per column of the dimension its requirements vary by
 * (each regional column, each commune group …), and the rows one indicator takes (one per date
 * its values take effect on, when the set declares the date dimension). The template, the
 * calibration reader and the annex export all go through these functions, so how a set's
 * declared dimensions become columns is decided here only.
 */
import type { CriterionSet } from '../schema/criterion-set.js';
import { visitRequirement, type BySpec, type LeafSpec, type RequirementSpec } from '../schema/requirement.js';

/** A value column: one column of the set's column dimension (or the single `value` column). */
export interface ValueColumn {
  /** The column's key (`TN`, `1`), `value` when the set varies by no column, or `all` / `otherwise` in the annex view. */
  key: string;
  headerVi: string;
  headerEn: string;
}

/** How a set's requirements are laid out in a sheet. */
export interface SetLayout {
  /** The column dimension the value columns are the columns of, `null` when the set has none. */
  dimension: string | null;
  /** The value columns; a single `value` column when the set declares no column dimension. */
  columns: ValueColumn[];
  /** Whether requirements change over time (a `by` on the `date` dimension), so rows carry the date they take effect. */
  byTime: boolean;
}

/** The requirement of one row of an indicator: from when (`yyyy-MM-dd`; null: always) and one leaf per column key. */
export interface SpecRow {
  from: string | null;
  cells: Partial<Record<string, LeafSpec>>;
}

/** The dimensions the `by` nodes of a requirement select on. */
function dimensionsUsed(spec: RequirementSpec, out: Map<string, number>): void {
  const walk = (s: RequirementSpec): void => {
    if (s.kind !== 'by') return;
    out.set(s.dimension, (out.get(s.dimension) ?? 0) + 1);
    for (const c of Object.values(s.cases)) walk(c);
    if (s.otherwise) walk(s.otherwise);
  };
  walk(spec);
}

/**
 * The columns of a set's declared dimensions, for a sheet: the columns of its column dimension
 * (the one its requirements select on most, else the first declared), and whether rows carry a
 * date. A set that declares no column dimension gets one `value` column.
 *
 * @example setLayout(getCriterionSet('dak-nong/commune-ntm/2022')).columns.map((c) => c.key) // ['TDMNPB', …, 'TN', …]
 */
export function setLayout(set: CriterionSet): SetLayout {
  const used = new Map<string, number>();
  for (const c of set.criteria) for (const i of c.indicators) dimensionsUsed(i.requirement, used);
  const columnDims = Object.entries(set.dimensions).filter(([, d]) => d.kind === 'column');
  const chosen = [...columnDims].sort((a, b) => (used.get(b[0]) ?? 0) - (used.get(a[0]) ?? 0))[0];
  const columns: ValueColumn[] =
    chosen && chosen[1].kind === 'column'
      ? chosen[1].columns.map((c) => ({ key: c.key, headerVi: `${c.key} — ${c.nameVi ?? c.nameEn ?? c.key}`, headerEn: `${c.key} — ${c.nameEn ?? c.nameVi ?? c.key}` }))
      : [{ key: 'value', headerVi: 'Giá trị', headerEn: 'Value' }];
  return { dimension: chosen ? chosen[0] : null, columns, byTime: (used.get('date') ?? 0) > 0 };
}

/**
 * The annex (lossless) view adds an `all` column (a requirement that does not vary) and an
 * `otherwise` column (the value for columns not listed) to the set's columns.
 */
export function annexColumns(set: CriterionSet): ValueColumn[] {
  const layout = setLayout(set);
  return [
    { key: 'all', headerVi: 'Mọi nơi', headerEn: 'Everywhere' },
    ...(layout.dimension === null ? [] : [...layout.columns, { key: 'otherwise', headerVi: 'Nơi khác', headerEn: 'Elsewhere' }]),
  ];
}

/**
 * A requirement as rows of leaves — one row per date it takes effect on (a row without a date is
 * the value before the first), one leaf per column (`all` when it does not vary, `otherwise` for
 * columns not listed) — or `null` when its shape has no such rows (it selects on another column
 * dimension, or nests them). The inverse of {@link specFromRows}.
 */
export function specRows(spec: RequirementSpec, layout: SetLayout): SpecRow[] | null {
  const columnCells = (s: RequirementSpec): SpecRow['cells'] | null => {
    if (s.kind !== 'by') return { all: s };
    if (s.dimension !== layout.dimension) return null;
    const cells: SpecRow['cells'] = {};
    for (const [k, c] of Object.entries(s.cases)) {
      if (c.kind === 'by' || k === 'all' || k === 'otherwise') return null;
      cells[k] = c;
    }
    if (s.otherwise) {
      if (s.otherwise.kind === 'by') return null;
      cells.otherwise = s.otherwise;
    }
    return cells;
  };
  if (spec.kind === 'by' && spec.dimension === 'date') {
    const rows: SpecRow[] = [];
    if (spec.otherwise) {
      const cells = columnCells(spec.otherwise);
      if (!cells) return null;
      rows.push({ from: null, cells });
    }
    for (const key of Object.keys(spec.cases).sort()) {
      const cells = columnCells(spec.cases[key]!);
      if (!cells) return null;
      rows.push({ from: key, cells });
    }
    // A date selection with no case and no otherwise has no row to show it.
    return rows.length === 0 ? null : rows;
  }
  const cells = columnCells(spec);
  return cells ? [{ from: null, cells }] : null;
}

/** The leaf that applies at a column of a row (`all`, then the column, then `otherwise`). */
export function leafAt(row: SpecRow | undefined, key: string): LeafSpec | undefined {
  if (!row) return undefined;
  return row.cells.all ?? row.cells[key] ?? row.cells.otherwise;
}

/**
 * Rows of leaves back to a requirement: a row with only `all` is that leaf, any other row selects
 * on the layout's column dimension; dated rows select on `date` (an undated row among them is the
 * value before the first date).
 */
export function specFromRows(rows: readonly SpecRow[], layout: SetLayout): RequirementSpec {
  const one = (r: SpecRow): RequirementSpec => {
    const keys = Object.keys(r.cells).filter((k) => r.cells[k] !== undefined);
    if (keys.length === 1 && keys[0] === 'all') return r.cells.all!;
    if (keys.length === 0 && layout.dimension === null) return { kind: 'unknown' };
    const cases: BySpec['cases'] = {};
    for (const k of keys) if (k !== 'all' && k !== 'otherwise') cases[k] = r.cells[k]!;
    return { kind: 'by', dimension: layout.dimension ?? 'region', cases, ...(r.cells.otherwise ? { otherwise: r.cells.otherwise } : {}) };
  };
  if (rows.length === 1 && rows[0]!.from === null) return one(rows[0]!);
  const cases: BySpec['cases'] = {};
  let otherwise: RequirementSpec | undefined;
  for (const r of rows) {
    if (r.from === null) otherwise = one(r);
    else cases[r.from] = one(r);
  }
  return { kind: 'by', dimension: 'date', cases, ...(otherwise ? { otherwise } : {}) };
}

/**
 * Where a path inside a requirement (as validators report it) falls in the rows: the date of the
 * row and the column key.
 *
 * @example cellOfRequirementPath(['cases', '2020-01-01', 'cases', 'TN', 'value']) // { from: '2020-01-01', key: 'TN' }
 */
export function cellOfRequirementPath(path: ReadonlyArray<string | number>): { from: string | null; key: string } {
  let from: string | null = null;
  let key = 'all';
  for (let i = 0; i < path.length; i++) {
    const p = String(path[i]);
    if (p === 'cases') {
      const k = String(path[i + 1]);
      if (/^\d{4}-\d{2}-\d{2}$/.test(k) && from === null) from = k;
      else key = k;
      i++;
    } else if (p === 'otherwise') key = 'otherwise';
  }
  return { from, key };
}

/** Whether a requirement states at least one value, on any path. */
export function knownLeafCount(spec: RequirementSpec): number {
  let n = 0;
  visitRequirement(spec, ({ leaf }) => {
    if (leaf.kind !== 'unknown') n++;
  });
  return n;
}
