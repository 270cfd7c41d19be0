import type { RegionCode } from '../schema/common.js';
import type { LeafSpec, RequirementSpec } from '../schema/requirement.js';
import type { Requirement } from '../schema/result.js';
import { operatorOf } from '../schema/operators.js';
import { formatQuantity } from './format.js';

/**
 * An evaluation context: the value of each dimension, e.g. `{ region: 'TN', date: '2023-01-01' }`
 * or `{ communeGroup: '2', date: '2026-03-01' }`. `null` (or absent) means "not known".
 */
export type DimensionValues = Readonly<Record<string, string | null | undefined>>;

/** The context of earlier versions: a region and a year (the year stands for `year-01-01`). */
export interface RegionYearContext {
  region: RegionCode | null;
  year: number;
}

/** What a requirement depends on: dimension values, or (as before) a region and a year. */
export type RequirementContext = DimensionValues | RegionYearContext;

/**
 * The day a yearly assessment is evaluated at: the start of the year, as OpenFisca reads a year.
 *
 * @example dateOfYear(2023) // '2023-01-01'
 */
export function dateOfYear(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

/**
 * A context as dimension values: a `{ region, year }` context becomes `{ region, date }`.
 *
 * @example dimensionValues({ region: 'TN', year: 2023 }) // { region: 'TN', date: '2023-01-01' }
 */
export function dimensionValues(ctx: RequirementContext): DimensionValues {
  if (typeof (ctx as { year?: unknown }).year !== 'number') return ctx as DimensionValues;
  const { year, ...rest } = ctx as RegionYearContext & Record<string, string | null | undefined>;
  return { ...rest, date: (rest as { date?: string }).date ?? dateOfYear(year) };
}

/**
 * The branch of a `by` node that applies in `ctx`: on the date dimension the latest case not after
 * the date, else the case of the context's column; `otherwise` when none; `undefined` when not even
 * that. `why` says what was missing.
 *
 * @example selectCase({ kind: 'by', dimension: 'communeGroup', cases: { '1': a, '2': b } }, { communeGroup: '2' }).spec // b
 */
export function selectCase(
  spec: Extract<RequirementSpec, { kind: 'by' }>,
  ctx: DimensionValues,
): { spec: RequirementSpec | undefined; key: string | null; why?: string } {
  const value = Object.hasOwn(ctx, spec.dimension) ? ctx[spec.dimension] : undefined;
  if (value === null || value === undefined) {
    return spec.otherwise ? { spec: spec.otherwise, key: null } : { spec: undefined, key: null, why: `no ${spec.dimension} given` };
  }
  if (spec.dimension === 'date') {
    let chosen: string | undefined;
    for (const key of Object.keys(spec.cases)) if (key <= value && (chosen === undefined || key > chosen)) chosen = key;
    if (chosen !== undefined) return { spec: spec.cases[chosen], key: chosen };
    const first = Object.keys(spec.cases).sort()[0];
    return spec.otherwise ? { spec: spec.otherwise, key: null } : { spec: undefined, key: null, why: `no value for ${value}: the earliest is from ${first}` };
  }
  if (Object.hasOwn(spec.cases, value)) return { spec: spec.cases[value], key: value };
  return spec.otherwise ? { spec: spec.otherwise, key: null } : { spec: undefined, key: null, why: `no value known for ${spec.dimension} ${value}` };
}

/**
 * Resolves a requirement as written in a rule file to the one that applies in a context: each
 * `by` node picks its case by the context's value on its dimension. A case not given is unknown.
 *
 * @example
 * resolveRequirement(spec15_3, { region: 'TN', date: '2023-01-01' }, '%').textVi // '≤ 26,5 %'
 * resolveRequirement(spec15_3, { region: 'TN', year: 2023 }, '%').textVi // the same
 */
export function resolveRequirement(spec: RequirementSpec, context: RequirementContext, unit: string | null): Requirement {
  const ctx = dimensionValues(context);
  const region = typeof ctx.region === 'string' ? (ctx.region as RegionCode) : null;
  let cases: Record<string, string> | undefined;
  // `region` names the column consulted: set once a region selection was made (or failed).
  let byRegion = false;
  let s: RequirementSpec = spec;
  while (s.kind === 'by') {
    const picked = selectCase(s, ctx);
    if (s.dimension === 'region') byRegion = true;
    if (picked.key !== null) (cases ??= {})[s.dimension] = picked.key;
    if (picked.spec === undefined) return unknownRequirement(region, picked.why, cases);
    s = picked.spec;
  }
  return resolveLeaf(s, byRegion ? region : null, unit, cases);
}

function resolveLeaf(leaf: LeafSpec, region: RegionCode | null, unit: string | null, cases: Record<string, string> | undefined): Requirement {
  switch (leaf.kind) {
    case 'compare': {
      const sym = operatorOf(leaf.operator).symbol;
      return {
        kind: 'compare',
        operator: leaf.operator,
        value: leaf.value,
        unit,
        region,
        ...(cases === undefined ? {} : { cases }),
        textVi: `${sym} ${formatQuantity(leaf.value, unit, 'vi')}`,
        textEn: `${sym} ${formatQuantity(leaf.value, unit, 'en')}`,
        source: leaf.source,
      };
    }
    case 'is-met':
      return { kind: 'is-met', ...(cases === undefined ? {} : { cases }), textVi: 'Đạt', textEn: 'met', source: leaf.source };
    case 'unknown':
      return unknownRequirement(region, leaf.note, cases);
  }
}

function unknownRequirement(region: RegionCode | null, note: string | undefined, cases: Record<string, string> | undefined): Requirement {
  return {
    kind: 'unknown',
    region,
    ...(cases === undefined ? {} : { cases }),
    textVi: 'chưa rõ ngưỡng',
    textEn: 'threshold unknown',
    ...(note === undefined ? {} : { note }),
  };
}
