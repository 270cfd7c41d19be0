import { formatQuantity, type Lang } from '../requirement/format.js';
import { sayer } from '../messages/index.js';
import type { TargetOutcome } from '../schema/plan.js';

/**
 * What a target's outcome rests on, in one language: in Vietnamese the figures (criteria met and
 * not met, gain, value and requirement with their unit, the revocation risk, the data that would
 * decide it), worded from the catalogue; in English the outcome's own sentence with what it
 * still needs.
 *
 * @example targetDetailText(outcome, 'vi') // 'đạt 18/19 tiêu chí (dak-nong/commune-ntm/2022); yêu cầu 19.'
 */
export function targetDetailText(o: TargetOutcome, lang: Lang): string {
  if (lang === 'en') return [o.detail.textEn, ...o.detail.missing.map((m) => `needs: ${m}`)].join(' ');
  return targetDetailVi(o);
}

function targetDetailVi(o: TargetOutcome): string {
  const say = sayer('vi');
  const d = o.detail;
  const unit = o.target.kind === 'district-figure' ? o.target.measure.unit : null;
  const num = (n: number): string => formatQuantity(n, null, 'vi', 0);
  const parts: string[] = [];
  if (d.criteriaMet !== undefined) {
    parts.push(say('target.criteriaMet', { met: d.criteriaMet, ...(d.criteriaTotal === undefined ? {} : { total: d.criteriaTotal }), ...(d.resultSetId ? { set: d.resultSetId } : {}) }));
    if (d.criteriaUndetermined) parts.push(say('target.undetermined', { count: d.criteriaUndetermined }));
  }
  if (d.notMet && d.notMet.length > 0) parts.push(say('target.notMet', { criteria: d.notMet }));
  if (d.baselineCriteriaMet !== undefined) parts.push(say('target.baseline', { met: d.baselineCriteriaMet }));
  if (d.gain) parts.push(say('target.gain', { range: d.gain.min === d.gain.max ? num(d.gain.min) : `${num(d.gain.min)}–${num(d.gain.max)}` }));
  if (d.value !== undefined) {
    const value = formatQuantity(d.value, unit, 'vi');
    if (d.method !== 'population-weighted') parts.push(say('target.value', { value }));
    else if (d.reading) parts.push(say('target.valueWeightedReading', { value, indicator: d.reading.indicator, reading: say(`target.reading.${d.reading.confidence}`) }));
    else parts.push(say('target.valueWeighted', { value }));
  }
  if (d.required !== undefined) parts.push(say('target.required', { value: o.target.kind === 'district-figure' ? formatQuantity(d.required, unit, 'vi') : num(d.required) }));
  if (d.revocation && o.status !== 'achieved') {
    const r = d.revocation;
    const range = (a: string, b: string): string => (a === b ? a : `${a}–${b}`);
    parts.push(
      say('target.revocation', {
        decision: '18/2022/QĐ-TTg',
        status: say(`target.revocation.${r.status}`),
        below: range(num(r.belowStandard.min), num(r.belowStandard.max)),
        total: r.criteriaTotal,
        share: range(formatQuantity(r.share.min, '%', 'vi'), formatQuantity(r.share.max, '%', 'vi')),
      }),
    );
  }
  parts.push(...needsVi(o));
  if (parts.length === 0) parts.push(o.status === 'undetermined' ? say('target.noData') : '—');
  return `${parts.join('; ')}.`;
}

/** The data that would decide an undetermined target, said from its reasons and its target (never from the English text). */
function needsVi(o: TargetOutcome): string[] {
  const say = sayer('vi');
  const d = o.detail;
  if (d.missing.length === 0) return [];
  if (d.why && d.why.length > 0) {
    const out: string[] = [];
    for (const r of d.why) {
      if (r.code === 'missing') out.push(say('target.needs.values', { items: r.items }));
      else if (r.code === 'threshold-unknown') out.push(say('target.needs.thresholds', { items: r.items }));
      else if (r.code === 'indicator-list-incomplete') out.push(say('target.needs.criterionVerdict', { items: r.items }));
    }
    if (out.length > 0) return out;
  }
  const t = o.target;
  if (t.kind === 'district-figure') return [say('target.needs.figure', { id: t.id })];
  if (d.criteriaMet === undefined && 'setId' in t) {
    const commune = 'communeId' in t ? { commune: t.communeId } : {};
    return [say('target.needs.result', { set: t.setId, ...commune }), ...(d.missing.length > 1 ? [say('target.needs.count', { count: d.missing.length })] : [])];
  }
  return [say('target.needs.count', { count: d.missing.length })];
}
