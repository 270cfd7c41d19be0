/** How far a value is from its requirement: below a floor something is lacking; over a ceiling the value exceeds it. */
import { domain, msg } from '../define.js';

export const gap = domain('gap', {
  /** Below a floor (≥, >): what is still lacking. */
  'gap.short': msg({ amount: 'text' }, (p) => `còn thiếu ${p.amount}`, (p) => `shortfall ${p.amount}`),
  /** Over a ceiling (≤, <): by how much the value exceeds the maximum. */
  'gap.over': msg({ amount: 'text' }, (p) => `vượt ${p.amount} so với mức tối đa`, (p) => `${p.amount} over the maximum`),
  /** Off an exact value (=). */
  'gap.off': msg({ amount: 'text' }, (p) => `chênh lệch ${p.amount} so với mức yêu cầu`, (p) => `${p.amount} off the required value`),
});
