import type { Requirement } from '../schema/result.js';

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
    case 'compare': {
      if (typeof value !== 'number') return null;
      switch (req.operator) {
        case '>=': return value >= req.value;
        case '<=': return value <= req.value;
        case '>': return value > req.value;
        case '<': return value < req.value;
        case '=': return value === req.value;
      }
    }
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
  let gap: number;
  switch (req.operator) {
    case '>=':
    case '>':
      gap = req.value - value;
      break;
    case '<=':
    case '<':
      gap = value - req.value;
      break;
    case '=':
      gap = Math.abs(value - req.value);
      break;
  }
  // Rounded so that 26.5 − 26.4 reports 0.1, not 0.10000000000000142.
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
    const dir = (op: string): number => (op === '>=' || op === '>' ? 1 : op === '<=' || op === '<' ? -1 : 0);
    if (dir(a.operator) !== dir(b.operator) || dir(a.operator) === 0) {
      return a.operator === b.operator && a.value === b.value ? 'same' : 'incomparable';
    }
    const d = dir(a.operator);
    // Same value: strict vs inclusive operators differ in strictness.
    if (a.value === b.value) {
      if (a.operator === b.operator) return 'same';
      const strictB = b.operator === '>' || b.operator === '<';
      return strictB ? 'stricter' : 'looser';
    }
    return (b.value - a.value) * d > 0 ? 'stricter' : 'looser';
  }
  if (a.kind === b.kind && a.kind !== 'compare') return 'same';
  return 'incomparable';
}
