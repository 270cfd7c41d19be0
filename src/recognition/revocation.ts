import type { CommuneResult } from '../schema/result.js';
import type { RecognitionRules, RevocationBranch, RevocationRisk, RevocationRuleSpec, RecognitionNote } from '../schema/recognition.js';
import { NtmError } from '../errors.js';
import { allOf, anyOf, countInRange, reasonAbout, type Outcome } from '../mechanisms/index.js';
import { formatQuantity } from '../requirement/format.js';
import type { DistrictResult } from '../district/schema.js';
import { setSeries } from '../rules/set-series.js';
import { resolveRecognitionRules } from './rules.js';

/** Options of {@link revocationRisk}. */
export interface RevocationOptions {
  rules?: string | RecognitionRules;
  /** Districts only: how many of the district's communes had their recognition revoked, of how many. */
  communesRevoked?: { revoked: number; total: number };
}

/**
 * The smallest count of `total` that reaches `percent` under the exact reading (count × 100 ≥
 * percent × total): 6 of 19 for 30 %, 10 of 19 for 50 %.
 *
 * @example countFromPercent(30, 19) // 6
 */
export function countFromPercent(percent: number, total: number): number {
  // percent × total is an integer for whole percentages, and an integer divided by 100 that is a
  // whole number comes out exact in floating point, so ceil never rounds a 5.0000001 up.
  return Math.ceil((percent * total) / 100);
}

/**
 * Whether a recognised commune (or a district, from {@link evaluateDistrict}) meets the revocation
 * rule of 18/2022/QĐ-TTg: (a) 30 %–50 % of its criteria below standard with at least one listed
 * criterion among them (income, environment and food safety, living-environment quality, defence
 * and security), or (b) 50 % or more below standard. Shares are read exactly: of 19 criteria,
 * branch (a) starts at 6 and branch (b) at 10. Undetermined criteria give a range: `revocable`
 * when the decided criteria alone meet the rule, `not-revocable` when it is not met even if every
 * undecided one failed, `undetermined` between. "Cơ bản đạt" criteria are below standard.
 *
 * @example
 * revocationRisk(namBinh2023).status // 'not-revocable'
 * revocationRisk(namBinh2023).moreToRevoke // 6: six more criteria below standard, one of them listed
 */
export function revocationRisk(result: CommuneResult | DistrictResult, options: RevocationOptions = {}): RevocationRisk {
  if (typeof result !== 'object' || result === null || !Array.isArray((result as { criteria?: unknown }).criteria)) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'invalid-data', path: ['result'], message: 'expected a commune result (evaluateCommune) or a district result (evaluateDistrict)' }]);
  }
  const rules = resolveRecognitionRules(options.rules);
  const level = 'districtId' in result ? 'district' : 'commune';
  const spec: RevocationRuleSpec = rules[level].revocation;
  const id = 'districtId' in result ? result.districtId : result.communeId;
  const total = result.criteria.length;
  if (total === 0) throw new NtmError('INVALID_ARGUMENT', [{ code: 'no-criteria', path: ['result', 'criteria'], message: `${result.setId} has no criteria to count` }]);
  const notMet = result.criteria.filter((c) => c.status === 'not-met').map((c) => c.number);
  const undecided = result.criteria.filter((c) => c.status === 'undetermined').map((c) => c.number);
  const listedEntry = spec.listed.find((l) => l.series === setSeries(result.setId));
  const listed = listedEntry?.criteria ?? null;
  const listedFailing = listed === null ? [] : notMet.filter((n) => listed.includes(n));
  const listedUndecided = listed === null ? [] : undecided.filter((n) => listed.includes(n));
  const partial = countFromPercent(spec.partialFromPercent, total);
  const majority = countFromPercent(spec.majorityFromPercent, total);
  const fMin = notMet.length;
  const fMax = fMin + undecided.length;

  const cr = options.communesRevoked;
  if (cr !== undefined && (!Number.isInteger(cr.revoked) || !Number.isInteger(cr.total) || cr.total <= 0 || cr.revoked < 0 || cr.revoked > cr.total)) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'out-of-range', path: ['communesRevoked'], message: `expected whole numbers with 0 ≤ revoked ≤ total and total > 0, got ${JSON.stringify(cr)}` }]);
  }
  const crPercent = level === 'district' ? spec.communesRevokedFromPercent : undefined;
  const branches = revocationBranches({ setId: result.setId, notMet, undecided, listed, listedFailing, listedUndecided, partial, majority, communesRevoked: cr, communesRevokedFromPercent: crPercent });
  const rule = anyOf.evaluate({ outcomes: branches });
  const status = rule.status === 'met' ? 'revocable' : rule.status === 'not-met' ? 'not-revocable' : 'undetermined';
  // The first branch met, in the rule's order of precedence: (b) names the graver case.
  const branch = (['majority', 'partial-with-listed', 'communes-revoked'] as const).find((b) => branches.some((o) => o.branch === b && o.status === 'met')) ?? null;
  const minRule = status === 'revocable';

  let moreToRevoke: number | null;
  if (minRule) moreToRevoke = 0;
  else {
    const toMajority = majority - fMin;
    // A criterion that newly falls below standard may be a listed one, if the set has one.
    const toPartial = listed === null ? null : listed.length === 0 ? Infinity : Math.max(partial - fMin, listedFailing.length > 0 ? 0 : 1);
    // Unknown listed criteria leave branch (a) open at any count from `partial`: the margin is unknown.
    moreToRevoke = toPartial === null ? null : Math.min(toMajority, toPartial);
    if (moreToRevoke !== null && moreToRevoke > total - fMin) moreToRevoke = null;
  }

  const notes: RecognitionNote[] = [];
  if (status === 'undetermined') {
    for (const n of undecided) notes.push({ code: 'undetermined-results', subject: n, message: `criterion ${n} is undetermined${listedUndecided.includes(n) ? ' (a listed criterion)' : ''}` });
    if (listed === null) notes.push({ code: 'listed-criteria-unknown', subject: result.setId, message: `the criteria of ${result.setId} matching the rule's list (${spec.listedNamesVi.join('; ')}) are not known` });
    if (crPercent !== undefined && cr === undefined) notes.push({ code: 'missing', subject: 'communesRevoked', message: "how many of the district's communes had their recognition revoked (communesRevoked)" });
  }
  const basicallyMet = result.criteria.filter((c) => c.verdict === 'basically-met').map((c) => c.number);
  const share = { min: round2((fMin * 100) / total), max: round2((fMax * 100) / total) };
  const range = (lang: 'vi' | 'en'): string =>
    fMin === fMax ? `${fMin}/${total} (${formatQuantity(share.min, '%', lang)})` : `${fMin}–${fMax}/${total} (${formatQuantity(share.min, '%', lang)} – ${formatQuantity(share.max, '%', lang)})`;
  const listVi = listedFailing.length ? `; tiêu chí trong danh mục chưa đạt: ${listedFailing.join(', ')}` : '';
  const listEn = listedFailing.length ? `; listed criteria below standard: ${listedFailing.join(', ')}` : '';
  const verdictVi = { revocable: 'thuộc trường hợp thu hồi quyết định công nhận', 'not-revocable': 'chưa thuộc trường hợp thu hồi', undetermined: 'chưa xác định được có thuộc trường hợp thu hồi hay không' }[status];
  const verdictEn = { revocable: 'meets the revocation rule', 'not-revocable': 'does not meet the revocation rule', undetermined: 'may or may not meet the revocation rule' }[status];
  const moreVi = moreToRevoke !== null && moreToRevoke > 0 ? `; thêm ${moreToRevoke} tiêu chí không đạt thì thuộc trường hợp thu hồi` : '';
  const moreEn = moreToRevoke !== null && moreToRevoke > 0 ? `; ${moreToRevoke} more below standard would meet it` : '';
  return {
    level,
    id,
    setId: result.setId,
    year: result.year,
    status,
    branch,
    criteriaTotal: total,
    belowStandard: { min: fMin, max: fMax },
    share,
    thresholds: { partialFromCount: partial, majorityFromCount: majority },
    listed: { criteria: listed === null ? null : [...listed], failing: listedFailing, undetermined: listedUndecided, source: listedEntry?.source ?? null },
    basicallyMet,
    moreToRevoke,
    branches,
    textVi: `${range('vi')} tiêu chí không đạt chuẩn${listVi}: ${verdictVi} (từ ${partial} tiêu chí kèm một tiêu chí trong danh mục, hoặc từ ${majority} tiêu chí)${moreVi}`,
    textEn: `${range('en')} criteria below standard${listEn}: ${verdictEn} (from ${partial} criteria with a listed one, or from ${majority})${moreEn}`,
    why: [...rule.why],
    notes,
    source: spec.source,
  };
}

