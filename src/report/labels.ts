import type { IndicatorStatus, Status, VerdictState } from '../schema/result.js';
import type { Lang } from '../requirement/format.js';

/**
 * Words a report prints for a criterion's status or state, per language: "Cơ bản đạt" (basically
 * met) is a state of its own, whose status is not met.
 */
export const CRITERION_STATUS_TEXT: Readonly<Record<Lang, Readonly<Record<VerdictState, string>>>> = {
  vi: { met: 'Đạt', 'basically-met': 'Cơ bản đạt', 'not-met': 'Chưa đạt', undetermined: 'Chưa xác định' },
  en: { met: 'met', 'basically-met': 'basically met', 'not-met': 'not met', undetermined: 'undetermined' },
};

/** Words for a commune's overall status (đạt chuẩn = meets every criterion of the set). */
export const COMMUNE_STATUS_TEXT: Readonly<Record<Lang, Readonly<Record<Status, string>>>> = {
  vi: { met: 'Đạt chuẩn', 'not-met': 'Chưa đạt chuẩn', undetermined: 'Chưa xác định' },
  en: { met: 'meets the set', 'not-met': 'does not meet the set', undetermined: 'undetermined' },
};

/** Words for an indicator's outcome. */
export const INDICATOR_STATUS_TEXT: Readonly<Record<Lang, Readonly<Record<IndicatorStatus, string>>>> = {
  vi: {
    met: 'Đạt',
    'not-met': 'Chưa đạt',
    missing: 'Thiếu số liệu',
    'threshold-unknown': 'Chưa rõ ngưỡng',
    'not-applicable': 'Không áp dụng',
  },
  en: {
    met: 'met',
    'not-met': 'not met',
    missing: 'missing data',
    'threshold-unknown': 'threshold unknown',
    'not-applicable': 'not applicable',
  },
};

/** One-character marks of the terminal, Markdown and HTML matrices, by criterion state. */
export const STATUS_MARK: Readonly<Record<VerdictState, string>> = { met: '✓', 'basically-met': '≈', 'not-met': '✗', undetermined: '?' };

