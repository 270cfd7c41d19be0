import * as z from 'zod';
import { IsoDateSchema, SourceSchema, TextSchema, type Source } from './common.js';
import { LeafSpecSchema } from './requirement.js';
import { ReasonSchema, RequirementSchema, type Reason, type Requirement } from './result.js';

/** A set series (`dak-nong/commune-ntm`), the key recognition rules are found by. */
const SeriesSchema = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected a set series like "dak-nong/commune-ntm"');
const CriterionNumberSchema = z.string().regex(/^[1-9]\d?$/, 'expected a criterion number like "17"');

/**
 * One note of a recognition or revocation outcome, in words: what is missing or unknown, about
 * which subject (a condition id, a criterion number, a set id), and the sentence reports print.
 * The machine-readable reasons are the outcome's `why` (the project's {@link ReasonSchema}); each
 * note maps to one: `missing` → `missing`, `threshold-unknown` → `threshold-unknown`,
 * `needs-verdict` → `indicator-list-incomplete`, `undetermined-results` → `undetermined-results`,
 * `listed-criteria-unknown` → `missing-data`, with the subject as the item.
 */
export const RecognitionNoteSchema = z.strictObject({
  code: z.enum(['missing', 'threshold-unknown', 'needs-verdict', 'undetermined-results', 'listed-criteria-unknown']),
  subject: z.string(),
  message: z.string(),
});
export type RecognitionNote = z.infer<typeof RecognitionNoteSchema>;
/** @deprecated The notes' schema under its former name; outcomes' `why` is now `Reason[]` and the notes are `notes`. */
export const WhySchema = RecognitionNoteSchema;
/** @deprecated See {@link RecognitionNote}. */
export type Why = RecognitionNote;

