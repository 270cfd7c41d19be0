import type { RegionCode } from '../schema/common.js';
import type { ColumnDimension, CriterionSet, DimensionDerivation } from '../schema/criterion-set.js';
import type { NtmIssue } from '../errors.js';
import type { DimensionBasis } from '../schema/result.js';
import { dateOfYear } from '../requirement/resolve.js';
import { requirementLeaves } from '../schema/requirement.js';

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

/** What a commune says about the dimensions: its year, classes, its `dimensions` record, facts and (as before) a field per column dimension. */
export interface DimensionInput {
  year: number;
  classes?: readonly string[] | undefined;
  dimensions?: Readonly<Record<string, unknown>> | undefined;
  facts?: Readonly<Record<string, unknown>> | undefined;
  [field: string]: unknown;
}

/**
 * What a derivation made of the facts for one dimension: a column and how (`derived`), or no
 * column (`undetermined`); `null` when the input gives none of the facts it reads. Issues are
 * problems with the facts themselves (wrong type, unknown fact).
 */
export type Derivation = { value: string | null; basis: DimensionBasis; issues?: readonly NtmIssue[] } | null;

/** Derives a dimension's column from the input's facts by the dimension's declared derivation. */
export type Deriver = (id: string, dimension: ColumnDimension, input: DimensionInput) => Derivation;

/** One shared object per basis without parameters: results share them. */
const GIVEN: DimensionBasis = Object.freeze({ basis: 'given' });
const YEAR: DimensionBasis = Object.freeze({ basis: 'year' });
const DEFAULT: DimensionBasis = Object.freeze({ basis: 'default' });
const MISSING: DimensionBasis = Object.freeze({ basis: 'missing' });

const selectedBySet = new WeakMap<object, ReadonlySet<string>>();
/**
 * The dimensions some requirement of the set's criteria selects by (a `by` node anywhere in it).
 *
 * @example dimensionsSelected(getCriterionSet('national/commune-ntm/2022')) // Set { 'region', 'date' }
 */
export function dimensionsSelected(set: Pick<CriterionSet, 'criteria'>): ReadonlySet<string> {
  let out = selectedBySet.get(set);
  if (out === undefined) {
    const found = new Set<string>();
    for (const c of set.criteria) for (const ind of c.indicators) for (const { steps } of requirementLeaves(ind.requirement)) for (const step of steps) found.add(step.dimension);
    out = found;
    selectedBySet.set(set, out);
  }
  return out;
}
const byClass = new Map<string, DimensionBasis>();
function classBasis(cls: string): DimensionBasis {
  let b = byClass.get(cls);
  if (b === undefined) {
    b = Object.freeze({ basis: 'class', class: cls });
    if (byClass.size < 1024) byClass.set(cls, b);
  }
  return b;
}

/** The value an input gives on a dimension: its `dimensions` record, else the field named as the dimension. */
function givenValue(input: DimensionInput, id: string, issues: NtmIssue[]): unknown {
  const record = input.dimensions;
  const inRecord = record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
  const field = id !== 'dimensions' && id !== 'facts' && id !== 'classes' && id !== 'year' ? input[id] : undefined;
  if (inRecord !== undefined && field !== undefined && inRecord !== field) {
    issues.push({ code: 'dimension-conflict', path: ['dimensions', id], message: `${id} is given twice and differently: "${String(field)}" and dimensions.${id} "${String(inRecord)}"` });
  }
  return inRecord ?? field;
}

/**
 * Resolves a commune's value on every dimension the set declares, once, and says how each was
 * obtained. For a column dimension: the value the input gives (`dimensions.<id>`, or the field
 * named as the dimension — `region`, `communeGroup`), else the column of one of its classes (the
 * last listed wins), else the column `derive` makes of the input's facts by the dimension's
 * declared derivation, else the dimension's default. A dimension with none of these is an issue
 * (`missing-dimension`) when a requirement of the set's criteria selects by it — the set cannot
 * choose its column; when none does, its value is `null` (basis `missing`) and changes no
 * verdict. (Without `criteria` every declared dimension counts as selected.) The date is the
 * start of the year.
 * Unknown dimensions, classes and columns are issues too.
 *
 * @example
 * dimensionContext(set1037, { year: 2023, classes: ['especially-difficult'] }).values // { region: 'TDMNPB', date: '2023-01-01' }
 * dimensionContext(set1037, { year: 2023 }).basis.region // { basis: 'default' }
 */
