import type { Condition, ConditionRequirementField, Criterion, CriterionSet, Indicator, Measure } from '../schema/criterion-set.js';
import { columnDimension, defaultRegion } from '../rules/dimensions.js';
import { conditionRequirements } from '../schema/criterion-set.js';
import type { RegionCode, Source } from '../schema/common.js';
import type { RequirementSpec } from '../schema/requirement.js';
import type { Requirement } from '../schema/result.js';
import { compareStrictness } from '../requirement/compare.js';
import { resolveRequirement, type RequirementContext } from '../requirement/resolve.js';
import { resolveSet } from '../rules/registry.js';
import { canonicalJson } from '../rules/canonical.js';
import { fingerprint } from './fingerprint.js';
import { hasKnownValue } from './unknowns.js';
import { seriesStep, type SeriesStep } from '../series/lineage.js';

/** How a requirement changed from one version to the next. */
export type RequirementChangeKind = 'tightened' | 'loosened' | 'now-known' | 'now-unknown' | 'changed';

/** One requirement that differs between two versions, resolved for the diff's region and year. */
export interface RequirementChange {
  /** An indicator's requirement, or one of a condition's requirements. */
  scope: 'indicator' | 'condition';
  /** Indicator code (`15.3`) or condition id (`D2`). */
  code: string;
  /** For conditions: which requirement (`requirement`, `perCommuneItemRequirement`, `reference`). */
  field: ConditionRequirementField | null;
  change: RequirementChangeKind;
  before: Requirement;
  after: Requirement;
  /** The requirement's source; for an unknown requirement, the source of the indicator or condition itself. */
  beforeSource: Source;
  afterSource: Source;
  /** What changed, for `changed`: operator or kind, source, or other regions / years. */
  detail: string | null;
  textVi: string;
  textEn: string;
}

/** An indicator present in only one of the two versions. */
export interface IndicatorPresence {
  code: string;
  criterion: string;
  nameVi: string | null;
  nameEn: string;
  requirement: Requirement;
  source: Source;
  /**
   * For removals: `removed` when the later version lists the criterion's indicators completely;
   * `not-listed` when it does not (the indicator may still exist, unencoded).
   */
  reason?: 'removed' | 'not-listed';
}

/** A name that differs (indicator, criterion or condition). */
export interface Rename {
  code: string;
  before: { nameVi: string | null; nameEn: string };
  after: { nameVi: string | null; nameEn: string };
  beforeSource: Source;
  afterSource: Source;
}

/** Any other field of an item that differs (measure, applicability, source, indicator list …). */
export interface FieldChange {
  code: string;
  field: string;
  before: unknown;
  after: unknown;
}

/** The differences between two criterion-set versions. Plain, JSON-serialisable data. */
export interface CriterionSetDiff {
  from: { id: string; fingerprint: string; effectiveFrom: string };
  to: { id: string; fingerprint: string; effectiveFrom: string };
  /** The regional column and year at which requirements were resolved and compared. */
  context: RequirementContext;
  /** Same fingerprint: nothing at all differs. */
  identical: boolean;
  indicators: { added: IndicatorPresence[]; removed: IndicatorPresence[]; renamed: Rename[]; changed: FieldChange[] };
  requirements: {
    tightened: RequirementChange[];
    loosened: RequirementChange[];
    nowKnown: RequirementChange[];
    nowUnknown: RequirementChange[];
    changed: RequirementChange[];
  };
  criteria: { added: string[]; removed: string[]; renamed: Rename[]; changed: FieldChange[] };
  conditions: { added: string[]; removed: string[]; renamed: Rename[]; changed: FieldChange[] };
  regionOverrides: { added: string[]; removed: string[]; changed: FieldChange[] };
  /** Top-level fields that differ (legal basis, dates, counts, notes, …). */
  set: FieldChange[];
  /**
   * Where the two sets stand in their series (1980 → 318/1037 → 51/2025), `null` when no series
   * lists both. Between periods that number criteria differently (318 → 51/2025), criteria are not matched
   * by number: all are added and removed.
   */
  series: SeriesStep | null;
}

