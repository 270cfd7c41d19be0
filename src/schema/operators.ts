/**
 * The comparison operators, each one plain object that knows how to test a value, measure its gap
 * to the threshold, print itself, order two thresholds by strictness, and name itself for
 * json-rules-engine. Comparison, shortfall, strictness, formatting, the reference path and
 * calibration all read this table; nothing else spells out what an operator means.
 */
export interface OperatorDefinition<Id extends string = string> {
  /** As written in rule files: `>=`, `<=`, `>`, `<`, `=`. */
  readonly id: Id;
  /** As printed: `≥`, `≤`, `>`, `<`, `=`. */
  readonly symbol: string;
  /** As printed when a value fails the comparison: `<` for `≥` ("8.7% < 10%"), `≠` for `=`. */
  readonly failedSymbol: string;
  /** Whether `value` meets the threshold. */
  readonly test: (value: number, threshold: number) => boolean;
  /** Distance from `value` to the threshold in the indicator's unit, before rounding (≤ 0 when met). */
  readonly gap: (value: number, threshold: number) => number;
  /** `1`: more is better (a floor), `-1`: less is better (a ceiling), `0`: exactly (no order). */
  readonly direction: 1 | -1 | 0;
  /** True for `>` and `<`: the boundary itself does not meet them. */
  readonly strict: boolean;
  /** The operator's name in json-rules-engine (the reference semantics). */
  readonly engineName: 'greaterThanInclusive' | 'lessThanInclusive' | 'greaterThan' | 'lessThan' | 'equal';
}

/**
 * Every operator, by id.
 *
 * @example OPERATORS['<='].test(24.1, 26.5) // true
 * @example OPERATORS['>='].symbol // '≥'
 */
const define = <Id extends string>(d: OperatorDefinition<Id>): OperatorDefinition<Id> => Object.freeze(d);

export const OPERATORS = Object.freeze({
  '>=': define({ id: '>=', symbol: '≥', failedSymbol: '<', test: (v, t) => v >= t, gap: (v, t) => t - v, direction: 1, strict: false, engineName: 'greaterThanInclusive' }),
  '<=': define({ id: '<=', symbol: '≤', failedSymbol: '>', test: (v, t) => v <= t, gap: (v, t) => v - t, direction: -1, strict: false, engineName: 'lessThanInclusive' }),
  '>': define({ id: '>', symbol: '>', failedSymbol: '≤', test: (v, t) => v > t, gap: (v, t) => t - v, direction: 1, strict: true, engineName: 'greaterThan' }),
  '<': define({ id: '<', symbol: '<', failedSymbol: '≥', test: (v, t) => v < t, gap: (v, t) => v - t, direction: -1, strict: true, engineName: 'lessThan' }),
  '=': define({ id: '=', symbol: '=', failedSymbol: '≠', test: (v, t) => v === t, gap: (v, t) => Math.abs(v - t), direction: 0, strict: false, engineName: 'equal' }),
});

/** An operator id as written in rule files. */
export type Operator = keyof typeof OPERATORS;

/** The operator ids, in table order. */
export const OPERATOR_IDS = Object.freeze(Object.keys(OPERATORS)) as readonly Operator[];

/**
 * The definition of an operator id.
 *
 * @example operatorOf('<').strict // true
 */
export function operatorOf(id: Operator): OperatorDefinition<Operator> {
  return OPERATORS[id];
}
