/**
 * The problems a workbook can have, each with its message in Vietnamese and in English, so that a
 * run speaks one language only.
 */
import type { Lang } from '../requirement/format.js';
import { t, type MessageCode } from '../messages/index.js';

type Params = Record<string, string | number>;


const MESSAGES = {
  'not-a-value': {
    vi: (p: Params) => `"${p.text}" không phải là một ngưỡng: ghi một số (ví dụ 95 hoặc ≥ 95 %), "Đạt" (chỉ tiêu đạt/không đạt) hoặc để trống nếu văn bản không nêu`,
    en: (p: Params) => `"${p.text}" is not a threshold: write a number (e.g. 95 or ≥ 95 %), "Đạt" (for a yes/no indicator), or leave it blank if the decision does not say`,
  },
  'date-value': {
    vi: () => 'ô này chứa ngày tháng, không phải ngưỡng (Excel đã đổi số thành ngày? định dạng ô là Số rồi ghi lại)',
    en: () => 'this cell holds a date, not a threshold (did Excel turn the number into a date? format the cell as Number and type it again)',
  },
  'no-operator': {
    vi: () => 'thiếu toán tử so sánh: chọn ở cột "Toán tử" (≥, ≤, >, <, =) hoặc ghi ngay trong ô, ví dụ ≥ 95',
    en: () => 'no comparison operator: choose one in the "Operator" column (≥, ≤, >, <, =) or write it in the cell, e.g. ≥ 95',
  },
  'bad-operator': {
    vi: (p: Params) => `"${p.text}" không phải là toán tử: dùng ≥, ≤, >, < hoặc =`,
    en: (p: Params) => `"${p.text}" is not an operator: use ≥, ≤, >, < or =`,
  },
  'percent-range': {
    vi: (p: Params) => `ngưỡng tỷ lệ phải trong khoảng 0–100 %, ô cho ${p.value}`,
    en: (p: Params) => `a percentage threshold must lie in 0–100 %, the cell gives ${p.value}`,
  },
  'compare-on-yes-no': {
    vi: () => 'chỉ tiêu này chỉ có Đạt / Không đạt: ghi "Đạt", không ghi số',
    en: () => 'this indicator is yes/no: write "Đạt", not a number',
  },
  'met-on-number': {
    vi: () => 'chỉ tiêu này đo bằng số: ghi ngưỡng (ví dụ ≥ 95), không ghi "Đạt"',
    en: () => 'this indicator is measured by a number: write the threshold (e.g. ≥ 95), not "Đạt"',
  },
  'missing-confidence': {
    vi: () => 'thiếu độ tin cậy: chọn verified (đọc trong văn bản), single-source (một nguồn) hoặc inferred (suy ra)',
    en: () => 'no confidence: choose verified (read in the decision), single-source or inferred',
  },
  'bad-confidence': {
    vi: (p: Params) => `"${p.text}" không phải độ tin cậy: chọn verified, single-source hoặc inferred`,
    en: (p: Params) => `"${p.text}" is not a confidence: choose verified, single-source or inferred`,
  },
  'bad-url': {
    vi: (p: Params) => `"${p.text}" không phải địa chỉ http(s)`,
    en: (p: Params) => `"${p.text}" is not an http(s) address`,
  },
  'too-long': {
    vi: () => 'văn bản quá dài (tối đa 2000 ký tự)',
    en: () => 'text too long (at most 2000 characters)',
  },
  'missing-sheet': {
    vi: (p: Params) => `không có trang tính "${p.name}"`,
    en: (p: Params) => `no sheet "${p.name}"`,
  },
  'missing-column': {
    vi: (p: Params) => `không tìm thấy cột "${p.name}" ở dòng tiêu đề`,
    en: (p: Params) => `no "${p.name}" column in the header row`,
  },
  'no-header': {
    vi: (p: Params) => `không tìm thấy dòng tiêu đề (có cột "${p.name}")`,
    en: (p: Params) => `no header row (with a "${p.name}" column)`,
  },
  'unknown-code': {
    vi: (p: Params) => `chỉ tiêu "${p.code}" không có trong bộ ${p.set}`,
    en: (p: Params) => `indicator "${p.code}" is not in ${p.set}`,
  },
  'bad-code': {
    vi: (p: Params) => `"${p.text}" không phải mã chỉ tiêu (ví dụ 17.1; ô mã phải là văn bản, ô số biến 17.10 thành 17.1)`,
    en: (p: Params) => `"${p.text}" is not an indicator code (e.g. 17.1; code cells must be text, a number cell turns 17.10 into 17.1)`,
  },
  'duplicate-row': {
    vi: (p: Params) => `chỉ tiêu ${p.code} đã có ở dòng ${p.row}`,
    en: (p: Params) => `indicator ${p.code} is already on row ${p.row}`,
  },
  'unknown-year': {
    vi: (p: Params) => `ngày "${p.text}" không có trong bộ gốc cho chỉ tiêu này (các ngày: ${p.years})`,
    en: (p: Params) => `date "${p.text}" is not one of this indicator's dates in the base set (${p.years})`,
  },
  'bad-year': {
    vi: (p: Params) => `"${p.text}" không phải ngày áp dụng (ghi dạng 2024-01-01, hoặc năm 2024)`,
    en: (p: Params) => `"${p.text}" is not a date a value takes effect (write 2024-01-01, or the year 2024)`,
  },
  'not-in-rows': {
    vi: (p: Params) => `yêu cầu của chỉ tiêu ${p.code} không trình bày được theo cột của bảng này: điền bằng mẫu JSON (ntm template)`,
    en: (p: Params) => `the requirement of ${p.code} does not fit this sheet's columns: fill it in the JSON template (ntm template)`,
  },
  'bad-id': {
    vi: (p: Params) => `"${p.text}" không phải mã bộ tiêu chí (chữ thường, số và gạch ngang, ngăn bởi /, ví dụ dak-song/commune-ntm/2022-hieu-chinh)`,
    en: (p: Params) => `"${p.text}" is not a set id (lower-case letters, digits and dashes separated by /, e.g. dak-song/commune-ntm/2022-calibrated)`,
  },
  'id-taken': {
    vi: (p: Params) => `"${p.text}" đã là mã của một bộ có sẵn: đặt mã riêng cho bộ đã hiệu chỉnh`,
    en: (p: Params) => `"${p.text}" is already a bundled set id: give the calibrated set its own id`,
  },
  'base-mismatch': {
    vi: (p: Params) => `bảng này lập cho bộ "${p.text}", không phải "${p.base}"`,
    en: (p: Params) => `this workbook was made for "${p.text}", not "${p.base}"`,
  },
  'fingerprint-mismatch': {
    vi: (p: Params) => `bảng lập từ một phiên bản khác của ${p.base} (${p.text}…); nay là ${p.now}…: lập lại mẫu bằng ntm template`,
    en: (p: Params) => `made from another version of ${p.base} (${p.text}…); it is now ${p.now}…: make a new template with ntm template`,
  },
  'nothing-filled': {
    vi: () => 'chưa điền ngưỡng hay tên nào: bộ hiệu chỉnh sẽ giống hệt bộ gốc',
    en: () => 'no threshold or name is filled in: the calibrated set would equal its base',
  },
  'name-without-source': {
    vi: () => 'đã ghi tên mới nhưng thiếu số hiệu văn bản: tên cũng phải dẫn nguồn',
    en: () => 'a new wording is given but not the decision it comes from: wordings cite their source too',
  },
  'calibration': {
    vi: (p: Params) => `bộ hiệu chỉnh không hợp lệ: ${p.text}`,
    en: (p: Params) => `the calibrated set is not valid: ${p.text}`,
  },
  'bad-field': {
    vi: (p: Params) => `giá trị không hợp lệ: ${p.text}`,
    en: (p: Params) => `invalid value: ${p.text}`,
  },
  'unknown-source': {
    vi: (p: Params) => `nguồn "${p.text}" không có trong trang Nguồn`,
    en: (p: Params) => `source "${p.text}" is not in the Sources sheet`,
  },
  'mixed-all': {
    vi: () => 'đã ghi cột "Mọi nơi" thì không ghi các cột vùng của cùng dòng',
    en: () => 'a row with an "Everywhere" value cannot also have per-column values',
  },
  'bad-json': {
    vi: (p: Params) => `không đọc được JSON: ${p.text}`,
    en: (p: Params) => `not valid JSON: ${p.text}`,
  },
  'not-xlsx': {
    vi: (p: Params) => `không đọc được tệp XLSX: ${p.text}`,
    en: (p: Params) => `cannot read as XLSX: ${p.text}`,
  },
  'csv-quote': {
    vi: () => 'dấu ngoặc kép mở ở đây không được đóng',
    en: () => 'a quote opened here is never closed',
  },
} satisfies Record<string, Record<Lang, (p: Params) => string>>;

