/** A commune's dimensions (region, commune group, terrain …) and the facts a dimension is derived from. */
import { domain, msg } from '../define.js';

export const dimension = domain('dimension', {
  'dimension.missing': msg(
    { dimension: 'name', set: 'code', columns: 'list', derivation: 'code?' },
    (p) =>
      `thiếu ${p.dimension}: bộ ${p.set} có mức khác nhau theo ${p.dimension} và không có giá trị mặc định; hãy ghi ${p.dimension} (một trong: ${p.columns.join(', ')})${p.derivation === undefined ? '' : ` hoặc các dữ kiện để suy ra theo ${p.derivation}`}`,
    (p) =>
      `${p.dimension} missing: ${p.set} has values varying by ${p.dimension} and declares no default; give ${p.dimension} (one of: ${p.columns.join(', ')})${p.derivation === undefined ? '' : ` or the facts to derive it by ${p.derivation}`}`,
  ),
  'dimension.unknown': msg(
    { dimension: 'name', set: 'code', known: 'list' },
    (p, f) => `"${p.dimension}" không phải là chiều của bộ ${p.set}${p.known.length ? ` (các chiều: ${f.list(p.known)})` : ''}`,
    (p, f) => `"${p.dimension}" is not a dimension of ${p.set}${p.known.length ? ` (its dimensions: ${f.list(p.known)})` : ''}`,
  ),
  'dimension.unknown-column': msg(
    { dimension: 'name', value: 'name', set: 'code', columns: 'list' },
    (p) => `${p.dimension} "${p.value}" không có trong bộ ${p.set} (một trong: ${p.columns.join(', ')})`,
    (p) => `${p.dimension} "${p.value}" is not a column of ${p.set} (one of: ${p.columns.join(', ')})`,
  ),
  'dimension.conflict': msg(
    { dimension: 'name' },
    (p) => `${p.dimension} được ghi hai lần với hai giá trị khác nhau`,
    (p) => `${p.dimension} is given twice, with two different values`,
  ),
  'dimension.unknown-fact': msg(
    { fact: 'name', set: 'code', known: 'list' },
    (p, f) => `dữ kiện "${p.fact}" không được quy tắc suy ra nào của bộ ${p.set} dùng${p.known.length ? ` (dữ kiện được dùng: ${f.list(p.known)})` : ''}`,
    (p, f) => `fact "${p.fact}" is read by no derivation of ${p.set}${p.known.length ? ` (facts read: ${f.list(p.known)})` : ''}`,
  ),
  'dimension.invalid-fact': msg(
    { fact: 'name', value: 'name' },
    (p) => `dữ kiện ${p.fact} không hợp lệ: "${p.value}"`,
    (p) => `invalid value of fact ${p.fact}: "${p.value}"`,
  ),
  'dimension.header-words': msg(
    { ids: 'list' },
    (p, f) => `; theo bộ tiêu chí: ${f.list(p.ids)}`,
    (p, f) => `; by the set: ${f.list(p.ids)}`,
  ),
});
