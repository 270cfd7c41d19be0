/**
 * Row errors in the user's language. The library words its issues in English, some from the
 * schema (zod); a person reading a Vietnamese report must not meet `Invalid input: expected
 * number, received string`. Each issue is re-worded from its stable `code`, its path and the
 * value the row holds there — never by translating the English text.
 */
import type { NtmIssue } from '../errors.js';
import { printable } from '../errors.js';
import type { Lang } from '../requirement/format.js';
import { REGIONS } from '../schema/common.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { t } from '../messages/index.js';

const FIELD_NAMES: Record<string, { vi: string; en: string }> = {
  communeId: { vi: 'mã xã', en: 'communeId' },
  name: { vi: 'tên xã', en: 'name' },
  year: { vi: 'năm', en: 'year' },
  region: { vi: 'vùng', en: 'region' },
  communeGroup: { vi: 'nhóm xã', en: 'communeGroup' },
  classes: { vi: 'loại xã', en: 'classes' },
  population: { vi: 'dân số', en: 'population' },
  indicators: { vi: 'chỉ tiêu', en: 'indicators' },
  criteria: { vi: 'tiêu chí', en: 'criteria' },
};

/** The value an input holds at a path (own properties only; a throwing getter gives undefined). */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = input;
  try {
    for (const p of path) {
      if (typeof v !== 'object' || v === null || !Object.hasOwn(v, p)) return undefined;
      v = (v as Record<string | number, unknown>)[p];
    }
    return v;
  } catch {
    return undefined;
  }
}