/** What the branches of the rule read of a result: counts, lists and thresholds. */
interface BranchFacts {
  setId: string;
  notMet: readonly string[];
  undecided: readonly string[];
  /** The listed criteria of the set, `null` when not known for it. */
  listed: readonly string[] | null;
  listedFailing: readonly string[];
  listedUndecided: readonly string[];
  partial: number;
  majority: number;
  communesRevoked: { revoked: number; total: number } | undefined;
  /** Districts only: the share of communes revoked from which the third branch holds. */
  communesRevokedFromPercent: number | undefined;
}

/**
 * The branches of the revocation rule, each composed of mechanisms: (b) the count of criteria below
 * standard from `majority`; (a) that count from `partial` and at least one listed criterion among
 * them; at district level, the communes revoked from their share. A count is a range while
 * criteria are undecided, so each branch says which undecided criteria could tip it.
 */
function revocationBranches(f: BranchFacts): RevocationBranch[] {
  const below = { min: f.notMet.length, max: f.notMet.length + f.undecided.length };
  const belowWhy = reasonAbout('undetermined-results', f.undecided);
  const majority = countInRange.evaluate({ ...below, atLeast: f.majority, why: belowWhy });
  const count = countInRange.evaluate({ ...below, atLeast: f.partial, why: belowWhy });
  const listedOne: Pick<Outcome<unknown>, 'status' | 'why'> =
    f.listed === null
      ? { status: 'undetermined', why: reasonAbout('missing-data', [f.setId]) }
      : countInRange.evaluate({ min: f.listedFailing.length, max: f.listedFailing.length + f.listedUndecided.length, atLeast: 1, why: reasonAbout('undetermined-results', f.listedUndecided) });
  const partial = allOf.evaluate({ outcomes: [count, listedOne] });
  const branches: RevocationBranch[] = [
    { branch: 'partial-with-listed', status: partial.status, count: below, fromCount: f.partial, why: [...partial.why] },
    { branch: 'majority', status: majority.status, count: below, fromCount: f.majority, why: [...majority.why] },
  ];
  const pct = f.communesRevokedFromPercent;
  if (pct !== undefined) {
    const cr = f.communesRevoked;
    if (cr === undefined) branches.push({ branch: 'communes-revoked', status: 'undetermined', count: null, fromCount: null, why: reasonAbout('missing', ['communesRevoked']) });
    else {
      const fromCount = countFromPercent(pct, cr.total);
      const o = countInRange.evaluate({ min: cr.revoked, max: cr.revoked, atLeast: fromCount });
      branches.push({ branch: 'communes-revoked', status: o.status, count: { min: cr.revoked, max: cr.revoked }, fromCount, why: [...o.why] });
    }
  }
  return branches;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
