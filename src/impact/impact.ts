/**
 * What a change of rules does to a population of communes: the same data evaluated under two
 * sets, and for each commune the criteria and indicators whose outcome changes, each with the rule
 * change behind it (the entry of `diffCriterionSets`: tightened, loosened, now known …).
 */
import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneInput } from '../schema/input.js';
import type { CommuneResult, IndicatorResult, IndicatorStatus, Requirement, Status } from '../schema/result.js';
import { NtmError, issue } from '../errors.js';
import { evaluateCommuneSync } from '../evaluate/commune.js';
import { compareStrictness } from '../requirement/compare.js';
import { criterionSetInForce } from '../rules/in-force.js';
import { loadCriterionSet } from '../rules/registry.js';
import { seriesStep, type SeriesStep } from '../series/lineage.js';
import { diffCriterionSets, type CriterionSetDiff, type RequirementChange, type RequirementChangeKind } from '../versions/diff.js';
import { findCriterionSet } from '../versions/set-reference.js';
import { criterionState, type CriterionState } from '../cases/words.js';
import { t } from '../messages/index.js';

/** How a commune's standing changes between the two sets. */
/**
 * How a commune's standing changes between the two sets; `not-compared`: between periods numbered
 * differently, the data is of one period and gives no outcome under the other's set.
 */
export type StandingChange = 'gains' | 'loses' | 'changed' | 'unchanged' | 'not-compared';

/** The rule change behind a changed outcome. */
export interface RuleChange {
  /**
   * A requirement change as the diff classifies it; `added` / `removed`: the indicator is in one set
   * only; `indicator-list`: the criterion's list of indicators changed; `data-year`: the rules did
   * not change for this item, the year the data is evaluated at did; `none`: no rule change found.
   */
  readonly kind: RequirementChangeKind | 'added' | 'removed' | 'indicator-list' | 'data-year' | 'none';
  /** The diff entry, for a requirement change. */
  readonly diff: RequirementChange | null;
  readonly textVi: string;
  readonly textEn: string;
}

/** An indicator's outcome under one set: `valueOutcome` is what the value says when it contradicts the verdict that decides. */
export interface IndicatorOutcome {
  readonly status: IndicatorStatus;
  readonly requirement: Requirement;
  readonly shortfall: number | null;
  readonly valueOutcome: 'met' | 'not-met' | null;
}

/** One indicator whose outcome changes for a commune. */
export interface IndicatorFlip {
  readonly code: string;
  readonly before: IndicatorOutcome | null;
  readonly after: IndicatorOutcome | null;
  readonly cause: RuleChange;
}

/** One criterion whose state changes for a commune, with the indicators that flipped it. */
export interface CriterionFlip {
  readonly number: string;
  readonly before: CriterionState | null;
  readonly after: CriterionState | null;
  readonly indicators: readonly IndicatorFlip[];
  /** When no indicator explains the flip: the criterion-level change (its list of indicators), else `null`. */
  readonly cause: RuleChange | null;
}

/** A commune's outcome under one of the two sets. */
export interface CommuneStanding {
  readonly setId: string;
  /** The year the data was evaluated at: its own, or the first year of a set not in force in it. */
  readonly year: number;
  readonly status: Status | null;
  readonly criteriaMet: number;
  readonly criteriaNotMet: number;
  readonly criteriaUndetermined: number;
  /**
   * Codes of the data left out of this evaluation: the set does not list them, or (between periods
   * that number criteria differently) the data is of the other period and its codes mean other things.
   */
  readonly leftOut: readonly string[];
  /** Indicators whose value this set reads otherwise (a percentage become a yes/no): the value is left out, the verdict kept. */
  readonly valueLeftOut: readonly string[];
  /** Why the commune could not be evaluated under this set (its status is then `null`). */
  readonly error?: string;
}

/** What the change does to one commune. */
export interface CommuneImpact {
  readonly communeId: string;
  readonly name?: string;
  /** The year of the commune's data. */
  readonly year: number;
  readonly before: CommuneStanding;
  readonly after: CommuneStanding;
  readonly change: StandingChange;
  /** Criteria whose state changes (empty when the periods number their criteria differently). */
  readonly criteria: readonly CriterionFlip[];
  /**
   * Indicators whose status stands on the agency's verdict but whose value now agrees or disagrees
   * with it (a threshold became known, or changed): no outcome flips, yet a verdict is now contradicted.
   */
  readonly conflicts: readonly IndicatorFlip[];
}

