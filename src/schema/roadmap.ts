import * as z from 'zod';
import { IndicatorInputSchema } from './input.js';
import { CommuneResultSchema, RequirementSchema, StatusSchema, type Requirement } from './result.js';
import { RecognitionResultSchema, RevocationRiskSchema } from './recognition.js';

/** One thing that must change, or be decided, for a commune to reach the standard. */
const roadmapItemObject = z.strictObject({
  /** Position in the commune's work list: what must change first, then what must be decided, each in set order. */
  order: z.number(),
  communeId: z.string(),
  criterion: z.string(),
  criterionNameVi: z.string(),
  criterionNameEn: z.string(),
  /** Indicator code, or `null` for the criterion as a whole. */
  code: z.string().nullable(),
  nameVi: z.string().nullable(),
  nameEn: z.string(),
  /** As in the report's gaps: an indicator outcome, or a criterion-level verdict (given, or needed). */
  kind: z.enum(['not-met', 'missing', 'threshold-unknown', 'verdict-not-met', 'verdict-needed']),
  /** `change`: it is not met and must be brought up to the requirement; `decide`: it is not decided yet. */
  must: z.enum(['change', 'decide']),
  value: z.union([z.number(), z.boolean()]).nullable(),
  requirement: RequirementSchema.nullable(),
  shortfall: z.number().nullable(),
  /** `from-data`: a value can decide it against a known requirement; `needs-verdict`: only the lead agency's verdict can. */
  decidedBy: z.enum(['from-data', 'needs-verdict']),
  /** The value and the agency's verdict disagree (the verdict stands). */
  conflict: z.boolean(),
  /** The criterion is recorded "cơ bản đạt" (basically met), which does not count as met. */
  basicallyMet: z.boolean(),
  /** Lead agencies (from the plan). */
  owners: z.array(z.string()),
});
/** One thing that must change, or be decided, for a commune to reach the standard. */
export interface RoadmapItem {
  /** Position in the commune's work list: what must change first, then what must be decided, each in set order. */
  order: number;
  communeId: string;
  criterion: string;
  criterionNameVi: string;
  criterionNameEn: string;
  /** Indicator code, or `null` for the criterion as a whole. */
  code: string | null;
  nameVi: string | null;
  nameEn: string;
  /** As in the report's gaps: an indicator outcome, or a criterion-level verdict (given, or needed). */
  kind: 'not-met' | 'missing' | 'threshold-unknown' | 'verdict-not-met' | 'verdict-needed';
  /** `change`: it is not met and must be brought up to the requirement; `decide`: it is not decided yet. */
  must: 'change' | 'decide';
  value: number | boolean | null;
  requirement: Requirement | null;
  shortfall: number | null;
  /** `from-data`: a value can decide it against a known requirement; `needs-verdict`: only the lead agency's verdict can. */
  decidedBy: 'from-data' | 'needs-verdict';
  /** The value and the agency's verdict disagree (the verdict stands). */
  conflict: boolean;
  /** The criterion is recorded "cơ bản đạt" (basically met), which does not count as met. */
  basicallyMet: boolean;
  /** Lead agencies (from the plan). */
  owners: string[];
}
/** The schema of {@link RoadmapItem} (typed by the interface, so declarations name it). */
export const RoadmapItemSchema: z.ZodType<RoadmapItem, RoadmapItem> = roadmapItemObject;
/** @internal The unannotated schema, for the type test that pins {@link RoadmapItem} to it. */
export const roadmapItemShape = roadmapItemObject;

/** One commune's road to the standard. */
export const RoadmapCommuneSchema = z.strictObject({
  communeId: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  status: StatusSchema,
  criteriaMet: z.number(),
  criteriaNotMet: z.number(),
  criteriaUndetermined: z.number(),
  /** Of the criteria not met, those recorded "cơ bản đạt" (basically met). */
  criteriaBasicallyMet: z.number(),
  /** Criteria not met, and criteria not decided, by number. */
  notMet: z.array(z.string()),
  undecided: z.array(z.string()),
  /** Of the criteria not met, those recorded "cơ bản đạt", by number. */
  basicallyMet: z.array(z.string()),
  items: z.array(RoadmapItemSchema),
  /** With recognition facts: whether the commune could be recognised. */
  recognition: RecognitionResultSchema.optional(),
  /** For a recognised commune: whether it meets the revocation rule. */
  revocation: RevocationRiskSchema.optional(),
});
export type RoadmapCommune = z.infer<typeof RoadmapCommuneSchema>;

/** The road to the standard for the communes given, by commune and by lead agency. */
export const RoadmapSchema = z.strictObject({
  planId: z.string().nullable(),
  communes: z.array(RoadmapCommuneSchema),
  /** The same items grouped by lead agency (an item with two leads is under both), in the plan's agency order. */
  byAgency: z.array(z.strictObject({ agencyId: z.string(), nameVi: z.string(), nameEn: z.string(), items: z.array(RoadmapItemSchema) })),
  /** Items no agency leads (no plan given, or a set the plan assigns no owners in). */
  unowned: z.array(RoadmapItemSchema),
  /** Entries not on the roadmap, and why. */
  skipped: z.array(z.strictObject({ index: z.number(), communeId: z.string().optional(), reason: z.string() })),
});
export type Roadmap = z.infer<typeof RoadmapSchema>;

/** Hypothetical changes to one commune's data: values or verdicts to set, `null` to remove. */
export const WhatIfChangesSchema = z.strictObject({
  indicators: z.record(z.string().max(50), IndicatorInputSchema).optional(),
  criteria: z.record(z.string().max(50), z.string().max(50).nullable()).optional(),
});
export type WhatIfChanges = z.input<typeof WhatIfChangesSchema>;

/** A what-if file: changes by commune id. */
export const WhatIfFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  description: z.string().max(2000).optional(),
  communes: z.record(z.string().min(1).max(200), WhatIfChangesSchema),
});
export type WhatIfFile = z.input<typeof WhatIfFileSchema>;

/** What changes when hypothetical values or verdicts are applied to a result. */
export const WhatIfResultSchema = z.strictObject({
  communeId: z.string(),
  before: CommuneResultSchema,
  after: CommuneResultSchema,
  statusBefore: StatusSchema,
  statusAfter: StatusSchema,
  /** Criteria whose status changes, with both statuses. */
  criteria: z.array(z.strictObject({ number: z.string(), before: StatusSchema, after: StatusSchema })),
  /** The indicator codes and criterion numbers changed. */
  applied: z.strictObject({ indicators: z.array(z.string()), criteria: z.array(z.string()) }),
});
export type WhatIfResult = z.infer<typeof WhatIfResultSchema>;
