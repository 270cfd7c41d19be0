import type { CriterionSet } from '../schema/criterion-set.js';
import type { Ownership, Plan, PlanAgency } from '../schema/plan.js';
import { NtmError, issue } from '../errors.js';
import { resolvePlan } from './registry.js';

/** Ownership tables of one plan, built once per plan object. */
interface OwnerIndex {
  /** Whole-criterion assignments, by criterion number. */
  byCriterion: ReadonlyMap<string, readonly Ownership[]>;
  /** Single-indicator assignments, by indicator code. */
  byIndicator: ReadonlyMap<string, readonly Ownership[]>;
  agencyRank: ReadonlyMap<string, number>;
  /** Memoised answers of {@link ownersOf}, shared by every result evaluated with the plan. */
  owners: Map<string, readonly string[]>;
}

const indexes = new WeakMap<Plan, OwnerIndex>();

function ownerIndex(plan: Plan): OwnerIndex {
  const hit = indexes.get(plan);
  if (hit) return hit;
  const byCriterion = new Map<string, Ownership[]>();
  const byIndicator = new Map<string, Ownership[]>();
  for (const o of plan.ownership.assignments) {
    const [map, key] = 'criterion' in o ? [byCriterion, o.criterion] : [byIndicator, o.indicator];
    map.set(key, [...(map.get(key) ?? []), o]);
  }
  const index: OwnerIndex = {
    byCriterion,
    byIndicator,
    agencyRank: new Map(plan.agencies.map((a, i) => [a.id, i])),
    owners: new Map(),
  };
  indexes.set(plan, index);
  return index;
}

const CODE = /^[1-9]\d?(\.\d{1,2})?$/;

function checkCode(code: unknown): string {
  if (typeof code !== 'string' || !CODE.test(code)) {
    throw new NtmError('INVALID_ARGUMENT', [
      issue('invalid-code', ['code'], { got: JSON.stringify(code) ?? String(code) }),
    ]);
  }
  return code;
}

/**
 * The plan's assignments that cover a code. For an indicator: its own assignments (one per aspect
 * or sector when split), or else its criterion's whole-criterion assignment — which also covers
 * indicators no set lists yet. For a criterion number: the whole-criterion assignment and every
 * assignment of one of its indicators. Empty when the plan assigns nobody.
 *
 * @example ownerAssignments('17.9').map((o) => [o.agency, o.aspect?.id]) // [['agriculture','veterinary-husbandry'], ['environment','environmental-protection']]
 */
export function ownerAssignments(code: string, planOrId?: string | Plan): Ownership[] {
  checkCode(code);
  return assignmentsIn(resolvePlan(planOrId), code);
}

/** {@link ownerAssignments} in a validated plan (no registry lookup). */
function assignmentsIn(plan: Plan, code: string): Ownership[] {
  const index = ownerIndex(plan);
  const [criterion, indicator] = code.split('.') as [string, string | undefined];
  const whole = index.byCriterion.get(criterion) ?? [];
  if (indicator !== undefined) {
    const own = index.byIndicator.get(code) ?? [];
    return own.length > 0 ? [...own] : [...whole];
  }
  const parts: Ownership[] = [];
  for (const [c, list] of index.byIndicator) if (c.split('.')[0] === criterion) parts.push(...list);
  return [...whole, ...parts];
}

/**
 * Agency ids owning (chủ trì) a code, in the plan's agency order: an indicator code ("17.10") or a
 * criterion number ("9" → the owners of the criterion or of any of its indicators).
 *
 * @example ownersOf('17.10') // ['economy-infrastructure', 'agriculture', 'health']
 * @example ownersOf('15.3')  // ['health'] (criterion 15 is owned whole)
 */
export function ownersOf(code: string, planOrId?: string | Plan): string[] {
  return [...ownersIn(resolvePlan(planOrId), code)];
}

/** {@link ownersOf} in a validated plan (no registry lookup), memoised and frozen. */
function ownersIn(plan: Plan, code: string): readonly string[] {
  const index = ownerIndex(plan);
  const hit = index.owners.get(code);
  if (hit) return hit;
  checkCode(code);
  const ids = [...new Set(assignmentsIn(plan, code).map((o) => o.agency))].sort(
    (a, b) => index.agencyRank.get(a)! - index.agencyRank.get(b)!,
  );
  index.owners.set(code, Object.freeze(ids));
  return index.owners.get(code)!;
}

/** The plan's agency with that id; throws `INVALID_ARGUMENT` naming the known ids otherwise. */
export function agencyOf(agencyId: string, planOrId?: string | Plan): PlanAgency {
  const plan = resolvePlan(planOrId);
  const agency = plan.agencies.find((a) => a.id === agencyId);
  if (!agency) {
    throw new NtmError('INVALID_ARGUMENT', [
      issue('unknown-agency', ['agencyId'], { agency: agencyId, plan: plan.id, known: plan.agencies.map((a) => a.id) }),
    ]);
  }
  return agency;
}

/**
 * The codes an agency owns, as the plan assigns them (criterion numbers and indicator codes), in
 * the plan's order. Empty for agencies with other duties (`finance-planning`).
 *
 * @example ownedBy('economy-infrastructure') // ['1', '2', '4', '7', '9.2', '17.5', '17.10']
 */
export function ownedBy(agencyId: string, planOrId?: string | Plan): string[] {
  const plan = resolvePlan(planOrId);
  agencyOf(agencyId, plan);
  const codes = plan.ownership.assignments
    .filter((o) => o.agency === agencyId)
    .map((o) => ('criterion' in o ? o.criterion : o.indicator));
  return [...new Set(codes)];
}

/**
 * An `ownersOf` function for evaluating a set with a plan. Throws `INVALID_ARGUMENT` when the plan's
 * assignments are written for another series of sets (their numbering would not match).
 *
 * @example evaluateCommuneSync(set, input, { ownersOf: ownersLookup(getPlan('dak-song/2023'), set) })
 */
export function ownersLookup(planOrId: string | Plan, set: CriterionSet): (code: string) => readonly string[] {
  return ownersLookupIn(resolvePlan(planOrId), set);
}

/**
 * {@link ownersLookup} for a validated plan (no registry lookup: the asynchronous evaluation entry
 * points import the plan on demand).
 */
export function ownersLookupIn(plan: Plan, set: CriterionSet): (code: string) => readonly string[] {
  if (set.kind !== plan.ownership.setKind) {
    throw new NtmError('INVALID_ARGUMENT', [
      issue('plan-set-mismatch', ['plan'], { plan: plan.id, kind: plan.ownership.setKind, set: set.id }),
    ]);
  }
  return (code) => [...ownersIn(plan, code)];
}
