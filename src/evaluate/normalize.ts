import { CommuneInputSchema, type CriterionVerdict, type RawValue, type Verdict } from '../schema/input.js';
import type { RegionCode } from '../schema/common.js';
import type { Indicator } from '../schema/criterion-set.js';
import type { Requirement } from '../schema/result.js';
import { NtmError, issuesFromZod, type NtmIssue } from '../errors.js';
import type { PreparedContext, PreparedSet } from './prepare.js';
import { parseDecimal, parseVerdict } from './words.js';

/** One indicator's data after normalisation. */
export interface NormalizedIndicator {
  value: number | boolean | null;
  verdict: Verdict | null;
  note?: string;
}

/** A commune input checked against a set: every code known, every value of the right type. */
export interface NormalizedInput {
  communeId: string;
  name?: string;
  year: number;
  region: RegionCode | null;
  context: PreparedContext;
  /** By flat indicator index; `undefined` where no data was given. */
  indicators: ReadonlyArray<NormalizedIndicator | undefined>;
  /** By criterion index. */
  criteria: ReadonlyArray<CriterionVerdict | undefined>;
}

/**
 * Validates a raw commune input against a prepared set and normalises it ("93,5" → 93.5,
 * "Không đạt" → `not-met`). Collects every problem, then throws one `INVALID_INPUT`
 * {@link NtmError} (or `YEAR_OUT_OF_RANGE` when only the year is wrong).
 */
export function normalizeInput(prepared: PreparedSet, raw: unknown): NormalizedInput {
  const parsed = CommuneInputSchema.safeParse(raw);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues));
  const input = parsed.data;
  const { set } = prepared;
  const issues: NtmIssue[] = [];

  const from = Number(set.effectiveFrom.slice(0, 4));
  const to = set.effectiveTo === undefined ? Infinity : Number(set.effectiveTo.slice(0, 4));
  if (input.year < from || input.year > to) {
    const span = set.effectiveTo === undefined ? `from ${set.effectiveFrom}` : `from ${set.effectiveFrom} to ${set.effectiveTo}`;
    throw new NtmError('YEAR_OUT_OF_RANGE', [
      { code: 'year-out-of-range', path: ['year'], message: `${set.id} is in force ${span}; year ${input.year} is outside it` },
    ]);
  }

  let region: RegionCode | null = input.region ?? set.region;
  if (input.region === undefined) {
    (input.classes ?? []).forEach((cls, i) => {
      const r = prepared.regionByClass.get(cls);
      if (r === undefined) {
        const known = [...prepared.regionByClass.keys()];
        issues.push({ code: 'unknown-class', path: ['classes', i], message: `class "${cls}" is not known to ${set.id}${known.length ? `; known: ${known.join(', ')}` : ''}` });
      } else region = r;
    });
  }
  const context = prepared.context(region, input.year);

  const indicators: Array<NormalizedIndicator | undefined> = new Array(prepared.indicators.length);
  for (const code of Object.keys(input.indicators)) {
    const path = ['indicators', code];
    const idx = prepared.indexByCode.get(code);
    if (idx === undefined) {
      issues.push({ code: 'unknown-indicator', path, message: `indicator "${code}" is not in ${set.id}` });
      continue;
    }
    const entry = input.indicators[code];
    if (entry === null || entry === undefined) continue;
    const ind = prepared.indicators[idx]!;
    const req = context.requirements[idx]!;
    let rawValue: RawValue | null | undefined;
    let verdict: Verdict | null = null;
    let note: string | undefined;
    if (typeof entry === 'object') {
      rawValue = entry.value;
      note = entry.note;
      if (entry.verdict !== undefined && entry.verdict !== null) {
        verdict = parseVerdict(entry.verdict);
        if (verdict === null) issues.push({ code: 'invalid-verdict', path: [...path, 'verdict'], message: `"${entry.verdict}" is not a verdict (Đạt / Không đạt / N/A, or met / not-met / not-applicable)` });
      }
    } else if (typeof entry === 'string' && parseVerdict(entry) !== null) {
      // A bare "Đạt" / "Không đạt" is how dossiers record an indicator: the agency's verdict.
      verdict = parseVerdict(entry);
    } else {
      rawValue = entry;
    }
    const valuePath = typeof entry === 'object' ? [...path, 'value'] : path;
    const value = rawValue === undefined || rawValue === null ? null : normalizeValue(ind, req, rawValue, valuePath, issues);
    if (value === null && verdict === null && note === undefined) continue;
    indicators[idx] = note === undefined ? { value, verdict } : { value, verdict, note };
  }

  const criteria: Array<CriterionVerdict | undefined> = new Array(prepared.criteria.length);
  for (const [number, word] of Object.entries(input.criteria ?? {})) {
    const path = ['criteria', number];
    const ci = prepared.criterionIndexByNumber.get(number);
    if (ci === undefined) {
      issues.push({ code: 'unknown-criterion', path, message: `criterion "${number}" is not in ${set.id}` });
      continue;
    }
    const v = parseVerdict(word);
    if (v === 'met' || v === 'not-met') criteria[ci] = v;
    else issues.push({ code: 'invalid-verdict', path, message: `a criterion verdict must be Đạt / Không đạt (met / not-met), got "${word}"` });
  }

  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);
  return {
    communeId: input.communeId,
    ...(input.name === undefined ? {} : { name: input.name }),
    year: input.year,
    region,
    context,
    indicators,
    criteria,
  };
}

/** Checks one value against the indicator's measure and requirement; pushes an issue and returns null if wrong. */
function normalizeValue(
  ind: Indicator,
  req: Requirement,
  raw: RawValue,
  path: Array<string | number>,
  issues: NtmIssue[],
): number | boolean | null {
  const t = ind.measure.type;
  const fail = (code: string, message: string): null => {
    issues.push({ code, path, message: `${ind.code}: ${message}` });
    return null;
  };
  if (t === 'category') return fail('wrong-type', 'a category indicator takes a verdict (Đạt / Không đạt), not a value');
  if (t === 'boolean' || (t === 'unknown' && req.kind === 'is-met')) {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string') {
      const v = parseVerdict(raw);
      if (v === 'met') return true;
      if (v === 'not-met') return false;
    }
    return fail('wrong-type', `expected true/false (Đạt / Không đạt), got ${JSON.stringify(raw)}`);
  }
  // Numeric measures, and unknown measures whose requirement is numeric or unknown.
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'boolean') {
    if (t === 'unknown' && req.kind === 'unknown') return raw;
    return fail('wrong-type', `expected a number, got ${raw}`);
  } else {
    const parsed = parseDecimal(raw, { allowPercentSign: t === 'percent' });
    if (parsed === null) return fail('not-a-number', `expected a number like 93.5 or "93,5", got ${JSON.stringify(raw)}`);
    n = parsed;
  }
  if (!Number.isFinite(n)) return fail('not-finite', `expected a finite number, got ${n}`);
  if (t === 'percent' && (n < 0 || n > 100)) return fail('out-of-range', `a percentage must lie in 0–100, got ${n}`);
  if ((t === 'count' || t === 'amount') && n < 0) return fail('out-of-range', `expected a non-negative ${t}, got ${n}`);
  if (t === 'count' && !Number.isInteger(n)) return fail('out-of-range', `a count must be a whole number, got ${n}`);
  return n;
}
