/** Computing each condition of a district or model set from the facts, with its numbers and reasons. */
import type { Condition } from '../schema/criterion-set.js';
import { type RegionCode } from '../schema/common.js';
import { type CommuneResult, type Reason, type Requirement } from '../schema/result.js';
import { mergeReasons } from '../requirement/reasons.js';
import { compareRequirement, shortfall } from '../requirement/compare.js';
import { formatQuantity } from '../requirement/format.js';
import { resolveRequirement } from '../requirement/resolve.js';
import type { CommuneOutcome, ConditionResult } from './schema.js';

/** Everything conditions are computed from, gathered from a district or model-commune input. */
export interface Facts {
  year: number;
  region: RegionCode | null;
  communes?: CommuneOutcome[];
  advancedCommunes?: CommuneOutcome[];
  townships?: Array<{ id: string; civilisedUrban: 'met' | 'not-met' | null }>;
  satisfactionDistrict?: number;
  satisfactionCommunes?: Record<string, Record<string, number>>;
  criteria?: CommuneResult;
  ownResults?: Partial<Record<string, CommuneOutcome>>;
  income?: number;
  counts?: Record<string, number>;
  verdicts: Record<string, 'met' | 'not-met'>;
}

export const LEVEL_WORDS: Record<string, { vi: string; en: string }> = {
  commune: { vi: 'xã đạt chuẩn NTM', en: 'communes meeting the NTM set' },
  'commune-advanced': { vi: 'xã đạt chuẩn NTM nâng cao', en: 'advanced communes' },
};

export function evaluateCondition(c: Condition, facts: Facts): ConditionResult {
  const computed = computeCondition(c, facts);
  const verdict = facts.verdicts[c.id] ?? null;
  if (verdict === null) return computed.status === 'undetermined' ? { ...computed, why: conditionWhy(c, computed, facts) } : computed;
  const outcome = computed.status === 'met' || computed.status === 'not-met' ? computed.status : null;
  const { undeterminedBecause: _dropped, ...rest } = computed;
  return {
    ...rest,
    status: verdict,
    basis: 'verdict',
    verdict,
    ...(outcome !== null && outcome !== verdict ? { conflict: { verdict, computedOutcome: outcome } } : {}),
  };
}

const REASON_CODES: Readonly<Record<string, Reason['code']>> = {
  missing: 'missing-data',
  'threshold-unknown': 'threshold-unknown',
  'undetermined-results': 'undetermined-results',
  'not-assessed': 'not-assessed',
};

/**
 * Why an undetermined condition is undetermined: its own reasons (about the condition), merged
 * with the reasons of the results it depends on — the district's criteria, the undetermined
 * communes (named), the unit's own result under another set.
 */
function conditionWhy(c: Condition, computed: ConditionResult, facts: Facts): Reason[] {
  const own: Reason[] = (computed.undeterminedBecause ?? []).map((r) => ({ code: REASON_CODES[r.code] ?? 'missing-data', items: [c.id] }));
  const below: Array<readonly Reason[] | undefined> = [];
  if (c.kind === 'all-criteria') below.push(facts.criteria?.why);
  if (c.kind === 'share-of-communes') {
    const list = (c.level === 'commune' ? facts.communes : facts.advancedCommunes) ?? [];
    const undecided = list.filter((o) => o.status === 'undetermined');
    if (undecided.length > 0) below.push([{ code: 'undetermined-results', items: undecided.map((o) => o.communeId) }], ...undecided.map((o) => o.why));
  }
  if (c.kind === 'meets-set') below.push(facts.ownResults?.[c.level]?.why);
  // Results named below say which units are undetermined; the condition's own entry would only repeat it.
  return mergeReasons(below.length > 0 ? own.filter((r) => r.code !== 'undetermined-results') : own, ...below);
}

/** What each kind of condition computes; the condition's own fields are added around it. */
type ConditionBody = Omit<ConditionResult, 'id' | 'kind' | 'nameVi' | 'nameEn' | 'basis' | 'verdict' | 'source'>;

