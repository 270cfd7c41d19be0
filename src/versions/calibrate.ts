import { defaultRegion } from '../rules/dimensions.js';
import {
  conditionRequirements,
  requirementProblems,
  selectionProblems,
  type Condition,
  type CriterionSet,
  type CriterionSetInput,
  type SetKind,
} from '../schema/criterion-set.js';
import type { RequirementSpec } from '../schema/requirement.js';
import {
  CalibrationOverlaySchema,
  KindOverlaySchema,
  type CalibrationOverlayInput,
  type OverlayAbout,
} from '../schema/overlay.js';
import { NtmError, formatPath, issuesFromZod, type NtmIssue, issue } from '../errors.js';
import { resolveRequirement } from '../requirement/resolve.js';
import { listCriterionSets, resolveSet } from '../rules/registry.js';
import { parseRuleText, readRuleData } from '../rules/load.js';
import { upgradeLegacyOverlay } from '../rules/legacy.js';
import { loadCriterionSet } from '../rules/registry.js';
import { fingerprint } from './fingerprint.js';
import { getSetKindWithoutVersions } from './kinds.js';
import { hasKnownValue, unknownParts } from './unknowns.js';

/** The template for a kind known only by name: the whole set, to be filled from the decision text. */
export interface KindCalibrationTemplate {
  base: string;
  set: Record<string, unknown>;
}

/** What {@link calibrationTemplate} returns: an overlay to fill (or, for a kind without versions, a set to fill). */
export type CalibrationTemplate = CalibrationOverlayInput | KindCalibrationTemplate;

/**
 * A calibration overlay listing everything the set does not know — each indicator whose wording
 * or requirement is unknown (code, wording, measure, unit, what is unknown), each condition
 * requirement that is unknown, and every criterion (names may be corrected) — ready to be
 * filled from the decision text and passed to {@link calibrate}. For a kind known only by name
 * (model residential area, model garden) it is the whole set to fill.
 *
 * @example
 * const t = calibrationTemplate('dak-nong/commune-ntm/2022');
 * t.indicators['17.1'].about.unknown // ['requirement']
 */
export function calibrationTemplate(setOrKind: string | CriterionSet): CalibrationTemplate {
  if (typeof setOrKind === 'string') {
    const kind = getSetKindWithoutVersions(setOrKind);
    if (kind) return kindTemplate(kind);
  }
  const set = resolveSet(setOrKind);
  const year = Number(set.effectiveFrom.slice(0, 4));
  const describe = (spec: RequirementSpec, unit: string | null): string => resolveRequirement(spec, { region: defaultRegion(set), year }, unit).textEn;
  const indicators: Record<string, { about: OverlayAbout; requirement: RequirementSpec }> = {};
  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      const unknown = [...(ind.nameVi === null ? ['wording'] : []), ...unknownParts(ind.requirement, set.dimensions)];
      if (unknown.length === 0) continue;
      indicators[ind.code] = {
        about: { criterion: c.number, nameVi: ind.nameVi, nameEn: ind.nameEn, measure: ind.measure, currently: describe(ind.requirement, ind.measure.unit), unknown },
        requirement: hasKnownValue(ind.requirement) ? ind.requirement : { kind: 'unknown' },
      };
    }
  }
  const criteria: Record<string, { about: OverlayAbout }> = {};
  for (const c of set.criteria) {
    criteria[c.number] = {
      about: { nameVi: c.nameVi, nameEn: c.nameEn, ...(c.indicatorList === 'complete' ? {} : { unknown: [`indicator list ${c.indicatorList}`] }) },
    };
  }
  const conditions: Record<string, Record<string, unknown>> = {};
  for (const cond of set.conditions ?? []) {
    const fields = conditionRequirements(cond).filter((f) => unknownParts(f.spec, set.dimensions).length > 0);
    if (fields.length === 0) continue;
    const entry: Record<string, unknown> = {
      about: { nameVi: cond.nameVi, nameEn: cond.nameEn, unknown: fields.flatMap((f) => unknownParts(f.spec, set.dimensions).map((p) => `${f.field}: ${p}`)) },
    };
    for (const f of fields) entry[f.field] = hasKnownValue(f.spec) ? f.spec : { kind: 'unknown' };
    conditions[cond.id] = entry;
  }
  return {
    base: set.id,
    baseFingerprint: fingerprint(set),
    id: `${set.id}-calibrated`,
    about: {
      setNameVi: set.nameVi,
      setNameEn: set.nameEn,
      guidance: [
        'Replace each { "kind": "unknown" } you can read in the decision text with a requirement, and cite the decision in every value\'s "source"; leave the others as they are (they change nothing).',
        'Give new wordings as nameVi / nameEn with the nameSource they are read in. Codes, measures and dates of listed indicators stay as in the base set.',
        'A criterion whose indicator list is not complete takes the indicators the decision lists under criteria.<n>.addIndicators (code, nameVi, nameEn, measure, requirement, source — as a rule file writes an indicator); "indicatorList": "complete" with its indicatorListSource says the list is now whole. Counts are computed, never written.',
        `Set "id" to your calibrated set's id. "baseFingerprint" pins the version of ${set.id} this template was made from.`,
      ],
    },
    indicators,
    criteria,
    conditions,
  };
}