function shown(v: unknown): string {
  if (v === undefined) return '';
  let s: string;
  try {
    s = typeof v === 'string' ? `"${v}"` : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    s = String(v);
  }
  return printable(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

const SCHEMA_CODES = new Set(['invalid_type', 'too_big', 'too_small', 'invalid_value', 'invalid_union', 'unrecognized_keys', 'invalid_key', 'invalid_format', 'not_multiple_of', 'invalid_element', 'custom']);

/**
 * One issue of a row, worded in `lang` from its code, path and the row's value there.
 *
 * @example issueText({ code: 'not-a-number', path: ['indicators', '15.3'], message: '…' }, 'vi', { indicators: { '15.3': 'abc' } }) // '15.3: cần một số như 93,5, nhận được "abc"'
 */
export function issueText(issue: NtmIssue, lang: Lang, input: unknown, setId?: string, data?: Pick<CriterionSet, 'dimensions'>): string {
  const vi = lang === 'vi';
  const value = valueAt(input, issue.path);
  const got = value === undefined ? '' : vi ? `, nhận được ${shown(value)}` : `, got ${shown(value)}`;
  const [head, key] = issue.path;
  const code = head === 'indicators' && typeof key === 'string' ? key : undefined;
  const prefix = code === undefined ? '' : `${printable(code)}: `;
  const m = issue.message;
  const set = setId ?? '';
  const dims = data?.dimensions ?? {};
  // A dimension by its name in the set's data ("Địa hình" / "Terrain"), else its id.
  const dimName = (id: unknown): string => {
    const d = typeof id === 'string' && Object.hasOwn(dims, id) ? dims[id] : undefined;
    return printable(d?.kind === 'column' ? (vi ? d.nameVi : d.nameEn) : String(id));
  };
  const columnsOf = (id: unknown): string[] => {
    const d = typeof id === 'string' && Object.hasOwn(dims, id) ? dims[id] : undefined;
    return d?.kind === 'column' ? d.columns.map((c) => c.key) : [];
  };
  const dimId = head === 'dimensions' ? key : head;
  switch (issue.code) {
    case 'missing-dimension': {
      const d = typeof key === 'string' && Object.hasOwn(dims, key) ? dims[key] : undefined;
      const derivation = d?.kind === 'column' ? d.derivation?.rules : undefined;
      return t('dimension.missing', { dimension: dimName(key), set, columns: columnsOf(key), ...(derivation === undefined ? {} : { derivation }) }, lang);
    }
    case 'unknown-dimension':
      return t('dimension.unknown', { dimension: printable(String(key)), set, known: Object.keys(dims).filter((k) => dims[k]!.kind === 'column') }, lang);
    case 'dimension-conflict':
      return t('dimension.conflict', { dimension: dimName(key) }, lang);
    case 'invalid-fact':
      return t('dimension.invalid-fact', { fact: printable(String(key)), value: printable(String(value ?? '')) }, lang);
    case 'unknown-fact':
      return t('dimension.unknown-fact', { fact: printable(String(key)), set, known: [] }, lang);
    case 'unknown-indicator':
      return vi ? `chỉ tiêu "${printable(String(key))}" không có trong ${set}` : m;
    case 'unknown-criterion':
      return vi ? `tiêu chí "${printable(String(key))}" không có trong ${set}` : m;
    // The accepted words are listed in the README; an English message names them in English.
    case 'invalid-verdict':
      if (head === 'criteria') return vi ? `kết luận của tiêu chí phải là Đạt, Không đạt hoặc Cơ bản đạt${got}` : `a criterion verdict must be met, not met or basically met${got}`;
      return vi ? `${prefix}${shown(value)} không phải là kết luận (Đạt / Không đạt / Không áp dụng)` : `${prefix}${shown(value)} is not a verdict (met / not met / not applicable)`;
    case 'more-issues':
      return t('guard.more-issues', { count: Number(issue.params?.count ?? 0) }, lang);
    case 'wrong-type':
      if (/category/.test(m)) return vi ? `${prefix}chỉ tiêu này nhận kết luận (Đạt / Không đạt), không nhận giá trị số` : `${prefix}this indicator takes a verdict (met / not met), not a value`;
      return vi ? `${prefix}cần Đạt / Không đạt${got}` : `${prefix}expected met / not met (true / false)${got}`;
    case 'not-a-number':
      return vi ? `${prefix}cần một số như 93,5${got}` : m;
    case 'not-finite':
      return vi ? `${prefix}cần một số hữu hạn${got}` : m;
    case 'out-of-range':
      if (/percentage/.test(m)) return vi ? `${prefix}tỷ lệ phần trăm phải trong khoảng 0–100${got}` : m;
      if (/whole number/.test(m)) return vi ? `${prefix}số đếm phải là số nguyên${got}` : m;
      return vi ? `${prefix}cần một số không âm${got}` : m;
    case 'unknown-column':
      if (typeof dimId === 'string' && columnsOf(dimId).length > 0) return t('dimension.unknown-column', { dimension: dimName(dimId), value: printable(String(value ?? '')), set, columns: columnsOf(dimId) }, lang);
      return vi ? `${typeof head === 'string' && Object.hasOwn(FIELD_NAMES, head) ? FIELD_NAMES[head]!.vi : printable(String(head))} ${shown(value)} không có trong ${set}` : m;
    case 'unknown-class':
      return vi ? `loại xã ${shown(value)} không có trong ${set}` : m;
    case 'year-out-of-range':
      return vi ? `năm ${shown(value)} nằm ngoài thời gian hiệu lực của ${set}` : m;
    case 'malformed-row':
      return m;
  }
  if (!SCHEMA_CODES.has(issue.code)) return m;
  // Schema issues: said by field, never in the schema's words.
  const field = typeof head === 'string' && Object.hasOwn(FIELD_NAMES, head) ? FIELD_NAMES[head]! : null;
  if (issue.code === 'unrecognized_keys') return vi ? `có trường không được biết tại ${printable(issue.path.join('.') || 'dòng')}` : `unknown field at ${printable(issue.path.join('.') || 'the row')}`;
  if (head === 'facts' && typeof key === 'string') return t('dimension.invalid-fact', { fact: printable(key), value: printable(String(value ?? '')) }, lang);
  if (field === null) return vi ? `giá trị không hợp lệ${got}` : `invalid value${got}`;
  switch (head) {
    case 'communeId':
      return vi ? `mã xã phải là văn bản từ 1 đến 200 ký tự${got}` : `communeId must be text of 1 to 200 characters${got}`;
    case 'year':
      return vi ? `năm phải là số nguyên từ 1990 đến 2100${got}` : `year must be a whole number from 1990 to 2100${got}`;
    case 'population':
      return vi ? `dân số phải là số nguyên không âm (có thể viết 9.200)${got}` : `population must be a non-negative whole number (9.200 may be written)${got}`;
    case 'region': {
      const list = Object.entries(REGIONS).map(([k, r]) => `${k} (${vi ? r.nameVi : r.nameEn})`).join(', ');
      return vi ? `vùng không có${got}; các vùng: ${list}` : `unknown region${got}; regions: ${list}`;
    }
    case 'name':
      return vi ? `tên xã dài quá 200 ký tự` : `name is longer than 200 characters`;
    case 'classes':
      return vi ? `loại xã không hợp lệ${got}` : `invalid classes${got}`;
    default:
      return vi ? `${prefix}giá trị của ${field.vi} không hợp lệ${got}` : `${prefix}invalid ${field.en} value${got}`;
  }
}
