import { issue } from '../errors.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import type { SetPatch } from '../schema/patch.js';
import type { NtmIssue } from '../errors.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON merge patch (RFC 7386): objects merge key by key, `null` removes, anything else replaces.
 *
 * @example mergePatch({ a: { b: 1, c: 2 } }, { a: { c: null, d: 3 } }) // { a: { b: 1, d: 3 } }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Json = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The fields an indicator added by a patch must give (`nameVi` may be `null`: no source gives it). */
const NEW_INDICATOR_FIELDS = ['nameVi', 'nameEn', 'measure', 'requirement', 'source'] as const;

/** Order of indicator codes within a criterion: 17.2 before 17.10. */
function codeOrder(a: string, b: string): number {
  const [, x = '0'] = a.split('.');
  const [, y = '0'] = b.split('.');
  return Number(x) - Number(y);
}

function replaceFields(entry: Json, fields: Json): Json {
  const out: Json = { ...entry };
  for (const [k, v] of Object.entries(fields)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * The amended version as plain data (to be validated as a set): `patch` applied to `base`. Entries
 * the base does not have are issues at their path in the patch.
 *
 * @example applySetPatch(getCriterionSet('dak-nong/commune-ntm/2022'), patch211).data.id // 'dak-nong/commune-ntm/2024'
 */
export function applySetPatch(base: CriterionSet, patch: SetPatch): { data: Json; issues: NtmIssue[] } {
  const issues: NtmIssue[] = [];
  const { $schema: _hint, ...content } = base as CriterionSet & { $schema?: string };
  let data = mergePatch(JSON.parse(JSON.stringify(content)), patch.set) as Json;
  data.id = patch.id;
  if (patch.kind !== undefined) data.kind = patch.kind;
  if (!Object.hasOwn(patch.set, 'basedOn')) data.basedOn = [...base.basedOn, patch.amendment];
  const criteria: Json[] = (data.criteria as Json[]).map((c) => ({ ...c, indicators: [...(c.indicators as Json[])] }));
  const seenCriteria = new Set<string>();
  const seenIndicators = new Set<string>();
  criteria.forEach((c, ci) => {
    const fields = Object.hasOwn(patch.criteria, c.number as string) ? patch.criteria[c.number as string] : undefined;
    if (fields) {
      seenCriteria.add(c.number as string);
      criteria[ci] = { ...replaceFields(c, fields), indicators: Object.hasOwn(fields, 'indicators') ? (fields.indicators as Json[]) : c.indicators };
    }
    const inds = criteria[ci]!.indicators as Json[];
    inds.forEach((ind, ii) => {
      const f = Object.hasOwn(patch.indicators, ind.code as string) ? patch.indicators[ind.code as string] : undefined;
      if (f) {
        seenIndicators.add(ind.code as string);
        inds[ii] = replaceFields(ind, f);
      }
    });
  });
  for (const code of Object.keys(patch.indicators)) {
    if (seenIndicators.has(code)) continue;
    const fields = patch.indicators[code]!;
    const missing = NEW_INDICATOR_FIELDS.filter((k) => !Object.hasOwn(fields, k) || (fields[k] === null && k !== 'nameVi'));
    const number = code.split('.')[0]!;
    const criterion = criteria.find((c) => c.number === number);
    if (!criterion || missing.length > 0) {
      issues.push(issue('unknown-indicator', ['indicators', code], { code, set: base.id, ...(criterion ? { fields: missing } : { criterion: number }) }));
      continue;
    }
    // `null` removes a field elsewhere in a patch; in a new indicator only `nameVi` may be null (no source gives it).
    const added: Json = { code, ...Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== null || k === 'nameVi')) };
    const inds = criterion.indicators as Json[];
    const at = inds.findIndex((i) => codeOrder(i.code as string, code) > 0);
    inds.splice(at === -1 ? inds.length : at, 0, added);
  }
  data = { ...data, criteria };
  for (const n of Object.keys(patch.criteria)) if (!seenCriteria.has(n)) issues.push(issue('unknown-criterion', ['criteria', n], { number: n, set: base.id }));
  if (Object.keys(patch.conditions).length > 0) {
    const conditions = ((data.conditions as Json[] | undefined) ?? []).map((c) => {
      const f = Object.hasOwn(patch.conditions, c.id as string) ? patch.conditions[c.id as string] : undefined;
      return f ? replaceFields(c, f) : c;
    });
    const ids = new Set(conditions.map((c) => c.id));
    for (const id of Object.keys(patch.conditions)) if (!ids.has(id)) issues.push(issue('unknown-condition', ['conditions', id], { condition: id, set: base.id }));
    data.conditions = conditions;
  }
  return { data, issues };
}
