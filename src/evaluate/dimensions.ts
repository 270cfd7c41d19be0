import type { CriterionSet } from '../schema/criterion-set.js';
import type { DimensionBasis } from '../schema/result.js';
import { NtmError, type NtmIssue } from '../errors.js';
import { dimensionContext, type Derivation, type Deriver, type DimensionInput } from '../rules/dimensions.js';
import { communeGroupOf, getGroupRules } from '../groups/derive.js';
import type { CommuneGroupResult } from '../groups/schema.js';

/*
 * A commune's context: its value on each dimension of the set and how it was obtained. The
 * rules of resolution live in rules/dimensions.ts; this file adds the derivations a set declares
 * (the derivation engines live above rules/), so every evaluation path resolves dimensions here.
 */

/** The facts a derivation's rule file reads, by rule file id. */
const factsOfRules = new Map<string, readonly string[]>();
function factIds(rulesId: string): readonly string[] {
  let ids = factsOfRules.get(rulesId);
  if (ids === undefined) {
    ids = getGroupRules(rulesId).facts.map((f) => f.id);
    factsOfRules.set(rulesId, ids);
  }
  return ids;
}

/** Bases of derived values, one per rule file and rule: results share them. */
const derivedBases = new Map<string, DimensionBasis>();
function derivedBasis(group: CommuneGroupResult): DimensionBasis {
  const rule = group.rule!;
  const key = `${group.rulesId}\u0000${rule.id}`;
  let b = derivedBases.get(key);
  if (b === undefined) {
    b = deepFreeze({ basis: 'derived', rules: group.rulesId, rule: { id: rule.id, nameVi: rule.nameVi, nameEn: rule.nameEn, source: rule.source } });
    derivedBases.set(key, b);
  }
  return b;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/**
 * The derivation of a dimension by a group rule file: the rules applied to the facts of the
 * input that the file declares. `null` when the input gives none of them (the dimension then
 * falls back to the set's default, or is missing).
 */
export const deriveByRules: Deriver = (_id, dimension, input): Derivation => {
  const derivation = dimension.derivation!;
  const given = input.facts;
  if (given === undefined) return null;
  const ids = factIds(derivation.rules);
  const facts: Record<string, unknown> = {};
  let any = false;
  for (const id of ids) {
    if (Object.hasOwn(given, id)) {
      facts[id] = given[id];
      any = true;
    }
  }
  if (!any) return null;
  let group: CommuneGroupResult;
  try {
    group = communeGroupOf({ facts: facts as never }, derivation.rules);
  } catch (e) {
    if (e instanceof NtmError && e.code === 'INVALID_INPUT') return { value: null, basis: undeterminedBasis(derivation.rules, [], []), issues: e.issues };
    throw e;
  }
  if (group.group !== null) return { value: String(group.group), basis: derivedBasis(group) };
  const missing = group.undeterminedBecause?.flatMap((r) => r.facts) ?? [];
  return { value: null, basis: undeterminedBasis(group.rulesId, [...new Set(missing)], group.candidates.map(String)) };
};

function undeterminedBasis(rules: string, missingFacts: string[], candidates: string[]): DimensionBasis {
  return deepFreeze({ basis: 'undetermined', rules, missingFacts, candidates });
}

/** Facts the input gives that no derivation of the set reads: reported, never silently dropped. */
function unknownFactIssues(set: Pick<CriterionSet, 'id' | 'dimensions'>, facts: Readonly<Record<string, unknown>>): NtmIssue[] {
  const known = new Set<string>();
  for (const d of Object.values(set.dimensions)) if (d.kind === 'column' && d.derivation !== undefined) for (const id of factIds(d.derivation.rules)) known.add(id);
  const issues: NtmIssue[] = [];
  for (const id of Object.keys(facts)) {
    if (!known.has(id)) {
      issues.push({ code: 'unknown-fact', path: ['facts', id], message: `fact "${id}" is read by no derivation of ${set.id}${known.size ? `; known: ${[...known].join(', ')}` : ''}` });
    }
  }
  return issues;
}

/**
 * A commune's value on every dimension of the set, how each was obtained, and the problems:
 * {@link dimensionContext} with the set's declared derivations applied to the input's facts.
 *
 * @example
 * resolveDimensions(set2026, { year: 2026, facts: { ethnicMinorityArea: 'III', agricultureShare: 62, adjacentToUrbanArea: false, urbanOrientation: false, plannedNewUrbanArea: false } }).basis.communeGroup
 * // { basis: 'derived', rules: 'national/commune-groups/2026', rule: { id: 'G3', … } }
 */
export function resolveDimensions(
  set: Pick<CriterionSet, 'id' | 'dimensions'> & Partial<Pick<CriterionSet, 'criteria'>>,
  input: DimensionInput,
): { values: Record<string, string | null>; basis: Record<string, DimensionBasis>; issues: NtmIssue[] } {
  const resolved = dimensionContext(set, input, deriveByRules);
  if (input.facts !== undefined) resolved.issues.push(...unknownFactIssues(set, input.facts));
  return resolved;
}

/** Records of bases already made, by content: results of communes resolved alike share one. */
const interned = new Map<string, Readonly<Record<string, DimensionBasis>>>();
const INTERNED_MAX = 4096;

/**
 * One frozen record per distinct content, so that many results hold one object.
 *
 * @example internBasis({ region: { basis: 'given' } }) === internBasis({ region: { basis: 'given' } }) // true
 */
export function internBasis(basis: Record<string, DimensionBasis>): Readonly<Record<string, DimensionBasis>> {
  const key = JSON.stringify(basis);
  let hit = interned.get(key);
  if (hit === undefined) {
    hit = deepFreeze(basis);
    if (interned.size >= INTERNED_MAX) interned.clear();
    interned.set(key, hit);
  }
  return hit;
}