/** The impact of going from one set to another on a population of communes. */
export interface Impact {
  readonly from: { readonly id: string; readonly decision: string; readonly effectiveFrom: string; readonly effectiveTo: string | null };
  readonly to: { readonly id: string; readonly decision: string; readonly effectiveFrom: string; readonly effectiveTo: string | null };
  /** Where the two sets stand in their series; `null` when no series lists both. */
  readonly series: SeriesStep | null;
  /**
   * What can be compared: `criteria` (same numbering: criteria and indicators by number and code),
   * or `status` only (periods that number criteria differently, such as 19 → 10: a criterion of
   * one is not the same-numbered criterion of the other).
   */
  readonly compared: 'criteria' | 'status';
  readonly communes: readonly CommuneImpact[];
  readonly totals: {
    readonly communes: number;
    readonly gain: number;
    readonly lose: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly notCompared: number;
    readonly notEvaluated: number;
    /** Commune × criterion flips. */
    readonly criteriaFlipped: number;
    /** By criterion number: how many communes it flips, and in which direction. */
    readonly byCriterion: ReadonlyArray<{ readonly number: string; readonly flips: number; readonly toMet: number; readonly fromMet: number }>;
  };
}

/** Options of {@link impactOf}. */
export interface ImpactOptions {
  /** Your own sets (calibrated, edited): a reference by id finds yours before the bundled ones. */
  sets?: readonly CriterionSet[];
  /** For a date given as `from` or `to` when the other side is a date too: the kind whose version in force is meant. */
  kind?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A side of the comparison: a set, an id, a decision number, or a date (the version in force then, of `kind`). */
function sideOf(ref: string | CriterionSet, kind: string | undefined, sets: readonly CriterionSet[]): CriterionSet {
  if (typeof ref !== 'string') return loadCriterionSet(ref);
  if (ISO_DATE.test(ref)) {
    if (kind === undefined) throw new NtmError('INVALID_ARGUMENT', [issue('date-without-kind', [], { date: ref })]);
    return criterionSetInForce(kind, ref, { sets });
  }
  return findCriterionSet(ref, { sets }).set;
}

/**
 * The impact of a change of rules on communes: each commune evaluated under `from` and `to`
 * (sets, ids, decision numbers such as `211/QĐ-TTg`, or a date: the version in force then, of the
 * other side's kind — across programme periods by the series). For each commune: its status under
 * each set, the criteria and indicators whose outcome changes, and the rule change behind each,
 * linked to the `diffCriterionSets` entry (resolved for the commune's own region and year). Data
 * of a year outside a set's span is evaluated at the set's first year (said in `year`); codes a set
 * does not list are left out of its evaluation (said in `leftOut`). Between periods that number
 * their criteria differently (19 → 10), only the communes' status is compared.
 *
 * @example
 * const impact = impactOf(communes, 'dak-nong/commune-ntm/2022', '2024-03-01');
 * impact.totals.lose // communes that no longer meet the set after 211/QĐ-TTg
 */
export function impactOf(communes: readonly CommuneInput[], from: string | CriterionSet, to: string | CriterionSet, options: ImpactOptions = {}): Impact {
  const sets = options.sets ?? [];
  const fixed = (r: string | CriterionSet) => typeof r !== 'string' || !ISO_DATE.test(r);
  let before = fixed(from) ? sideOf(from, undefined, sets) : undefined;
  let after = fixed(to) ? sideOf(to, undefined, sets) : undefined;
  before ??= sideOf(from, after?.kind ?? options.kind, sets);
  after ??= sideOf(to, before.kind, sets);
  const series = seriesStep(before, after) ?? null;
  const compared = series !== null && !series.comparableByNumber ? 'status' : 'criteria';
  const diffs = new Map<string, CriterionSetDiff>();
  const diffFor = (r: CommuneResult): CriterionSetDiff => {
    const region = (r.dimensions.region ?? r.region ?? null) as CommuneResult['region'];
    const key = `${region ?? ''}|${r.year}`;
    if (!diffs.has(key)) diffs.set(key, diffCriterionSets(before!, after!, { region, year: r.year }));
    return diffs.get(key)!;
  };

  const out: CommuneImpact[] = communes.map((input) => {
    // Between periods numbered differently the data belongs to the period of its year; under the
    // other period's set its codes would name other criteria, so none is carried over.
    const dataAfter = input.year >= Number(after!.effectiveFrom.slice(0, 4)) && compared === 'status';
    const a = evaluateUnder(before!, input, compared === 'criteria' || !dataAfter);
    const b = evaluateUnder(after!, input, compared === 'criteria' || dataAfter);
    const change = compared === 'status' ? 'not-compared' : standingChange(a.standing.status, b.standing.status);
    const criteria = compared === 'criteria' && a.result && b.result ? flips(a.result, b.result, diffFor(b.result), a.standing.year !== b.standing.year) : [];
    const conflicts = compared === 'criteria' && a.result && b.result ? conflictChanges(a.result, b.result, diffFor(b.result), a.standing.year !== b.standing.year) : [];
    return { communeId: input.communeId, ...(input.name === undefined ? {} : { name: input.name }), year: input.year, before: a.standing, after: b.standing, change, criteria, conflicts };
  });

  const byCriterion = new Map<string, { number: string; flips: number; toMet: number; fromMet: number }>();
  for (const c of out) {
    for (const f of c.criteria) {
      const e = byCriterion.get(f.number) ?? byCriterion.set(f.number, { number: f.number, flips: 0, toMet: 0, fromMet: 0 }).get(f.number)!;
      e.flips++;
      if (f.after === 'met') e.toMet++;
      if (f.before === 'met') e.fromMet++;
    }
  }
  const count = (k: StandingChange) => out.filter((c) => c.change === k && c.before.status !== null && c.after.status !== null).length;
  // A version's decision, with the amendments it carries (decisions it is based on, issued after it).
  const side = (s: CriterionSet) => ({
    id: s.id,
    decision: [s.legalBasis.number, ...s.basedOn.filter((b) => b.date > s.legalBasis.date).map((b) => b.number)].join(' + '),
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo ?? null,
  });
  return {
    from: side(before),
    to: side(after),
    series,
    compared,
    communes: out,
    totals: {
      communes: out.length,
      gain: count('gains'),
      lose: count('loses'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      notCompared: count('not-compared'),
      notEvaluated: out.filter((c) => c.before.status === null || c.after.status === null).length,
      criteriaFlipped: out.reduce((n, c) => n + c.criteria.length, 0),
      byCriterion: [...byCriterion.values()].sort((x, y) => Number(x.number) - Number(y.number) || x.number.localeCompare(y.number)),
    },
  };
}

function standingChange(a: Status | null, b: Status | null): StandingChange {
  if (a === b) return 'unchanged';
  if (b === 'met') return 'gains';
  if (a === 'met') return 'loses';
  return 'changed';
}

/** The year data is evaluated at under a set: its own when the set is in force in it, else the set's first (or last) year. */
function yearUnder(set: CriterionSet, year: number): number {
  const first = Number(set.effectiveFrom.slice(0, 4));
  const last = set.effectiveTo === undefined ? Infinity : Number(set.effectiveTo.slice(0, 4)) - (set.effectiveTo.slice(5) === '01-01' ? 1 : 0);
  return year < first ? first : year > last ? last : year;
}

function evaluateUnder(set: CriterionSet, input: CommuneInput, withData: boolean): { standing: CommuneStanding; result: CommuneResult | null } {
  const codes = new Set(set.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
  const numbers = new Set(set.criteria.map((c) => c.number));
  const leftOut: string[] = [];
  let indicators: Record<string, unknown> = Object.fromEntries(Object.entries(input.indicators ?? {}).filter(([k]) => (withData && codes.has(k)) || (leftOut.push(k), false)));
  const criteria = Object.fromEntries(Object.entries(input.criteria ?? {}).filter(([k]) => (withData && numbers.has(k)) || (leftOut.push(k), false)));
  const year = yearUnder(set, input.year);
  const base = { setId: set.id, year, leftOut };
  const unreadable: string[] = [];
  const run = () => evaluateCommuneSync(set, { ...input, year, indicators: indicators as CommuneInput['indicators'], ...(input.criteria ? { criteria } : {}) });
  try {
    let r: CommuneResult;
    try {
      r = run();
    } catch (e) {
      // A value the set reads otherwise (15.4 is a percentage under 1037, a yes/no after 211): the
      // agency's verdict is kept, the value is left out.
      const bad = e instanceof NtmError ? [...new Set(e.issues.filter((i) => i.path[0] === 'indicators' && typeof i.path[1] === 'string').map((i) => i.path[1] as string))] : [];
      if (bad.length === 0) throw e;
      indicators = { ...indicators };
      for (const code of bad) {
        const v = indicators[code];
        const verdict = v !== null && typeof v === 'object' ? (v as { verdict?: unknown }).verdict : undefined;
        if (typeof verdict === 'string') indicators[code] = { verdict };
        else delete indicators[code];
        unreadable.push(code);
      }
      r = run();
    }
    return { standing: { ...base, valueLeftOut: unreadable, status: r.status, criteriaMet: r.criteriaMet, criteriaNotMet: r.criteriaNotMet, criteriaUndetermined: r.criteriaUndetermined }, result: r };
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    return { standing: { ...base, valueLeftOut: unreadable, status: null, criteriaMet: 0, criteriaNotMet: 0, criteriaUndetermined: 0, error: e.message }, result: null };
  }
}

const outcome = (i: IndicatorResult | undefined) => (i === undefined ? null : { status: i.status, requirement: i.requirement, shortfall: i.shortfall, valueOutcome: i.conflict?.valueOutcome ?? null });

/** Indicators of the same status whose value now contradicts (or no longer contradicts) the verdict. */
function conflictChanges(a: CommuneResult, b: CommuneResult, diff: CriterionSetDiff, yearMoved: boolean): IndicatorFlip[] {
  const out: IndicatorFlip[] = [];
  for (const cb of b.criteria) {
    for (const ib of cb.indicators) {
      const ia = a.criteria.find((c) => c.number === cb.number)?.indicators.find((i) => i.code === ib.code);
      if (!ia || ia.status !== ib.status || (ia.conflict === undefined) === (ib.conflict === undefined)) continue;
      out.push({ code: ib.code, before: outcome(ia), after: outcome(ib), cause: causeOf(ib.code, ia, ib, diff, yearMoved) });
    }
  }
  return out;
}

function sameRequirement(a: Requirement, b: Requirement): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'compare' && b.kind === 'compare' ? a.operator === b.operator && a.value === b.value : true;
}


function ruleChange(kind: RuleChange['kind'], diff: RequirementChange | null, detail?: { vi: string; en: string }): RuleChange {
  const w = { vi: t(`impact.rule.${kind}`, {}, 'vi'), en: t(`impact.rule.${kind}`, {}, 'en') };
  if (diff) {
    const sources = diff.beforeSource.decision === diff.afterSource.decision ? diff.afterSource.decision : `${diff.beforeSource.decision} → ${diff.afterSource.decision}`;
    return { kind, diff, textVi: `${diff.textVi} [${sources}]`, textEn: `${diff.textEn} [${sources}]` };
  }
  return { kind, diff: null, textVi: detail ? `${w.vi}: ${detail.vi}` : w.vi, textEn: detail ? `${w.en}: ${detail.en}` : w.en };
}

/** Why an indicator's outcome changed: the diff's entry for it, else what the two results show. */
function causeOf(code: string, a: IndicatorResult | undefined, b: IndicatorResult | undefined, diff: CriterionSetDiff, yearMoved: boolean): RuleChange {
  if (!a) return ruleChange('added', null);
  if (!b) return ruleChange('removed', null);
  const entry = Object.values(diff.requirements).flat().find((c) => c.scope === 'indicator' && c.code === code);
  if (entry) return ruleChange(entry.change, entry);
  if (!sameRequirement(a.requirement, b.requirement)) {
    // The diff compares one column and year; this commune's requirement changed elsewhere (a year-dependent value).
    const s = a.requirement.kind === 'unknown' ? 'now-known' : b.requirement.kind === 'unknown' ? 'now-unknown' : compareStrictness(a.requirement, b.requirement);
    const kind: RuleChange['kind'] = s === 'stricter' ? 'tightened' : s === 'looser' ? 'loosened' : s === 'now-known' || s === 'now-unknown' ? s : 'changed';
    return ruleChange(kind, null, { vi: `${a.requirement.textVi} → ${b.requirement.textVi}`, en: `${a.requirement.textEn} → ${b.requirement.textEn}` });
  }
  return ruleChange(yearMoved ? 'data-year' : 'none', null);
}

function flips(a: CommuneResult, b: CommuneResult, diff: CriterionSetDiff, yearMoved: boolean): CriterionFlip[] {
  const out: CriterionFlip[] = [];
  const numbers = [...new Set([...a.criteria.map((c) => c.number), ...b.criteria.map((c) => c.number)])];
  for (const n of numbers) {
    const ca = a.criteria.find((c) => c.number === n);
    const cb = b.criteria.find((c) => c.number === n);
    const sa = ca ? criterionState(ca) : null;
    const sb = cb ? criterionState(cb) : null;
    const codes = [...new Set([...(ca?.indicators ?? []).map((i) => i.code), ...(cb?.indicators ?? []).map((i) => i.code)])];
    const indicators: IndicatorFlip[] = [];
    for (const code of codes) {
      const ia = ca?.indicators.find((i) => i.code === code);
      const ib = cb?.indicators.find((i) => i.code === code);
      if (ia && ib && ia.status === ib.status) continue;
      indicators.push({ code, before: outcome(ia), after: outcome(ib), cause: causeOf(code, ia, ib, diff, yearMoved) });
    }
    if (sa === sb) continue;
    const listChange = diff.criteria.changed.find((f) => f.code === n && f.field === 'indicatorList');
    const cause = indicators.length > 0 ? null : listChange ? ruleChange('indicator-list', null, { vi: `${String(listChange.before)} → ${String(listChange.after)}`, en: `${String(listChange.before)} → ${String(listChange.after)}` }) : ruleChange(yearMoved ? 'data-year' : 'none', null);
    out.push({ number: n, before: sa, after: sb, indicators, cause });
  }
  return out;
}
