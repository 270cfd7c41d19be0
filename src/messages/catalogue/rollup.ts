/** Roll-ups of commune results as district and province reports state them. */
import { domain, msg } from '../define.js';

/** A mean to two decimals, as reports print it (16,62 tiêu chí/xã; 16.62 per commune). */
const two = (n: number, decimalMark: string): string => (Math.round(n * 100) / 100).toFixed(2).replace('.', decimalMark);

export const rollup = domain('rollup', {
  'rollup.line': msg(
    { communes: 'number', met: 'number', criteriaMet: 'number', mean: 'number', basicallyMet: 'number', notMet: 'number', undetermined: 'number' },
    (p, f) =>
      `${f.number(p.met)}/${f.number(p.communes)} xã đạt chuẩn; tổng ${f.number(p.criteriaMet)} tiêu chí đạt; bình quân ${two(p.mean, ',')} tiêu chí/xã (tiêu chí: ${f.number(p.criteriaMet)} đạt, ${f.number(p.basicallyMet)} cơ bản đạt, ${f.number(p.notMet)} chưa đạt, ${f.number(p.undetermined)} chưa xác định)`,
    (p, f) =>
      `${f.number(p.met)}/${f.number(p.communes)} communes meet the set; ${f.number(p.criteriaMet)} criteria met in all; mean ${two(p.mean, '.')} criteria per commune (criteria: ${f.number(p.criteriaMet)} met, ${f.number(p.basicallyMet)} basically met, ${f.number(p.notMet)} not met, ${f.number(p.undetermined)} undetermined)`,
  ),
  'rollup.provinceHead': msg(
    { set: 'code' },
    (p) => `Kết quả các xã theo ${p.set} (giai đoạn trước 51/2025/QĐ-TTg: chỉ thống kê số xã và tiêu chí, không xét Phụ lục III)`,
    (p) => `Commune results under ${p.set} (a set before the 2026-2030 one: counts of communes and criteria only, no province conditions of Annex III)`,
  ),
  'rollup.errors': msg({ errors: 'number' }, (p, f) => `${f.number(p.errors)} dòng lỗi`, (p, f) => `${f.number(p.errors)} rows with errors`),
});
