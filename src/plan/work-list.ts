import type { CommuneResult, CriterionResult, EvaluationErrorRecord, IndicatorResult } from '../schema/result.js';
import type { Ownership, Plan, WorkItem, WorkList } from '../schema/plan.js';
import { NtmError, issue } from '../errors.js';
import { agencyOf, ownerAssignments, ownersOf } from './owners.js';
import { resolvePlan } from './registry.js';

import { setSeries } from '../rules/set-series.js';

export { setSeries };

const OPEN_INDICATOR = new Set(['not-met', 'missing', 'threshold-unknown']);

/**
 * Everything an agency owns that is not met, not decided or not reported, commune by commune:
 * each criterion it owns whole that is not met (with why, when undetermined), and each owned
 * indicator that is `not-met`, `missing` or `threshold-unknown`, with value, requirement and
 * shortfall. Error entries of a batch and results of other set series are listed in `skipped`.
 *
 * @example
 * agencyWorkList(results, 'health').communes[0].items[0] // { level: 'indicator', code: '15.3', status: 'not-met', shortfall: 1.7, … }
 */
export function agencyWorkList(
  results: ReadonlyArray<CommuneResult | EvaluationErrorRecord>,
  agencyId: string,
  planOrId?: string | Plan,
): WorkList {
  const plan = resolvePlan(planOrId);
  agencyOf(agencyId, plan);
  if (!Array.isArray(results)) {
    throw new NtmError('INVALID_ARGUMENT', [issue('not-an-array', ['results'], { field: 'results', of: 'evaluation results' })]);
  }
  const out: WorkList = { planId: plan.id, agencyId, communesChecked: 0, communes: [], skipped: [] };
  results.forEach((entry, index) => {
    if ('error' in entry) {
      out.skipped.push({ index, ...(entry.communeId === undefined ? {} : { communeId: entry.communeId }), reason: `not evaluated: ${entry.error.code}` });
      return;
    }
    if (setSeries(entry.setId) !== plan.ownership.setKind) {
      out.skipped.push({ index, communeId: entry.communeId, reason: `${entry.setId} is not a ${plan.ownership.setKind} set; ${plan.id} assigns no owners in it` });
      return;
    }
    out.communesChecked++;
    const items = entry.criteria.flatMap((c: CriterionResult) => criterionItems(c, agencyId, plan));
    if (items.length > 0) {
      out.communes.push({
        communeId: entry.communeId,
        ...(entry.name === undefined ? {} : { name: entry.name }),
        setId: entry.setId,
        year: entry.year,
        items,
      });
    }
  });
  return out;
}

/** The open items of one criterion result that fall to the agency. */
function criterionItems(c: CriterionResult, agencyId: string, plan: Plan): WorkItem[] {
  const items: WorkItem[] = [];
  const wholeOwners = ownerAssignments(c.number, plan).filter((o) => 'criterion' in o).map((o) => o.agency);
  if (wholeOwners.includes(agencyId) && c.status !== 'met') {
    items.push({
      level: 'criterion',
      criterion: c.number,
      code: c.number,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      status: c.status,
      verdict: c.verdict,
      coOwners: wholeOwners.filter((a) => a !== agencyId),
      ...(c.undeterminedBecause ? { undeterminedBecause: { ...c.undeterminedBecause, missing: [...c.undeterminedBecause.missing], thresholdUnknown: [...c.undeterminedBecause.thresholdUnknown] } } : {}),
    });
  }
  // A criterion already met (by its indicators or the agency's verdict) leaves nothing open,
  // as in every report format (report/model.ts): no work for its missing indicators.
  if (c.status === 'met') return items;
  for (const ind of c.indicators) {
    if (!OPEN_INDICATOR.has(ind.status)) continue;
    const mine = ownerAssignments(ind.code, plan).filter((o) => o.agency === agencyId);
    if (mine.length === 0) continue;
    items.push(indicatorItem(c.number, ind, mine[0]!, ownersOf(ind.code, plan).filter((a) => a !== agencyId)));
  }
  return items;
}

function indicatorItem(criterion: string, ind: IndicatorResult, mine: Ownership, coOwners: string[]): WorkItem {
  const share = 'indicator' in mine ? (mine.aspect ? { by: 'aspect' as const, ...mine.aspect } : mine.sector ? { by: 'sector' as const, ...mine.sector } : undefined) : undefined;
  return {
    level: 'indicator',
    criterion,
    code: ind.code,
    nameVi: ind.nameVi,
    nameEn: ind.nameEn,
    status: ind.status as WorkItem['status'],
    value: ind.value,
    verdict: ind.verdict,
    requirement: ind.requirement,
    shortfall: ind.shortfall,
    ...(share ? { part: share } : {}),
    coOwners,
  };
}
