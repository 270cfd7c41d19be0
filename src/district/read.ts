/** Reading district and model-commune data: verdict words, percentages, amounts, outcomes of other sets. */
import type { CriterionSet } from '../schema/criterion-set.js';
import { type NtmIssue } from '../errors.js';
import { getCriterionSet, listCriterionSets } from '../rules/registry.js';
import { parseDecimal } from '../evaluate/index.js';
import { verdictOf } from '../mechanisms/verdict.js';

/** Reads an official verdict (one reading for every condition language): see the mechanism. */
export { verdictOf };
import type { CommuneOutcome } from './schema.js';


/** Checks that outcomes come from a set of the expected level (when the set is bundled) and year. */
export function checkOutcomes(
  outcomes: readonly CommuneOutcome[],
  path: Array<string | number>,
  level: string,
  year: number,
  issues: NtmIssue[],
  indexed = true,
): void {
  const bundled = new Set(listCriterionSets().map((s) => s.id));
  outcomes.forEach((o, i) => {
    const at = indexed ? [...path, i] : path;
    // Calibrated or private sets are not in the registry; their level cannot be checked here.
    if (bundled.has(o.setId)) {
      const actual = getCriterionSet(o.setId).level;
      if (actual !== level) issues.push({ code: 'wrong-set-level', path: [...at, 'setId'], message: `expected a result under a ${level} set, got ${o.setId} (${actual})` });
    }
    if (o.year !== year) issues.push({ code: 'wrong-year', path: [...at, 'year'], message: `result for ${o.year}, the evaluation is for ${year}` });
  });
}

export function conditionVerdicts(set: CriterionSet, raw: Record<string, string | boolean> | undefined, issues: NtmIssue[]): Record<string, 'met' | 'not-met'> {
  const out: Record<string, 'met' | 'not-met'> = {};
  const ids = new Set((set.conditions ?? []).map((c) => c.id));
  for (const [id, word] of Object.entries(raw ?? {})) {
    if (!ids.has(id)) {
      issues.push({ code: 'unknown-condition', path: ['conditions', id], message: `condition "${id}" is not in ${set.id}` });
      continue;
    }
    const v = verdictOf(word, ['conditions', id], issues);
    if (v !== null) out[id] = v;
  }
  return out;
}

export function percentOf(raw: number | string, path: Array<string | number>, issues: NtmIssue[]): number | undefined {
  const n = typeof raw === 'number' ? raw : parseDecimal(raw, { allowPercentSign: true });
  if (n === null || !Number.isFinite(n) || n < 0 || n > 100) {
    issues.push({ code: 'out-of-range', path, message: `expected a percentage in 0–100, got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return n;
}

export function amountOf(raw: number | string, path: Array<string | number>, issues: NtmIssue[]): number | undefined {
  const n = typeof raw === 'number' ? raw : parseDecimal(raw);
  if (n === null || !Number.isFinite(n) || n < 0) {
    issues.push({ code: 'not-a-number', path, message: `expected a non-negative number like 52.5 or "52,5", got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return n;
}

