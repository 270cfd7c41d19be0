/**
 * The value columns of a set: one column per combination of the columns of the dimensions its
 * requirements vary by (each regional column, each commune group, each commune group × terrain
 * …), and the rows one indicator takes (one per date its values take effect on, when the set
 * declares the date dimension). The template, the calibration reader and the annex export all go
 * through these functions, so how a set's declared dimensions become columns is decided here only.
 */
import type { CriterionSet, Dimensions } from '../schema/criterion-set.js';
import { visitRequirement, type BySpec, type LeafSpec, type RequirementSpec } from '../schema/requirement.js';
import { parseRegion } from '../evaluate/words.js';

/** A value column: one combination of the columns of the set's column dimensions (or the single `value` column). */
export interface ValueColumn {
  /** The column's key (`TN`, `1`, `1×mountain` for a combination), `value` when the set varies by no column, or `all` / `otherwise` in the annex view. */
  key: string;
  headerVi: string;
  headerEn: string;
  /** The column of each column dimension this value column is for (empty for `value`, `all`, `otherwise`). */
  coordinates?: Readonly<Record<string, string>>;
}

/** How a set's requirements are laid out in a sheet. */
export interface SetLayout {
  /** The first column dimension the value columns are columns of, `null` when the set has none. */
  dimension: string | null;
  /** Every column dimension of the value columns, outermost first (one for most sets). */
  dimensions?: readonly string[];
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

/** The key of a combination of columns, e.g. `1×mountain`. Case keys never hold `×`. */
export const COMBINATION = '×';

/** The column dimensions of a layout, outermost first. */
export const layoutDimensions = (layout: SetLayout): readonly string[] => layout.dimensions ?? (layout.dimension === null ? [] : [layout.dimension]);

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
 * The layout of value columns for given column dimensions (in that order) of a set's declared
 * dimensions: every combination of their columns.
 */
export function layoutOf(dimensions: Dimensions, columnDims: readonly string[], byTime: boolean): SetLayout {
  const dims = columnDims.map((id) => [id, dimensions[id]] as const).filter((d): d is readonly [string, Extract<Dimensions[string], { kind: 'column' }>] => d[1]?.kind === 'column');
  if (dims.length === 0) return { dimension: null, dimensions: [], columns: [{ key: 'value', headerVi: 'Giá trị', headerEn: 'Value' }], byTime };
  let combos: Array<{ keys: string[]; vi: string[]; en: string[]; coordinates: Record<string, string> }> = [{ keys: [], vi: [], en: [], coordinates: {} }];
  for (const [id, d] of dims) {
    combos = combos.flatMap((c) =>
      d.columns.map((col) => ({
        keys: [...c.keys, col.key],
        vi: [...c.vi, col.nameVi ?? col.nameEn ?? col.key],
        en: [...c.en, col.nameEn ?? col.nameVi ?? col.key],
        coordinates: { ...c.coordinates, [id]: col.key },
      })),
    );
  }
  const columns = combos.map((c) => ({
    key: c.keys.join(COMBINATION),
    headerVi: `${c.keys.join(` ${COMBINATION} `)} — ${c.vi.join(` ${COMBINATION} `)}`,
    headerEn: `${c.keys.join(` ${COMBINATION} `)} — ${c.en.join(` ${COMBINATION} `)}`,
    coordinates: c.coordinates,
  }));
  return { dimension: dims[0]![0], dimensions: dims.map((d) => d[0]), columns, byTime };
}

/**
 * The columns of a set's declared dimensions, for a sheet: every combination of the columns of
 * the column dimensions its requirements select on (in the order the set declares them; the
 * first declared when none is used yet), and whether rows carry a date. A set that declares no
 * column dimension gets one `value` column.
 *
 * @example setLayout(getCriterionSet('dak-nong/commune-ntm/2022')).columns.map((c) => c.key) // ['TDMNPB', …, 'TN', …]
 */
export function setLayout(set: CriterionSet): SetLayout {
  const used = new Map<string, number>();
  for (const c of set.criteria) for (const i of c.indicators) dimensionsUsed(i.requirement, used);
  const columnDims = Object.entries(set.dimensions).filter(([, d]) => d.kind === 'column').map(([id]) => id);
  const chosen = columnDims.filter((id) => (used.get(id) ?? 0) > 0);
  return layoutOf(set.dimensions, chosen.length > 0 ? chosen : columnDims.slice(0, 1), (used.get('date') ?? 0) > 0);
}

/**
 * The annex (lossless) view adds an `all` column (a requirement that does not vary) and, for one
 * column dimension, an `otherwise` column (the value for columns not listed) to the set's columns.
 */
export function annexColumns(set: CriterionSet): ValueColumn[] {
  const layout = setLayout(set);
  const dims = layoutDimensions(layout);
  return [
    { key: 'all', headerVi: 'Mọi nơi', headerEn: 'Everywhere' },
    ...(dims.length === 0 ? [] : layout.columns),
    ...(dims.length === 1 ? [{ key: 'otherwise', headerVi: 'Nơi khác', headerEn: 'Elsewhere' }] : []),
  ];
}

/** The leaf a requirement without dates gives at a combination of columns (`undefined`: none; `null`: it selects on something else). */
function leafOf(spec: RequirementSpec, coordinates: Readonly<Record<string, string>>): LeafSpec | undefined | null {
  if (spec.kind !== 'by') return spec;
  if (!Object.hasOwn(coordinates, spec.dimension)) return null;
  const key = coordinates[spec.dimension]!;
  const next = Object.hasOwn(spec.cases, key) ? spec.cases[key] : spec.otherwise;
  return next === undefined ? undefined : leafOf(next, coordinates);
}

/**
 * A requirement as rows of leaves — one row per date it takes effect on (a row without a date is
 * the value before the first), one leaf per column (`all` when it does not vary, `otherwise` for
 * columns not listed) — or `null` when its shape has no such rows (it selects on another column
 * dimension, or nests them otherwise than the layout). The inverse of {@link specFromRows}.
 */
export function specRows(spec: RequirementSpec, layout: SetLayout): SpecRow[] | null {
  const dims = layoutDimensions(layout);
  const columnCells = (s: RequirementSpec): SpecRow['cells'] | null => {
    if (s.kind !== 'by') return { all: s };
    if (dims.length > 1) {
      // Every combination resolved; the shape is kept only when reading it back gives it again.
      const cells: SpecRow['cells'] = {};
      for (const c of layout.columns) {
        const leaf = leafOf(s, c.coordinates ?? {});
        if (leaf === null) return null;
        if (leaf !== undefined) cells[c.key] = leaf;
      }
      return sameSpec(specFromRows([{ from: null, cells }], layout), s) ? cells : null;
    }
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

/** Two requirements written the same (key order aside). */
function sameSpec(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameSpec((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The leaf that applies at a column of a row (`all`, then the column, then `otherwise`). */
export function leafAt(row: SpecRow | undefined, key: string): LeafSpec | undefined {
  if (!row) return undefined;
  return row.cells.all ?? row.cells[key] ?? row.cells.otherwise;
}

/**
 * Rows of leaves back to a requirement: a row with only `all` is that leaf, any other row selects
 * on the layout's column dimensions (nested, outermost first); dated rows select on `date` (an
 * undated row among them is the value before the first date).
 */
export function specFromRows(rows: readonly SpecRow[], layout: SetLayout): RequirementSpec {
  const dims = layoutDimensions(layout);
  const nest = (cells: SpecRow['cells'], columns: readonly ValueColumn[], depth: number): RequirementSpec => {
    const dim = dims[depth]!;
    const cases: BySpec['cases'] = {};
    const seen: string[] = [];
    for (const c of columns) {
      const k = c.coordinates?.[dim];
      if (k !== undefined && !seen.includes(k)) seen.push(k);
    }
    for (const k of seen) {
      const inner = columns.filter((c) => c.coordinates?.[dim] === k);
      if (depth === dims.length - 1) {
        const leaf = cells[inner[0]!.key];
        if (leaf !== undefined) cases[k] = leaf;
      } else if (inner.some((c) => cells[c.key] !== undefined)) cases[k] = nest(cells, inner, depth + 1);
    }
    return { kind: 'by', dimension: dim, cases };
  };
  const one = (r: SpecRow): RequirementSpec => {
    const keys = Object.keys(r.cells).filter((k) => r.cells[k] !== undefined);
    if (keys.length === 1 && keys[0] === 'all') return r.cells.all!;
    if (keys.length === 0 && dims.length === 0) return { kind: 'unknown' };
    if (dims.length > 1) return nest(r.cells, layout.columns, 0);
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

/** Folds a header for comparison: case, spacing, diacritics and `đ`. */
const foldHeader = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/** The column of one dimension a word names: its key, its name (with or without a "Nhóm"/"Vùng" prefix), a region's usual name. */
function columnOfWord(word: string, dimension: string, dimensions: Dimensions): string | null {
  const d = dimensions[dimension];
  if (d?.kind !== 'column') return null;
  const f = foldHeader(word);
  for (const c of d.columns) {
    const names = [c.key, c.nameVi, c.nameEn].filter((n): n is string => n !== undefined).map(foldHeader);
    if (names.includes(f)) return c.key;
  }
  // "Nhóm 2", "Xã nhóm 2", "Group 2": the dimension's words before a column key.
  const bare = f.replace(/^(xa nhom|nhom xa|nhom|group|vung|region)\s*/, '');
  if (bare !== f) for (const c of d.columns) if (foldHeader(c.key) === bare) return c.key;
  if (dimension === 'region') {
    const r = parseRegion(word);
    if (r !== null && d.columns.some((c) => c.key === r)) return r;
  }
  return null;
}

/**
 * The value column a header names, in the words people write it: `TN`, `TN — Tây Nguyên`,
 * `Tây Nguyên`, `Vùng Tây Nguyên`, `Nhóm 2`, `2 — Xã nhóm 2`, `1 × núi — Xã nhóm 1 × Miền núi`,
 * `Nhóm 1 × Miền núi`; `null` when it names none.
 *
 * @example valueColumnOf('Tây Nguyên', setLayout(getCriterionSet('dak-nong/commune-ntm/2022')), set.dimensions) // { key: 'TN', … }
 */
export function valueColumnOf(header: string, layout: SetLayout, dimensions: Dimensions): ValueColumn | null {
  const t = header.normalize('NFC').trim();
  if (t === '') return null;
  // The key part, or the names part, of `keys — names`; combinations split at ×.
  const parts = [t, ...t.split(/\s+[—–-]\s+/)];
  for (const part of parts) {
    const f = foldHeader(part);
    for (const c of layout.columns) if ([c.key, c.headerVi, c.headerEn].map(foldHeader).includes(f)) return c;
  }
  const dims = layoutDimensions(layout);
  if (dims.length === 0) return null;
  if (dims.length === 1) {
    // `TN (Tây Nguyên)`: a column's key first, then words.
    const first = t.split(/[\s—–(]/)[0] ?? '';
    const byKey = layout.columns.find((c) => c.key === first);
    if (byKey) return byKey;
  }
  for (const part of parts) {
    const words = part.split(/\s*×\s*|\s+[x*]\s+/);
    if (words.length !== dims.length) continue;
    const keys = words.map((w, i) => columnOfWord(w, dims[i]!, dimensions));
    if (keys.some((k) => k === null)) continue;
    const key = keys.join(COMBINATION);
    const found = layout.columns.find((c) => c.key === key);
    if (found) return found;
  }
  return null;
}

/**
 * Where a path inside a requirement (as validators report it) falls in the rows: the date of the
 * row and the column key.
 *
 * @example cellOfRequirementPath(['cases', '2020-01-01', 'cases', 'TN', 'value']) // { from: '2020-01-01', key: 'TN' }
 */
export function cellOfRequirementPath(path: ReadonlyArray<string | number>): { from: string | null; key: string } {
  let from: string | null = null;
  const keys: string[] = [];
  let otherwise = false;
  for (let i = 0; i < path.length; i++) {
    const p = String(path[i]);
    if (p === 'cases') {
      const k = String(path[i + 1]);
      if (/^\d{4}-\d{2}-\d{2}$/.test(k) && from === null && keys.length === 0) from = k;
      else keys.push(k);
      i++;
    } else if (p === 'otherwise') otherwise = true;
  }
  return { from, key: keys.length > 0 ? keys.join(COMBINATION) : otherwise ? 'otherwise' : 'all' };
}

/** Whether a requirement states at least one value, on any path. */
export function knownLeafCount(spec: RequirementSpec): number {
  let n = 0;
  visitRequirement(spec, ({ leaf }) => {
    if (leaf.kind !== 'unknown') n++;
  });
  return n;
}
