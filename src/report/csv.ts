import type { BatchEntry } from '../evaluate/commune.js';
import type { CommuneResult, VerdictState } from '../schema/result.js';
import { stateOf } from '../evaluate/status.js';
import type { ResultOutline } from '../evaluate/compact.js';
import type { Lang } from '../requirement/format.js';
import { COMMUNE_STATUS_TEXT, CRITERION_STATUS_TEXT, REPORT_TEXT } from './labels.js';
import { communeCodes } from './model.js';

/**
 * Quotes one CSV field (RFC 4180). A field that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@` first) gets a leading apostrophe, since names come from files people send around.
 *
 * @example csvField('Đắk N\'Drung, xã') // '"Đắk N\'Drung, xã"'
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The header line of the results CSV: commune, year, status and counts, one column per criterion,
 * the indicator codes not met / missing / unknown, and an error column.
 *
 * @example resultsCsvHeader(['1', '2'], 'en') // 'communeId,name,year,setId,status,…,1,2,…,error'
 */
export function resultsCsvHeader(criteria: readonly string[], lang: Lang = 'vi'): string {
  const t = REPORT_TEXT[lang];
  const head =
    lang === 'vi'
      ? [t.communeId, t.communeName, t.year, t.set, t.status, t.criteriaMet, t.criteriaNotMet, t.criteriaUndetermined, t.criteriaBasicallyMet, ...criteria.map((n) => `TC${n}`)]
      : ['communeId', 'name', 'year', 'setId', 'status', 'criteriaMet', 'criteriaNotMet', 'criteriaUndetermined', 'criteriaBasicallyMet', ...criteria.map((n) => `criterion${n}`)];
  return [...head, t.notMetIndicators, t.missingIndicators, t.unknownThresholds, t.conflictCodes, lang === 'vi' ? t.error : 'error'].map(csvField).join(',');
}

/**
 * One CSV line for one batch entry (no line break). An error entry keeps its place: its id and
 * the error message, the other columns empty.
 *
 * @example resultsCsvRow(result, ['1', '2'], 'vi')
 */
export function resultsCsvRow(entry: BatchEntry, criteria: readonly string[], lang: Lang = 'vi'): string {
  if ('error' in entry) {
    return [entry.communeId ?? '', '', '', '', '', '', '', '', '', ...criteria.map(() => ''), '', '', '', '', entry.error.message].map(csvField).join(',');
  }
  const r: CommuneResult = entry;
  const byNumber = new Map(r.criteria.map((c) => [c.number, stateOf(c)]));
  // The same gaps and conflicts as every other format (report/model.ts).
  const part = communeCodes(r);
  return csvLine(r, (n) => byNumber.get(n), part.notMet, part.missing, part.thresholdUnknown, part.conflicts.map((c) => (c.code === null ? `TC${c.criterion}` : c.code)), criteria, lang);
}

/**
 * {@link resultsCsvRow} of a result from its outline (`EvaluationPipeline.lastOutline`), which
 * gives the same lists without building the result's explanation: `ntm evaluate --format csv`
 * on large files. tests/report/csv.test.ts checks both give the same line.
 */
export function resultsCsvRowOfOutline(r: CommuneResult, outline: ResultOutline, criteriaOfSet: readonly string[], criteria: readonly string[], lang: Lang = 'vi'): string {
  const byNumber = new Map(criteriaOfSet.map((n, i) => [n, outline.criterionState[i]!]));
  return csvLine(r, (n) => byNumber.get(n), outline.notMet, outline.missing, outline.thresholdUnknown, outline.conflicts.map((c) => (c.code === null ? `TC${c.criterion}` : c.code)), criteria, lang);
}

function csvLine(
  r: CommuneResult,
  statusOf: (criterion: string) => VerdictState | undefined,
  notMet: readonly string[],
  missing: readonly string[],
  thresholdUnknown: readonly string[],
  conflicts: readonly string[],
  criteria: readonly string[],
  lang: Lang,
): string {
  return [
    r.communeId, r.name ?? '', r.year, r.setId, COMMUNE_STATUS_TEXT[lang][r.status], r.criteriaMet, r.criteriaNotMet, r.criteriaUndetermined, basicallyMetOf(r),
    ...criteria.map((n) => {
      const s = statusOf(n);
      return s === undefined ? '' : CRITERION_STATUS_TEXT[lang][s];
    }),
    notMet.join(' '), missing.join(' '), thresholdUnknown.join(' '), conflicts.join(' '), '',
  ]
    .map(csvField)
    .join(',');
}

/**
 * The whole results CSV (header and one line per entry, CRLF line ends as spreadsheets expect).
 *
 * @example writeFileSync('ket-qua.csv', '\ufeff' + resultsCsv(entries, 'vi'))
 */
export function resultsCsv(entries: readonly BatchEntry[], lang: Lang = 'vi'): string {
  const first = entries.find((e): e is CommuneResult => !('error' in e));
  const criteria = first ? first.criteria.map((c) => c.number) : [];
  return [resultsCsvHeader(criteria, lang), ...entries.map((e) => resultsCsvRow(e, criteria, lang))].join('\r\n') + '\r\n';
}

/** Of a result's criteria not met, those recorded "cơ bản đạt" (also for a result saved before it was counted). */
export function basicallyMetOf(r: CommuneResult): number {
  return r.criteriaBasicallyMet ?? r.criteria.filter((c) => c.verdict === 'basically-met').length;
}
