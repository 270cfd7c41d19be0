import type { NtmIssue } from '../errors.js';
import type { DimensionBasis } from '../schema/result.js';
import type { Derivation, DerivationEngine, Deriver } from '../rules/dimensions.js';
import type { CommuneGroup, CommuneGroupFacts, GroupRules, RuleOutcome } from './schema.js';
import { factPredicate } from '../mechanisms/fact-predicate.js';

/*
 * The group rules applied to facts, with no registry and no schema: what `communeGroupOf` and the
 * derivation of a set's group dimension both decide by. Kept free of the bundled rule files so
 * that a page loads the rules it needs on demand (groups/on-demand.ts).
 */

/** The rule that placed a commune: its id, names and source. */
export type PlacingRule = { id: string; nameVi: string; nameEn: string; source: GroupRules['otherwise']['source'] };

/**
 * What the rules make of the facts: every rule's outcome, the groups still possible, the facts
 * missing, the group derived (`null` when the facts do not decide) and the rule that placed it.
 *
 * @example decideGroup({ ethnicMinorityArea: 'III', agricultureShare: 62, adjacentToUrbanArea: false, urbanOrientation: false, plannedNewUrbanArea: false }, rules).derived // 3
 */
export function decideGroup(
  facts: CommuneGroupFacts | Readonly<Record<string, unknown>>,
  rules: GroupRules,
): { outcomes: RuleOutcome[]; candidates: CommuneGroup[]; missing: string[]; derived: CommuneGroup | null; rule: PlacingRule | null; sure: CommuneGroup[] } {
  const known = facts as Readonly<Record<string, unknown>>;
  const outcomes: RuleOutcome[] = rules.rules.map((r) => {
    const t = factPredicate.evaluate({ predicate: r.when, facts: known });
    return { id: r.id, group: r.group, holds: t.value, missingFacts: t.missing, why: [...t.why], nameVi: r.nameVi, nameEn: r.nameEn, source: r.source };
  });
  const groups = [...new Set(rules.rules.map((r) => r.group))];
  // Per group: does any of its rules hold (true), all fail (false), or is it open (null)?
  const byGroup = new Map<CommuneGroup, boolean | null>(
    groups.map((g) => {
      const own = outcomes.filter((o) => o.group === g);
      return [g, own.some((o) => o.holds === true) ? true : own.every((o) => o.holds === false) ? false : null];
    }),
  );
  const sure = groups.filter((g) => byGroup.get(g) === true);
  const open = groups.filter((g) => byGroup.get(g) === null);
  const fallback = rules.otherwise.group;
  const candidates: CommuneGroup[] = sure.length > 0 ? [...new Set([...sure, ...open])] : [...open, fallback];
  candidates.sort();
  const missing = [...new Set(outcomes.filter((o) => o.holds === null && (sure.length === 0 || open.includes(o.group))).flatMap((o) => o.missingFacts))];
  const derived: CommuneGroup | null = sure.length === 1 && open.length === 0 ? sure[0]! : sure.length === 0 && open.length === 0 ? fallback : null;
  const placing = derived === null ? null : derived === fallback ? rules.otherwise : rules.rules.find((r) => r.group === derived && outcomes.find((o) => o.id === r.id)?.holds === true)!;
  const rule = placing ? { id: placing.id, nameVi: placing.nameVi, nameEn: placing.nameEn, source: placing.source } : null;
  return { outcomes, candidates, missing, derived, rule, sure };
}

/** Problems with facts against the rule file's declarations: a value of the wrong type, or not one of a category's values. */
export function factIssues(facts: Readonly<Record<string, unknown>>, rules: GroupRules): NtmIssue[] {
  const issues: NtmIssue[] = [];
  for (const f of rules.facts) {
    if (!Object.hasOwn(facts, f.id)) continue;
    const v = facts[f.id];
    if (v === null || v === undefined) continue;
    const ok = f.type === 'boolean' ? typeof v === 'boolean' : f.type === 'percent' ? typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 : typeof v === 'string' && f.values.includes(v);
    if (!ok) {
      const expected = f.type === 'boolean' ? 'true or false' : f.type === 'percent' ? 'a percentage from 0 to 100' : `one of ${f.values.join(', ')}`;
      issues.push({ code: 'invalid-fact', path: ['facts', f.id], message: `fact ${f.id}: expected ${expected}, got ${JSON.stringify(v)}` });
    }
  }
  return issues;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/**
 * The `group-rules` derivation of a set's dimension, reading rule files through `rulesOf`: the
 * rules applied to the facts of the input that the file declares; `null` when the input gives
 * none of them (the dimension then falls back to the set's default, or is missing).
 */
export function groupDerivationEngine(rulesOf: (id: string) => GroupRules): DerivationEngine {
  const bases = new Map<string, DimensionBasis>();
  const derivedBasis = (rulesId: string, rule: PlacingRule): DimensionBasis => {
    const key = `${rulesId}\u0000${rule.id}`;
    let b = bases.get(key);
    if (b === undefined) {
      b = deepFreeze({ basis: 'derived', rules: rulesId, rule: { id: rule.id, nameVi: rule.nameVi, nameEn: rule.nameEn, source: rule.source } });
      bases.set(key, b);
    }
    return b;
  };
  const derive: Deriver = (_id, dimension, input): Derivation => {
    const rulesId = dimension.derivation!.rules;
    const given = input.facts;
    if (given === undefined) return null;
    const rules = rulesOf(rulesId);
    const facts: Record<string, unknown> = {};
    let any = false;
    for (const f of rules.facts) {
      if (Object.hasOwn(given, f.id)) {
        facts[f.id] = given[f.id];
        any = true;
      }
    }
    if (!any) return null;
    const issues = factIssues(facts, rules);
    if (issues.length > 0) return { value: null, basis: deepFreeze({ basis: 'undetermined', rules: rulesId, missingFacts: [], candidates: [] }), issues };
    const decided = decideGroup(facts, rules);
    if (decided.derived !== null) return { value: String(decided.derived), basis: derivedBasis(rulesId, decided.rule!) };
    return { value: null, basis: deepFreeze({ basis: 'undetermined', rules: rulesId, missingFacts: decided.missing, candidates: decided.candidates.map(String) }) };
  };
  return { derive, facts: (d) => rulesOf(d.rules).facts.map((f) => f.id) };
}
