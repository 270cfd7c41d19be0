import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneInput, IndicatorInput } from '../schema/input.js';
import type { Plan } from '../schema/plan.js';
import type { CommuneResult, EvaluationErrorRecord } from '../schema/result.js';
import { WhatIfChangesSchema, WhatIfFileSchema, type WhatIfChanges, type WhatIfFile, type WhatIfResult } from '../schema/roadmap.js';
import { NtmError, issuesFromZod } from '../errors.js';
import { errorRecord } from '../evaluate/commune.js';
import { evaluateCommuneSync } from '../plan/evaluate.js';
import { findCommune } from '../plan/communes.js';
import { resolvePlan } from '../plan/registry.js';

/** Options of {@link whatIf}. */
export interface WhatIfOptions {
  /** The set the result was evaluated under, when it is not bundled (a calibrated or private set). */
  set?: string | CriterionSet;
  /** The plan to fill owners from again, when the result was evaluated with one. */
  plan?: string | Plan;
}

/**
 * The commune input a result was evaluated from, as far as the result keeps it: every value,
 * verdict and note, the criterion-level verdicts, the columns of its dimensions. Evaluating it again under
 * the same set gives the same result.
 *
 * @example evaluateCommuneSync(r.setId, inputFromResult(r)) // deep-equal to r
 */
export function inputFromResult(r: CommuneResult): CommuneInput {
  const indicators: Record<string, IndicatorInput> = {};
  for (const c of r.criteria) {
    for (const i of c.indicators) {
      if (i.value === null && i.verdict === null && i.note === undefined) continue;
      indicators[i.code] = { value: i.value, verdict: i.verdict, ...(i.note === undefined ? {} : { note: i.note }) };
    }
  }
  const criteria: Record<string, string> = {};
  for (const c of r.criteria) if (c.basis === 'verdict' && c.verdict !== null) criteria[c.number] = c.verdict;
  // The columns the commune had, as given (a default stays the set's default; a class's or a
  // derived column is given as the column, since the result keeps neither classes nor facts).
  const dimensions: Record<string, string> = {};
  if (r.dimensionBasis !== undefined) {
    for (const [id, how] of Object.entries(r.dimensionBasis)) {
      const value = r.dimensions[id];
      if (typeof value === 'string' && (how.basis === 'given' || how.basis === 'class' || how.basis === 'derived')) dimensions[id] = value;
    }
  }
  return {
    communeId: r.communeId,
    ...(r.name === undefined ? {} : { name: r.name }),
    year: r.year,
    ...(r.dimensionBasis === undefined ? (r.region === null ? {} : { region: r.region }) : Object.keys(dimensions).length > 0 ? { dimensions } : {}),
    indicators,
    ...(Object.keys(criteria).length > 0 ? { criteria } : {}),
  };
}

/**
 * Applies hypothetical values or verdicts to a result and evaluates again, without re-entering
 * the data: what the commune's status and each criterion's would become. `null` removes a value
 * or a verdict. With no changes, `after` equals `before`.
 *
 * @example
 * const w = whatIf(dakMol, { criteria: { '10': 'Đạt' } });
 * w.statusAfter // 'met'; w.criteria // [{ number: '10', before: 'not-met', after: 'met' }]
 */
export function whatIf(result: CommuneResult, changes: WhatIfChanges = {}, options: WhatIfOptions = {}): WhatIfResult {
  const parsed = WhatIfChangesSchema.safeParse(changes);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues, ['changes']));
  const input = inputFromResult(result);
  const indicators: Record<string, IndicatorInput> = { ...(input.indicators ?? {}) };
  for (const [code, v] of Object.entries(parsed.data.indicators ?? {})) {
    if (v === null) delete indicators[code];
    else indicators[code] = v;
  }
  const criteria: Record<string, string> = { ...(input.criteria ?? {}) };
  for (const [n, v] of Object.entries(parsed.data.criteria ?? {})) {
    if (v === null) delete criteria[n];
    else criteria[n] = v;
  }
  const set = options.set ?? result.setId;
  const after = evaluateCommuneSync(
    set,
    { ...input, indicators, ...(Object.keys(criteria).length > 0 ? { criteria } : { criteria: {} }) },
    options.plan === undefined ? {} : { plan: options.plan },
  );
  const changed = result.criteria
    .map((c, i) => ({ number: c.number, before: c.status, after: after.criteria[i]!.status }))
    .filter((c) => c.before !== c.after);
  return {
    communeId: result.communeId,
    before: result,
    after,
    statusBefore: result.status,
    statusAfter: after.status,
    criteria: changed,
    applied: { indicators: Object.keys(parsed.data.indicators ?? {}), criteria: Object.keys(parsed.data.criteria ?? {}) },
  };
}

/**
 * Applies a what-if file (changes by commune id, name or plan alias) to a batch: each result with
 * changes is evaluated again; entries without changes and error entries are kept as they are.
 * A change that cannot be applied becomes that entry's error record. Changes for a commune not in
 * the batch are an `INVALID_ARGUMENT` error.
 *
 * @example applyWhatIf(entries, { communes: { 'dak-mol': { criteria: { '10': 'Đạt' } } } })
 */
export function applyWhatIf(
  entries: ReadonlyArray<CommuneResult | EvaluationErrorRecord>,
  file: WhatIfFile,
  options: WhatIfOptions = {},
): { entries: Array<CommuneResult | EvaluationErrorRecord>; changes: WhatIfResult[] } {
  const parsed = WhatIfFileSchema.safeParse(file);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues));
  const plan = options.plan === undefined ? undefined : resolvePlan(options.plan);
  const keyOf = (s: string): string => (plan ? (findCommune(s, plan)?.id ?? s) : s);
  const byKey = new Map(Object.entries(parsed.data.communes).map(([k, v]) => [keyOf(k), { given: k, changes: v }]));
  const used = new Set<string>();
  const changes: WhatIfResult[] = [];
  const out = entries.map((entry, index) => {
    if ('error' in entry) return entry;
    const key = [keyOf(entry.communeId), entry.name === undefined ? undefined : keyOf(entry.name)].find((k) => k !== undefined && byKey.has(k));
    if (key === undefined) return entry;
    used.add(key);
    try {
      const w = whatIf(entry, byKey.get(key)!.changes, options);
      changes.push(w);
      return w.after;
    } catch (e) {
      return errorRecord(index, entry.communeId, e);
    }
  });
  const unused = [...byKey.entries()].filter(([k]) => !used.has(k));
  if (unused.length > 0) {
    throw new NtmError(
      'INVALID_ARGUMENT',
      unused.map(([, v]) => ({ code: 'unknown-commune', path: ['communes', v.given], message: `no result for commune "${v.given}" to apply the changes to` })),
    );
  }
  return { entries: out, changes };
}