export function dimensionContext(
  set: Pick<CriterionSet, 'id' | 'dimensions'> & Partial<Pick<CriterionSet, 'criteria'>>,
  input: DimensionInput,
  derive?: Deriver,
): { values: Record<string, string | null>; basis: Record<string, DimensionBasis>; issues: NtmIssue[] } {
  const values: Record<string, string | null> = {};
  const basis: Record<string, DimensionBasis> = {};
  const issues: NtmIssue[] = [];
  const classes = input.classes ?? [];
  const claimed = new Set<number>();
  if (input.dimensions !== undefined) {
    for (const id of Object.keys(input.dimensions)) {
      const d = Object.hasOwn(set.dimensions, id) ? set.dimensions[id] : undefined;
      if (d?.kind !== 'column') {
        const known = Object.keys(set.dimensions).filter((k) => set.dimensions[k]!.kind === 'column');
        issues.push({ code: 'unknown-dimension', path: ['dimensions', id], message: `"${id}" is not a column dimension of ${set.id}${known.length ? `; it declares ${known.join(', ')}` : '; it declares none'}` });
      }
    }
  }
  for (const [id, dim] of Object.entries(set.dimensions)) {
    if (dim.kind === 'date') {
      values[id] = dateOfYear(input.year);
      basis[id] = YEAR;
      continue;
    }
    const given = givenValue(input, id, issues);
    if (typeof given === 'string') {
      if (!dim.columns.some((c) => c.key === given)) {
        const path = input.dimensions !== undefined && Object.hasOwn(input.dimensions, id) ? ['dimensions', id] : [id];
        issues.push({ code: 'unknown-column', path, message: `${id} "${given}" is not a column of ${set.id}; known: ${dim.columns.map((c) => c.key).join(', ')}` });
      }
      values[id] = given;
      basis[id] = GIVEN;
      // A column given outright wins over classes, which then need no check on this dimension.
      classes.forEach((cls, i) => {
        if (dim.overrides.some((o) => o.class === cls)) claimed.add(i);
      });
      continue;
    }
    let cls: string | null = null;
    let value: string | null = null;
    classes.forEach((c, i) => {
      const o = dim.overrides.find((x) => x.class === c);
      if (o !== undefined) {
        value = o.column;
        cls = c;
        claimed.add(i);
      }
    });
    if (cls !== null) {
      values[id] = value;
      basis[id] = classBasis(cls);
      continue;
    }
    const derived = dim.derivation !== undefined && derive !== undefined ? derive(id, dim, input) : null;
    if (derived !== null) {
      if (derived.issues) issues.push(...derived.issues);
      if (derived.value !== null && !dim.columns.some((c) => c.key === derived.value)) {
        issues.push({ code: 'unknown-column', path: ['facts'], message: `the facts derive ${id} "${derived.value}", which is not a column of ${set.id}; known: ${dim.columns.map((c) => c.key).join(', ')}` });
      }
      values[id] = derived.value;
      basis[id] = derived.basis;
      continue;
    }
    if (dim.default !== null) {
      values[id] = dim.default;
      basis[id] = DEFAULT;
      continue;
    }
    values[id] = null;
    basis[id] = MISSING;
    // Nothing of the set varies by it: the missing value changes no verdict, so it is no error.
    if (set.criteria !== undefined && !dimensionsSelected(set as Pick<CriterionSet, 'criteria'>).has(id)) continue;
    const how = dim.derivation !== undefined ? ` or the facts its derivation (${dim.derivation.rules}) reads` : '';
    issues.push({ code: 'missing-dimension', path: ['dimensions', id], message: `${set.id} varies by ${id} and declares no default: give ${id} (one of ${dim.columns.map((c) => c.key).join(', ')})${how}` });
  }
  classes.forEach((cls, i) => {
    if (claimed.has(i)) return;
    const known = Object.values(set.dimensions).flatMap((d) => (d.kind === 'column' ? d.overrides.map((o) => o.class) : []));
    issues.push({ code: 'unknown-class', path: ['classes', i], message: `class "${cls}" is not known to ${set.id}${known.length ? `; known: ${known.join(', ')}` : ''}` });
  });
  return { values, basis, issues };
}

/**
 * A way of deriving a dimension's column from facts, by the `kind` of a set's derivation: how it
 * derives, and which facts it reads. Engines are installed (installGroupDerivation in
 * groups/derivation.ts), so that a page evaluating a set without derivations does not load one.
 */
export interface DerivationEngine {
  derive: Deriver;
  facts(derivation: DimensionDerivation): readonly string[];
}

const engines = new Map<string, DerivationEngine>();

/** Installs the engine of a derivation kind (idempotent). */
export function registerDerivation(kind: DimensionDerivation['kind'], engine: DerivationEngine): void {
  engines.set(kind, engine);
}

/** The engine of a derivation kind, if installed. */
export function derivationEngine(kind: string): DerivationEngine | undefined {
  return engines.get(kind);
}

/** Whether every derivation the set declares has its engine installed. */
export function derivationsReady(set: Pick<CriterionSet, 'dimensions'>): boolean {
  return Object.values(set.dimensions).every((d) => d.kind !== 'column' || d.derivation === undefined || engines.has(d.derivation.kind));
}

