import * as z from 'zod';
import { RegionCodeSchema } from './common.js';

/** An agency's official assessment of an indicator: Đạt / Không đạt / không áp dụng. */
export const VerdictSchema = z.enum(['met', 'not-met', 'not-applicable']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * A criterion-level verdict: Đạt, Không đạt, or `basically-met` — "cơ bản đạt", which appraisals
 * record between the two and which never counts as met (the criterion's status is `not-met`).
 */
export const CriterionVerdictSchema = z.enum(['met', 'not-met', 'basically-met']);
export type CriterionVerdict = z.infer<typeof CriterionVerdictSchema>;

/** A raw value: a number, a yes/no, or text such as `"93,5"` or `"Đạt"` (normalised against the set). */
export const RawValueSchema = z.union([z.number(), z.boolean(), z.string().max(200)]);
export type RawValue = z.infer<typeof RawValueSchema>;

/** One indicator's data: a bare value, or a value and/or the owning agency's verdict. */
export const IndicatorInputSchema = z.union([
  RawValueSchema,
  z.strictObject({
    value: RawValueSchema.nullable().optional(),
    /** `met` / `not-met` / `not-applicable`, or the words offices write ("Đạt", "Không đạt", "N/A"…). */
    verdict: z.string().max(50).nullable().optional(),
    note: z.string().max(2000).optional(),
  }),
  z.null(),
]);
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

/** One commune's data for one year. */
export const CommuneInputSchema = z.strictObject({
  communeId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100),
  /** Regional column to use instead of the set's default. */
  region: RegionCodeSchema.optional(),
  /**
   * Commune group (nhóm xã) for sets whose values vary by group, e.g. `"1"`, `"2"`, `"3"` under
   * 51/2025/QĐ-TTg. Checked against the set's `communeGroup` dimension.
   */
  communeGroup: z.string().min(1).max(20).optional(),
  /** Classes that switch a column, e.g. `especially-difficult` (see the overrides of the set's dimensions). */
  classes: z.array(z.string().max(100)).max(20).optional(),
  /** Population, used to weight commune figures in district roll-ups. */
  population: z.number().int().min(0).max(1e9).optional(),
  indicators: z.record(z.string().max(50), IndicatorInputSchema).default({}),
  /** Criterion-level verdicts, keyed by criterion number. */
  criteria: z.record(z.string().max(50), z.string().max(50)).optional(),
});
export type CommuneInput = z.input<typeof CommuneInputSchema>;
export type ParsedCommuneInput = z.output<typeof CommuneInputSchema>;
