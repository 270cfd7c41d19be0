import { issue } from '../errors.js';
import type { RegionCode } from '../schema/common.js';
import type { ColumnDimension, CriterionSet } from '../schema/criterion-set.js';
import type { NtmIssue } from '../errors.js';
import { dateOfYear } from '../requirement/resolve.js';

/** A set's column dimension by id, if it declares one. */
export function columnDimension(set: Pick<CriterionSet, 'dimensions'>, id: string): ColumnDimension | undefined {
  const d = Object.hasOwn(set.dimensions, id) ? set.dimensions[id] : undefined;
  return d?.kind === 'column' ? d : undefined;
}

/**
 * The set's default column on a dimension, `null` when it has none (or no such dimension).
 *
 * @example defaultColumn(getCriterionSet('dak-nong/commune-ntm/2022'), 'region') // 'TN'
 */
export function defaultColumn(set: Pick<CriterionSet, 'dimensions'>, id: string): string | null {
  return columnDimension(set, id)?.default ?? null;
}

/**
 * The set's default regional column (`null` for sets without regions).
 *
 * @example defaultRegion(getCriterionSet('dak-nong/commune-ntm/2022')) // 'TN'
 */
export function defaultRegion(set: Pick<CriterionSet, 'dimensions'>): RegionCode | null {
  return defaultColumn(set, 'region') as RegionCode | null;
}

/** What a commune says about the dimensions: its year, classes and a field per column dimension. */
export interface DimensionInput {
  year: number;
  classes?: readonly string[] | undefined;
  [field: string]: unknown;
}

/**
 * Resolves a commune's value on every dimension the set declares, once: for a column dimension the
 * input field named as the dimension, else the column of one of its classes (the last listed
 * wins), else the dimension's default; the date is the start of the year. Unknown classes and
 * columns are reported in `issues`; a class known to no dimension is an issue too.
 *
 * @example
 * dimensionContext(set1037, { year: 2023, classes: ['especially-difficult'] }).values // { region: 'TDMNPB', date: '2023-01-01' }
 */
export function dimensionContext(set: Pick<CriterionSet, 'id' | 'dimensions'>, input: DimensionInput): { values: Record<string, string | null>; issues: NtmIssue[] } {
  const values: Record<string, string | null> = {};
  const issues: NtmIssue[] = [];
  const classes = input.classes ?? [];
  const claimed = new Set<number>();
  for (const [id, dim] of Object.entries(set.dimensions)) {
    if (dim.kind === 'date') {
      values[id] = dateOfYear(input.year);
      continue;
    }
    const given = input[id];
    if (typeof given === 'string') {
      if (!dim.columns.some((c) => c.key === given)) {
        issues.push(issue('unknown-column', [id], { dimension: id, given, set: set.id, known: dim.columns.map((c) => c.key) }));
      }
      values[id] = given;
      // A column given outright wins over classes, which then need no check on this dimension.
      classes.forEach((cls, i) => {
        if (dim.overrides.some((o) => o.class === cls)) claimed.add(i);
      });
      continue;
    }
    let value = dim.default;
    classes.forEach((cls, i) => {
      const o = dim.overrides.find((x) => x.class === cls);
      if (o !== undefined) {
        value = o.column;
        claimed.add(i);
      }
    });
    values[id] = value;
  }
  classes.forEach((cls, i) => {
    if (claimed.has(i)) return;
    const known = Object.values(set.dimensions).flatMap((d) => (d.kind === 'column' ? d.overrides.map((o) => o.class) : []));
    issues.push(issue('unknown-class', ['classes', i], { class: cls, set: set.id, known }));
  });
  return { values, issues };
}
