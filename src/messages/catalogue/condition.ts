/** Conditions of districts, provinces and model communes: the words their mechanisms' figures are said in. */
import { domain, msg } from '../define.js';

export const condition = domain('condition', {
  /** A share with units still open: they could tip it. */
  'condition.shareOpen': msg(
    { open: 'number' },
    (p, f) => ` (${f.number(p.open)} xã/đơn vị chưa xác định hoặc chưa đánh giá)`,
    (p, f) => ` (${f.number(p.open)} undetermined or not assessed)`,
  ),
  'condition.shareOpenCommunes': msg(
    { open: 'number' },
    (p, f) => ` (${f.number(p.open)} xã chưa xác định hoặc chưa đánh giá)`,
    (p, f) => ` (${f.number(p.open)} undetermined or not assessed)`,
  ),
});
