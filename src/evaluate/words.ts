/**
 * The words offices write in cells and on command lines, in ONE table ({@link USER_WORDS}):
 * verdicts, "no data yet", region names. Every reader (the library's input normalisation, the
 * CLI's rows and options) looks words up here, so a word accepted in one place is accepted in all.
 */
import type { CriterionVerdict, Verdict } from '../schema/input.js';
import type { RegionCode } from '../schema/common.js';

/** Lower-cases and strips Vietnamese diacritics (`Không Đạt` → `khong dat`) for tolerant matching. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every word the library reads from people, folded (no case, no accents).
 * - `verdicts`: an agency's conclusion. `Cơ bản đạt` ("basically met") is a verdict of its own
 *   that never counts as met (the library's reading: a criterion is met only when "đạt").
 * - `noData`: "no data yet" — the indicator is missing data, nothing else in the row is affected.
 * - `regions`: the regional columns of 318/QĐ-TTg by their Vietnamese and English names.
 */
export const USER_WORDS = {
  verdicts: {
    met: 'met',
    dat: 'met',
    x: 'met',
    'dat chuan': 'met',
    'da dat': 'met',
    'not-met': 'not-met',
    'not met': 'not-met',
    'khong dat': 'not-met',
    'chua dat': 'not-met',
    'chua dat chuan': 'not-met',
    'khong dat chuan': 'not-met',
    'co ban dat': 'basically-met',
    'basically met': 'basically-met',
    'basically-met': 'basically-met',
    'not-applicable': 'not-applicable',
    'not applicable': 'not-applicable',
    'n/a': 'not-applicable',
    na: 'not-applicable',
    'khong ap dung': 'not-applicable',
  },
  noData: ['chua co so lieu', 'chua co du lieu', 'khong co so lieu', 'chua co', 'dang cap nhat', 'chua cap nhat', 'no data', 'no data yet', '?', '-', '—', '–'],
  regions: {
    tdmnpb: 'TDMNPB',
    'trung du mien nui phia bac': 'TDMNPB',
    'trung du va mien nui phia bac': 'TDMNPB',
    'northern midlands and mountains': 'TDMNPB',
    dbsh: 'DBSH',
    'dong bang song hong': 'DBSH',
    'red river delta': 'DBSH',
    btb: 'BTB',
    'bac trung bo': 'BTB',
    'north central coast': 'BTB',
    dhntb: 'DHNTB',
    'duyen hai nam trung bo': 'DHNTB',
    'south central coast': 'DHNTB',
    tn: 'TN',
    'tay nguyen': 'TN',
    'central highlands': 'TN',
    dnb: 'DNB',
    'dong nam bo': 'DNB',
    southeast: 'DNB',
    dbscl: 'DBSCL',
    'dong bang song cuu long': 'DBSCL',
    'mekong delta': 'DBSCL',
  },
} as const satisfies {
  verdicts: Record<string, Verdict>;
  noData: readonly string[];
  regions: Record<string, RegionCode>;
};

const VERDICT_WORDS: Readonly<Record<string, Verdict>> = USER_WORDS.verdicts;

/** Words already folded: a file repeats the same few words in thousands of cells. Bounded. */
const folded = new Map<string, string>();
function foldWord(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    f = foldText(word);
    if (folded.size >= 4096) folded.clear();
    folded.set(word, f);
  }
  return f;
}
const NO_DATA_WORDS: ReadonlySet<string> = new Set(USER_WORDS.noData);
const REGION_WORDS: Readonly<Record<string, RegionCode>> = USER_WORDS.regions;

/**
 * Reads a verdict as offices write it — "Đạt", "Đạt chuẩn", "Không đạt", "Chưa đạt", "Cơ bản đạt"
 * (`basically-met`, which never counts as met), "x", "N/A", or the canonical `met` / `not-met` /
 * `basically-met` / `not-applicable` — ignoring case and accents. `null` if it is not one.
 *
 * @example parseVerdict('KHÔNG ĐẠT') // 'not-met'
 */
export function parseVerdict(word: string): Verdict | null {
  // Spreadsheet cells are mostly numbers, and no verdict word starts like one: skip the folding.
  if (/^\s*[\d+\-.,]/.test(word)) return null;
  if (word.length > 64) return null;
  const f = foldWord(word);
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  return Object.hasOwn(VERDICT_WORDS, f) ? VERDICT_WORDS[f]! : null;
}

/**
 * Whether a cell says there is no data yet (`chưa có số liệu`, `đang cập nhật`, `-`): the
 * indicator is then missing data, as an empty cell is.
 *
 * @example isNoDataWord('Chưa có số liệu') // true
 */
export function isNoDataWord(word: string): boolean {
  if (word.length > 64) return false;
  // Numbers, the bulk of the cells, are never one of these words.
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  // Words repeat down a column ("Đạt", "Không đạt"): fold each distinct one once.
  let known = noDataCache.get(word);
  if (known === undefined) {
    known = NO_DATA_WORDS.has(foldWord(word));
    if (noDataCache.size >= 4096) noDataCache.clear();
    noDataCache.set(word, known);
  }
  return known;
}
const noDataCache = new Map<string, boolean>();

/**
 * A region code from its code or name, Vietnamese or English (`Tây Nguyên` → `TN`), or `null`.
 *
 * @example parseRegion('Tây Nguyên') // 'TN'
 */