/** Options of {@link diffCriterionSets}. */
export interface DiffOptions {
  /** Column to compare; default: the later set's default region (else the earlier's). */
  region?: RegionCode | null;
  /** Year to compare year-dependent requirements at; default: the later of the two start years. */
  year?: number;
}

const CHANGE_WORDS: Record<RequirementChangeKind, { vi: string; en: string }> = {
  tightened: { vi: 'chặt hơn', en: 'tightened' },
  loosened: { vi: 'nới lỏng', en: 'loosened' },
  'now-known': { vi: 'nay đã có ngưỡng', en: 'now known' },
  'now-unknown': { vi: 'nay chưa rõ ngưỡng', en: 'now unknown' },
  changed: { vi: 'thay đổi', en: 'changed' },
};

const TOP_LEVEL_SKIPPED = new Set(['$schema', 'id', 'criteria', 'conditions', 'regionOverrides']);

/**
 * What changed between two versions of a criterion set: indicators added, removed and renamed;
 * requirements tightened, loosened, now known, now unknown or otherwise changed — each with
 * before, after and both sources; criteria, conditions, region-override classes and top-level
 * fields. Requirements are resolved for one column and year (see {@link DiffOptions}).
 *
 * @example
 * const d = diffCriterionSets('national/commune-ntm/2016', 'dak-nong/commune-ntm/2022');
 * d.requirements.tightened[0].textEn // '15.3: ≤ 31.4% → ≤ 26.5% (tightened)'
 */
