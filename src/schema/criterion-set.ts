import { z } from 'zod';
import {
  IsoDateSchema,
  LegalReferenceSchema,
  RegionCodeSchema,
  SourceSchema,
  TextSchema,
} from './common.js';
import { RequirementSpecSchema, type RequirementSpec } from './requirement.js';

/** What an indicator measures. `unknown` when the sources name the indicator but not its measure. */
export const MeasureSchema = z.strictObject({
  type: z.enum(['percent', 'boolean', 'count', 'amount', 'category', 'unknown']),
  /** Display unit: `%`, `triệu đồng/người/năm`, … `null` when none. */
  unit: z.string().max(100).nullable().default(null),
});
export type Measure = z.infer<typeof MeasureSchema>;

/** Set levels: which kind of unit a set assesses. */
export const SetLevelSchema = z.enum([
  'commune',
  'commune-advanced',
  'commune-model',
  /** Modern NTM commune (xã nông thôn mới hiện đại), 51/2025/QĐ-TTg Phụ lục II. */
  'commune-modern',
  'district',
  'residential-area',
  'garden',
]);
export type SetLevel = z.infer<typeof SetLevelSchema>;

/** An indicator (chỉ tiêu), e.g. 15.3 stunting rate of children under five. */
export const IndicatorSchema = z.strictObject({
  code: z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'expected an indicator code like "15.3"'),
  /** Official wording; `null` where no source gives it. */
  nameVi: TextSchema.nullable(),
  nameEn: TextSchema,
  measure: MeasureSchema,
  requirement: RequirementSpecSchema,
  /** `if-any`: the indicator applies only where the thing exists (e.g. "nếu có"). */
  applicability: z.enum(['always', 'if-any']).default('always'),
  /** Source of the indicator itself (code and wording); each threshold cites its own. */
  source: SourceSchema,
  notes: TextSchema.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A criterion (tiêu chí), numbered "1"…"19". */
export const CriterionSchema = z.strictObject({
  number: z.string().regex(/^[1-9]\d?$/, 'expected a criterion number like "15"'),
  nameVi: TextSchema,
  nameEn: TextSchema,
  group: TextSchema.optional(),
  /**
   * Whether `indicators` lists all of the criterion's indicators. Only a `complete` list lets
   * the indicators alone decide `met`; otherwise a criterion-level verdict is needed.
   */
  indicatorList: z.enum(['complete', 'partial', 'unknown']),
  indicators: z.array(IndicatorSchema),
  source: SourceSchema,
  notes: TextSchema.optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** A class of commune that uses another region's column (e.g. especially-difficult communes). */
export const RegionOverrideSchema = z.strictObject({
  class: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case class id'),
  nameVi: TextSchema,
  nameEn: TextSchema,
  region: RegionCodeSchema,
  source: SourceSchema,
});
export type RegionOverride = z.infer<typeof RegionOverrideSchema>;

const SET_ID = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/** Fields every condition of a district or model set carries. */
const conditionBase = {
  /** Stable id within the set, e.g. `D2` (district) or `M3` (model commune). */
  id: z.string().regex(/^[A-Z]\d{1,2}$/, 'expected a condition id like "D2"'),
  nameVi: TextSchema,
  nameEn: TextSchema,
  /** Where the condition itself is stated; each requirement cites its own source. */
  source: SourceSchema,
  notes: TextSchema.optional(),
};

/**
 * A condition of a district or model-commune set: something computed from other results
 * (commune results, townships, surveys, counts), not an indicator measured on the unit itself.
 * Each kind says what is measured; `requirement` says what it must reach.
 */
export const ConditionSchema = z.discriminatedUnion('kind', [
  /** Share (%) of the district's communes whose result under a set of `level` is `met`. */
  z.strictObject({ ...conditionBase, kind: z.literal('share-of-communes'), level: z.enum(['commune', 'commune-advanced']), requirement: RequirementSpecSchema }),
  /** Share (%) of the district's townships meeting the civilised-urban (đô thị văn minh) standard. */
  z.strictObject({ ...conditionBase, kind: z.literal('share-of-townships'), requirement: RequirementSpecSchema }),
  /** Residents' satisfaction (%): district-wide, and in every commune for every content item. */
  z.strictObject({
    ...conditionBase,
    kind: z.literal('satisfaction'),
    requirement: RequirementSpecSchema,
    perCommuneItemRequirement: RequirementSpecSchema,
  }),
  /** Every criterion of this set is met. */
  z.strictObject({ ...conditionBase, kind: z.literal('all-criteria') }),
  /** The unit meets a set of another level (a model commune must be an advanced commune). */
  z.strictObject({ ...conditionBase, kind: z.literal('meets-set'), level: SetLevelSchema }),
  /**
   * Income as a percentage of a reference income requirement (e.g. ≥ 110 % of the advanced
   * commune's income requirement). `reference` is that requirement, by year and region.
   */
  z.strictObject({
    ...conditionBase,
    kind: z.literal('income-vs-reference'),
    requirement: RequirementSpecSchema,
    reference: RequirementSpecSchema,
    /** Unit of incomes and of `reference`, e.g. `triệu đồng/người/năm`. */
    unit: z.string().max(100).nullable(),
  }),
  /** A count of things the unit has, e.g. smart-village models or outstanding fields. */
  z.strictObject({ ...conditionBase, kind: z.literal('count'), subject: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case subject'), requirement: RequirementSpecSchema }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

/** Where a calibrated set comes from: the set it was derived from and that set's fingerprint. */
export const DerivationSchema = z.strictObject({
  setId: z.string().regex(SET_ID, 'expected a set id'),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 fingerprint (64 hex digits)'),
  note: TextSchema.optional(),
});
export type Derivation = z.infer<typeof DerivationSchema>;

/**
 * A kind of criterion set whose text is not available: it exists (a plan names it), but no
 * version can be encoded without inventing content. It becomes usable by calibration, which
 * supplies the whole set from the decision text the user holds.
 */
export const SetKindSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** The kind id, e.g. `dak-nong/model-garden`. */
  kind: z.string().regex(SET_ID, 'expected a kind like "dak-nong/model-garden"'),
  level: SetLevelSchema,
  nameVi: TextSchema,
  nameEn: TextSchema,
  /** Why no version is bundled, and what is known. */
  status: TextSchema,
  /** Documents that name the kind (not its text). */
  sources: z.array(SourceSchema).min(1),
  notes: z.array(TextSchema).default([]),
});
export type SetKind = z.infer<typeof SetKindSchema>;

/** A criterion set (bộ tiêu chí) as issued by one decision, in one version. */
export const CriterionSetSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    /** `issuer/kind/version`, e.g. `dak-nong/commune-ntm/2022`. */
    id: z.string().regex(SET_ID, 'expected an id like "dak-nong/commune-ntm/2022"'),
    /** The series the versions belong to, e.g. `dak-nong/commune-ntm`. */
    kind: z.string().regex(SET_ID, 'expected a kind like "dak-nong/commune-ntm"'),
    level: SetLevelSchema,
    nameVi: TextSchema,
    nameEn: TextSchema,
    legalBasis: LegalReferenceSchema,
    basedOn: z.array(LegalReferenceSchema).default([]),
    /** Decisions that amend this version; an amendment in force is its own version. */
    amendedBy: z.array(LegalReferenceSchema).default([]),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    /** Default regional column; `null` for sets without regional columns. */
    region: RegionCodeSchema.nullable(),
    regionOverrides: z.array(RegionOverrideSchema).default([]),
    counts: z.strictObject({
      criteria: z.number().int().min(0).max(100),
      /** How many indicators the decision has, `null` if not known. */
      declaredIndicators: z.number().int().min(0).max(1000).nullable(),
      /** How many of them this file encodes (checked against `criteria`). */
      encodedIndicators: z.number().int().min(0).max(1000),
      source: SourceSchema,
    }),
    criteria: z.array(CriterionSchema),
    /** District and model sets: conditions computed from other results (absent for indicator-only sets). */
    conditions: z.array(ConditionSchema).optional(),
    /** Set by calibration: the set this one was derived from. */
    derivedFrom: DerivationSchema.optional(),
    notes: z.array(TextSchema).default([]),
  })
  .superRefine((set, ctx) => {
    const numbers = new Map<string, number>();
    const codes = new Map<string, string>();
    let encoded = 0;
    set.criteria.forEach((c, ci) => {
      if (numbers.has(c.number)) {
        ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'number'], message: `duplicate criterion number "${c.number}"` });
      }
      numbers.set(c.number, ci);
      if (c.indicatorList === 'complete' && c.indicators.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'indicatorList'], message: 'a complete indicator list cannot be empty' });
      }
      c.indicators.forEach((ind, ii) => {
        encoded++;
        const path = ['criteria', ci, 'indicators', ii];
        if (codes.has(ind.code)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: `duplicate indicator code "${ind.code}"` });
        }
        codes.set(ind.code, c.number);
        if (ind.code.split('.')[0] !== c.number) {
          ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: `indicator "${ind.code}" does not belong to criterion "${c.number}"` });
        }
        for (const problem of requirementProblems(ind.requirement, ind.measure.type)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'requirement', ...problem.path], message: problem.message });
        }
      });
    });
    if (set.counts.criteria !== set.criteria.length) {
      ctx.addIssue({ code: 'custom', path: ['counts', 'criteria'], message: `says ${set.counts.criteria} criteria, file has ${set.criteria.length}` });
    }
    if (set.counts.encodedIndicators !== encoded) {
      ctx.addIssue({ code: 'custom', path: ['counts', 'encodedIndicators'], message: `says ${set.counts.encodedIndicators} encoded indicators, file has ${encoded}` });
    }
    if (set.counts.declaredIndicators !== null && encoded > set.counts.declaredIndicators) {
      ctx.addIssue({ code: 'custom', path: ['counts', 'declaredIndicators'], message: `file encodes ${encoded} indicators, more than the ${set.counts.declaredIndicators} declared` });
    }
    if (set.effectiveTo !== undefined && set.effectiveTo <= set.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo must be after effectiveFrom' });
    }
    if (set.criteria.length === 0 && (set.conditions ?? []).length === 0) {
      // A set with nothing to check would pass every commune.
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'a set needs criteria or conditions' });
    }
    const conditionIds = new Set<string>();
    (set.conditions ?? []).forEach((c, i) => {
      if (conditionIds.has(c.id)) ctx.addIssue({ code: 'custom', path: ['conditions', i, 'id'], message: `duplicate condition id "${c.id}"` });
      conditionIds.add(c.id);
      for (const { field, spec, measure } of conditionRequirements(c)) {
        for (const problem of requirementProblems(spec, measure)) {
          ctx.addIssue({ code: 'custom', path: ['conditions', i, field, ...problem.path], message: problem.message });
        }
      }
      if (c.kind === 'all-criteria' && set.criteria.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['conditions', i, 'kind'], message: 'an "all-criteria" condition needs criteria in the set' });
      }
    });
    const classes = new Set<string>();
    set.regionOverrides.forEach((o, i) => {
      if (classes.has(o.class)) ctx.addIssue({ code: 'custom', path: ['regionOverrides', i, 'class'], message: `duplicate class "${o.class}"` });
      classes.add(o.class);
    });
  });