/** Codes of workbook problems whose texts are in the catalogue (`workbook.<code>`). */
type CatalogueCode = { [C in MessageCode]: C extends `workbook.${infer K}` ? K : never }[MessageCode];

/** Codes of workbook problems. */
export type WorkbookProblemCode = keyof typeof MESSAGES | CatalogueCode;

/** The message of a problem, in one language. */
export function workbookMessage(code: WorkbookProblemCode, lang: Lang, params: Params = {}): string {
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code as keyof typeof MESSAGES][lang](params);
  // Names and codes are printed as given; counts are numbers the catalogue formats.
  return t(`workbook.${code}` as MessageCode, params as never, lang);
}

/** A problem at a cell (`'Chỉ tiêu'!F7`), or at a sheet or the file when no cell can be named. */
export interface WorkbookProblem {
  code: WorkbookProblemCode;
  /** `'Sheet'!C7`, `Sheet`, or `` for the file. */
  at: string;
  /** The message, in the language asked for. */
  message: string;
}

const TYPE_VI: Record<string, string> = { string: 'văn bản', number: 'số', boolean: 'đúng/sai', object: 'bảng giá trị', array: 'danh sách' };

/** Vietnamese for the validator's messages a workbook can trigger; others get a generic sentence. */
const VI_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Invalid option: expected one of (.*)$/, (m) => `phải là một trong ${m[1]!.replace(/\|/g, ', ')}`],
  [/^Invalid input: expected (\w+), received undefined$/, () => 'thiếu giá trị'],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => `sai kiểu: cần ${TYPE_VI[m[1]!] ?? m[1]}`],
  [/^expected a date as yyyy-MM-dd$/, () => 'ngày phải ghi dạng yyyy-MM-dd (ví dụ 2026-01-15)'],
  [/^not a calendar date$/, () => 'không phải một ngày có thật'],
  [/^expected an? (id|kind) like/, () => 'mã sai dạng: chữ thường, số, gạch ngang, ngăn bởi / (ví dụ dak-nong/commune-ntm/2022)'],
  [/^expected an http\(s\) URL$/, () => 'không phải địa chỉ http(s)'],
  [/^says (\d+) criteria, file has (\d+)$/, (m) => `ghi ${m[1]} tiêu chí nhưng bảng có ${m[2]}`],
  [/^says (\d+) encoded indicators, file has (\d+)$/, (m) => `ghi ${m[1]} chỉ tiêu nhưng bảng có ${m[2]}`],
  [/^duplicate indicator code "(.*)"$/, (m) => `mã chỉ tiêu "${m[1]}" bị trùng`],
  [/^duplicate criterion number "(.*)"$/, (m) => `số tiêu chí "${m[1]}" bị trùng`],
  [/^indicator "(.*)" does not belong to criterion "(.*)"$/, (m) => `chỉ tiêu "${m[1]}" không thuộc tiêu chí "${m[2]}"`],
  [/^a percentage threshold must lie in 0–100, got (.*)$/, (m) => `ngưỡng tỷ lệ phải trong khoảng 0–100, ô cho ${m[1]}`],
  [/needs a numeric measure/, () => 'phép so sánh cần chỉ tiêu đo bằng số'],
  [/needs a boolean measure/, () => '"Đạt" chỉ dùng cho chỉ tiêu Đạt / Không đạt'],
  [/^effectiveTo must be after effectiveFrom$/, () => 'ngày hết hiệu lực phải sau ngày có hiệu lực'],
  [/^Too (small|big)/, () => 'ngoài giới hạn cho phép (quá ngắn, quá dài, quá nhỏ hoặc quá lớn)'],
  [/^a complete indicator list cannot be empty$/, () => 'danh sách chỉ tiêu "complete" không được rỗng'],
];

/**
 * A validator issue's message in one language: English as the library writes it, or Vietnamese.
 *
 * @example issueMessage({ code: 'custom', path: ['effectiveFrom'], message: 'not a calendar date' }, 'vi') // 'effectiveFrom: không phải một ngày có thật'
 */
export function issueMessage(issue: { code: string; path: ReadonlyArray<string | number>; message: string; params?: Readonly<Record<string, string | number | readonly string[]>> }, lang: Lang): string {
  const path = issue.path.join('.');
  const where = path === '' ? '' : `${path}: `;
  // A set that keeps a bundled set's id with other content: worded from its values.
  const p = issue.params;
  if (issue.code === 'bundled-id' && typeof p?.id === 'string' && typeof p.fingerprint === 'string' && typeof p.bundled === 'string') return `${where}${t('issue.bundled-id', { id: p.id, fingerprint: p.fingerprint, bundled: p.bundled }, lang)}`;
  if (lang === 'en') return `${where}${issue.message}`;
  for (const [re, f] of VI_PATTERNS) {
    const m = re.exec(issue.message);
    if (m) return `${where}${f(m)}`;
  }
  return `${where}không hợp lệ (mã lỗi ${issue.code})`;
}
