import * as z from 'zod';
import { SourceSchema, TextSchema } from './common.js';
import { CriterionSetSchema, IndicatorSchema, MeasureSchema } from './criterion-set.js';
import { RequirementSpecSchema } from './requirement.js';

const SET_ID = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/**
 * Read-only context a calibration template puts beside each entry (the current wording, measure,
 * what is unknown) so the person filling it knows what to look up. It changes nothing.
 */
export const OverlayAboutSchema = z.strictObject({
  criterion: z.string().max(10).optional(),
  nameVi: z.string().max(2000).nullable().optional(),
  nameEn: z.string().max(2000).optional(),
  measure: MeasureSchema.optional(),
  /** The requirement as the set states it now, in words. */
  currently: z.string().max(2000).optional(),
  /** What is unknown: `wording`, `requirement`, region codes, years, condition fields. */
  unknown: z.array(z.string().max(200)).max(100).optional(),
});
export type OverlayAbout = z.infer<typeof OverlayAboutSchema>;

/** New names for an item, with the source they are read in (every value cites its decision). */
const nameFields = {
  nameVi: TextSchema.optional(),
  nameEn: TextSchema.optional(),
  /** Where the new wording is read: required when `nameVi` or `nameEn` is given. */
  nameSource: SourceSchema.optional(),
};

/** A name given without its source is rejected at `nameSource`. */
function requireNameSource(entry: { nameVi?: string | undefined; nameEn?: string | undefined; nameSource?: unknown }, ctx: z.RefinementCtx): void {
  if ((entry.nameVi !== undefined || entry.nameEn !== undefined) && entry.nameSource === undefined) {
    ctx.addIssue({ code: 'custom', path: ['nameSource'], message: 'a new name must cite the decision it is read in (nameSource)' });
  }
}

/**
 * One indicator's calibration: a requirement (each value in it carries its `source`), and/or new
 * names. A requirement with no known value (`{ "kind": "unknown" }`, as templates leave it) is a
 * placeholder and changes nothing.
 */
export const OverlayIndicatorSchema = z
  .strictObject({ about: OverlayAboutSchema.optional(), ...nameFields, requirement: RequirementSpecSchema.optional() })
  .superRefine(requireNameSource);
export type OverlayIndicator = z.infer<typeof OverlayIndicatorSchema>;

/**
 * One criterion's calibration: new names; indicators the decision lists that the base set does not
 * (only where the base's list is not `complete`); and the list declared complete. Nothing is ever
 * removed, and counts are computed from the result, never written.
 */
export const OverlayCriterionSchema = z
  .strictObject({
    about: OverlayAboutSchema.optional(),
    ...nameFields,
    /** Indicators to add, each as a rule file writes it (code of this criterion, wording, measure, requirement, source). */
    addIndicators: z.array(IndicatorSchema).max(100).optional(),
    /** `complete`: the criterion's indicators (base and added) are all the decision lists; `partial`: some are missing. */
    indicatorList: z.enum(['complete', 'partial']).optional(),
    /** Where the list is read as complete or partial: required with `indicatorList`. */
    indicatorListSource: SourceSchema.optional(),
  })
  .superRefine((entry, ctx) => {
    requireNameSource(entry, ctx);
    if (entry.indicatorList !== undefined && entry.indicatorListSource === undefined) {
      ctx.addIssue({ code: 'custom', path: ['indicatorListSource'], message: 'a criterion\'s indicator list must cite the decision it is read in (indicatorListSource)' });
    }
  });
export type OverlayCriterion = z.infer<typeof OverlayCriterionSchema>;

/** One condition's calibration: names and the requirements its kind has. */
export const OverlayConditionSchema = z
  .strictObject({
    about: OverlayAboutSchema.optional(),
    ...nameFields,
    requirement: RequirementSpecSchema.optional(),
    perCommuneItemRequirement: RequirementSpecSchema.optional(),
    reference: RequirementSpecSchema.optional(),
  })
  .superRefine(requireNameSource);
export type OverlayCondition = z.infer<typeof OverlayConditionSchema>;

/**
 * A calibration overlay: the numbers and wordings a province or district reads in the decision
 * text it holds, applied to a bundled set to make a new set with its own id and fingerprint.
 * It may fill or replace requirements and names, add indicators to a criterion whose list is not
 * complete, and declare a list complete — nothing else.
 */
export const CalibrationOverlaySchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** Id of the set the overlay applies to. */
  base: z.string().regex(SET_ID, 'expected a set id like "dak-nong/commune-ntm/2022"'),
  /** Fingerprint of that set when the overlay was written; if given, it must still match. */
  baseFingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 fingerprint (64 hex digits)').optional(),
  /** Id of the calibrated set, e.g. `dak-song/commune-ntm/2022-calibrated`. */
  id: z.string().regex(SET_ID, 'expected a set id like "dak-song/commune-ntm/2022-calibrated"'),
  ...nameFields,
  /** Who calibrated, from what (kept in the new set's notes). */
  note: TextSchema.optional(),
  about: z.strictObject({ setNameVi: z.string().max(2000), setNameEn: z.string().max(2000), guidance: z.array(z.string().max(2000)).max(20) }).optional(),
  indicators: z.record(z.string().max(10), OverlayIndicatorSchema).default({}),
  criteria: z.record(z.string().max(10), OverlayCriterionSchema).default({}),
  conditions: z.record(z.string().max(10), OverlayConditionSchema).default({}),
}).superRefine(requireNameSource);
export type CalibrationOverlay = z.infer<typeof CalibrationOverlaySchema>;
/** An overlay as written, before defaults. */
export type CalibrationOverlayInput = z.input<typeof CalibrationOverlaySchema>;

/**
 * The overlay for a kind known only by name (model residential area, model garden): it carries
 * the whole set, read from the decision text, because nothing of it is bundled.
 */
export const KindOverlaySchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** The kind id, e.g. `dak-nong/model-garden`. */
  base: z.string().regex(SET_ID, 'expected a kind like "dak-nong/model-garden"'),
  set: CriterionSetSchema,
});
export type KindOverlay = z.infer<typeof KindOverlaySchema>;