export function parseRegion(word: string): RegionCode | null {
  if (word.length > 64) return null;
  const f = foldWord(word).replace(/^vung /, '');
  return Object.hasOwn(REGION_WORDS, f) ? REGION_WORDS[f]! : null;
}

/**
 * Something named by an id or by its name as written in a plan or set (`Phòng Y tế` → `health`,
 * `Xã đặc biệt khó khăn` → `especially-difficult`): the id of the item whose id, Vietnamese or
 * English name folds to the same text, or `null`.
 *
 * @example idByName('phong y te', [{ id: 'health', nameVi: 'Phòng Y tế', nameEn: 'Health office' }]) // 'health'
 */
export function idByName<T extends { nameVi?: string | null; nameEn?: string | null }>(word: string, items: readonly T[], idOf: (item: T) => string): string | null {
  const exact = items.find((i) => idOf(i) === word);
  if (exact) return idOf(exact);
  if (word.length > 300) return null;
  const folded = foldText(word);
  const found = items.find((i) => foldText(idOf(i)) === folded || (i.nameVi != null && foldText(i.nameVi) === folded) || (i.nameEn != null && foldText(i.nameEn) === folded));
  return found ? idOf(found) : null;
}

/**
 * Reads a decimal number written with a comma or a point (`"93,5"`, `"93.5"`, `" 93,5 % "`), or
 * with Vietnamese thousands separators when both are present (`"1.234,5"` → 1234.5). A lone
 * `"1.000"` stays ambiguous and is read as a decimal; see `parseCount` (`ntm-rules/words`) for counts. `null`
 * if not a finite number. Linear in the length of the text.
 *
 * @example parseDecimal('93,5') // 93.5
 * @example parseDecimal('1.234,5') // 1234.5
 */
export function parseDecimal(text: string, options: { allowPercentSign?: boolean } = {}): number | null {
  let s = text.trim();
  if (options.allowPercentSign && s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (s.length > 64) return null;
  if (/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) {
    const n = Number(s.replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  }
  // 1.234,5 (Vietnamese) and 1 234,5: thousands grouped by 3, a comma before the decimals.
  const grouped = /^([+-]?)(\d{1,3}(?:[. ]\d{3})+),(\d+)$/.exec(s);
  if (grouped) {
    const n = Number(`${grouped[1]}${grouped[2]!.replace(/[. ]/g, '')}.${grouped[3]}`);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * Reads a whole count as offices write it, thousands separated by points or spaces
 * (`"9.200"` → 9200, `"12 500"` → 12500, `"9200"`). `null` if it is not a whole number.
 *
 * @example parseCount('9.200') // 9200
 */
export function parseCount(text: string): number | null {
  const s = text.trim();
  if (s.length > 32) return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s) || /^\d{1,3}(?: \d{3})+$/.test(s)) return Number(s.replace(/[. ]/g, ''));
  return null;
}

// Characters that do not show: zero-width spaces and joiners, the BOM, soft hyphens, bidi marks.
/** Printable ASCII, no spaces: NFC, invisible characters and spaces cannot occur in it. */
const PLAIN_ID = /^[!-~]*$/;
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/**
 * The form of an id used to compare ids: NFC, invisible characters removed, spaces trimmed and
 * collapsed, lower-cased — so `dak-mol`, `Dak-Mol `, `dak\u200b-mol` are the same commune.
 *
 * @example idKey(' Đắk-Môl\u200b') // 'đắk-môl'
 */
export function idKey(id: string): string {
  // Printable ASCII without spaces (most ids) needs none of the steps below but the last.
  if (PLAIN_ID.test(id)) return id.toLowerCase();
  return id.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * An id as written, cleaned for display and lookup: NFC, invisible characters removed, trimmed.
 *
 * @example cleanId('dak-mol\u200b ') // 'dak-mol'
 */
export function cleanId(id: string): string {
  return id.normalize('NFC').replace(INVISIBLE, '').trim();
}

/**
 * Reads a criterion-level verdict: Đạt / Không đạt as {@link parseVerdict} reads them, and "cơ bản
 * đạt" (basically met, `basically-met`), which appraisals record but which never counts as met.
 * `null` if the word is neither (N/A included: a criterion is never "not applicable").
 *
 * @example parseCriterionVerdict('Cơ bản đạt') // 'basically-met'
 */
export function parseCriterionVerdict(word: string): CriterionVerdict | null {
  if (/^\s*[\d+\-.,]/.test(word)) return null;
  const folded = foldText(word);
  const v = Object.hasOwn(VERDICT_WORDS, folded) ? VERDICT_WORDS[folded]! : null;
  return v === 'met' || v === 'not-met' || v === 'basically-met' ? v : null;
}

/** The status a criterion verdict gives: "cơ bản đạt" is not met. */
export function criterionVerdictStatus(v: CriterionVerdict): 'met' | 'not-met' {
  return v === 'met' ? 'met' : 'not-met';
}

/**
 * A yes/no verdict on a condition (district, province, recognition): "cơ bản đạt" counts as not
 * met; not applicable is no such verdict (`null`).
 *
 * @example metOrNot(parseVerdict('Cơ bản đạt')) // 'not-met'
 */
export function metOrNot(v: Verdict | null): 'met' | 'not-met' | null {
  return v === 'met' ? 'met' : v === 'not-met' || v === 'basically-met' ? 'not-met' : null;
}
