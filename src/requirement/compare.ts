import type { Requirement } from '../schema/result.js';
import { operatorOf } from '../schema/operators.js';

/**
 * Whether a value meets a requirement: `true` / `false`, or `null` when the requirement is
 * unknown or the value's type does not fit it (the caller reports that, it is never "not met").
 *
 * @example compareRequirement(req15_3, 24.1) // true  (≤ 26.5 %)
 */
export function compareRequirement(req: Requirement, value: number | boolean): boolean | null {
  switch (req.kind) {
    case 'unknown':
      return null;
    case 'is-met':
      return typeof value === 'boolean' ? value : null;
    case 'compare':
      return typeof value === 'number' ? operatorOf(req.operator).test(value, req.value) : null;
  }
}

/**
 * How far a numeric value is from the threshold, in the indicator's unit: `0` when met,
 * positive otherwise (for `>` / `<` a value on the boundary is 0 away yet not met).
 * `null` for non-numeric requirements or values.
 *
 * @example shortfall(req15_3, 30) // 3.5  (≤ 26.5 %)
 */
export function shortfall(req: Requirement, value: number | boolean | null): number | null {
  if (req.kind !== 'compare' || typeof value !== 'number') return null;
  return roundedGap(operatorOf(req.operator).gap(value, req.value));
}

/** A gap rounded so that 26.5 − 26.4 reports 0.1, not 0.10000000000000142; never negative. */
export function roundedGap(gap: number): number {
  return Math.max(0, Math.round(gap * 1e9) / 1e9);
}

/**
 * Orders two requirements of the same direction: `'stricter'` when `b` asks more than `a`,
 * `'looser'` when less, `'same'`, or `'incomparable'` (different operators or kinds).
 *
 * @example compareStrictness(le(31.4), le(26.5)) // 'stricter'
 */
export function compareStrictness(a: Requirement, b: Requirement): 'stricter' | 'looser' | 'same' | 'incomparable' {
  if (a.kind === 'compare' && b.kind === 'compare') {
    const opA = operatorOf(a.operator);
    const opB = operatorOf(b.operator);
    if (opA.direction !== opB.direction || opA.direction === 0) {
      return a.operator === b.operator && a.value === b.value ? 'same' : 'incomparable';
    }
    // Same value: strict vs inclusive operators differ in strictness.
    if (a.value === b.value) {
      if (a.operator === b.operator) return 'same';
      return opB.strict ? 'stricter' : 'looser';
    }
    return (b.value - a.value) * opA.direction > 0 ? 'stricter' : 'looser';
  }
  if (a.kind === b.kind && a.kind !== 'compare') return 'same';
  return 'incomparable';
}
