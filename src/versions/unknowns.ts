import { REGIONS } from '../schema/common.js';
import type { Dimensions } from '../schema/criterion-set.js';
import { requirementLeaves, type RequirementSpec } from '../schema/requirement.js';

/** The columns of a dimension: as the set declares them, or for `region` the seven of 318/QĐ-TTg. */
function columnsOf(dimension: string, dimensions: Dimensions | undefined): string[] | null {
  const d = dimensions !== undefined && Object.hasOwn(dimensions, dimension) ? dimensions[dimension] : undefined;
  if (d?.kind === 'column') return d.columns.map((c) => c.key);
  if (d === undefined && dimension === 'region') return Object.keys(REGIONS);
  return null;
}

/**
 * Which parts of a requirement are unknown: `requirement` (all of it); on a column dimension the
 * columns whose value is unknown; on the date dimension `before <first date>` when nothing covers
 * earlier dates, and each dated case's parts prefixed `from <date>: `.
 *
 * @example unknownParts({ kind: 'by', dimension: 'region', cases: { DBSCL: le85 } }) // ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB']
 */
export function unknownParts(spec: RequirementSpec, dimensions?: Dimensions): string[] {
  if (spec.kind !== 'by') return spec.kind === 'unknown' ? ['requirement'] : [];
  const prefixed = (prefix: string, sub: RequirementSpec | undefined): string[] => {
    if (sub === undefined) return [prefix];
    return unknownParts(sub, dimensions).map((p) => (p === 'requirement' ? prefix : `${prefix}: ${p}`));
  };
  if (spec.dimension === 'date') {
    const keys = Object.keys(spec.cases).sort();
    const before = spec.otherwise === undefined ? [`before ${keys[0]}`] : prefixed(`before ${keys[0]}`, spec.otherwise);
    return [...before, ...keys.flatMap((k) => unknownParts(spec.cases[k]!, dimensions).map((p) => `from ${k}: ${p}`))];
  }
  const columns = columnsOf(spec.dimension, dimensions) ?? Object.keys(spec.cases);
  const parts = columns.flatMap((c) => prefixed(c, Object.hasOwn(spec.cases, c) ? spec.cases[c] : spec.otherwise));
  return parts;
}

/**
 * Whether a requirement states at least one value (a comparison or "Đạt"). An overlay
 * requirement without one is a placeholder and changes nothing.
 *
 * @example hasKnownValue({ kind: 'unknown' }) // false
 */
export function hasKnownValue(spec: RequirementSpec): boolean {
  return requirementLeaves(spec).some((v) => v.leaf.kind !== 'unknown');
}
