import type { CriterionSet, Criterion, Indicator } from '../schema/criterion-set.js';
import type { RegionCode } from '../schema/common.js';
import type { Requirement } from '../schema/result.js';
import { resolveRequirement } from '../requirement/resolve.js';

/** A comparison compiled once per requirement: `null` when the requirement is unknown. */
export type CompiledCheck = ((value: number | boolean) => boolean) | null;

/** Requirements resolved for one (region, year), shared by every result of that context. */
export interface PreparedContext {
  key: string;
  region: RegionCode | null;
  year: number;
  /** By flat indicator index. */
  requirements: readonly Requirement[];
  checks: readonly CompiledCheck[];
}

/** Per-set data computed once and shared (read-only) by every evaluation of that set. */
export interface PreparedSet {
  set: CriterionSet;
  criteria: readonly Criterion[];
  /** Every indicator, criterion by criterion. */
  indicators: readonly Indicator[];
  /** `criterionRanges[c]` = [first, end) of criterion c's indicators in `indicators`. */
  criterionRanges: ReadonlyArray<readonly [number, number]>;
  indexByCode: ReadonlyMap<string, number>;
  criterionIndexByNumber: ReadonlyMap<string, number>;
  regionByClass: ReadonlyMap<string, RegionCode>;
  context(region: RegionCode | null, year: number): PreparedContext;
}

const preparedSets = new WeakMap<CriterionSet, PreparedSet>();

/** Prepares (once per set object) the flat tables both evaluation paths read. */
export function prepareSet(set: CriterionSet): PreparedSet {
  const hit = preparedSets.get(set);
  if (hit) return hit;
  const indicators: Indicator[] = [];
  const criterionRanges: Array<readonly [number, number]> = [];
  const indexByCode = new Map<string, number>();
  const criterionIndexByNumber = new Map<string, number>();
  set.criteria.forEach((c, ci) => {
    criterionIndexByNumber.set(c.number, ci);
    const start = indicators.length;
    for (const ind of c.indicators) {
      indexByCode.set(ind.code, indicators.length);
      indicators.push(ind);
    }
    criterionRanges.push([start, indicators.length]);
  });
  const contexts = new Map<string, PreparedContext>();
  const prepared: PreparedSet = {
    set,
    criteria: set.criteria,
    indicators,
    criterionRanges,
    indexByCode,
    criterionIndexByNumber,
    regionByClass: new Map(set.regionOverrides.map((o) => [o.class, o.region])),
    context(region, year) {
      const key = `${region ?? '-'}|${year}`;
      let ctx = contexts.get(key);
      if (!ctx) {
        const requirements = indicators.map((ind) =>
          Object.freeze(resolveRequirement(ind.requirement, { region, year }, ind.measure.unit)),
        );
        ctx = Object.freeze({ key, region, year, requirements, checks: requirements.map(compileCheck) });
        contexts.set(key, ctx);
      }
      return ctx;
    },
  };
  preparedSets.set(set, prepared);
  return prepared;
}

/** Turns a resolved requirement into a closure: no code generation, just captured constants. */
function compileCheck(req: Requirement): CompiledCheck {
  switch (req.kind) {
    case 'unknown':
      return null;
    case 'is-met':
      return (v) => v === true;
    case 'compare': {
      const t = req.value;
      switch (req.operator) {
        case '>=': return (v) => (v as number) >= t;
        case '<=': return (v) => (v as number) <= t;
        case '>': return (v) => (v as number) > t;
        case '<': return (v) => (v as number) < t;
        case '=': return (v) => v === t;
      }
    }
  }
}
