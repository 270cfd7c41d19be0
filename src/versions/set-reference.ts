import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError, issue, type NtmIssue } from '../errors.js';
import { foldText } from '../evaluate/words.js';
import { getCriterionSet, listCriterionSets, loadCriterionSet } from '../rules/registry.js';
import { criterionSetInForce, isInForce } from '../rules/in-force.js';

/** How {@link findCriterionSet} reads a reference, besides the reference itself. */
export interface SetReferenceOptions {
  /** The version in force on this date (ISO `yyyy-MM-dd`): for a kind or a decision number. */
  date?: string;
  /** A kind to prefer when a decision number names versions of several kinds (211/QĐ-TTg amends three). */
  kind?: string;
  /** Your own sets (calibrated, edited): found by id before the bundled ones. */
  sets?: readonly CriterionSet[];
}

/** How a reference was read: by id, by kind and date, or by decision number. */
export type SetReferenceKind = 'id' | 'kind' | 'decision';

/**
 * The criterion set a person names: a set id (`dak-nong/commune-ntm/2022`), a kind and a date
 * (`dak-nong/commune-ntm` on `2024-06-30`, the version in force then — across programme periods
 * by the series), or the number of the decision that issued or amended it (`1037/QĐ-UBND`,
 * `211/QĐ-TTg` — the versions an amendment made; case, spaces and accents do not matter). A decision with several versions is read
 * at `date`; without one, the version it issued (not a later amendment), or the one it amended.
 * Throws `UNKNOWN_SET` when nothing matches and `INVALID_INPUT` when the reference is ambiguous.
 *
 * @example findCriterionSet('1037/QĐ-UBND').set.id // 'dak-nong/commune-ntm/2022'
 * @example findCriterionSet('1037/QD-UBND', { date: '2024-06-30' }).set.id // 'dak-nong/commune-ntm/2024'
 */
export function findCriterionSet(reference: string, options: SetReferenceOptions = {}): { set: CriterionSet; by: SetReferenceKind } {
  const own = (options.sets ?? []).map((s) => loadCriterionSet(s));
  const ownHit = own.find((s) => s.id === reference);
  const date = options.date;
  if (ownHit) return { set: checkedInForce(ownHit, date), by: 'id' };
  const summaries = listCriterionSets();
  if (summaries.some((s) => s.id === reference)) return { set: checkedInForce(getCriterionSet(reference), date), by: 'id' };
  if (summaries.some((s) => s.kind === reference) || own.some((s) => s.kind === reference)) {
    if (date === undefined) throw refError('INVALID_INPUT', issue('kind-without-date', [], { reference }));
    return { set: criterionSetInForce(reference, date, { sets: own }), by: 'kind' };
  }
  const wanted = decisionKey(reference);
  const all = [...own, ...summaries.filter((s) => !own.some((o) => o.id === s.id)).map((s) => getCriterionSet(s.id))];
  const issued = all.filter((s) => decisionKey(s.legalBasis.number) === wanted);
  // An amendment is recorded in the versions it made (`basedOn`, after the decisions of the first version).
  const first = new Map<string, CriterionSet>();
  for (const s of all) if (!first.has(s.kind) || s.effectiveFrom < first.get(s.kind)!.effectiveFrom) first.set(s.kind, s);
  const names = (refs: ReadonlyArray<{ number: string }>): boolean => refs.some((a) => decisionKey(a.number) === wanted);
  const amended = all.filter((s) => !issued.includes(s) && names(s.basedOn) && !names(first.get(s.kind)!.basedOn));
  let hits = [...issued, ...amended];
  if (hits.length === 0) throw refError('UNKNOWN_SET', issue('unknown-set', [], { reference }));
  const kinds = [...new Set(hits.map((s) => s.kind))];
  if (kinds.length > 1 && options.kind !== undefined && kinds.includes(options.kind)) hits = hits.filter((s) => s.kind === options.kind);
  const left = [...new Set(hits.map((s) => s.kind))];
  if (left.length > 1) {
    throw refError('INVALID_INPUT', issue('ambiguous-set', [], { reference, kinds: left }));
  }
  if (date !== undefined) {
    const inForce = hits.filter((s) => isInForce(s, date));
    if (inForce.length === 0) {
      throw refError('NO_SET_IN_FORCE', issue('no-set-in-force', [], { reference: `"${reference}"`, date, versions: hits.map((s) => `${s.id}: ${s.effectiveFrom} – ${s.effectiveTo ?? '…'}`) }));
    }
    return { set: latest(inForce), by: 'decision' };
  }
  // Without a date: the decision as issued, else the version its amendment made.
  const chosen = issued.filter((s) => hits.includes(s));
  return { set: earliest(chosen.length > 0 ? chosen : hits), by: 'decision' };
}

/** A decision number folded for comparison: `1037/QĐ-UBND`, `1037/qd-ubnd` and `1037 / QĐ-UBND` are one. */
function decisionKey(n: string): string {
  return foldText(n).replace(/\s+/g, '');
}

function checkedInForce(set: CriterionSet, date: string | undefined): CriterionSet {
  if (date !== undefined && !isInForce(set, date)) {
    throw refError('NO_SET_IN_FORCE', issue('no-set-in-force', [], { reference: set.id, date, versions: [`${set.effectiveFrom} – ${set.effectiveTo ?? '…'}`] }));
  }
  return set;
}

const earliest = (sets: readonly CriterionSet[]): CriterionSet => [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
const latest = (sets: readonly CriterionSet[]): CriterionSet => [...sets].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]!;

function refError(code: 'UNKNOWN_SET' | 'INVALID_INPUT' | 'NO_SET_IN_FORCE', found: NtmIssue): NtmError {
  return new NtmError(code, [found], { message: `${code}: ${found.message}` });
}
