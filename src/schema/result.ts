import * as z from 'zod';
import { OperatorSchema } from './requirement.js';
import { RegionCodeSchema, SourceSchema } from './common.js';
import { VerdictSchema, CriterionVerdictSchema } from './input.js';

/**
 * A requirement resolved for one evaluation context (a value on each dimension): plain data that can print itself
 * (`textVi` / `textEn`), be compared ({@link compareRequirement}) and cite its source.
 */
export const RequirementSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('compare'),
    operator: OperatorSchema,
    value: z.number(),
    unit: z.string().nullable(),
    /** Column the value was taken from; `null` when the set gives one value for all regions. */
    region: RegionCodeSchema.nullable(),
    /** The case chosen on each dimension the value varies along, e.g. `{ region: 'TN' }`, `{ communeGroup: '2' }`. */
    cases: z.record(z.string(), z.string()).optional(),
    textVi: z.string(),
    textEn: z.string(),
    source: SourceSchema,
  }),
  z.strictObject({
    kind: z.literal('is-met'),
    cases: z.record(z.string(), z.string()).optional(),
    textVi: z.string(),
    textEn: z.string(),
    source: SourceSchema,
  }),
  z.strictObject({
    kind: z.literal('unknown'),
    region: RegionCodeSchema.nullable(),
    cases: z.record(z.string(), z.string()).optional(),
    textVi: z.string(),
    textEn: z.string(),
    note: z.string().optional(),
  }),
]);
export type Requirement = z.infer<typeof RequirementSchema>;

export const IndicatorStatusSchema = z.enum(['met', 'not-met', 'missing', 'threshold-unknown', 'not-applicable']);
/** `missing`: neither value nor verdict; `threshold-unknown`: a value the set cannot judge. */
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

export const StatusSchema = z.enum(['met', 'not-met', 'undetermined']);
/** Status of a criterion or a commune. */
export type Status = z.infer<typeof StatusSchema>;

/** One indicator's outcome with everything needed to explain it. */
export const IndicatorResultSchema = z.strictObject({
  code: z.string(),
  nameVi: z.string().nullable(),
  nameEn: z.string(),
  status: IndicatorStatusSchema,
  value: z.union([z.number(), z.boolean()]).nullable(),
  verdict: VerdictSchema.nullable(),
  requirement: RequirementSchema,
  /** Distance to the threshold in the indicator's unit: 0 when met, `null` when not numeric. */
  shortfall: z.number().nullable(),
  /** Set when the value and the verdict disagree; the verdict stands. */
  conflict: z
    .strictObject({ verdict: VerdictSchema, valueOutcome: z.enum(['met', 'not-met']) })
    .optional(),
  note: z.string().optional(),
  /** Owning agencies, when evaluated with a plan. */
  owners: z.array(z.string()).optional(),
  source: SourceSchema,
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

/**
 * Why something is undetermined — one shape from indicator to criterion, commune, district
 * condition and plan target, merged upward (as Publicodes' `missingVariables`): each code once,
 * with the union of what it is about.
 */
export const ReasonSchema = z.strictObject({
  /**
   * `missing`: no value or verdict; `threshold-unknown`: a value the set cannot judge;
   * `indicator-list-incomplete`: the set does not list all of a criterion's indicators, so it needs
   * its own verdict; `undetermined-results`: results it depends on are undetermined;
   * `not-assessed`: units without a result; `missing-data`: other data the computation needs.
   */
  code: z.enum(['missing', 'threshold-unknown', 'indicator-list-incomplete', 'undetermined-results', 'not-assessed', 'missing-data']),
  /** What it is about: indicator codes, criterion numbers, commune ids or condition ids. */
  items: z.array(z.string()),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** One criterion's outcome. */
export const CriterionResultSchema = z.strictObject({
  number: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  status: StatusSchema,
  /** What decided the status: the indicators, or a criterion-level verdict. */
  basis: z.enum(['indicators', 'verdict']),
  verdict: CriterionVerdictSchema.nullable(),
  /** Set when a criterion verdict contradicts what the indicators decide; the verdict stands. */
  conflict: z.strictObject({ verdict: CriterionVerdictSchema, indicatorsOutcome: z.enum(['met', 'not-met']) }).optional(),
  /** Why an `undetermined` criterion could not be decided. */
  undeterminedBecause: z
    .strictObject({
      missing: z.array(z.string()),
      thresholdUnknown: z.array(z.string()),
      /** The set does not list all of this criterion's indicators. */
      indicatorListIncomplete: z.boolean(),
    })
    .optional(),
  /** The same, as reasons that merge up the tree (present when `undetermined`). */
  why: z.array(ReasonSchema).optional(),
  indicators: z.array(IndicatorResultSchema),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

/** A commune's outcome under one set for one year. */
export const CommuneResultSchema = z.strictObject({
  communeId: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  region: RegionCodeSchema.nullable(),
  /**
   * The value of every dimension the set declares, as evaluated: e.g. `{ region: 'TN', date:
   * '2023-01-01' }`, `{ communeGroup: '2', date: '2026-01-01' }`.
   */
  dimensions: z.record(z.string(), z.string().nullable()),
  status: StatusSchema,
  criteriaMet: z.number(),
  criteriaNotMet: z.number(),
  criteriaUndetermined: z.number(),
  criteria: z.array(CriterionResultSchema),
  /** Why the commune is undetermined: its undetermined criteria's reasons, merged (present when `undetermined`). */
  why: z.array(ReasonSchema).optional(),
});
export type CommuneResult = z.infer<typeof CommuneResultSchema>;

/** A batch entry that could not be evaluated; it keeps its place in the batch. */
export const EvaluationErrorRecordSchema = z.strictObject({
  index: z.number(),
  communeId: z.string().optional(),
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    file: z.string().optional(),
    issues: z.array(z.strictObject({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  }),
});
export type EvaluationErrorRecord = z.infer<typeof EvaluationErrorRecordSchema>;