function kindTemplate(kind: SetKind): KindCalibrationTemplate {
  return {
    base: kind.kind,
    set: {
      id: `${kind.kind}/<version, e.g. the decision year>`,
      kind: kind.kind,
      level: kind.level,
      nameVi: kind.nameVi,
      nameEn: kind.nameEn,
      legalBasis: { number: '<decision number>', date: '<yyyy-MM-dd>', issuer: '<issuer>' },
      effectiveFrom: '<yyyy-MM-dd>',
      counts: { criteria: 0, declaredIndicators: null, encodedIndicators: 0, source: { decision: '<decision number>', confidence: 'verified' } },
      criteria: [],
      notes: [kind.status],
    },
  };
}

/**
 * Applies a calibration overlay (object or JSON text) to a set and returns a new, validated set
 * with the overlay's id, `derivedFrom` naming the base and its fingerprint, and therefore its own
 * fingerprint. The overlay is checked like a rule file — unknown keys rejected, every value
 * citing its decision, codes that exist, requirements that fit each measure — and any problem
 * throws `INVALID_OVERLAY` with the overlay's JSON path. For a kind known only by name, the
 * overlay carries the whole set (`{ base: kind, set }`).
 *
 * @example
 * const mine = calibrate('dak-nong/commune-ntm/2022', {
 *   base: 'dak-nong/commune-ntm/2022', id: 'dak-song/commune-ntm/2022-calibrated',
 *   indicators: { '17.1': { requirement: { kind: 'compare', operator: '>=', value: X, source: { decision: '1037/QĐ-UBND', provision: '…', confidence: 'verified' } } } },
 * });
 * diffCriterionSets('dak-nong/commune-ntm/2022', mine).requirements.nowKnown // [17.1 …]
 */