export type CriterionSet = z.infer<typeof CriterionSetSchema>;
/** A criterion set as written in a file, before defaults are applied. */
export type CriterionSetInput = z.input<typeof CriterionSetSchema>;

/** A requirement field of a condition. */
export type ConditionRequirementField = 'requirement' | 'perCommuneItemRequirement' | 'reference';

/**
 * The requirements of a condition, each with the measure it compares against: shares and
 * satisfaction are percentages, counts are counts, incomes are amounts.
 *
 * @example conditionRequirements(d2) // [{ field: 'requirement', spec: { kind: 'compare', … }, measure: 'percent' }]
 */
export function conditionRequirements(
  c: Condition,
): Array<{ field: ConditionRequirementField; spec: RequirementSpec; measure: Measure['type'] }> {
  switch (c.kind) {
    case 'share-of-communes':
    case 'share-of-townships':
      return [{ field: 'requirement', spec: c.requirement, measure: 'percent' }];
    case 'satisfaction':
      return [
        { field: 'requirement', spec: c.requirement, measure: 'percent' },
        { field: 'perCommuneItemRequirement', spec: c.perCommuneItemRequirement, measure: 'percent' },
      ];
    case 'income-vs-reference':
      // The ratio is a percentage that may exceed 100, so it is checked as an amount.
      return [
        { field: 'requirement', spec: c.requirement, measure: 'amount' },
        { field: 'reference', spec: c.reference, measure: 'amount' },
      ];
    case 'count':
      return [{ field: 'requirement', spec: c.requirement, measure: 'count' }];
    case 'all-criteria':
    case 'meets-set':
      return [];
  }
}

