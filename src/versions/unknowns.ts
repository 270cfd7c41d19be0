import { REGIONS, type RegionCode } from '../schema/common.js';
import type { RequirementSpec } from '../schema/requirement.js';

const REGION_CODES = Object.keys(REGIONS) as RegionCode[];

/**
 * Which parts of a requirement are unknown: `requirement` (all of it), region codes whose column
 * is unknown, `before <year>` for years no entry covers, prefixed by the year entry they are in.
 *
 * @example unknownParts({ kind: 'by-region', regions: { DBSCL: le85 } }) // ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB']
 */
export function unknownParts(spec: RequirementSpec): string[] {
  switch (spec.kind) {
    case 'compare':
    case 'is-met':
      return [];
    case 'unknown':
      return ['requirement'];
    case 'by-region':
      return REGION_CODES.filter((r) => {
        const leaf = spec.regions[r] ?? spec.otherwise;
        return leaf === undefined || leaf.kind === 'unknown';
      });
    case 'by-year':
      return [
        `before ${spec.years[0]!.from}`,
        ...spec.years.flatMap((y) => unknownParts(y.requirement).map((p) => `from ${y.from}: ${p}`)),
      ];
  }
}

/**
 * Whether a requirement states at least one value (a comparison or "Đạt"). An overlay
 * requirement without one is a placeholder and changes nothing.
 *
 * @example hasKnownValue({ kind: 'unknown' }) // false
 */
export function hasKnownValue(spec: RequirementSpec): boolean {
  switch (spec.kind) {
    case 'compare':
    case 'is-met':
      return true;
    case 'unknown':
      return false;
    case 'by-region':
      return Object.values(spec.regions).some((l) => l !== undefined && l.kind !== 'unknown') || (spec.otherwise !== undefined && spec.otherwise.kind !== 'unknown');
    case 'by-year':
      return spec.years.some((y) => hasKnownValue(y.requirement));
  }
}