export function calibrate(setOrKind: string | CriterionSet, overlay: unknown): CriterionSet {
  // A parsed object gets the same structural checks as text (depth, size, __proto__ keys).
  const data = upgradeLegacyOverlay(typeof overlay === 'string' ? parseOverlayText(overlay) : readRuleData(overlay, { code: 'INVALID_OVERLAY' }));
  if (typeof setOrKind === 'string') {
    const kind = getSetKindWithoutVersions(setOrKind);
    if (kind) return calibrateKind(kind, data);
  }
  const base = resolveSet(setOrKind);
  const parsed = CalibrationOverlaySchema.safeParse(data);
  if (!parsed.success) throw new NtmError('INVALID_OVERLAY', issuesFromZod(parsed.error.issues));
  const o = parsed.data;
  const issues: NtmIssue[] = [];
  const baseFingerprint = fingerprint(base);
  if (o.base !== base.id) issues.push(issue('base-mismatch', ['base'], { base: o.base, wanted: base.id }));
  if (o.baseFingerprint !== undefined && o.baseFingerprint !== baseFingerprint) {
    issues.push(issue('fingerprint-mismatch', ['baseFingerprint'], { set: base.id, was: o.baseFingerprint.slice(0, 12), now: baseFingerprint.slice(0, 12) }));
  }
  if (o.id === base.id || listCriterionSets().some((s) => s.id === o.id)) {
    issues.push(issue('id-taken', ['id'], { id: o.id }));
  }

  const draft = structuredClone(base) as CriterionSetInput & { criteria: CriterionSet['criteria']; conditions?: Condition[] };
  let requirements = 0;
  let names = 0;
  let added = 0;
  // Criteria first: indicators they add can then be calibrated like the base's own.
  const byNumber = new Map(draft.criteria.map((c) => [c.number, c]));
  const existing = new Set(draft.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
  for (const [number, entry] of Object.entries(o.criteria)) {
    const c = byNumber.get(number);
    if (!c) {
      issues.push(issue('unknown-criterion', ['criteria', number], { number, set: base.id }));
      continue;
    }
    if (entry.nameSource !== undefined) {
      if (entry.nameVi !== undefined) c.nameVi = entry.nameVi;
      if (entry.nameEn !== undefined) c.nameEn = entry.nameEn;
      c.source = entry.nameSource;
      names++;
    }
    const adds = entry.addIndicators ?? [];
    const baseList = c.indicatorList;
    if (adds.length > 0 && baseList === 'complete') {
      issues.push(issue('list-complete', ['criteria', number, 'addIndicators'], { number, set: base.id, adding: 1 }));
      continue;
    }
    if (entry.indicatorList === 'partial' && baseList === 'complete') {
      issues.push(issue('list-complete', ['criteria', number, 'indicatorList'], { number, set: base.id, adding: 0 }));
      continue;
    }
    let ok = true;
    adds.forEach((ind, i) => {
      const path = ['criteria', number, 'addIndicators', i];
      if (ind.code.split('.')[0] !== number) {
        issues.push(issue('wrong-criterion', [...path, 'code'], { code: ind.code, number }));
        ok = false;
      } else if (existing.has(ind.code)) {
        issues.push(issue('duplicate-indicator', [...path, 'code'], { code: ind.code }));
        ok = false;
      }
      existing.add(ind.code);
      for (const p of [...requirementProblems(ind.requirement, ind.measure.type), ...selectionProblems(ind.requirement, base.dimensions)]) {
        issues.push(issue('invalid-requirement', [...path, 'requirement', ...p.path], { detail: p.message }));
        ok = false;
      }
    });
    if (!ok) continue;
    if (adds.length > 0) {
      // Keep the decision's order: 6.2 goes between 6.1 and 6.3.
      c.indicators = [...c.indicators, ...structuredClone(adds)].sort((a, b) => Number(a.code.split('.')[1]) - Number(b.code.split('.')[1]));
      added += adds.length;
      if (baseList === 'unknown') c.indicatorList = 'partial';
    }
    if (entry.indicatorList !== undefined && entry.indicatorListSource !== undefined) {
      if (entry.indicatorList === 'complete' && c.indicators.length === 0) {
        issues.push(issue('empty-list', ['criteria', number, 'indicatorList'], { number }));
        continue;
      }
      if (entry.indicatorList !== baseList) {
        c.indicatorList = entry.indicatorList;
        const s = entry.indicatorListSource;
        const said = `Indicator list ${entry.indicatorList} per ${s.decision}${s.provision ? `, ${s.provision}` : ''} (${s.confidence}).`;
        c.notes = c.notes === undefined ? said : `${c.notes} ${said}`;
      }
    }
  }
  const byCode = new Map(draft.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)));
  for (const [code, entry] of Object.entries(o.indicators)) {
    const ind = byCode.get(code);
    if (!ind) {
      issues.push(issue('unknown-code', ['indicators', code], { code, set: base.id, criterion: code.split('.')[0]! }));
      continue;
    }
    if (entry.requirement !== undefined && hasKnownValue(entry.requirement)) {
      const problems = requirementProblems(entry.requirement, ind.measure.type);
      for (const p of problems) issues.push(issue('invalid-requirement', ['indicators', code, 'requirement', ...p.path], { detail: p.message }));
      if (problems.length === 0) {
        ind.requirement = entry.requirement;
        requirements++;
      }
    }
    if (entry.nameSource !== undefined) {
      if (entry.nameVi !== undefined) ind.nameVi = entry.nameVi;
      if (entry.nameEn !== undefined) ind.nameEn = entry.nameEn;
      ind.source = entry.nameSource;
      names++;
    }
  }
  const byId = new Map((draft.conditions ?? []).map((c) => [c.id, c]));
  for (const [id, entry] of Object.entries(o.conditions)) {
    const cond = byId.get(id);
    if (!cond) {
      issues.push(issue('unknown-condition', ['conditions', id], { condition: id, set: base.id }));
      continue;
    }
    const fields = new Map(conditionRequirements(cond).map((f) => [f.field, f]));
    for (const field of ['requirement', 'perCommuneItemRequirement', 'reference'] as const) {
      const spec = entry[field];
      if (spec === undefined) continue;
      const target = fields.get(field);
      if (!target) {
        issues.push(issue('no-such-requirement', ['conditions', id, field], { condition: id, kind: cond.kind, field }));
        continue;
      }
      if (!hasKnownValue(spec)) continue;
      const problems = requirementProblems(spec, target.measure);
      for (const p of problems) issues.push(issue('invalid-requirement', ['conditions', id, field, ...p.path], { detail: p.message }));
      if (problems.length === 0) {
        (cond as Record<string, unknown>)[field] = spec;
        requirements++;
      }
    }
    if (entry.nameSource !== undefined) {
      if (entry.nameVi !== undefined) cond.nameVi = entry.nameVi;
      if (entry.nameEn !== undefined) cond.nameEn = entry.nameEn;
      cond.source = entry.nameSource;
      names++;
    }
  }
  if (issues.length > 0) throw new NtmError('INVALID_OVERLAY', issues);

  draft.id = o.id;
  // Counts are the file's own: computed, so an overlay that adds indicators never states them.
  draft.counts = { ...draft.counts, criteria: draft.criteria.length, encodedIndicators: draft.criteria.reduce((n, c) => n + c.indicators.length, 0) };
  if (o.nameSource !== undefined) {
    if (o.nameVi !== undefined) draft.nameVi = o.nameVi;
    if (o.nameEn !== undefined) draft.nameEn = o.nameEn;
    names++;
  }
  delete draft.$schema;
  draft.derivedFrom = { setId: base.id, fingerprint: baseFingerprint, ...(o.note === undefined ? {} : { note: o.note }) };
  draft.notes = [
    ...(draft.notes ?? []),
    `Calibrated from ${base.id} (fingerprint ${baseFingerprint}): ${requirements} requirement(s) and ${names} name(s) filled or replaced${added > 0 ? `, ${added} indicator(s) added` : ''} by the overlay${o.note === undefined ? '' : ` — ${o.note}`}.`,
    ...(o.nameSource === undefined ? [] : [`Set name from ${o.nameSource.decision}${o.nameSource.provision ? `, ${o.nameSource.provision}` : ''}.`]),
  ];
  return loadAsOverlay(draft, []);
}

