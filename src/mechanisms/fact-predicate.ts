import type { Operator } from '../schema/operators.js';
import { operatorOf } from '../schema/operators.js';
import { defineMechanism, reasonAbout, type Outcome } from './outcome.js';

/** A test on facts: one fact against values, a yes/no or a number, or all / any of other tests. */
export type FactPredicate =
  | { fact: string; in: string[] }
  | { fact: string; is: boolean }
  | { fact: string; operator: Operator; value: number }
  | { all: FactPredicate[] }
  | { any: FactPredicate[] };

export interface PredicateOutcome extends Outcome<boolean | null, 'met' | 'not-met' | 'undetermined'> {
  /** Facts the test needed and did not get (when undetermined). */
  readonly missing: string[];
}

/** Kleene three-valued test: `all` fails on one false, `any` holds on one true, otherwise an unknown part leaves it open. */
function test(p: FactPredicate, facts: Readonly<Record<string, unknown>>): { holds: boolean | null; missing: string[] } {
  if ('all' in p || 'any' in p) {
    const parts = ('all' in p ? p.all : p.any).map((q) => test(q, facts));
    const decisive = !('all' in p);
    if (parts.some((x) => x.holds === decisive)) return { holds: decisive, missing: [] };
    const missing = [...new Set(parts.flatMap((x) => x.missing))];
    return { holds: parts.some((x) => x.holds === null) ? null : !decisive, missing };
  }
  const v = Object.hasOwn(facts, p.fact) ? facts[p.fact] : undefined;
  if (v === undefined || v === null) return { holds: null, missing: [p.fact] };
  if ('in' in p) return { holds: p.in.includes(String(v)), missing: [] };
  if ('is' in p) return { holds: v === p.is, missing: [] };
  // The one operator table: the same `<=` as every threshold.
  return { holds: typeof v === 'number' ? operatorOf(p.operator).test(v, p.value) : null, missing: typeof v === 'number' ? [] : [p.fact] };
}

/**
 * Whether facts satisfy a predicate (the commune-group rules of 51/2025/QĐ-TTg): `met` when it
 * holds, `not-met` when it does not, `undetermined` when a fact it needs is unknown — then with
 * the facts as `missing` reasons. Comparisons use the one operator table.
 *
 * @example factPredicate.evaluate({ predicate: { fact: 'agricultureShare', operator: '<', value: 10 }, facts: { agricultureShare: 8 } }).status // 'met'
 * @example factPredicate.evaluate({ predicate: { all: [{ fact: 'adjacentToUrbanArea', is: true }] }, facts: {} }).why // [{ code: 'missing', items: ['adjacentToUrbanArea'] }]
 */
export const factPredicate = defineMechanism<{ predicate: FactPredicate; facts: Readonly<Record<string, unknown>> }, PredicateOutcome>({
  kind: 'fact-predicate',
  summary: 'a test on facts (a category, a yes/no, a figure against a number), all or any of them',
  evaluate({ predicate, facts }) {
    const t = test(predicate, facts);
    return {
      status: t.holds === null ? 'undetermined' : t.holds ? 'met' : 'not-met',
      value: t.holds,
      requirement: null,
      missing: t.missing,
      why: t.holds === null ? reasonAbout('missing', t.missing) : [],
    };
  },
});