/**
 * Checks a requirement against the indicator's measure: operators need numbers, percentages stay in 0–100.
 *
 * @example requirementProblems({ kind: 'compare', operator: '>=', value: 120, source }, 'percent').length // 1
 */
export function requirementProblems(
  spec: RequirementSpec,
  measure: Measure['type'],
): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const leaf = (s: RequirementSpec, path: Array<string | number>): void => {
    switch (s.kind) {
      case 'compare':
        if (measure === 'boolean' || measure === 'category') {
          out.push({ path, message: `a "${s.operator}" comparison needs a numeric measure, not ${measure}` });
        }
        if (measure === 'percent' && (s.value < 0 || s.value > 100)) {
          out.push({ path: [...path, 'value'], message: `a percentage threshold must lie in 0–100, got ${s.value}` });
        }
        return;
      case 'is-met':
        if (measure !== 'boolean' && measure !== 'category' && measure !== 'unknown') {
          out.push({ path, message: `an "is-met" requirement needs a boolean measure, not ${measure}` });
        }
        return;
      case 'unknown':
        return;
      case 'by-region':
        for (const [region, r] of Object.entries(s.regions)) if (r) leaf(r, [...path, 'regions', region]);
        if (s.otherwise) leaf(s.otherwise, [...path, 'otherwise']);
        return;
      case 'by-year':
        s.years.forEach((y, i) => leaf(y.requirement, [...path, 'years', i, 'requirement']));
        return;
    }
  };
  leaf(spec, []);
  return out;
}
