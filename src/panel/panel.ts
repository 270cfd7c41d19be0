import type { CommuneResult, EvaluationErrorRecord, Status } from '../schema/result.js';
import type { Plan } from '../schema/plan.js';
import type { Panel } from '../schema/panel.js';
import type { RecognitionRules } from '../schema/recognition.js';
import { NtmError, issue } from '../errors.js';
import { findCommune } from '../plan/communes.js';
import { resolvePlan } from '../plan/registry.js';
import { setSeries } from '../plan/work-list.js';
import { revocationRisk } from '../recognition/revocation.js';
import { stateOf } from '../evaluate/status.js';

/** Options of {@link comparePanel}. */
export interface PanelOptions {
  /** Communes already recognised (ids), whose revocation risk is computed each year; default: the plan's communes recognised in 2016-2021. */
  recognised?: readonly string[];
  /** A district plan, to match communes by name and alias and to know which are recognised. */
  plan?: string | Plan;
  rules?: string | RecognitionRules;
}

/**
 * Several years' results of the same communes side by side: per commune, each year's status and
 * the criteria gained (not met → met) and lost (met → not met) from one year to the next, with
 * moves to or from "undetermined" kept apart as uncertain; the years it fell out of standard; and,
 * for recognised communes, the revocation risk each year. Per criterion, how many communes meet it
 * each year and who gained or lost it. Results are matched by commune id (or plan name and alias);
 * two results of one commune for one year are an `INVALID_ARGUMENT` error.
 *
 * @example
 * const panel = comparePanel([...entries2022, ...entries2023], { plan: 'dak-song/2023' });
 * panel.fellOutOfStandard // [{ communeId: 'nam-n-jang', from: 2022, to: 2023, definite: true }]
 */
export function comparePanel(entries: ReadonlyArray<CommuneResult | EvaluationErrorRecord>, options: PanelOptions = {}): Panel {
  if (!Array.isArray(entries)) throw new NtmError('INVALID_ARGUMENT', [issue('not-an-array', ['entries'], { field: 'entries', of: 'evaluation results' })]);
  const plan = options.plan === undefined ? undefined : resolvePlan(options.plan);
  const keyOf = (r: { communeId: string; name?: string }): string =>
    (plan ? (findCommune(r.communeId, plan) ?? (r.name === undefined ? undefined : findCommune(r.name, plan)))?.id : undefined) ?? r.communeId;
  const recognised = new Set(
    (options.recognised ?? plan?.communes.filter((c) => c.statusAtStart === 'recognised-2016-2021').map((c) => c.id) ?? []).map((id) => keyOf({ communeId: id })),
  );
  const skipped: Panel['skipped'] = [];
  const byCommune = new Map<string, Map<number, { r: CommuneResult; index: number }>>();
  entries.forEach((entry: unknown, index) => {
    // One array per year is the natural slip: say how to pass it instead of failing on a field.
    if (Array.isArray(entry)) {
      throw new NtmError('INVALID_ARGUMENT', [
        issue('nested-array', ['entries', index], {}),
      ]);
    }
    if (entry === null || typeof entry !== 'object' || !('error' in entry || ('communeId' in entry && 'year' in entry && 'criteria' in entry))) {
      throw new NtmError('INVALID_ARGUMENT', [issue('not-a-result', ['entries', index], {})]);
    }
  });
  entries.forEach((entry, index) => {
    if ('error' in entry) {
      skipped.push({ index, ...(entry.communeId === undefined ? {} : { communeId: entry.communeId }), reason: `not evaluated: ${entry.error.code}` });
      return;
    }
    const key = keyOf(entry);
    const years = byCommune.get(key) ?? new Map<number, { r: CommuneResult; index: number }>();
    const prev = years.get(entry.year);
    if (prev) {
      throw new NtmError('INVALID_ARGUMENT', [
        issue('duplicate-commune', ['entries', index, 'communeId'], { commune: key, year: entry.year, first: prev.index }),
      ]);
    }
    years.set(entry.year, { r: entry, index });
    byCommune.set(key, years);
  });

  const allYears = [...new Set([...byCommune.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const rulesOption = options.rules === undefined ? {} : { rules: options.rules };
  const communes: Panel['communes'] = [];
  const criteriaIndex = new Map<string, Panel['criteria'][number]>();
  const fellOutOfStandard: Panel['fellOutOfStandard'] = [];

  for (const [key, yearMap] of byCommune) {
    const series = [...yearMap.values()].sort((a, b) => a.r.year - b.r.year).map((x) => x.r);
    const isRecognised = recognised.has(key);
    const last = series[series.length - 1]!;
    const commune: Panel['communes'][number] = {
      communeId: key,
      ...(last.name === undefined ? {} : { name: last.name }),
      recognised: isRecognised,
      years: series.map((r) => ({
        year: r.year,
        setId: r.setId,
        status: r.status,
        criteriaMet: r.criteriaMet,
        criteriaNotMet: r.criteriaNotMet,
        criteriaUndetermined: r.criteriaUndetermined,
        criteriaBasicallyMet: r.criteria.filter((c) => stateOf(c) === 'basically-met').length,
        ...(isRecognised ? { revocation: revocationRisk(r, rulesOption) } : {}),
      })),
      changes: [],
      fellOut: [],
    };
    for (const r of series) {
      for (const c of r.criteria) {
        const entry = criteriaIndex.get(c.number) ?? { number: c.number, nameVi: c.nameVi, nameEn: c.nameEn, byYear: allYears.map((year) => ({ year, met: 0, notMet: 0, undetermined: 0, basicallyMet: 0 })), gained: [], lost: [] };
        const y = entry.byYear.find((b) => b.year === r.year)!;
        if (c.status === 'met') y.met++;
        else if (c.status === 'not-met') y.notMet++;
        else y.undetermined++;
        if (stateOf(c) === 'basically-met') y.basicallyMet++;
        criteriaIndex.set(c.number, entry);
      }
    }
    for (let i = 1; i < series.length; i++) {
      const a = series[i - 1]!;
      const b = series[i]!;
      const comparable = setSeries(a.setId) === setSeries(b.setId);
      const change = { from: a.year, to: b.year, comparable, gained: [] as string[], lost: [] as string[], uncertain: [] as Array<{ number: string; before: Status; after: Status }> };
      if (comparable) {
        const before = new Map(a.criteria.map((c) => [c.number, c.status]));
        for (const c of b.criteria) {
          const was = before.get(c.number);
          if (was === undefined || was === c.status) continue;
          if (was === 'not-met' && c.status === 'met') change.gained.push(c.number);
          else if (was === 'met' && c.status === 'not-met') change.lost.push(c.number);
          else change.uncertain.push({ number: c.number, before: was, after: c.status });
        }
        for (const n of change.gained) criteriaIndex.get(n)?.gained.push({ communeId: key, from: a.year, to: b.year });
        for (const n of change.lost) criteriaIndex.get(n)?.lost.push({ communeId: key, from: a.year, to: b.year });
      }
      commune.changes.push(change);
      if (a.status === 'met' && b.status !== 'met') {
        const fell = { from: a.year, to: b.year, definite: b.status === 'not-met' };
        commune.fellOut.push(fell);
        fellOutOfStandard.push({ communeId: key, ...fell });
      }
    }
    communes.push(commune);
  }
  const criteria = [...criteriaIndex.values()].sort((x, y) => Number(x.number) - Number(y.number) || x.number.localeCompare(y.number));
  return { years: allYears, communes, criteria, fellOutOfStandard, skipped };
}
