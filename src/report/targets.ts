import { formatQuantity, type Lang } from '../requirement/format.js';
import type { TargetOutcome } from '../schema/plan.js';

/**
 * What a target's outcome rests on, in one language: in Vietnamese the figures (criteria met,
 * gain, value and requirement, how much data is missing); in English the outcome's own sentence
 * with what it still needs.
 *
 * @example targetDetailText(outcome, 'vi') // 'đạt 18/19 tiêu chí (dak-nong/commune-ntm/2022); yêu cầu 19.'
 */
export function targetDetailText(o: TargetOutcome, lang: Lang): string {
  if (lang === 'en') return [o.detail.textEn, ...o.detail.missing.map((m) => `needs: ${m}`)].join(' ');
  return targetDetailVi(o);
}

/** How sure the reading of a commune indicator as a district figure is, in Vietnamese. */
const READING_VI = {
  verified: 'đã xác minh',
  'single-source': 'theo một nguồn',
  inferred: 'cách hiểu suy đoán, chưa có nguồn xác nhận nội dung chỉ tiêu',
} as const;

function targetDetailVi(o: TargetOutcome): string {
  const d = o.detail;
  const num = (n: number): string => formatQuantity(n, null, 'vi');
  const parts: string[] = [];
  if (d.criteriaMet !== undefined) {
    parts.push(`đạt ${d.criteriaMet}${d.criteriaTotal === undefined ? '' : `/${d.criteriaTotal}`} tiêu chí${d.resultSetId ? ` (${d.resultSetId})` : ''}`);
    if (d.criteriaUndetermined) parts.push(`${d.criteriaUndetermined} tiêu chí chưa xác định`);
  }
  if (d.baselineCriteriaMet !== undefined) parts.push(`năm gốc đạt ${d.baselineCriteriaMet} tiêu chí`);
  if (d.gain) parts.push(`tăng ${d.gain.min === d.gain.max ? num(d.gain.min) : `${num(d.gain.min)}–${num(d.gain.max)}`} tiêu chí`);
  if (d.value !== undefined) parts.push(`giá trị ${num(d.value)}${d.method === 'population-weighted' ? ` (bình quân theo dân số các xã${d.reading ? `; đọc chỉ tiêu ${d.reading.indicator} là số liệu này: ${READING_VI[d.reading.confidence]}` : ''})` : ''}`);
  if (d.required !== undefined) parts.push(`yêu cầu ${num(d.required)}`);
  if (d.missing.length > 0) parts.push(`cần thêm số liệu: ${d.missing.length} mục`);
  if (parts.length === 0) parts.push(o.status === 'undetermined' ? 'chưa đủ số liệu để kết luận' : '—');
  return `${parts.join('; ')}.`;
}