function calibrateKind(kind: SetKind, data: unknown): CriterionSet {
  const parsed = KindOverlaySchema.safeParse(data);
  if (!parsed.success) throw new NtmError('INVALID_OVERLAY', issuesFromZod(parsed.error.issues));
  const { base, set } = parsed.data;
  const issues: NtmIssue[] = [];
  if (base !== kind.kind) issues.push(issue('base-mismatch', ['base'], { base, wanted: kind.kind }));
  if (set.kind !== kind.kind) issues.push(issue('kind-mismatch', ['set', 'kind'], { wanted: kind.kind }));
  if (set.level !== kind.level) issues.push(issue('level-mismatch', ['set', 'level'], { kind: kind.kind, level: kind.level }));
  if (set.criteria.length === 0) issues.push(issue('no-criteria', ['set', 'criteria'], {}));
  if (listCriterionSets().some((s) => s.id === set.id)) issues.push(issue('id-taken', ['set', 'id'], { id: set.id }));
  if (issues.length > 0) throw new NtmError('INVALID_OVERLAY', issues);
  return loadAsOverlay((data as { set: unknown }).set, ['set']);
}

/** Validates the built set; a problem only visible on the whole set is reported under the overlay's error code. */
function loadAsOverlay(data: unknown, base: Array<string | number>): CriterionSet {
  try {
    return loadCriterionSet(data);
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    throw new NtmError(
      'INVALID_OVERLAY',
      // A kind overlay holds the set itself, so the set's paths are the overlay's under `set`;
      // otherwise the set's path is not a place in the overlay and goes into the message.
      e.issues.map((i) => (base.length ? { ...i, path: [...base, ...i.path] } : { ...i, path: [], message: `in the calibrated set at ${formatPath(i.path)}: ${i.message}` })),
    );
  }
}

/** Parses overlay text; JSON errors are reported as `INVALID_OVERLAY`. */
function parseOverlayText(text: string): unknown {
  try {
    return parseRuleText(text);
  } catch (e) {
    if (e instanceof NtmError) throw new NtmError('INVALID_OVERLAY', e.issues);
    throw e;
  }
}
