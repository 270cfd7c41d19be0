import type { RegionCode } from '../schema/common.js';
import type { LeafSpec, RequirementSpec } from '../schema/requirement.js';
import type { Requirement } from '../schema/result.js';
import { formatQuantity, operatorSymbol } from './format.js';

/** What a requirement depends on: the regional column and the year evaluated. */
export interface RequirementContext {
  region: RegionCode | null;
  year: number;
}

/**
 * Resolves a requirement as written in a rule file to the one that applies for a region and
 * year: picks the year's entry, then the region's column. An unlisted column is unknown.
 *
 * @example
 * resolveRequirement(spec15_3, { region: 'TN', year: 2023 }, '%').textVi // '≤ 26,5 %'
 */
export function resolveRequirement(spec: RequirementSpec, ctx: RequirementContext, unit: string | null): Requirement {
  switch (spec.kind) {
    case 'by-year': {
      let chosen: (typeof spec.years)[number] | undefined;
      for (const entry of spec.years) if (entry.from <= ctx.year) chosen = entry;
      if (!chosen) return unknownRequirement(ctx.region, `no value for ${ctx.year}: the earliest is for ${spec.years[0]!.from}`);
      return resolveRequirement(chosen.requirement, ctx, unit);
    }
    case 'by-region': {
      const leaf = (ctx.region === null ? undefined : spec.regions[ctx.region]) ?? spec.otherwise;
      if (!leaf) return unknownRequirement(ctx.region, ctx.region === null ? 'no region given' : `no value known for region ${ctx.region}`);
      return resolveLeaf(leaf, ctx.region, unit);
    }
    default:
      return resolveLeaf(spec, null, unit);
  }
}

function resolveLeaf(leaf: LeafSpec, region: RegionCode | null, unit: string | null): Requirement {
  switch (leaf.kind) {
    case 'compare': {
      const sym = operatorSymbol(leaf.operator);
      return {
        kind: 'compare',
        operator: leaf.operator,
        value: leaf.value,
        unit,
        region,
        textVi: `${sym} ${formatQuantity(leaf.value, unit, 'vi')}`,
        textEn: `${sym} ${formatQuantity(leaf.value, unit, 'en')}`,
        source: leaf.source,
      };
    }
    case 'is-met':
      return { kind: 'is-met', textVi: 'Đạt', textEn: 'met', source: leaf.source };
    case 'unknown':
      return unknownRequirement(region, leaf.note);
  }
}

function unknownRequirement(region: RegionCode | null, note: string | undefined): Requirement {
  return {
    kind: 'unknown',
    region,
    textVi: 'chưa rõ ngưỡng',
    textEn: 'threshold unknown',
    ...(note === undefined ? {} : { note }),
  };
}