function computeCondition(c: Condition, facts: Facts): ConditionResult {
  const base = { id: c.id, kind: c.kind, nameVi: c.nameVi, nameEn: c.nameEn, basis: 'computed' as const, verdict: null, source: c.source };
  const body = ((): ConditionBody => {
    switch (c.kind) {
      case 'share-of-communes': {
        const words = LEVEL_WORDS[c.level]!;
        const pool = c.level === 'commune' ? facts.communes : facts.advancedCommunes;
        const all = facts.communes ?? [];
        const byId = new Map((pool ?? []).map((o) => [o.communeId, o]));
        const units = { met: [] as string[], notMet: [] as string[], undetermined: [] as string[], notAssessed: [] as string[] };
        for (const commune of all) {
          const o = byId.get(commune.communeId);
          if (!o) units.notAssessed.push(commune.communeId);
          else if (o.status === 'met') units.met.push(o.communeId);
          else if (o.status === 'not-met') units.notMet.push(o.communeId);
          else units.undetermined.push(o.communeId);
        }
        return shareOutcome(resolveRequirement(c.requirement, { region: null, year: facts.year }, '%'), units, all.length, words);
      }
      case 'share-of-townships': {
        const req = resolveRequirement(c.requirement, { region: null, year: facts.year }, '%');
        const words = { vi: 'thị trấn đạt chuẩn đô thị văn minh', en: 'townships meeting the civilised-urban standard' };
        if (facts.townships === undefined) return missingOutcome(req, 'townships not given', words);
        if (facts.townships.length === 0) {
          return { ...empty(req), status: 'not-applicable', textVi: 'huyện không có thị trấn: không áp dụng', textEn: 'the district has no township: not applicable' };
        }
        const units = { met: [] as string[], notMet: [] as string[], undetermined: [] as string[], notAssessed: [] as string[] };
        for (const t of facts.townships) (t.civilisedUrban === 'met' ? units.met : t.civilisedUrban === 'not-met' ? units.notMet : units.undetermined).push(t.id);
        return shareOutcome(req, units, facts.townships.length, words);
      }
      case 'satisfaction':
        return satisfactionOutcome(c, facts);
      case 'all-criteria': {
        const r = facts.criteria;
        if (!r) return { ...empty(null), status: 'undetermined', textVi: 'không có kết quả tiêu chí', textEn: 'no criteria result', undeterminedBecause: [{ code: 'missing', message: 'no criteria result' }] };
        const total = r.criteria.length;
        const status = r.status;
        // "Cơ bản đạt" criteria are counted apart: below standard, as the appraisal records them.
        const basically = r.criteria.filter((x) => x.verdict === 'basically-met').length;
        const tailParts = [basically > 0 ? [`${basically} cơ bản đạt`, `${basically} basically met`] : null, r.criteriaUndetermined > 0 ? [`${r.criteriaUndetermined} chưa xác định`, `${r.criteriaUndetermined} undetermined`] : null].filter((x) => x !== null);
        const tail = tailParts.length > 0 ? ` (${tailParts.map((x) => x[0]).join('; ')})` : '';
        const tailEn = tailParts.length > 0 ? ` (${tailParts.map((x) => x[1]).join('; ')})` : '';
        return {
          ...empty(null),
          status,
          value: r.criteriaMet,
          numerator: r.criteriaMet,
          denominator: total,
          shortfall: total - r.criteriaMet,
          textVi: `tiêu chí đạt ${r.criteriaMet}/${total}${tail}`,
          textEn: `criteria met ${r.criteriaMet}/${total}${tailEn}`,
          ...(status === 'undetermined'
            ? { undeterminedBecause: [{ code: 'undetermined-results' as const, message: `criteria undetermined: ${r.criteria.filter((x) => x.status === 'undetermined').map((x) => x.number).join(', ')}` }] }
            : {}),
        };
      }
      case 'meets-set': {
        const o = facts.ownResults?.[c.level];
        if (!o) return { ...empty(null), status: 'undetermined', textVi: `chưa có kết quả theo bộ tiêu chí ${c.level}`, textEn: `no result under a ${c.level} set`, undeterminedBecause: [{ code: 'missing', message: `no result under a ${c.level} set` }] };
        const word = { met: ['đạt', 'met'], 'not-met': ['không đạt', 'not met'], undetermined: ['chưa xác định', 'undetermined'] }[o.status];
        return {
          ...empty(null),
          status: o.status,
          textVi: `${o.setId}: ${word[0]}`,
          textEn: `${o.setId}: ${word[1]}`,
          ...(o.status === 'undetermined' ? { undeterminedBecause: [{ code: 'undetermined-results' as const, message: `the result under ${o.setId} is undetermined` }] } : {}),
        };
      }
      case 'income-vs-reference':
        return incomeOutcome(c, facts);
      case 'count': {
        const req = resolveRequirement(c.requirement, { region: facts.region, year: facts.year }, null);
        const n = facts.counts?.[c.subject];
        if (n === undefined) return missingOutcome(req, `no count of ${c.subject}`, { vi: c.subject, en: c.subject });
        return numericOutcome(req, n, `${c.subject} = ${n}`, `${c.subject} = ${n}`);
      }
    }
  })();
  return { ...base, ...body };
}

function empty(requirement: Requirement | null): ConditionBody {
  return { status: 'undetermined', value: null, numerator: null, denominator: null, requirement, shortfall: null, textVi: '', textEn: '' };
}

