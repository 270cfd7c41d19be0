import type { CriterionSet, DimensionDerivation } from '../schema/criterion-set.js';
import type { DimensionBasis } from '../schema/result.js';
import { NtmError, type NtmIssue } from '../errors.js';
import { derivationEngine, dimensionContext, type DerivationEngine, type Deriver, type DimensionInput } from '../rules/dimensions.js';

/*
 * A commune's context: its value on each dimension of the set and how it was obtained. The
 * rules of resolution live in rules/dimensions.ts; this file applies the derivations a set
 * declares by their installed engines, so every evaluation path resolves dimensions here.
 */

function engineOf(derivation: DimensionDerivation): DerivationEngine {
  const engine = derivationEngine(derivation.kind);
  if (engine === undefined) {
    // Reached only by code below the entry points that builds its own pipeline without installing.
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'derivation-not-installed', path: [], message: `the derivation "${derivation.kind}" (${derivation.rules}) is not installed: evaluate through the package entry points, or call installGroupDerivation() (ntm-rules/groups)` }]);
  }
  return engine;
}

const deriveByEngine: Deriver = (id, dimension, input) => engineOf(dimension.derivation!).derive(id, dimension, input);

/** Facts the input gives that no derivation of the set reads: reported, never silently dropped. */
function unknownFactIssues(set: Pick<CriterionSet, 'id' | 'dimensions'>, facts: Readonly<Record<string, unknown>>): NtmIssue[] {
  const known = new Set<string>();
  for (const d of Object.values(set.dimensions)) if (d.kind === 'column' && d.derivation !== undefined) for (const id of engineOf(d.derivation).facts(d.derivation)) known.add(id);
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
  const resolved = dimensionContext(set, input, deriveByEngine);
  if (input.facts !== undefined) resolved.issues.push(...unknownFactIssues(set, input.facts));
  return resolved;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
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
