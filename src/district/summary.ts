import * as z from 'zod';
import type { CommuneResult, EvaluationErrorRecord } from '../schema/result.js';
import { NtmError, issue } from '../errors.js';

/** The district figures NTM reports quote, for one set and one year. */
export const DistrictSummarySchema = z.strictObject({
  setId: z.string(),
  year: z.number(),
  /** Communes evaluated (error entries excluded, see `notEvaluated`). */
  communes: z.number(),
  /** Communes meeting every criterion of the set (đạt chuẩn), and which. */
  communesMeetingSet: z.number(),
  communesMeetingSetIds: z.array(z.string()),
  communesNotMeetingSet: z.number(),
  communesUndetermined: z.number(),
  /** Criteria in the set. */
  criteriaInSet: z.number(),
  /** Mean number of criteria met per commune (undetermined ones not counted as met). */
  meanCriteriaMet: z.number(),
  /** How many communes meet each number of criteria, most criteria first; only counts that occur. */
  communesByCriteriaMet: z.array(z.strictObject({ criteriaMet: z.number(), communes: z.number(), communeIds: z.array(z.string()) })),
  /** For each criterion of the set: how many communes meet it, do not, cannot be decided. */
  criteria: z.array(
    z.strictObject({ number: z.string(), nameVi: z.string(), nameEn: z.string(), met: z.number(), notMet: z.number(), undetermined: z.number() }),
  ),
  /** Batch entries that carry an error instead of a result. */
  notEvaluated: z.array(z.strictObject({ index: z.number(), communeId: z.string().optional() })),
});
export type DistrictSummary = z.infer<typeof DistrictSummarySchema>;

/**
 * Rolls commune results up to the district figures NTM reports quote: communes meeting the set,
 * mean criteria met per commune, communes per number of criteria met, and the pass count of
 * each criterion. Takes results (or a whole batch: error entries are listed in `notEvaluated`)
 * of one set and one year; throws `INVALID_ARGUMENT` for mixed sets or years, repeated
 * communes, or no result at all.
 *
 * @example
 * const s = summarizeDistrict(await evaluateCommunes('dak-nong/commune-ntm/2022', inputs));
 * `${s.communesMeetingSet}/${s.communes} xã đạt chuẩn, bình quân ${s.meanCriteriaMet} tiêu chí/xã`
 */
export function summarizeDistrict(results: ReadonlyArray<CommuneResult | EvaluationErrorRecord>): DistrictSummary {
  if (!Array.isArray(results)) {
    throw new NtmError('INVALID_ARGUMENT', [issue('not-an-array', [], { field: 'results', of: 'evaluation results' })]);
  }
  const evaluated: CommuneResult[] = [];
  const notEvaluated: DistrictSummary['notEvaluated'] = [];
  const seen = new Map<string, number>();
  results.forEach((entry, index) => {
    if ('error' in entry) {
      notEvaluated.push({ index, ...(entry.communeId === undefined ? {} : { communeId: entry.communeId }) });
      return;
    }
    const first = evaluated[0];
    if (first && (entry.setId !== first.setId || entry.year !== first.year)) {
      throw new NtmError('INVALID_ARGUMENT', [
        issue('mixed-results', [index], { set: entry.setId, year: entry.year, firstSet: first.setId, firstYear: first.year }),
      ]);
    }
    const prev = seen.get(entry.communeId);
    if (prev !== undefined) {
      throw new NtmError('INVALID_ARGUMENT', [
        issue('duplicate-commune', [index, 'communeId'], { commune: entry.communeId, first: prev }),
      ]);
    }
    seen.set(entry.communeId, index);
    evaluated.push(entry);
  });
  const first = evaluated[0];
  if (!first) {
    throw new NtmError('INVALID_ARGUMENT', [issue('no-results', [], {})]);
  }

  const criteria = first.criteria.map((c) => ({ number: c.number, nameVi: c.nameVi, nameEn: c.nameEn, met: 0, notMet: 0, undetermined: 0 }));
  const byCount = new Map<number, string[]>();
  let totalMet = 0;
  for (const r of evaluated) {
    totalMet += r.criteriaMet;
    byCount.set(r.criteriaMet, [...(byCount.get(r.criteriaMet) ?? []), r.communeId]);
    r.criteria.forEach((c, i) => {
      const row = criteria[i]!;
      if (c.status === 'met') row.met++;
      else if (c.status === 'not-met') row.notMet++;
      else row.undetermined++;
    });
  }
  const meeting = evaluated.filter((r) => r.status === 'met').map((r) => r.communeId);
  return {
    setId: first.setId,
    year: first.year,
    communes: evaluated.length,
    communesMeetingSet: meeting.length,
    communesMeetingSetIds: meeting,
    communesNotMeetingSet: evaluated.filter((r) => r.status === 'not-met').length,
    communesUndetermined: evaluated.filter((r) => r.status === 'undetermined').length,
    criteriaInSet: criteria.length,
    meanCriteriaMet: totalMet / evaluated.length,
    communesByCriteriaMet: [...byCount.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([criteriaMet, communeIds]) => ({ criteriaMet, communes: communeIds.length, communeIds })),
    criteria,
    notEvaluated,
  };
}
