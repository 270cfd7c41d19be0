import type { CriterionSet, Criterion, Indicator } from '../schema/criterion-set.js';
import type { RegionCode } from '../schema/common.js';
import type { Requirement } from '../schema/result.js';
import { resolveRequirement } from '../requirement/resolve.js';
import { operatorOf } from '../schema/operators.js';

/** A comparison compiled once per requirement: `null` when the requirement is unknown. */
export type CompiledCheck = ((value: number | boolean) => boolean) | null;

/** Requirements resolved for one context (a value on each dimension), shared by every result of that context. */
export interface PreparedContext {
  key: string;
  /** The value on every dimension the set declares, frozen (results share it). */
  values: Readonly<Record<string, string | null>>;
  /** The region column (`values.region` when the set declares regions), else `null`. */
  region: RegionCode | null;
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
  /** The context of these dimension values, built once per distinct combination. */
  context(values: Readonly<Record<string, string | null>>): PreparedContext;
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
  const dimensionIds = Object.keys(set.dimensions);
  const prepared: PreparedSet = {
    set,
    criteria: set.criteria,
    indicators,
    criterionRanges,
    indexByCode,
    criterionIndexByNumber,
    context(values) {
      const key = dimensionIds.map((id) => values[id] ?? '').join('|');
      let ctx = contexts.get(key);
      if (!ctx) {
        const frozen: Readonly<Record<string, string | null>> = Object.freeze(Object.fromEntries(dimensionIds.map((id) => [id, values[id] ?? null])));
        const requirements = indicators.map((ind) => deepFreezeRequirement(resolveRequirement(ind.requirement, frozen, ind.measure.unit)));
        const region = typeof frozen.region === 'string' ? (frozen.region as RegionCode) : null;
        ctx = Object.freeze({ key, values: frozen, region, requirements, checks: requirements.map(compileCheck) });
        contexts.set(key, ctx);
      }
      return ctx;
    },
  };
  preparedSets.set(set, prepared);
  return prepared;
}

function deepFreezeRequirement(req: Requirement): Requirement {
  if (req.cases) Object.freeze(req.cases);
  return Object.freeze(req);
}

/** Turns a resolved requirement into a closure over the operator table's test. */
function compileCheck(req: Requirement): CompiledCheck {
  switch (req.kind) {
    case 'unknown':
      return null;
    case 'is-met':
      return (v) => v === true;
    case 'compare': {
      const t = req.value;
      const test = operatorOf(req.operator).test;
      // A boolean never meets a numeric threshold (the normaliser only lets numbers through here).
      return (v) => typeof v === 'number' && test(v, t);
    }
  }
}