export function diffCriterionSets(a: string | CriterionSet, b: string | CriterionSet, options: DiffOptions = {}): CriterionSetDiff {
  const before = resolveSet(a);
  const after = resolveSet(b);
  const region = options.region !== undefined ? options.region : (defaultRegion(after) ?? defaultRegion(before));
  const year = options.year ?? Math.max(Number(before.effectiveFrom.slice(0, 4)), Number(after.effectiveFrom.slice(0, 4)));
  const ctx: RequirementContext = { region, year };
  const fpA = fingerprint(before);
  const fpB = fingerprint(after);

  const out: CriterionSetDiff = {
    from: { id: before.id, fingerprint: fpA, effectiveFrom: before.effectiveFrom },
    to: { id: after.id, fingerprint: fpB, effectiveFrom: after.effectiveFrom },
    context: ctx,
    identical: fpA === fpB,
    indicators: { added: [], removed: [], renamed: [], changed: [] },
    requirements: { tightened: [], loosened: [], nowKnown: [], nowUnknown: [], changed: [] },
    criteria: { added: [], removed: [], renamed: [], changed: [] },
    conditions: { added: [], removed: [], renamed: [], changed: [] },
    regionOverrides: { added: [], removed: [], changed: [] },
    set: [],
    series: seriesStep(before, after) ?? null,
  };
  const acrossPeriods = out.series !== null && !out.series.comparableByNumber;
  const addRequirementChange = (c: RequirementChange | null): void => {
    if (!c) return;
    const bucket = { tightened: 'tightened', loosened: 'loosened', 'now-known': 'nowKnown', 'now-unknown': 'nowUnknown', changed: 'changed' } as const;
    out.requirements[bucket[c.change]].push(c);
  };

  // Criteria and their indicators.
  const critA = new Map(before.criteria.map((c) => [c.number, c]));
  const critB = new Map(after.criteria.map((c) => [c.number, c]));
  for (const [n, cb] of critB) {
    const ca = acrossPeriods ? undefined : critA.get(n);
    if (!ca) out.criteria.added.push(n);
    else {
      const r = renameOf(n, ca, cb, ca.source, cb.source);
      if (r) out.criteria.renamed.push(r);
      for (const field of ['group', 'indicatorList', 'source', 'notes'] as const) pushFieldChange(out.criteria.changed, n, field, ca[field], cb[field]);
    }
  }
  for (const n of critA.keys()) if (acrossPeriods || !critB.has(n)) out.criteria.removed.push(n);

  const indA = indicatorsByCode(before);
  const indB = indicatorsByCode(after);
  for (const [code, { indicator: ib, criterion }] of indB) {
    const hit = indA.get(code);
    if (!hit) {
      out.indicators.added.push(presence(ib, criterion, ctx));
      continue;
    }
    const ia = hit.indicator;
    const r = renameOf(code, ia, ib, ia.source, ib.source);
    if (r) out.indicators.renamed.push(r);
    for (const field of ['measure', 'applicability', 'source', 'notes'] as const) pushFieldChange(out.indicators.changed, code, field, ia[field], ib[field]);
    addRequirementChange(requirementChange('indicator', code, null, ia.requirement, ib.requirement, ia.measure.unit, ib.measure.unit, ia.source, ib.source, ctx));
  }
  for (const [code, { indicator: ia, criterion }] of indA) {
    if (indB.has(code)) continue;
    const complete = critB.get(criterion.number)?.indicatorList === 'complete';
    out.indicators.removed.push({ ...presence(ia, criterion, ctx), reason: complete ? 'removed' : 'not-listed' });
  }

  // Conditions (district and model sets).
  const condA = new Map((before.conditions ?? []).map((c) => [c.id, c]));
  const condB = new Map((after.conditions ?? []).map((c) => [c.id, c]));
  for (const [id, cb] of condB) {
    const ca = condA.get(id);
    if (!ca) {
      out.conditions.added.push(id);
      continue;
    }
    const r = renameOf(id, ca, cb, ca.source, cb.source);
    if (r) out.conditions.renamed.push(r);
    for (const field of ['kind', 'source', 'notes'] as const) pushFieldChange(out.conditions.changed, id, field, ca[field], cb[field]);
    pushFieldChange(out.conditions.changed, id, 'target', conditionTarget(ca), conditionTarget(cb));
    const reqA = new Map(conditionRequirements(ca).map((x) => [x.field, x]));
    for (const rb of conditionRequirements(cb)) {
      const ra = reqA.get(rb.field);
      if (!ra) continue;
      const unit = conditionUnit(cb, rb.measure);
      addRequirementChange(requirementChange('condition', id, rb.field, ra.spec, rb.spec, conditionUnit(ca, ra.measure), unit, ca.source, cb.source, ctx));
    }
  }
  for (const id of condA.keys()) if (!condB.has(id)) out.conditions.removed.push(id);

  // Region-override classes.
  const ovA = new Map((columnDimension(before, 'region')?.overrides ?? []).map((o) => [o.class, o]));
  const ovB = new Map((columnDimension(after, 'region')?.overrides ?? []).map((o) => [o.class, o]));
  for (const [cls, ob] of ovB) {
    const oa = ovA.get(cls);
    if (!oa) out.regionOverrides.added.push(cls);
    else for (const field of ['nameVi', 'nameEn', 'column', 'source'] as const) pushFieldChange(out.regionOverrides.changed, cls, field, oa[field], ob[field]);
  }
  for (const cls of ovA.keys()) if (!ovB.has(cls)) out.regionOverrides.removed.push(cls);

  // Everything else at the top level.
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !TOP_LEVEL_SKIPPED.has(k)).sort();
  for (const k of keys) pushFieldChange(out.set, k, k, (before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]);
  return out;
}

function indicatorsByCode(set: CriterionSet): Map<string, { indicator: Indicator; criterion: Criterion }> {
  const m = new Map<string, { indicator: Indicator; criterion: Criterion }>();
  for (const criterion of set.criteria) for (const indicator of criterion.indicators) m.set(indicator.code, { indicator, criterion });
  return m;
}

function presence(ind: Indicator, criterion: Criterion, ctx: RequirementContext): IndicatorPresence {
  return {
    code: ind.code,
    criterion: criterion.number,
    nameVi: ind.nameVi,
    nameEn: ind.nameEn,
    requirement: resolveRequirement(ind.requirement, ctx, ind.measure.unit),
    source: ind.source,
  };
}

function renameOf(
  code: string,
  a: { nameVi: string | null; nameEn: string },
  b: { nameVi: string | null; nameEn: string },
  beforeSource: Source,
  afterSource: Source,
): Rename | null {
  if (a.nameVi === b.nameVi && a.nameEn === b.nameEn) return null;
  return { code, before: { nameVi: a.nameVi, nameEn: a.nameEn }, after: { nameVi: b.nameVi, nameEn: b.nameEn }, beforeSource, afterSource };
}

