/** Shapes of district and model-commune inputs and results (zod schemas, the single source of these types). */
import * as z from 'zod';
import { RegionCodeSchema, SourceSchema, type Source } from '../schema/common.js';
import { IndicatorInputSchema } from '../schema/input.js';
import { CriterionResultSchema, ReasonSchema, RequirementSchema, StatusSchema, type CommuneResult, type Reason, type Requirement } from '../schema/result.js';

/**
 * A commune's outcome as district and model conditions read it: a full {@link CommuneResult}
 * is accepted (its other fields are ignored), or just these fields.
 */
export const CommuneOutcomeSchema = z.object({
  communeId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  setId: z.string().max(200),
  year: z.number().int(),
  status: StatusSchema,
  /** Why the result is undetermined, when it says (a full result does). */
  why: z.array(ReasonSchema).optional(),
});
export type CommuneOutcome = z.infer<typeof CommuneOutcomeSchema>;

/** A percentage as data gives it: a number, or text such as `"93,5"`. */
const PercentInputSchema = z.union([z.number(), z.string().max(50)]);

/** A verdict word (`Đạt`, `Không đạt`, `met`, `not-met`, …) or a yes/no. */
const VerdictInputSchema = z.union([z.string().max(50), z.boolean()]);

/** A district's data for one year, for {@link evaluateDistrict}. */
export const DistrictInputSchema = z.strictObject({
  districtId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100),
  /** Regional column of the district, for region-dependent values (as a commune's `region`). */
  region: RegionCodeSchema.optional(),
  /** The district's value on each column dimension the set declares (as a commune's `dimensions`). */
  dimensions: z.record(z.string().max(50), z.string().min(1).max(50)).optional(),
  /** Every commune of the district, with its result under the commune NTM set. */
  communes: z.array(CommuneOutcomeSchema).min(1).max(1000),
  /** Results under the advanced commune set, for the communes assessed on it. */
  advancedCommunes: z.array(CommuneOutcomeSchema).max(1000).optional(),
  /**
   * The district's townships (thị trấn) and whether each meets the civilised-urban standard
   * (đô thị văn minh); `[]` when the district has none. Absent: not known.
   */
  townships: z
    .array(z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), civilisedUrban: VerdictInputSchema.nullable() }))
    .max(100)
    .optional(),
  /** Survey results (%): district-wide, and per commune per content item. */
  satisfaction: z
    .strictObject({
      district: PercentInputSchema.optional(),
      communes: z.record(z.string().max(200), z.record(z.string().max(200), PercentInputSchema)).optional(),
    })
    .optional(),
  /** District indicators (e.g. transport 2.1, 2.2, 2.4): values and/or verdicts, as for communes. */
  indicators: z.record(z.string().max(50), IndicatorInputSchema).optional(),
  /** Verdicts on the district criteria, keyed by number ("1"…"9"). */
  criteria: z.record(z.string().max(50), z.string().max(50)).optional(),
  /** Official verdicts on conditions, keyed by id (`D3`): the verdict stands, a disagreement is flagged. */
  conditions: z.record(z.string().max(10), VerdictInputSchema).optional(),
});
export type DistrictInput = z.input<typeof DistrictInputSchema>;

/** A commune's data for one year, for {@link evaluateModelCommune}. */
export const ModelCommuneInputSchema = z.strictObject({
  communeId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100),
  /** Regional column for year- and region-dependent references (income). */
  region: RegionCodeSchema.optional(),
  /** The commune's value on each column dimension the set declares (as in a commune input). */
  dimensions: z.record(z.string().max(50), z.string().min(1).max(50)).optional(),
  /** The commune's result under the advanced commune set (for "meets the advanced set"). */
  advanced: CommuneOutcomeSchema.optional(),
  /** Per-capita income at the time of assessment, in the unit of the income condition. */
  income: PercentInputSchema.optional(),
  /** Counts by subject, e.g. `{ "smart-village-models": 1, "outstanding-fields": 1 }`. */
  counts: z.record(z.string().max(100), z.number().int().min(0).max(1_000_000)).optional(),
  /** Official verdicts on conditions, keyed by id (`M3`). */
  conditions: z.record(z.string().max(10), VerdictInputSchema).optional(),
});
export type ModelCommuneInput = z.input<typeof ModelCommuneInputSchema>;

/** Outcome of one condition. `not-applicable`: nothing to check (a district without townships). */
export const ConditionStatusSchema = z.enum(['met', 'not-met', 'undetermined', 'not-applicable']);
export type ConditionStatus = z.infer<typeof ConditionStatusSchema>;

/** Why a condition could not be decided. */
export const UndeterminedReasonSchema = z.strictObject({
  code: z.enum(['missing', 'threshold-unknown', 'not-assessed', 'undetermined-results']),
  /** The reason in English. */
  message: z.string(),
  /** The reason in each language, when the condition words it (province conditions do). */
  textVi: z.string().optional(),
  textEn: z.string().optional(),
});

