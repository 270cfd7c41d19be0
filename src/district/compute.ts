/** Computing each condition of a district or model set from the facts: mechanisms composed, with words and reasons. */
import type { Condition } from '../schema/criterion-set.js';
import { type RegionCode } from '../schema/common.js';
import { type CommuneResult, type Reason, type Requirement } from '../schema/result.js';
import { mergeReasons } from '../requirement/reasons.js';
import { formatQuantity } from '../requirement/format.js';
import { bothLangs, t, textIn } from '../messages/index.js';
import { resolveRequirement, type DimensionValues } from '../requirement/resolve.js';
import { operatorOf } from '../schema/operators.js';
import {
  allCriteria,
  count,
  districtSatisfaction,
  incomeAgainstReference,
  meetsSet,
  noUnits,
  shareOfUnits,
  type Outcome,
  type ShareOutcome,
} from '../mechanisms/index.js';
import type { CommuneOutcome, ConditionResult } from './schema.js';

/** Everything conditions are computed from, gathered from a district or model-commune input. */
export interface Facts {
  year: number;
  region: RegionCode | null;
  /** The value of every dimension the set declares (the date included): what requirements resolve by. */
  context: DimensionValues;
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

/** A condition's outcome, and the reasons of its mechanism (about the condition itself). */
type Computed = { result: ConditionResult; own: readonly Reason[] };

export function evaluateCondition(c: Condition, facts: Facts): ConditionResult {
  const { result: computed, own } = computeCondition(c, facts);
  const verdict = facts.verdicts[c.id] ?? null;
  if (verdict === null) return computed.status === 'undetermined' ? { ...computed, why: conditionWhy(c, own, facts) } : computed;
  return withVerdict(computed, verdict);
}

/**
 * A computed condition overruled by an official verdict: the verdict stands, a disagreement with
 * what the data computes is flagged as `conflict`.
 */
export function withVerdict(computed: ConditionResult, verdict: 'met' | 'not-met'): ConditionResult {
  const outcome = computed.status === 'met' || computed.status === 'not-met' ? computed.status : null;
  const { undeterminedBecause: _dropped, why: _why, ...rest } = computed;
  return { ...rest, status: verdict, basis: 'verdict', verdict, ...(outcome !== null && outcome !== verdict ? { conflict: { verdict, computedOutcome: outcome } } : {}) };
}

/**
 * Why an undetermined condition is undetermined: its mechanism's reasons (said of the condition),
 * merged with the reasons of the results it depends on — the district's criteria, the
 * undetermined communes (named), the unit's own result under another set.
 */
function conditionWhy(c: Condition, own: readonly Reason[], facts: Facts): Reason[] {
  const ownAboutCondition = own.map((r): Reason => ({ code: r.code, items: [c.id] }));
  const below: Array<readonly Reason[] | undefined> = [];
  if (c.kind === 'all-criteria') below.push(facts.criteria?.why);
  if (c.kind === 'share-of-communes') {
    const list = (c.level === 'commune' ? facts.communes : facts.advancedCommunes) ?? [];
    const undecided = list.filter((o) => o.status === 'undetermined');
    if (undecided.length > 0) below.push([{ code: 'undetermined-results', items: undecided.map((o) => o.communeId) }], ...undecided.map((o) => o.why));
  }
  if (c.kind === 'meets-set') below.push(facts.ownResults?.[c.level]?.why);
  // Results named below say which units are undetermined; the condition's own entry would only repeat it.
  return mergeReasons(below.length > 0 ? ownAboutCondition.filter((r) => r.code !== 'undetermined-results') : ownAboutCondition, ...below);
}

/** What each kind of condition computes; the condition's own fields are added around it. */
type ConditionBody = Omit<ConditionResult, 'id' | 'kind' | 'nameVi' | 'nameEn' | 'basis' | 'verdict' | 'source'>;

function computeCondition(c: Condition, facts: Facts): Computed {
  const base = { id: c.id, kind: c.kind, nameVi: c.nameVi, nameEn: c.nameEn, basis: 'computed' as const, verdict: null, source: c.source };
  const [body, own] = ((): [ConditionBody, readonly Reason[]] => {
    switch (c.kind) {
      case 'share-of-communes': {
        const pool = c.level === 'commune' ? facts.communes : facts.advancedCommunes;
        const all = facts.communes ?? [];
        const byId = new Map((pool ?? []).map((o) => [o.communeId, o]));
        const units = noUnits();
        for (const commune of all) {
          const o = byId.get(commune.communeId);
          if (!o) units.notAssessed.push(commune.communeId);
          else if (o.status === 'met') units.met.push(o.communeId);
          else if (o.status === 'not-met') units.notMet.push(o.communeId);
          else units.undetermined.push(o.communeId);
        }
        const s = shareOfUnits.evaluate({ requirement: resolveRequirement(c.requirement, facts.context, '%'), units, total: all.length, subject: c.id });
        return [shareBody(s, LEVEL_WORDS[c.level]!), s.why];
      }
      case 'share-of-townships': {
        const req = resolveRequirement(c.requirement, facts.context, '%');
        const words = { vi: 'thị trấn đạt chuẩn đô thị văn minh', en: 'townships meeting the civilised-urban standard' };
        if (facts.townships === undefined) return [missingBody(req, 'townships not given', words), [{ code: 'missing-data', items: [c.id] }]];
        if (facts.townships.length === 0) {
          return [{ ...empty(req), status: 'not-applicable', textVi: 'huyện không có thị trấn: không áp dụng', textEn: 'the district has no township: not applicable' }, []];
        }
        const units = noUnits();
        for (const t of facts.townships) (t.civilisedUrban === 'met' ? units.met : t.civilisedUrban === 'not-met' ? units.notMet : units.undetermined).push(t.id);
        const s = shareOfUnits.evaluate({ requirement: req, units, total: facts.townships.length, subject: c.id });
        return [shareBody(s, words), s.why];
      }
      case 'satisfaction':
        return satisfactionBody(c, facts);
      case 'all-criteria': {
        const r = facts.criteria;
        if (!r) return [{ ...empty(null), status: 'undetermined', textVi: 'không có kết quả tiêu chí', textEn: 'no criteria result', undeterminedBecause: [{ code: 'missing', message: 'no criteria result' }] }, [{ code: 'missing-data', items: [c.id] }]];
        const o = allCriteria.evaluate(r);
        // "Cơ bản đạt" criteria are counted apart: below standard, as the appraisal records them.
        const basically = o.basicallyMet.length;
        const tailParts = [basically > 0 ? [`${basically} cơ bản đạt`, `${basically} basically met`] : null, r.criteriaUndetermined > 0 ? [`${r.criteriaUndetermined} chưa xác định`, `${r.criteriaUndetermined} undetermined`] : null].filter((x) => x !== null);
        const tail = tailParts.length > 0 ? ` (${tailParts.map((x) => x[0]).join('; ')})` : '';
        const tailEn = tailParts.length > 0 ? ` (${tailParts.map((x) => x[1]).join('; ')})` : '';
        const body: ConditionBody = {
          ...empty(null),
          status: o.status,
          value: r.criteriaMet,
          numerator: r.criteriaMet,
          denominator: o.total,
          shortfall: o.total - r.criteriaMet,
          textVi: `tiêu chí đạt ${r.criteriaMet}/${o.total}${tail}`,
          textEn: `criteria met ${r.criteriaMet}/${o.total}${tailEn}`,
          ...(o.status === 'undetermined' ? { undeterminedBecause: [{ code: 'undetermined-results' as const, message: `criteria undetermined: ${o.undetermined.join(', ')}` }] } : {}),
        };
        // The criteria's own reasons are merged in below; the condition's is that results it rests on are undetermined.
        return [body, o.status === 'undetermined' ? [{ code: 'undetermined-results', items: [c.id] }] : []];
      }
      case 'meets-set': {
        const o = meetsSet.evaluate({ result: facts.ownResults?.[c.level], subject: c.id });
        if (o.setId === null) return [{ ...empty(null), status: 'undetermined', textVi: `chưa có kết quả theo bộ tiêu chí ${c.level}`, textEn: `no result under a ${c.level} set`, undeterminedBecause: [{ code: 'missing', message: `no result under a ${c.level} set` }] }, o.why];
        const word = { met: ['đạt', 'met'], 'not-met': ['không đạt', 'not met'], undetermined: ['chưa xác định', 'undetermined'] }[o.status];
        return [
          {
            ...empty(null),
            status: o.status,
            textVi: `${o.setId}: ${word[0]}`,
            textEn: `${o.setId}: ${word[1]}`,
            ...(o.status === 'undetermined' ? { undeterminedBecause: [{ code: 'undetermined-results' as const, message: `the result under ${o.setId} is undetermined` }] } : {}),
          },
          o.why.filter((r) => r.items.includes(c.id)),
        ];
      }
      case 'income-vs-reference':
        return incomeBody(c, facts);
      case 'count': {
        const req = resolveRequirement(c.requirement, facts.context, null);
        const n = facts.counts?.[c.subject];
        const o = count.evaluate({ requirement: req, value: n, subject: c.id });
        if (n === undefined) return [missingBody(req, `no count of ${c.subject}`, { vi: c.subject, en: c.subject }), o.why];
        return [figureBody(o, req, `${c.subject} = ${n}`, `${c.subject} = ${n}`), o.why];
      }
    }
  })();
  return { result: { ...base, ...body }, own };
}

function empty(requirement: Requirement | null): ConditionBody {
  return { status: 'undetermined', value: null, numerator: null, denominator: null, requirement, shortfall: null, textVi: '', textEn: '' };
}

function missingBody(req: Requirement, why: string, words: { vi: string; en: string }): ConditionBody {
  return {
    ...empty(req),
    textVi: `${words.vi}: thiếu số liệu (${req.textVi})`,
    textEn: `${words.en}: no data (${req.textEn})`,
    undeterminedBecause: [{ code: 'missing', message: why }],
  };
}

/** A single figure against its requirement, in words. */
function figureBody(o: Outcome<number | null> & { ok: boolean | null; shortfall: number | null }, req: Requirement, labelVi: string, labelEn: string): ConditionBody {
  return {
    ...empty(req),
    status: o.status,
    value: o.value,
    shortfall: o.shortfall,
    textVi: `${labelVi}${against(req, o.ok, 'vi')}`,
    textEn: `${labelEn}${against(req, o.ok, 'en')}`,
    ...(o.ok === null ? { undeterminedBecause: [{ code: 'threshold-unknown' as const, message: req.textEn }] } : {}),
  };
}

/**
 * The words of a share condition from its mechanism's outcome: "advanced communes 1/8 = 12.5% ≥ 10%
 * (7 undetermined or not assessed)", and (deprecated) its reasons as sentences.
 */
export function shareBody(
  s: ShareOutcome,
  words: { vi: string; en: string },
  options: { unlisted?: number; communes?: boolean; negate?: boolean; nameOf?: (id: string) => string | undefined } = {},
): ConditionBody {
  const req = s.requirement!;
  const okLow = s.status === 'met' ? true : s.why.some((r) => r.code === 'threshold-unknown') ? null : false;
  const line = (lang: 'vi' | 'en'): string =>
    `${words[lang]} ${s.numerator}/${s.denominator} = ${formatQuantity(s.shown, '%', lang)}${options.negate ? againstOrBelow(req, okLow, lang) : against(req, okLow, lang)}` +
    (s.open > 0 ? t(options.communes ? 'condition.shareOpenCommunes' : 'condition.shareOpen', { open: s.open }, lang) : '');
  const reasons: NonNullable<ConditionResult['undeterminedBecause']> = [];
  // Units by their names where the data gives them.
  const named = (ids: readonly string[]): string[] => ids.map((id) => options.nameOf?.(id) ?? id);
  if (okLow === null) reasons.push(reasonIn('threshold-unknown', (lang) => t('province.why.thresholdUnknown', { requirement: textIn(req, lang) }, lang)));
  else if (s.status === 'undetermined') {
    if (s.units.undetermined.length) reasons.push(reasonIn('undetermined-results', (lang) => t('province.why.undetermined', { communes: named(s.units.undetermined) }, lang)));
    if (s.units.notAssessed.length) reasons.push(reasonIn('not-assessed', (lang) => t('province.why.notAssessed', { communes: named(s.units.notAssessed) }, lang)));
    const unlisted = options.unlisted;
    if (unlisted) reasons.push(reasonIn('not-assessed', (lang) => t('province.why.unlisted', { count: unlisted }, lang)));
  }
  return {
    status: s.status,
    value: s.value,
    numerator: s.numerator,
    denominator: s.denominator,
    requirement: req,
    shortfall: s.shortfall,
    textVi: line('vi'),
    textEn: line('en'),
    ...(reasons.length ? { undeterminedBecause: reasons } : {}),
    units: s.units,
  };
}

function satisfactionBody(c: Extract<Condition, { kind: 'satisfaction' }>, facts: Facts): [ConditionBody, readonly Reason[]] {
  const ctx = facts.context;
  const req = resolveRequirement(c.requirement, ctx, '%');
  const perItem = resolveRequirement(c.perCommuneItemRequirement, ctx, '%');
  const communeIds = (facts.communes ?? []).map((x) => x.communeId);
  const o = districtSatisfaction.evaluate({ requirement: req, perItemRequirement: perItem, district: facts.satisfactionDistrict, communeIds, items: facts.satisfactionCommunes, subject: c.id });
  const reasons: NonNullable<ConditionResult['undeterminedBecause']> = [];
  if (facts.satisfactionDistrict === undefined) reasons.push({ code: 'missing', message: 'no district-wide satisfaction figure' });
  else if (o.districtOk === null) reasons.push({ code: 'threshold-unknown', message: `district: ${req.textEn}` });
  if (o.unsurveyed.length) reasons.push({ code: 'missing', message: `no per-item survey for: ${o.unsurveyed.join(', ')}` });
  if (o.itemsUnknown) reasons.push({ code: 'threshold-unknown', message: `per commune item: ${perItem.textEn}` });
  const d = facts.satisfactionDistrict;
  const total = communeIds.length;
  const surveyed = total - o.unsurveyed.length;
  const lowVi = o.lowest === null ? `chưa có số liệu xã (yêu cầu ${perItem.textVi})` : `thấp nhất ${formatQuantity(o.lowest, '%', 'vi')}${against(perItem, o.lowestOk, 'vi')}`;
  const lowEn = o.lowest === null ? `no commune data (required ${perItem.textEn})` : `lowest ${formatQuantity(o.lowest, '%', 'en')}${against(perItem, o.lowestOk, 'en')}`;
  return [
    {
      ...empty(req),
      status: o.status,
      value: o.value,
      shortfall: o.shortfall,
      textVi: `huyện ${d === undefined ? `thiếu số liệu (yêu cầu ${req.textVi})` : `${formatQuantity(d, '%', 'vi')}${against(req, o.districtOk, 'vi')}`}; từng nội dung ở từng xã: ${lowVi} (${surveyed}/${total} xã có số liệu)`,
      textEn: `district ${d === undefined ? `no data (required ${req.textEn})` : `${formatQuantity(d, '%', 'en')}${against(req, o.districtOk, 'en')}`}; each commune item: ${lowEn} (${surveyed}/${total} communes surveyed)`,
      ...(o.status === 'undetermined' ? { undeterminedBecause: reasons } : {}),
      below: o.below,
    },
    o.why,
  ];
}

function incomeBody(c: Extract<Condition, { kind: 'income-vs-reference' }>, facts: Facts): [ConditionBody, readonly Reason[]] {
  const ctx = facts.context;
  const req = resolveRequirement(c.requirement, ctx, '%');
  const reference = resolveRequirement(c.reference, ctx, c.unit);
  const o = incomeAgainstReference.evaluate({ requirement: req, reference, income: facts.income, subject: c.id });
  if (facts.income === undefined) return [missingBody(req, 'no income figure', { vi: 'thu nhập', en: 'income' }), o.why];
  if (o.referenceValue === null) {
    return [
      {
        ...empty(req),
        textVi: `thu nhập ${formatQuantity(facts.income, c.unit, 'vi')}; mức thu nhập tham chiếu ${reference.textVi}`,
        textEn: `income ${formatQuantity(facts.income, c.unit, 'en')}; reference income ${reference.textEn}`,
        undeterminedBecause: [{ code: 'threshold-unknown', message: `reference income: ${reference.textEn}` }],
      },
      o.why,
    ];
  }
  const ratio = o.value!;
  const body = figureBody(
    o,
    req,
    `thu nhập ${formatQuantity(facts.income, c.unit, 'vi')} = ${formatQuantity(ratio, '%', 'vi')} của mức ${formatQuantity(o.referenceValue, c.unit, 'vi')}`,
    `income ${formatQuantity(facts.income, c.unit, 'en')} = ${formatQuantity(ratio, '%', 'en')} of the reference ${formatQuantity(o.referenceValue, c.unit, 'en')}`,
  );
  return [{ ...body, value: ratio, numerator: facts.income, denominator: o.referenceValue }, o.why];
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
export function against(req: Requirement, ok: boolean | null, lang: 'vi' | 'en'): string {
  const text = lang === 'vi' ? req.textVi : req.textEn;
  if (ok === true) return ` ${text}`;
  return lang === 'vi' ? `, yêu cầu ${text}` : `, required ${text}`;
}

/** ` ≥ 10%` when met; ` < 10%` (the operator negated, from the operator table's direction) when it fails; `, required …` when it cannot be judged. */
/** A reason a condition is undecided, worded in both languages from the catalogue; `message` is the English. */
export function reasonIn(code: NonNullable<ConditionResult['undeterminedBecause']>[number]['code'], text: (lang: 'vi' | 'en') => string): NonNullable<ConditionResult['undeterminedBecause']>[number] {
  const both = bothLangs(text);
  return { code, message: both.textEn, ...both };
}

export function againstOrBelow(req: Requirement, ok: boolean | null, lang: 'vi' | 'en'): string {
  if (ok === false && req.kind === 'compare') return ` ${operatorOf(req.operator).failedSymbol} ${formatQuantity(req.value, req.unit, lang)}`;
  return against(req, ok, lang);
}