/** Every fixed phrase of the reports, so each format says the same thing in the same words. */
export const REPORT_TEXT = {
  vi: {
    title: 'Kết quả đánh giá tiêu chí nông thôn mới',
    set: 'Bộ tiêu chí',
    legalBasis: 'Căn cứ',
    commune: 'Xã',
    communeId: 'Mã xã',
    communeName: 'Tên xã',
    year: 'Năm',
    status: 'Kết quả',
    criteriaMet: 'Số tiêu chí đạt',
    criteriaNotMet: 'Số tiêu chí chưa đạt',
    criteriaUndetermined: 'Số tiêu chí chưa xác định',
    criteriaBasicallyMet: 'Trong đó cơ bản đạt',
    countsShort: ['Đạt', 'Chưa', 'CBĐ', '?'],
    criterion: 'Tiêu chí',
    indicator: 'Chỉ tiêu',
    value: 'Giá trị',
    requirement: 'Yêu cầu',
    shortfall: 'Còn thiếu',
    owners: 'Cơ quan chủ trì',
    gaps: 'Việc còn phải làm',
    noGaps: 'Không còn chỉ tiêu nào chưa đạt hoặc thiếu số liệu.',
    matrix: 'Bảng tiêu chí theo xã',
    legend: 'Chú giải',
    legendMet: 'đạt',
    legendNotMet: 'chưa đạt',
    legendBasicallyMet: 'cơ bản đạt (không tính là đạt)',
    legendCounts: 'Đạt / Chưa: số tiêu chí đạt / chưa đạt; CBĐ: trong đó cơ bản đạt; ?: chưa xác định',
    legendUndetermined: 'chưa xác định (thiếu số liệu hoặc chưa rõ ngưỡng)',
    criterionLevel: 'cả tiêu chí',
    criterionVerdictNeeded: 'cần kết luận của cơ quan chủ trì cho cả tiêu chí (bộ tiêu chí chưa liệt kê đủ chỉ tiêu)',
    verdictNotMet: 'cơ quan chủ trì kết luận chưa đạt',
    verdictBasicallyMet: 'cơ quan chủ trì kết luận cơ bản đạt (không tính là đạt)',
    targets: 'Mục tiêu',
    target: 'Mục tiêu',
    targetStatus: { achieved: 'Đã đạt', 'not-achieved': 'Chưa đạt', undetermined: 'Chưa xác định' },
    detail: 'Chi tiết',
    deadlines: 'Hạn báo cáo sắp tới',
    report: 'Báo cáo',
    dueBefore: 'Trước ngày',
    lastDay: 'Hạn cuối',
    submitTo: 'Gửi',
    errors: 'Dòng dữ liệu lỗi',
    row: 'Dòng',
    error: 'Lỗi',
    notMetIndicators: 'Chỉ tiêu chưa đạt',
    missingIndicators: 'Chỉ tiêu thiếu số liệu',
    unknownThresholds: 'Chỉ tiêu chưa rõ ngưỡng',
    conflict: 'kết luận khác với số liệu',
    conflicts: 'Kết luận khác với số liệu (kết luận được giữ)',
    conflictCodes: 'Kết luận khác số liệu',
    verdictGiven: 'Kết luận',
    valueSays: 'Theo số liệu',
    yes: 'Đạt',
    no: 'Không đạt',
    summary: (r: { total: number; met: number; errors: number }) =>
      `${r.met}/${r.total} xã đạt chuẩn${r.errors > 0 ? `; ${r.errors} dòng lỗi` : ''}`,
  },
  en: {
    title: 'New Rural Development criteria: evaluation',
    set: 'Criterion set',
    legalBasis: 'Legal basis',
    commune: 'Commune',
    communeId: 'communeId',
    communeName: 'name',
    year: 'year',
    status: 'Status',
    criteriaMet: 'criteriaMet',
    criteriaNotMet: 'criteriaNotMet',
    criteriaUndetermined: 'criteriaUndetermined',
    criteriaBasicallyMet: 'criteriaBasicallyMet',
    countsShort: ['met', 'not', 'basic', '?'],
    criterion: 'Criterion',
    indicator: 'Indicator',
    value: 'Value',
    requirement: 'Requirement',
    shortfall: 'Shortfall',
    owners: 'Lead agency',
    gaps: 'What remains to be done',
    noGaps: 'No indicator is unmet or missing.',
    matrix: 'Criteria by commune',
    legend: 'Legend',
    legendMet: 'met',
    legendNotMet: 'not met',
    legendBasicallyMet: 'basically met (does not count as met)',
    legendCounts: 'met / not: criteria met / not met; basic: of which basically met; ?: undetermined',
    legendUndetermined: 'undetermined (missing data or unknown threshold)',
    criterionLevel: 'whole criterion',
    criterionVerdictNeeded: "needs the lead agency's verdict on the whole criterion (the set does not list all its indicators)",
    verdictNotMet: 'the lead agency judged it not met',
    verdictBasicallyMet: 'the lead agency judged it basically met (does not count as met)',
    targets: 'Targets',
    target: 'Target',
    targetStatus: { achieved: 'achieved', 'not-achieved': 'not achieved', undetermined: 'undetermined' },
    detail: 'Detail',
    deadlines: 'Next reporting deadlines',
    report: 'Report',
    dueBefore: 'Due before',
    lastDay: 'Last day',
    submitTo: 'Submit to',
    errors: 'Rows with errors',
    row: 'Row',
    error: 'Error',
    notMetIndicators: 'notMetIndicators',
    missingIndicators: 'missingIndicators',
    unknownThresholds: 'thresholdUnknownIndicators',
    conflict: 'verdict differs from the value',
    conflicts: 'Verdicts that contradict the value (the verdict stands)',
    conflictCodes: 'conflicts',
    verdictGiven: 'Verdict',
    valueSays: 'Value says',
    yes: 'met',
    no: 'not met',
    summary: (r: { total: number; met: number; errors: number }) =>
      `${r.met}/${r.total} communes meet the set${r.errors > 0 ? `; ${r.errors} rows with errors` : ''}`,
  },
} as const;

/** Words for a set's level (the unit it assesses). */
export const LEVEL_TEXT: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { commune: 'xã', 'commune-advanced': 'xã nâng cao', 'commune-model': 'xã kiểu mẫu', district: 'huyện', province: 'tỉnh', 'residential-area': 'khu dân cư', garden: 'vườn' },
  en: { commune: 'commune', 'commune-advanced': 'advanced commune', 'commune-model': 'model commune', district: 'district', province: 'province', 'residential-area': 'residential area', garden: 'garden' },
};

/**
 * An indicator's name in the report's language. Where the official Vietnamese wording is not
 * known (the annex tables could not be obtained), a Vietnamese placeholder says so rather than
 * printing the English description in a Vietnamese report.
 *
 * @example indicatorName({ code: '15.1', nameVi: null, nameEn: 'Health indicator 15.1 (wording unknown)' }, 'vi') // 'Chỉ tiêu 15.1 (chưa rõ tên chính thức)'
 */
export function indicatorName(ind: { code: string; nameVi: string | null; nameEn: string }, lang: Lang): string {
  if (lang === 'en') return ind.nameEn;
  return ind.nameVi ?? `Chỉ tiêu ${ind.code} (chưa rõ tên chính thức)`;
}
