/**
 * The shape every mechanism returns, and how a mechanism is declared. A mechanism is one small
 * idea of the NTM rules — a share of units, a count, every criterion met, a verdict — written
 * once: a plain object that names itself, says what it decides, and computes an {@link Outcome}.
 * District, province, recognition, commune-group and plan-target evaluations compose them and add
 * their own words; the "why" is always the project's one {@link Reason} shape.
 */
import type { Reason, Requirement } from '../schema/result.js';

/** How a mechanism comes out. `not-applicable`: there is nothing to check (no township). */
export type MechanismStatus = 'met' | 'not-met' | 'undetermined' | 'not-applicable';

/**
 * What a mechanism returns: its status, the figure it computed (`null` when none), the
 * requirement it held the figure to (`null` when none), and why it is undetermined.
 */
export interface Outcome<V = number | null, S extends MechanismStatus = MechanismStatus> {
  readonly status: S;
  readonly value: V;
  readonly requirement: Requirement | null;
  /** Why the outcome is undetermined, as reasons (each code once); empty when decided. */
  readonly why: readonly Reason[];
}

/** A mechanism: its kind (as rule files name it), what it decides in words, and its function. */
export interface Mechanism<Args, Out extends Outcome<unknown>> {
  readonly kind: string;
  /** What the mechanism decides, for documentation and introspection. */
  readonly summary: string;
  readonly evaluate: (args: Args) => Out;
}

/**
 * Declares a mechanism (frozen, so a composition cannot change it under another).
 *
 * @example defineMechanism({ kind: 'count', summary: 'a count against a requirement', evaluate: (a) => … }).kind // 'count'
 */
export function defineMechanism<Args, Out extends Outcome<unknown>>(m: Mechanism<Args, Out>): Mechanism<Args, Out> {
  return Object.freeze({ ...m });
}

/**
 * A three-valued comparison as a status: `true` met, `false` not met, `null` undetermined.
 *
 * @example statusOf(null) // 'undetermined'
 */
export function statusOf(ok: boolean | null): 'met' | 'not-met' | 'undetermined' {
  return ok === null ? 'undetermined' : ok ? 'met' : 'not-met';
}

/**
 * A reason, or none when there is nothing it is about (so callers can spread it unconditionally).
 *
 * @example reasonAbout('missing', []) // []
 * @example reasonAbout('missing', ['D4']) // [{ code: 'missing', items: ['D4'] }]
 */
export function reasonAbout(code: Reason['code'], items: readonly string[]): Reason[] {
  return items.length > 0 ? [{ code, items: [...items] }] : [];
}
