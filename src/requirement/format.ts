import { OPERATORS, type Operator } from '../schema/operators.js';

import type { Lang } from '../messages/lang.js';

/** Language of generated texts (defined with the catalogue of texts). */
export type { Lang };

/**
 * `≥`, `≤`, … for an operator (from the operator table); other text is returned as given.
 *
 * @example operatorSymbol('>=') // '≥'
 */
export function operatorSymbol(operator: string): string {
  return Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator as Operator].symbol : operator;
}

// How each language writes numbers and quantities is decided once, with the catalogue of texts.
export { formatNumber, formatQuantity } from '../messages/locale.js';
