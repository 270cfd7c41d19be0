import type { IndicatorStatus, Status, VerdictState } from '../schema/result.js';
import type { Lang } from '../requirement/format.js';
import { sayer, t, type Say } from '../messages/index.js';

/**
 * Words a report prints for a criterion's status or state, per language: "Cơ bản đạt" (basically
 * met) is a state of its own, whose status is not met.
 */
export const CRITERION_STATUS_TEXT: Readonly<Record<Lang, Readonly<Record<VerdictState, string>>>> = byLang((say) => ({
  met: say('status.criterion.met'),
  'basically-met': say('status.criterion.basically-met'),
  'not-met': say('status.criterion.not-met'),
  undetermined: say('status.criterion.undetermined'),
}));

/** Words for a commune's overall status (đạt chuẩn = meets every criterion of the set). */
export const COMMUNE_STATUS_TEXT: Readonly<Record<Lang, Readonly<Record<Status, string>>>> = byLang((say) => ({
  met: say('status.commune.met'),
  'not-met': say('status.commune.not-met'),
  undetermined: say('status.commune.undetermined'),
}));

/** Words for an indicator's outcome. */
export const INDICATOR_STATUS_TEXT: Readonly<Record<Lang, Readonly<Record<IndicatorStatus, string>>>> = byLang((say) => ({
  met: say('status.indicator.met'),
  'not-met': say('status.indicator.not-met'),
  missing: say('status.indicator.missing'),
  'threshold-unknown': say('status.indicator.threshold-unknown'),
  'not-applicable': say('status.indicator.not-applicable'),
}));

/** One-character marks of the terminal, Markdown and HTML matrices, by criterion state. */
export const STATUS_MARK: Readonly<Record<VerdictState, string>> = { met: '✓', 'basically-met': '≈', 'not-met': '✗', undetermined: '?' };

/** Every fixed phrase of the reports (from the catalogue), so each format says the same thing in the same words. */
export const REPORT_TEXT = byLang((say) => ({
  title: say('report.title'),
  set: say('report.set'),
  legalBasis: say('report.legalBasis'),
  commune: say('report.commune'),
  communeId: say('report.communeId'),
  communeName: say('report.communeName'),
  year: say('report.year'),
  status: say('report.status'),
  criteriaMet: say('report.criteriaMet'),
  criteriaNotMet: say('report.criteriaNotMet'),
  criteriaUndetermined: say('report.criteriaUndetermined'),
  criteriaBasicallyMet: say('report.criteriaBasicallyMet'),
  criterion: say('report.criterion'),
  indicator: say('report.indicator'),
  value: say('report.value'),
  requirement: say('report.requirement'),
  shortfall: say('report.shortfall'),
  owners: say('report.owners'),
  gaps: say('report.gaps'),
  noGaps: say('report.noGaps'),
  matrix: say('report.matrix'),
  legend: say('report.legend'),
  legendMet: say('report.legendMet'),
  legendNotMet: say('report.legendNotMet'),
  legendBasicallyMet: say('report.legendBasicallyMet'),
  legendCounts: say('report.legendCounts'),
  legendUndetermined: say('report.legendUndetermined'),
  criterionLevel: say('report.criterionLevel'),
  criterionVerdictNeeded: say('report.criterionVerdictNeeded'),
  verdictNotMet: say('report.verdictNotMet'),
  verdictBasicallyMet: say('report.verdictBasicallyMet'),
  targets: say('report.targets'),
  target: say('report.target'),
  detail: say('report.detail'),
  deadlines: say('report.deadlines'),
  report: say('report.report'),
  dueBefore: say('report.dueBefore'),
  lastDay: say('report.lastDay'),
  submitTo: say('report.submitTo'),
  errors: say('report.errors'),
  row: say('report.row'),
  error: say('report.error'),
  notMetIndicators: say('report.notMetIndicators'),
  missingIndicators: say('report.missingIndicators'),
  unknownThresholds: say('report.unknownThresholds'),
  conflict: say('report.conflict'),
  conflicts: say('report.conflicts'),
  conflictCodes: say('report.conflictCodes'),
  verdictGiven: say('report.verdictGiven'),
  valueSays: say('report.valueSays'),
  yes: say('report.yes'),
  no: say('report.no'),
  countsShort: [say('report.countShort.met'), say('report.countShort.not-met'), say('report.countShort.basically-met'), say('report.countShort.undetermined')] as const,
  targetStatus: { achieved: say('status.target.achieved'), 'not-achieved': say('status.target.not-achieved'), undetermined: say('status.target.undetermined') },
  summary: (r: { total: number; met: number; errors: number }) => say('report.summary', r),
}));

/** Words for a set's level (the unit it assesses). */
export const LEVEL_TEXT: Readonly<Record<Lang, Readonly<Record<string, string>>>> = byLang((say) => ({
  commune: say('status.level.commune'),
  'commune-advanced': say('status.level.commune-advanced'),
  'commune-model': say('status.level.commune-model'),
  district: say('status.level.district'),
  province: say('status.level.province'),
  'residential-area': say('status.level.residential-area'),
  garden: say('status.level.garden'),
}));

/** A table of words built once per language from the catalogue. */
export function byLang<T>(make: (say: Say) => T): Readonly<Record<Lang, T>> {
  return { vi: make(sayer('vi')), en: make(sayer('en')) };
}

/**
 * An indicator's name in the report's language. Where the official Vietnamese wording is not
 * known (the annex tables could not be obtained), a Vietnamese placeholder says so rather than
 * printing the English description in a Vietnamese report.
 *
 * @example indicatorName({ code: '15.1', nameVi: null, nameEn: 'Health indicator 15.1 (wording unknown)' }, 'vi') // 'Chỉ tiêu 15.1 (chưa rõ tên chính thức)'
 */
export function indicatorName(ind: { code: string; nameVi: string | null; nameEn: string }, lang: Lang): string {
  if (lang === 'en') return ind.nameEn;
  return ind.nameVi ?? t('report.indicatorUnnamed', { code: ind.code }, lang);
}