function pushFieldChange(into: FieldChange[], code: string, field: string, before: unknown, after: unknown): void {
  if (same(before, after)) return;
  into.push({ code, field, before: before ?? null, after: after ?? null });
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** What a condition is about besides its requirement: the level or subject it counts. */
function conditionTarget(c: Condition): string | null {
  if (c.kind === 'share-of-communes' || c.kind === 'meets-set') return c.level;
  if (c.kind === 'count') return c.subject;
  return null;
}

function conditionUnit(c: Condition, measure: Measure['type']): string | null {
  if (c.kind === 'income-vs-reference') return measure === 'amount' && c.unit !== null ? c.unit : '%';
  return measure === 'percent' ? '%' : null;
}

function otherColumns(ctx: RequirementContext): string {
  return ctx.region === null ? 'values for some regions or years changed' : `values for regions other than ${ctx.region}, or for other years, changed`;
}

/** A `changed` detail in Vietnamese (the detail field itself stays English, as before). */
function detailVi(detail: string, ctx: RequirementContext): string {
  if (detail === otherColumns(ctx)) return ctx.region === null ? 'giá trị ở một số vùng hoặc năm thay đổi' : `giá trị ở các vùng khác ${ctx.region} hoặc ở năm khác thay đổi`;
  const words: Record<string, string> = {
    'still unknown; its note changed': 'vẫn chưa rõ ngưỡng; ghi chú thay đổi',
    'the kind or operator of the requirement changed': 'loại hoặc toán tử của yêu cầu thay đổi',
    'the same level, with another source or wording': 'cùng mức, khác nguồn hoặc cách ghi',
  };
  return words[detail] ?? detail;
}

/**
 * Classifies one requirement's change, or `null` when nothing about it differs. The resolved
 * requirements decide tightened / loosened / now known / now unknown (via `compareStrictness`);
 * a change elsewhere in the spec (another column or year, a source) is reported as `changed`.
 */
function requirementChange(
  scope: RequirementChange['scope'],
  code: string,
  field: ConditionRequirementField | null,
  specA: RequirementSpec,
  specB: RequirementSpec,
  unitA: string | null,
  unitB: string | null,
  ownerSourceA: Source,
  ownerSourceB: Source,
  ctx: RequirementContext,
): RequirementChange | null {
  if (same(specA, specB) && unitA === unitB) return null;
  const before = resolveRequirement(specA, ctx, unitA);
  const after = resolveRequirement(specB, ctx, unitB);
  let change: RequirementChangeKind;
  let detail: string | null = null;
  if (before.kind === 'unknown' && after.kind !== 'unknown') change = 'now-known';
  else if (before.kind !== 'unknown' && after.kind === 'unknown') change = 'now-unknown';
  else {
    const strictness = compareStrictness(before, after);
    if (strictness === 'stricter') change = 'tightened';
    else if (strictness === 'looser') change = 'loosened';
    else {
      change = 'changed';
      if (before.kind === 'unknown' && after.kind === 'unknown') {
        detail = hasKnownValue(specA) || hasKnownValue(specB) ? otherColumns(ctx) : 'still unknown; its note changed';
      }
      else if (strictness === 'incomparable') detail = 'the kind or operator of the requirement changed';
      else if (!same(before, after)) detail = 'the same level, with another source or wording';
      else detail = otherColumns(ctx);
    }
  }
  const words = CHANGE_WORDS[change];
  const label = field === null || field === 'requirement' ? code : `${code} (${field})`;
  return {
    scope,
    code,
    field,
    change,
    before,
    after,
    beforeSource: 'source' in before ? before.source : ownerSourceA,
    afterSource: 'source' in after ? after.source : ownerSourceB,
    detail,
    // The same requirement text on both sides is no change to show with an arrow: say what changed.
    textVi: before.textVi === after.textVi && detail !== null ? `${label}: ${after.textVi} (${words.vi}: ${detailVi(detail, ctx)})` : `${label}: ${before.textVi} → ${after.textVi} (${words.vi})`,
    textEn: before.textEn === after.textEn && detail !== null ? `${label}: ${after.textEn} (${words.en}: ${detail})` : `${label}: ${before.textEn} → ${after.textEn} (${words.en})`,
  };
}