function missingOutcome(req: Requirement, why: string, words: { vi: string; en: string }): ConditionBody {
  return {
    ...empty(req),
    textVi: `${words.vi}: thiếu số liệu (${req.textVi})`,
    textEn: `${words.en}: no data (${req.textEn})`,
    undeterminedBecause: [{ code: 'missing', message: why }],
  };
}

/** A single figure against a requirement: met, not met, or threshold unknown. */
function numericOutcome(req: Requirement, value: number, labelVi: string, labelEn: string): ConditionBody {
  const ok = compareRequirement(req, value);
  const status = ok === null ? 'undetermined' : ok ? 'met' : 'not-met';
  return {
    ...empty(req),
    status,
    value,
    shortfall: shortfall(req, value),
    textVi: `${labelVi}${against(req, ok, 'vi')}`,
    textEn: `${labelEn}${against(req, ok, 'en')}`,
    ...(ok === null ? { undeterminedBecause: [{ code: 'threshold-unknown' as const, message: req.textEn }] } : {}),
  };
}

/**
 * A share of units against a requirement, honest about units not yet decided: met when the
 * share counting only decided units already meets it, not met when it fails even if every
 * undecided unit were met, undetermined in between.
 */
function shareOutcome(
  req: Requirement,
  units: { met: string[]; notMet: string[]; undetermined: string[]; notAssessed: string[] },
  total: number,
  words: { vi: string; en: string },
): ConditionBody {
  const open = units.undetermined.length + units.notAssessed.length;
  // Compared exactly (multiplying first keeps 1/8 → 12.5 exact); only the display is rounded.
  const exactLow = (units.met.length * 100) / total;
  const low = round(exactLow);
  const okLow = compareRequirement(req, exactLow);
  const okHigh = compareRequirement(req, ((units.met.length + open) * 100) / total);
  const status = okLow === null ? 'undetermined' : okLow ? 'met' : okHigh ? 'undetermined' : 'not-met';
  const tailVi = open > 0 ? ` (${open} xã/đơn vị chưa xác định hoặc chưa đánh giá)` : '';
  const tailEn = open > 0 ? ` (${open} undetermined or not assessed)` : '';
  const reasons: ConditionResult['undeterminedBecause'] = [];
  if (okLow === null) reasons.push({ code: 'threshold-unknown', message: req.textEn });
  else if (status === 'undetermined') {
    if (units.undetermined.length) reasons.push({ code: 'undetermined-results', message: `undetermined: ${units.undetermined.join(', ')}` });
    if (units.notAssessed.length) reasons.push({ code: 'not-assessed', message: `not assessed: ${units.notAssessed.join(', ')}` });
  }
  return {
    ...empty(req),
    status,
    value: low,
    numerator: units.met.length,
    denominator: total,
    shortfall: shortfall(req, exactLow),
    textVi: `${words.vi} ${units.met.length}/${total} = ${formatQuantity(low, '%', 'vi')}${against(req, okLow, 'vi')}${tailVi}`,
    textEn: `${words.en} ${units.met.length}/${total} = ${formatQuantity(low, '%', 'en')}${against(req, okLow, 'en')}${tailEn}`,
    ...(reasons.length ? { undeterminedBecause: reasons } : {}),
    units,
  };
}

