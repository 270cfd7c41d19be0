/**
 * The words a case file uses for outcomes — the codes (`met`, `not-met` …) and the words of the
 * reports and appraisals (Đạt, Chưa đạt, Cơ bản đạt, Chưa xác định …), folded so case and accents
 * do not matter — and the state a result gives for each, so that expected and actual are compared
 * as the same kind of thing.
 */
import { foldText } from '../evaluate/words.js';
import type { CommuneResult, CriterionResult, IndicatorStatus, Status, VerdictState } from '../schema/result.js';
import type { Lang } from '../requirement/format.js';

/** A criterion's outcome as a case pins it: its state, "cơ bản đạt" (basically met) told apart from other not-met (the results' `state`). */
export type CriterionState = VerdictState;

const COMMUNE_WORDS: Readonly<Record<string, Status>> = {
  met: 'met',
  dat: 'met',
  'dat chuan': 'met',
  'meets the set': 'met',
  'not-met': 'not-met',
  'not met': 'not-met',
  'khong dat': 'not-met',
  'chua dat': 'not-met',
  'chua dat chuan': 'not-met',
  'khong dat chuan': 'not-met',
  'does not meet the set': 'not-met',
  undetermined: 'undetermined',
  'chua xac dinh': 'undetermined',
};

const CRITERION_WORDS: Readonly<Record<string, CriterionState>> = {
  ...COMMUNE_WORDS,
  'basically-met': 'basically-met',
  'basically met': 'basically-met',
  'co ban dat': 'basically-met',
};

const INDICATOR_WORDS: Readonly<Record<string, IndicatorStatus>> = {
  met: 'met',
  dat: 'met',
  'not-met': 'not-met',
  'not met': 'not-met',
  'khong dat': 'not-met',
  'chua dat': 'not-met',
  missing: 'missing',
  'missing data': 'missing',
  'thieu so lieu': 'missing',
  'chua co so lieu': 'missing',
  'threshold-unknown': 'threshold-unknown',
  'threshold unknown': 'threshold-unknown',
  'chua ro nguong': 'threshold-unknown',
  'not-applicable': 'not-applicable',
  'not applicable': 'not-applicable',
  'khong ap dung': 'not-applicable',
  'n/a': 'not-applicable',
};

const lookup = <T>(table: Readonly<Record<string, T>>, word: string): T | null => {
  const k = foldText(word);
  return Object.hasOwn(table, k) ? table[k]! : null;
};

/**
 * A commune status written in a case: `met` / `not-met` / `undetermined`, or Đạt chuẩn, Chưa đạt
 * chuẩn, Chưa xác định … `null` for anything else.
 *
 * @example communeStateOf('Chưa đạt chuẩn') // 'not-met'
 */
export const communeStateOf = (word: string): Status | null => lookup(COMMUNE_WORDS, word);

/**
 * A criterion state written in a case, "Cơ bản đạt" (`basically-met`) included.
 *
 * @example criterionStateOf('Cơ bản đạt') // 'basically-met'
 */
export const criterionStateOf = (word: string): CriterionState | null => lookup(CRITERION_WORDS, word);

/**
 * An indicator status written in a case: `met`, `not-met`, `missing`, `threshold-unknown`,
 * `not-applicable`, or their words in the reports (Thiếu số liệu, Chưa rõ ngưỡng …).
 *
 * @example indicatorStateOf('Chưa rõ ngưỡng') // 'threshold-unknown'
 */
export const indicatorStateOf = (word: string): IndicatorStatus | null => lookup(INDICATOR_WORDS, word);

/** The words accepted for each kind of outcome, for error messages and the JSON Schema's descriptions. */
export const STATE_WORDS = {
  commune: 'met | not-met | undetermined (Đạt chuẩn, Chưa đạt chuẩn, Chưa xác định)',
  criterion: 'met | not-met | basically-met | undetermined (Đạt, Chưa đạt, Cơ bản đạt, Chưa xác định)',
  indicator: 'met | not-met | missing | threshold-unknown | not-applicable (Đạt, Chưa đạt, Thiếu số liệu, Chưa rõ ngưỡng, Không áp dụng)',
} as const;

/** The state of a criterion in a result: its status, with "cơ bản đạt" told apart (the result's `state`). */
export function criterionState(c: CriterionResult): CriterionState {
  return c.state;
}

/** The state of a commune in a result. */
export const communeState = (r: CommuneResult): Status => r.status;

const STATE_TEXT: Readonly<Record<Lang, Readonly<Record<CriterionState | IndicatorStatus, string>>>> = {
  vi: { met: 'Đạt', 'not-met': 'Chưa đạt', 'basically-met': 'Cơ bản đạt', undetermined: 'Chưa xác định', missing: 'Thiếu số liệu', 'threshold-unknown': 'Chưa rõ ngưỡng', 'not-applicable': 'Không áp dụng' },
  en: { met: 'met', 'not-met': 'not met', 'basically-met': 'basically met', undetermined: 'undetermined', missing: 'missing data', 'threshold-unknown': 'threshold unknown', 'not-applicable': 'not applicable' },
};

const COMMUNE_TEXT: Readonly<Record<Lang, Readonly<Record<Status, string>>>> = {
  vi: { met: 'Đạt chuẩn', 'not-met': 'Chưa đạt chuẩn', undetermined: 'Chưa xác định' },
  en: { met: 'meets the set', 'not-met': 'does not meet the set', undetermined: 'undetermined' },
};

/** A criterion or indicator state in words. */
export const stateText = (state: CriterionState | IndicatorStatus, lang: Lang): string => STATE_TEXT[lang][state];

/** A commune status in words. */
export const communeStateText = (state: Status, lang: Lang): string => COMMUNE_TEXT[lang][state];
