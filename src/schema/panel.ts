import * as z from 'zod';
import { StatusSchema } from './result.js';
import { RevocationRiskSchema } from './recognition.js';

/** A change of one criterion between two years of a commune. */
const CriterionMoveSchema = z.strictObject({ number: z.string(), before: StatusSchema, after: StatusSchema });

/** Several years' results of the same communes, side by side. */
export const PanelSchema = z.strictObject({
  /** The years of the panel, ascending. */
  years: z.array(z.number()),
  communes: z.array(
    z.strictObject({
      communeId: z.string(),
      name: z.string().optional(),
      /** Whether the commune is treated as recognised (its revocation risk is computed every year). */
      recognised: z.boolean(),
      years: z.array(
        z.strictObject({
          year: z.number(),
          setId: z.string(),
          status: StatusSchema,
          criteriaMet: z.number(),
          criteriaNotMet: z.number(),
          criteriaUndetermined: z.number(),
          /** Of the criteria not met, those recorded "cơ bản đạt" (basically met). */
          criteriaBasicallyMet: z.number(),
          revocation: RevocationRiskSchema.optional(),
        }),
      ),
      /** Between each year and the commune's next year in the panel. */
      changes: z.array(
        z.strictObject({
          from: z.number(),
          to: z.number(),
          /** Both years under one set series, so criteria compare by number. */
          comparable: z.boolean(),
          /** not met → met */
          gained: z.array(z.string()),
          /** met → not met */
          lost: z.array(z.string()),
          /** Any change to or from undetermined: the criterion may or may not have moved. */
          uncertain: z.array(CriterionMoveSchema),
        }),
      ),
      /** Years in which the commune met the set in its previous panel year and no longer does (`definite`: now not met; otherwise undetermined). */
      fellOut: z.array(z.strictObject({ from: z.number(), to: z.number(), definite: z.boolean() })),
    }),
  ),
  /** Per criterion: communes by status each year, and who gained or lost it. */
  criteria: z.array(
    z.strictObject({
      number: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      /** `basicallyMet`: of the communes not meeting the criterion, those recorded "cơ bản đạt". */
      byYear: z.array(z.strictObject({ year: z.number(), met: z.number(), notMet: z.number(), undetermined: z.number(), basicallyMet: z.number() })),
      gained: z.array(z.strictObject({ communeId: z.string(), from: z.number(), to: z.number() })),
      lost: z.array(z.strictObject({ communeId: z.string(), from: z.number(), to: z.number() })),
    }),
  ),
  /** Every fall out of standard, across communes. */
  fellOutOfStandard: z.array(z.strictObject({ communeId: z.string(), from: z.number(), to: z.number(), definite: z.boolean() })),
  skipped: z.array(z.strictObject({ index: z.number(), communeId: z.string().optional(), reason: z.string() })),
});
export type Panel = z.infer<typeof PanelSchema>;