function satisfactionOutcome(c: Extract<Condition, { kind: 'satisfaction' }>, facts: Facts): ConditionBody {
  const ctx = { region: null, year: facts.year };
  const req = resolveRequirement(c.requirement, ctx, '%');
  const perItem = resolveRequirement(c.perCommuneItemRequirement, ctx, '%');
  const reasons: NonNullable<ConditionResult['undeterminedBecause']> = [];
  let districtOk: boolean | null = null;
  if (facts.satisfactionDistrict === undefined) reasons.push({ code: 'missing', message: 'no district-wide satisfaction figure' });
  else {
    districtOk = compareRequirement(req, facts.satisfactionDistrict);
    if (districtOk === null) reasons.push({ code: 'threshold-unknown', message: `district: ${req.textEn}` });
  }
  const below: Array<{ communeId: string; item: string; value: number }> = [];
  const unsurveyed: string[] = [];
  let itemsUnknown = false;
  let lowest: number | null = null;
  for (const commune of facts.communes ?? []) {
    const items = facts.satisfactionCommunes?.[commune.communeId];
    if (!items || Object.keys(items).length === 0) {
      unsurveyed.push(commune.communeId);
      continue;
    }
    for (const [item, value] of Object.entries(items).sort(([a], [b]) => a.localeCompare(b))) {
      lowest = lowest === null ? value : Math.min(lowest, value);
      const ok = compareRequirement(perItem, value);
      if (ok === null) itemsUnknown = true;
      else if (!ok) below.push({ communeId: commune.communeId, item, value });
    }
  }
  if (unsurveyed.length) reasons.push({ code: 'missing', message: `no per-item survey for: ${unsurveyed.join(', ')}` });
  if (itemsUnknown) reasons.push({ code: 'threshold-unknown', message: `per commune item: ${perItem.textEn}` });
  const communesOk = below.length > 0 ? false : unsurveyed.length || itemsUnknown ? null : true;
  const status = districtOk === false || communesOk === false ? 'not-met' : districtOk === true && communesOk === true ? 'met' : 'undetermined';
  const d = facts.satisfactionDistrict;
  const total = (facts.communes ?? []).length;
  const surveyed = total - unsurveyed.length;
  const lowestOk = lowest === null ? null : compareRequirement(perItem, lowest);
  const lowVi = lowest === null ? `chưa có số liệu xã (yêu cầu ${perItem.textVi})` : `thấp nhất ${formatQuantity(lowest, '%', 'vi')}${against(perItem, lowestOk, 'vi')}`;
  const lowEn = lowest === null ? `no commune data (required ${perItem.textEn})` : `lowest ${formatQuantity(lowest, '%', 'en')}${against(perItem, lowestOk, 'en')}`;
  return {
    ...empty(req),
    status,
    value: d ?? null,
    shortfall: d === undefined ? null : shortfall(req, d),
    textVi: `huyện ${d === undefined ? `thiếu số liệu (yêu cầu ${req.textVi})` : `${formatQuantity(d, '%', 'vi')}${against(req, districtOk, 'vi')}`}; từng nội dung ở từng xã: ${lowVi} (${surveyed}/${total} xã có số liệu)`,
    textEn: `district ${d === undefined ? `no data (required ${req.textEn})` : `${formatQuantity(d, '%', 'en')}${against(req, districtOk, 'en')}`}; each commune item: ${lowEn} (${surveyed}/${total} communes surveyed)`,
    ...(status === 'undetermined' ? { undeterminedBecause: reasons } : {}),
    below,
  };
}

function incomeOutcome(c: Extract<Condition, { kind: 'income-vs-reference' }>, facts: Facts): ConditionBody {
  const ctx = { region: facts.region, year: facts.year };
  const req = resolveRequirement(c.requirement, ctx, '%');
  const reference = resolveRequirement(c.reference, ctx, c.unit);
  if (facts.income === undefined) return missingOutcome(req, 'no income figure', { vi: 'thu nhập', en: 'income' });
  if (reference.kind !== 'compare' || reference.value <= 0) {
    return {
      ...empty(req),
      textVi: `thu nhập ${formatQuantity(facts.income, c.unit, 'vi')}; mức thu nhập tham chiếu ${reference.textVi}`,
      textEn: `income ${formatQuantity(facts.income, c.unit, 'en')}; reference income ${reference.textEn}`,
      undeterminedBecause: [{ code: 'threshold-unknown', message: `reference income: ${reference.textEn}` }],
    };
  }
  const exact = (facts.income * 100) / reference.value;
  const ratio = round(exact);
  const out = numericOutcome(
    req,
    exact,
    `thu nhập ${formatQuantity(facts.income, c.unit, 'vi')} = ${formatQuantity(ratio, '%', 'vi')} của mức ${formatQuantity(reference.value, c.unit, 'vi')}`,
    `income ${formatQuantity(facts.income, c.unit, 'en')} = ${formatQuantity(ratio, '%', 'en')} of the reference ${formatQuantity(reference.value, c.unit, 'en')}`,
  );
  return { ...out, value: ratio, numerator: facts.income, denominator: reference.value };
}

export function overallStatus(conditions: readonly ConditionResult[]): 'met' | 'not-met' | 'undetermined' {
  if (conditions.some((c) => c.status === 'not-met')) return 'not-met';
  if (conditions.some((c) => c.status === 'undetermined')) return 'undetermined';
  return 'met';
}

export function conditionCounts(conditions: readonly ConditionResult[]): { conditionsMet: number; conditionsNotMet: number; conditionsUndetermined: number } {
  return {
    conditionsMet: conditions.filter((c) => c.status === 'met' || c.status === 'not-applicable').length,
    conditionsNotMet: conditions.filter((c) => c.status === 'not-met').length,
    conditionsUndetermined: conditions.filter((c) => c.status === 'undetermined').length,
  };
}

/**
 * How a figure stands against its requirement, in words: ` ≥ 10%` when it meets it,
 * `, required ≥ 100%` when it does not or cannot be judged.
 */
function against(req: Requirement, ok: boolean | null, lang: 'vi' | 'en'): string {
  const text = lang === 'vi' ? req.textVi : req.textEn;
  if (ok === true) return ` ${text}`;
  return lang === 'vi' ? `, yêu cầu ${text}` : `, required ${text}`;
}

/** Rounds shares for display and comparison (12.5 stays 12.5; 1/3 becomes 33.3333). */
function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