/** A recognition condition of a commune under 18/2022/QĐ-TTg, as data. */
export const RecognitionConditionSpecSchema = z.discriminatedUnion('kind', [
  /** Every criterion of the applicable set met. */
  z.strictObject({ id: TextSchema, kind: z.literal('all-criteria'), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
  /** Residents' satisfaction at the level the rules require; the level is a requirement (often unknown). */
  z.strictObject({
    id: TextSchema,
    kind: z.literal('satisfaction'),
    nameVi: TextSchema,
    nameEn: TextSchema,
    requirement: LeafSpecSchema,
    source: SourceSchema,
  }),
  /** No outstanding capital-construction debt under the programme. */
  z.strictObject({ id: TextSchema, kind: z.literal('no-construction-debt'), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
  /** Not "complex" in security and order (18/2022/QĐ-TTg as issued). */
  z.strictObject({ id: TextSchema, kind: z.literal('security-order'), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
  /** Meets the Ministry of Public Security's standard "An toàn về an ninh, trật tự" (as amended by 03/2024/QĐ-TTg). */
  z.strictObject({ id: TextSchema, kind: z.literal('security-standard'), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
]);

/** A statement of the rules in words, with its source (who recognises; which year's results count). */
const StatedRuleSchema = z.strictObject({ vi: TextSchema, en: TextSchema, source: SourceSchema });
export type RecognitionConditionSpec = z.infer<typeof RecognitionConditionSpecSchema>;

/** The criteria whose failure counts in the revocation rule's first branch, for one set series. */
export const ListedCriteriaSchema = z.strictObject({
  series: SeriesSchema,
  /** Criterion numbers of that series; `null` when the names in the rule cannot be matched to numbers. */
  criteria: z.array(CriterionNumberSchema).nullable(),
  source: SourceSchema,
});

/** The revocation rule for one level (communes or districts). */
export const RevocationRuleSpecSchema = z.strictObject({
  /** Criterion names as the rule lists them. */
  listedNamesVi: z.array(TextSchema).min(1),
  /** Branch (a): from this share (%) of criteria below standard, with a listed criterion failing. */
  partialFromPercent: z.number().min(0).max(100),
  /** Branch (b): from this share (%) below standard, whatever the criteria. */
  majorityFromPercent: z.number().min(0).max(100),
  /** Districts only: from this share (%) of the district's communes whose recognition was revoked. */
  communesRevokedFromPercent: z.number().min(0).max(100).optional(),
  /**
   * How a share is compared with "từ 30 %": `exact` — the count of criteria below standard,
   * times 100, is compared with the percentage times the number of criteria (no rounding).
   */
  reading: z.strictObject({ rounding: z.literal('exact'), source: SourceSchema }),
  listed: z.array(ListedCriteriaSchema),
  source: SourceSchema,
});
export type RevocationRuleSpec = z.infer<typeof RevocationRuleSpecSchema>;

/** 18/2022/QĐ-TTg as data: the commune recognition conditions and the revocation rules. */
export const RecognitionRulesSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/),
  decision: z.strictObject({ number: TextSchema, date: IsoDateSchema, issuer: TextSchema, titleEn: TextSchema, source: SourceSchema }),
  /** The set series whose communes these conditions apply to. */
  appliesTo: z.array(SeriesSchema).min(1),
  /** The programme period (rules/series) whose sets these rules recognise under, e.g. `2021-2025`. */
  appliesToPeriod: z.string().regex(/^\d{4}-\d{4}$/).optional(),
  /** Derived from another rules file by calibration. */
  derivedFrom: z.string().optional(),
  /** The amending decision, when these rules are 18/2022 as amended (03/2024/QĐ-TTg), and the first results year it is read to govern. */
  amendment: z.strictObject({ number: TextSchema, provision: TextSchema, appliesFromYear: z.number().int().min(2000).max(2100), source: SourceSchema }).optional(),
  commune: z.strictObject({
    conditions: z.array(RecognitionConditionSpecSchema).min(1),
    revocation: RevocationRuleSpecSchema,
    /** Who recognises a commune and revokes its recognition. */
    decidedBy: StatedRuleSchema.optional(),
    /** Which year's evaluation results a recognition uses. */
    resultsYear: StatedRuleSchema.optional(),
  }),
  district: z.strictObject({ revocation: RevocationRuleSpecSchema }),
  notes: z.array(TextSchema).default([]),
});
export type RecognitionRules = z.infer<typeof RecognitionRulesSchema>;
export type RecognitionRulesInput = z.input<typeof RecognitionRulesSchema>;

/** The facts a recognition check needs beside the commune's result. */
export const RecognitionFactsSchema = z.strictObject({
  /** Residents satisfied with the commune's NTM results (%), from the Fatherland Front's survey: 87.5 or "87,5". */
  satisfaction: z.union([z.number(), z.string().max(50)]).optional(),
  /** The survey's own conclusion (Đạt / Không đạt), which decides when the required level is unknown. */
  satisfactionVerdict: z.union([z.string().max(50), z.boolean()]).optional(),
  /** Outstanding capital-construction debt under the programme: an amount (0 = none) or yes/no. */
  constructionDebt: z.union([z.number().min(0).max(1e15), z.boolean()]).optional(),
  /**
   * Security and order, as the police assess it: `safe` / `not-safe` against the Ministry of Public
   * Security's standard "An toàn về an ninh, trật tự" (18/2022 as amended by 03/2024/QĐ-TTg);
   * `complex` / `not-complex` for the condition of 18/2022 as issued.
   */
  security: z.enum(['complex', 'not-complex', 'safe', 'not-safe']).optional(),
  /** The commune is already recognised (any commune, in the plan or not): it gets its revocation risk. */
  recognised: z.boolean().optional(),
  /** The results year it was recognised for: the revocation risk is assessed on later years only. */
  recognisedYear: z.number().int().min(2010).max(2100).optional(),
});
export type RecognitionFacts = z.input<typeof RecognitionFactsSchema>;

/** A file of recognition facts by commune id (or name), as `ntm roadmap --facts` reads it. */
export const RecognitionFactsFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  description: z.string().max(2000).optional(),
  communes: z.record(z.string().min(1).max(200), RecognitionFactsSchema),
});
export type RecognitionFactsFile = z.input<typeof RecognitionFactsFileSchema>;

export const RecognitionStatusSchema = z.enum(['recognisable', 'not-recognisable', 'undetermined']);
export type RecognitionStatus = z.infer<typeof RecognitionStatusSchema>;

/** One recognition condition's outcome. */
const recognitionConditionResultObject = z.strictObject({
  /** The condition's number: `R1`…`R4` (18/2022), `D1`…`D5` (320/QĐ-TTg). */
  id: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  status: z.enum(['met', 'not-met', 'undetermined']),
  /** Computed from data, or decided by a verdict given as a fact. */
  basis: z.enum(['computed', 'verdict']),
  value: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  requirement: RequirementSchema.nullable(),
  textVi: z.string(),
  textEn: z.string(),
  /** Why the condition is undetermined, as the project's reasons (merged: each code once); empty when decided. */
  why: z.array(ReasonSchema),
  /** The same in words, for reports: what is missing or unknown, and about what. @deprecated Read `why`; the words stay for reports. */
  notes: z.array(RecognitionNoteSchema),
  source: SourceSchema,
});
/** One recognition condition's outcome. */
export interface RecognitionConditionResult {
  /** The condition's number: `R1`…`R4` (18/2022), `D1`…`D5` (320/QĐ-TTg). */
  id: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  status: 'met' | 'not-met' | 'undetermined';
  /** Computed from data, or decided by a verdict given as a fact. */
  basis: 'computed' | 'verdict';
  value: number | boolean | string | null;
  requirement: Requirement | null;
  textVi: string;
  textEn: string;
  /** Why the condition is undetermined, as the project's reasons (merged: each code once); empty when decided. */
  why: Reason[];
  /** The same in words, for reports: what is missing or unknown, and about what. @deprecated Read `why`; the words stay for reports. */
  notes: RecognitionNote[];
  source: Source;
}
/** The schema of {@link RecognitionConditionResult} (typed by the interface, so declarations name it). */
export const RecognitionConditionResultSchema: z.ZodType<RecognitionConditionResult, RecognitionConditionResult> = recognitionConditionResultObject;
/** @internal */
export const recognitionConditionResultShape = recognitionConditionResultObject;

/** Whether a commune (or district) can be recognised, condition by condition. */
const recognitionResultObject = z.strictObject({
  level: z.enum(['commune', 'district']),
  id: z.string(),
  name: z.string().optional(),
  setId: z.string(),
  year: z.number(),
  status: RecognitionStatusSchema,
  /** The rules applied: `national/recognition/2022` (or a calibration of it), or the district set's id. */
  rulesId: z.string(),
  conditions: z.array(RecognitionConditionResultSchema),
  /** Every condition's reasons, merged (each code once, with the union of its items). */
  why: z.array(ReasonSchema),
  /** Every condition's notes, in condition order. */
  notes: z.array(RecognitionNoteSchema),
});
/** Whether a commune (or district) can be recognised, condition by condition. */
export interface RecognitionResult {
  level: 'commune' | 'district';
  id: string;
  name?: string;
  setId: string;
  year: number;
  status: RecognitionStatus;
  /** The rules applied: `national/recognition/2022` (or a calibration of it), or the district set's id. */
  rulesId: string;
  conditions: RecognitionConditionResult[];
  /** Every condition's reasons, merged (each code once, with the union of its items). */
  why: Reason[];
  /** Every condition's notes, in condition order. */
  notes: RecognitionNote[];
}
/** The schema of {@link RecognitionResult} (typed by the interface, so declarations name it). */
export const RecognitionResultSchema: z.ZodType<RecognitionResult, RecognitionResult> = recognitionResultObject;
/** @internal */
export const recognitionResultShape = recognitionResultObject;

const RangeSchema = z.strictObject({ min: z.number(), max: z.number() });

/** One branch of the revocation rule, as its mechanisms decided it. */
const revocationBranchObject = z.strictObject({
  branch: z.enum(['partial-with-listed', 'majority', 'communes-revoked']),
  /** `met`: the branch holds whatever the undecided criteria turn out to be. */
  status: z.enum(['met', 'not-met', 'undetermined']),
  /** What the branch counts — criteria below standard, or communes revoked — as a range while criteria are undecided; `null` when not given. */
  count: RangeSchema.nullable(),
  /** The count from which the branch holds (`null` when the count is not given). */
  fromCount: z.number().nullable(),
  /** Why the branch is undetermined (the undecided criteria that could tip it, an unknown list, a missing figure); empty when decided. */
  why: z.array(ReasonSchema),
});
/** One branch of the revocation rule, as its mechanisms decided it. */
export interface RevocationBranch {
  branch: 'partial-with-listed' | 'majority' | 'communes-revoked';
  /** `met`: the branch holds whatever the undecided criteria turn out to be. */
  status: 'met' | 'not-met' | 'undetermined';
  /** What the branch counts — criteria below standard, or communes revoked — as a range while criteria are undecided; `null` when not given. */
  count: { min: number; max: number } | null;
  /** The count from which the branch holds (`null` when the count is not given). */
  fromCount: number | null;
  /** Why the branch is undetermined (the undecided criteria that could tip it, an unknown list, a missing figure); empty when decided. */
  why: Reason[];
}
/** The schema of {@link RevocationBranch}. */
export const RevocationBranchSchema: z.ZodType<RevocationBranch, RevocationBranch> = revocationBranchObject;

/** Whether a recognised commune (or district) meets the revocation rule of 18/2022/QĐ-TTg. */
const revocationRiskObject = z.strictObject({
  level: z.enum(['commune', 'district']),
  id: z.string(),
  setId: z.string(),
  year: z.number(),
  /** `revocable`: the rule is met whatever the undecided criteria turn out to be; `undetermined`: it depends on them. */
  status: z.enum(['revocable', 'not-revocable', 'undetermined']),
  /** Which branch meets the rule when it is met on the decided criteria alone. */
  branch: z.enum(['partial-with-listed', 'majority', 'communes-revoked']).nullable(),
  criteriaTotal: z.number(),
  /** Criteria below standard: `min` counts the decided ones, `max` adds every undecided one. */
  belowStandard: RangeSchema,
  /** The same as shares (%), rounded to 2 decimals for display; comparisons use the counts. */
  share: RangeSchema,
  /** Counts at which each branch starts, under the rule's reading (`exact`: 6 and 10 of 19). */
  thresholds: z.strictObject({ partialFromCount: z.number(), majorityFromCount: z.number() }),
  listed: z.strictObject({
    /** The listed criteria of this set, `null` when not known for it. */
    criteria: z.array(z.string()).nullable(),
    failing: z.array(z.string()),
    undetermined: z.array(z.string()),
    source: SourceSchema.nullable(),
  }),
  /** Criteria recorded "cơ bản đạt" (basically met): below standard, as they do not count as met. */
  basicallyMet: z.array(z.string()),
  /** How many more criteria below standard (beyond the decided ones) would meet the rule; 0 when it is met. */
  moreToRevoke: z.number().nullable(),
  /** Each branch of the rule as its mechanisms decided it: (a) and (b), and at district level the share of communes revoked. */
  branches: z.array(RevocationBranchSchema),
  textVi: z.string(),
  textEn: z.string(),
  /** Why the risk is undetermined, as the project's reasons (merged: each code once); empty otherwise. */
  why: z.array(ReasonSchema),
  /** The same in words, for reports. @deprecated Read `why`; the words stay for reports. */
  notes: z.array(RecognitionNoteSchema),
  source: SourceSchema,
});
/** Whether a recognised commune (or district) meets the revocation rule of 18/2022/QĐ-TTg. */
export interface RevocationRisk {
  level: 'commune' | 'district';
  id: string;
  setId: string;
  year: number;
  /** `revocable`: the rule is met whatever the undecided criteria turn out to be; `undetermined`: it depends on them. */
  status: 'revocable' | 'not-revocable' | 'undetermined';
  /** Which branch meets the rule when it is met on the decided criteria alone. */
  branch: 'partial-with-listed' | 'majority' | 'communes-revoked' | null;
  criteriaTotal: number;
  /** Criteria below standard: `min` counts the decided ones, `max` adds every undecided one. */
  belowStandard: { min: number; max: number };
  /** The same as shares (%), rounded to 2 decimals for display; comparisons use the counts. */
  share: { min: number; max: number };
  /** Counts at which each branch starts, under the rule's reading (`exact`: 6 and 10 of 19). */
  thresholds: { partialFromCount: number; majorityFromCount: number };
  listed: {
    /** The listed criteria of this set, `null` when not known for it. */
    criteria: string[] | null;
    failing: string[];
    undetermined: string[];
    source: Source | null;
  };
  /** Criteria recorded "cơ bản đạt" (basically met): below standard, as they do not count as met. */
  basicallyMet: string[];
  /** How many more criteria below standard (beyond the decided ones) would meet the rule; 0 when it is met. */
  moreToRevoke: number | null;
  /** Each branch of the rule as its mechanisms decided it: (a) and (b), and at district level the share of communes revoked. */
  branches: RevocationBranch[];
  textVi: string;
  textEn: string;
  /** Why the risk is undetermined, as the project's reasons (merged: each code once); empty otherwise. */
  why: Reason[];
  /** The same in words, for reports. @deprecated Read `why`; the words stay for reports. */
  notes: RecognitionNote[];
  source: Source;
}
/** The schema of {@link RevocationRisk} (typed by the interface, so declarations name it). */
export const RevocationRiskSchema: z.ZodType<RevocationRisk, RevocationRisk> = revocationRiskObject;
/** @internal */
export const revocationRiskShape = revocationRiskObject;
