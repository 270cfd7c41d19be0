import type { CommuneResult } from '../schema/result.js';
import { t, type Lang } from '../messages/index.js';

/** What district and province reports state of their communes: counts, the total of criteria met and the mean per commune. */
export interface RollUp {
  communes: number;
  communesMeetingSet: number;
  /** Criteria met, summed over the communes. */
  criteriaMet: number;
  /** Criteria the agencies found "cơ bản đạt" (not counted as met). */
  criteriaBasicallyMet: number;
  /** Criteria not met, basically-met ones excluded. */
  criteriaNotMet: number;
  criteriaUndetermined: number;
  /** Criteria met per commune (undetermined ones not counted as met); 0 without communes. */
  meanCriteriaMet: number;
}

/**
 * The roll-up of commune results (one district's, or a province's): a 2023 district report's
 * "189 tiêu chí, bình quân 17,18 tiêu chí/xã" is `criteriaMet` 189 and `meanCriteriaMet` 17.18…
 *
 * @example rollUp(results).meanCriteriaMet // 17.125
 */
export function rollUp(results: readonly CommuneResult[]): RollUp {
  let criteriaMet = 0;
  let criteriaBasicallyMet = 0;
  let criteriaNotMet = 0;
  let criteriaUndetermined = 0;
  for (const r of results) {
    for (const c of r.criteria) {
      if (c.status === 'met') criteriaMet++;
      else if (c.status === 'undetermined') criteriaUndetermined++;
      else if (c.verdict === 'basically-met') criteriaBasicallyMet++;
      else criteriaNotMet++;
    }
  }
  return {
    communes: results.length,
    communesMeetingSet: results.filter((r) => r.status === 'met').length,
    criteriaMet,
    criteriaBasicallyMet,
    criteriaNotMet,
    criteriaUndetermined,
    meanCriteriaMet: results.length === 0 ? 0 : criteriaMet / results.length,
  };
}

/**
 * The roll-up as one line, in one language, the mean to two decimals.
 *
 * @example rollUpText(rollUp(results), 'vi') // '3/8 xã đạt chuẩn; tổng 137 tiêu chí đạt; bình quân 17,13 tiêu chí/xã (tiêu chí: 137 đạt, 0 cơ bản đạt, 14 chưa đạt, 1 chưa xác định)'
 */
export function rollUpText(r: RollUp, lang: Lang): string {
  return t(
    'rollup.line',
    { communes: r.communes, met: r.communesMeetingSet, criteriaMet: r.criteriaMet, mean: r.meanCriteriaMet, basicallyMet: r.criteriaBasicallyMet, notMet: r.criteriaNotMet, undetermined: r.criteriaUndetermined },
    lang,
  );
}

/** The summary line of a results report: the roll-up, and the rows with errors when there are any. */
export function summaryLine(results: readonly CommuneResult[], errors: number, lang: Lang): string {
  const line = rollUpText(rollUp(results), lang);
  return errors > 0 ? `${line}; ${t('rollup.errors', { errors }, lang)}` : line;
}