/** One condition's outcome with its numbers, e.g. "advanced communes 1/8 = 12.5 % ≥ 10 %". */
const conditionResultObject = z.strictObject({
  id: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  status: ConditionStatusSchema,
  /** Computed from the data, or an official verdict given in the input. */
  basis: z.enum(['computed', 'verdict']),
  verdict: z.enum(['met', 'not-met']).nullable(),
  /** Set when a verdict contradicts what the data computes; the verdict stands. */
  conflict: z.strictObject({ verdict: z.enum(['met', 'not-met']), computedOutcome: z.enum(['met', 'not-met']) }).optional(),
  /** The computed figure (a share in %, a count, a ratio in %), `null` when it cannot be computed. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  requirement: RequirementSchema.nullable(),
  /** Distance to the requirement, in its unit: 0 when met. */
  shortfall: z.number().nullable(),
  textVi: z.string(),
  textEn: z.string(),
  /** @deprecated Sentences for reports; read `why` (the project's one reason shape). */
  undeterminedBecause: z.array(UndeterminedReasonSchema).optional(),
  /**
   * Why the condition is undetermined (present then), as reasons: its mechanism's, merged — for
   * districts — with those of the results it depends on (criteria, communes, the unit's own result).
   */
  why: z.array(ReasonSchema).optional(),
  /** Which units count how, for shares: ids met, not met, undetermined, not assessed. */
  units: z
    .strictObject({ met: z.array(z.string()), notMet: z.array(z.string()), undetermined: z.array(z.string()), notAssessed: z.array(z.string()) })
    .optional(),
  /** Satisfaction: the commune items below the per-commune requirement. */
  below: z.array(z.strictObject({ communeId: z.string(), item: z.string(), value: z.number() })).optional(),
  source: SourceSchema,
});
/** One condition's outcome with its numbers, e.g. "advanced communes 1/8 = 12.5 % ≥ 10 %". */
export interface ConditionResult {
  id: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  status: ConditionStatus;
  /** Computed from the data, or an official verdict given in the input. */
  basis: 'computed' | 'verdict';
  verdict: 'met' | 'not-met' | null;
  /** Set when a verdict contradicts what the data computes; the verdict stands. */
  conflict?: { verdict: 'met' | 'not-met'; computedOutcome: 'met' | 'not-met' };
  /** The computed figure (a share in %, a count, a ratio in %), `null` when it cannot be computed. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  requirement: Requirement | null;
  /** Distance to the requirement, in its unit: 0 when met. */
  shortfall: number | null;
  textVi: string;
  textEn: string;
  /** @deprecated Sentences for reports; read `why` (the project's one reason shape). */
  undeterminedBecause?: Array<{ code: 'missing' | 'threshold-unknown' | 'not-assessed' | 'undetermined-results'; message: string; textVi?: string; textEn?: string }>;
  /**
   * Why the condition is undetermined (present then), as reasons: its mechanism's, merged — for
   * districts — with those of the results it depends on (criteria, communes, the unit's own result).
   */
  why?: Reason[];
  /** Which units count how, for shares: ids met, not met, undetermined, not assessed. */
  units?: { met: string[]; notMet: string[]; undetermined: string[]; notAssessed: string[] };
  /** Satisfaction: the commune items below the per-commune requirement. */
  below?: Array<{ communeId: string; item: string; value: number }>;
  source: Source;
}
/** The schema of {@link ConditionResult} (typed by the interface, so declarations name it). */
export const ConditionResultSchema: z.ZodType<ConditionResult, ConditionResult> = conditionResultObject;
/** @internal The unannotated schema, for the type test that pins {@link ConditionResult} to it. */
export const conditionResultShape = conditionResultObject;

const countsOf = {
  conditionsMet: z.number(),
  conditionsNotMet: z.number(),
  conditionsUndetermined: z.number(),
};

/** A district's outcome under a district set: each condition with its numbers, the district criteria, the status. */
export const DistrictResultSchema = z.strictObject({
  districtId: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  /** `met` only when every condition is met (or not applicable). */
  status: StatusSchema,
  ...countsOf,
  conditions: z.array(ConditionResultSchema),
  criteriaMet: z.number(),
  criteriaNotMet: z.number(),
  criteriaUndetermined: z.number(),
  /** Of the district criteria not met, those recorded "cơ bản đạt" (basically met). */
  criteriaBasicallyMet: z.number(),
  /** The district criteria, judged like a commune's (indicators and criterion verdicts). */
  criteria: z.array(CriterionResultSchema),
});
export type DistrictResult = z.infer<typeof DistrictResultSchema>;

/** A commune's outcome under a model-commune set. */
export const ModelCommuneResultSchema = z.strictObject({
  communeId: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  region: RegionCodeSchema.nullable(),
  status: StatusSchema,
  ...countsOf,
  conditions: z.array(ConditionResultSchema),
});
export type ModelCommuneResult = z.infer<typeof ModelCommuneResultSchema>;
