import * as z from 'zod';
import { OperatorSchema, type Operator } from './requirement.js';
import { RegionCodeSchema, SourceSchema, type RegionCode, type Source } from './common.js';
import { VerdictSchema, CriterionVerdictSchema, type CriterionVerdict, type Verdict } from './input.js';

/**
 * A requirement resolved for one evaluation context (a value on each dimension): plain data that can print itself
 * (`textVi` / `textEn`), be compared ({@link compareRequirement}) and cite its source.
 */
const requirementUnion = z.discriminatedUnion('kind', [
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
/** A resolved `compare` requirement: a number compared with `value` in the indicator's unit. */
export interface ComparisonRequirement {
  readonly kind: 'compare';
  readonly operator: Operator;
  readonly value: number;
  readonly unit: string | null;
  /** Column the value was taken from; `null` when the set gives one value for all regions. */
  readonly region: RegionCode | null;
  /** The case chosen on each dimension the value varies along, e.g. `{ region: 'TN' }`, `{ communeGroup: '2' }`. */
  readonly cases?: Readonly<Record<string, string>>;
  readonly textVi: string;
  readonly textEn: string;
  readonly source: Readonly<Source>;
}

/** A resolved `is-met` requirement: the owning agency's verdict must be Đạt. */
export interface IsMetRequirement {
  readonly kind: 'is-met';
  readonly cases?: Readonly<Record<string, string>>;
  readonly textVi: string;
  readonly textEn: string;
  readonly source: Readonly<Source>;
}

/** A requirement no source gives for this context: a value is `threshold-unknown`, never "not met". */
export interface UnknownRequirement {
  readonly kind: 'unknown';
  readonly region: RegionCode | null;
  readonly cases?: Readonly<Record<string, string>>;
  readonly textVi: string;
  readonly textEn: string;
  readonly note?: string;
}

/**
 * A requirement resolved for one evaluation context, as results carry it (read-only plain data):
 * {@link ComparisonRequirement}, {@link IsMetRequirement} or {@link UnknownRequirement}.
 */
export type Requirement = ComparisonRequirement | IsMetRequirement | UnknownRequirement;
/** The schema of {@link Requirement}. */
export const RequirementSchema: z.ZodType<Requirement, Requirement> = requirementUnion;
/** @internal The unannotated schema, for the type tests that pin {@link Requirement} to it. */
export const requirementShape = requirementUnion;

export const IndicatorStatusSchema = z.enum(['met', 'not-met', 'missing', 'threshold-unknown', 'not-applicable']);
/** `missing`: neither value nor verdict; `threshold-unknown`: a value the set cannot judge. */
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

export const StatusSchema = z.enum(['met', 'not-met', 'undetermined']);
/** Status of a criterion or a commune. */
export type Status = z.infer<typeof StatusSchema>;

/**
 * The states an appraisal records for a criterion: met (đạt), basically met (cơ bản đạt), not met
 * (chưa đạt) — and undetermined when nothing decides it. Basically met never counts as met: its
 * {@link Status} is `not-met`, and results count it apart (`criteriaBasicallyMet`). No source the
 * library holds says how "cơ bản đạt" counts; reading it as below standard is the library's
 * reading of "a commune meets the set when every criterion is met (đạt)".
 */
export const VerdictStateSchema = z.enum(['met', 'basically-met', 'not-met', 'undetermined']);
/** A criterion's state: {@link Status} with "cơ bản đạt" (`basically-met`) told apart from not met. */
export type VerdictState = z.infer<typeof VerdictStateSchema>;

/** One indicator's outcome with everything needed to explain it. */
const indicatorResultObject = z.strictObject({
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
/** One indicator's outcome with everything needed to explain it (read-only: results are frozen). */
export interface IndicatorResult {
  readonly code: string;
  readonly nameVi: string | null;
  readonly nameEn: string;
  readonly status: IndicatorStatus;
  readonly value: number | boolean | null;
  readonly verdict: Verdict | null;
  readonly requirement: Requirement;
  /** Distance to the threshold in the indicator's unit: 0 when met, `null` when not numeric. */
  readonly shortfall: number | null;
  /** Set when the value and the verdict disagree; the verdict stands. */
  readonly conflict?: { readonly verdict: Verdict; readonly valueOutcome: 'met' | 'not-met' };
  readonly note?: string;
  /** Owning agencies, when evaluated with a plan. */
  readonly owners?: readonly string[];
  readonly source: Readonly<Source>;
}
/** The schema of {@link IndicatorResult}. */
export const IndicatorResultSchema: z.ZodType<IndicatorResult, IndicatorResult> = indicatorResultObject;
/** @internal */
export const indicatorResultShape = indicatorResultObject;

/**
 * Why something is undetermined — one shape from indicator to criterion, commune, district
 * condition and plan target, merged upward (as Publicodes' `missingVariables`): each code once,
 * with the union of what it is about.
 */
const reasonObject = z.strictObject({
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
/** What a {@link Reason} is about; see {@link ReasonSchema}. */
export type ReasonCode = 'missing' | 'threshold-unknown' | 'indicator-list-incomplete' | 'undetermined-results' | 'not-assessed' | 'missing-data';
/**
 * Why something is undetermined: one code and what it is about (indicator codes, criterion
 * numbers, commune ids or condition ids). Merged up the tree, each code once.
 */
export interface Reason {
  readonly code: ReasonCode;
  readonly items: readonly string[];
}
/** The schema of {@link Reason}. */
export const ReasonSchema: z.ZodType<Reason, Reason> = reasonObject;
/** @internal */
export const reasonShape = reasonObject;

/** One criterion's outcome. */
const criterionResultObject = z.strictObject({
  number: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  status: StatusSchema,
  /** The status with "cơ bản đạt" told apart: `basically-met` (whose status is `not-met`). */
  state: VerdictStateSchema,
  /** What decided the status: the indicators, or a criterion-level verdict. */
  basis: z.enum(['indicators', 'verdict']),
  verdict: CriterionVerdictSchema.nullable(),
  /** Set when a criterion verdict contradicts what the indicators decide; the verdict stands. */
  conflict: z.strictObject({ verdict: CriterionVerdictSchema, indicatorsOutcome: z.enum(['met', 'not-met']) }).optional(),
  /** Why an `undetermined` criterion could not be decided. @deprecated Read `why` (the same as reasons that merge up the tree). */
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
/** One criterion's outcome (read-only: results are frozen). */
export interface CriterionResult {
  readonly number: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly status: Status;
  /** The status with "cơ bản đạt" told apart: `basically-met` (whose status is `not-met`). */
  readonly state: VerdictState;
  /** What decided the status: the indicators, or a criterion-level verdict. */
  readonly basis: 'indicators' | 'verdict';
  readonly verdict: CriterionVerdict | null;
  /** Set when a criterion verdict contradicts what the indicators decide; the verdict stands. */
  readonly conflict?: { readonly verdict: CriterionVerdict; readonly indicatorsOutcome: 'met' | 'not-met' };
  /** Why an `undetermined` criterion could not be decided. @deprecated Read `why` (the same as reasons that merge up the tree). */
  readonly undeterminedBecause?: {
    readonly missing: readonly string[];
    readonly thresholdUnknown: readonly string[];
    /** The set does not list all of this criterion's indicators. */
    readonly indicatorListIncomplete: boolean;
  };
  /** The same, as reasons that merge up the tree (present when `undetermined`). */
  readonly why?: readonly Reason[];
  readonly indicators: readonly IndicatorResult[];
}
/** The schema of {@link CriterionResult}. */
export const CriterionResultSchema: z.ZodType<CriterionResult, CriterionResult> = criterionResultObject;
/** @internal */
export const criterionResultShape = criterionResultObject;

/** The rule of a derivation that placed a commune in a column. */
const derivingRuleObject = z.strictObject({ id: z.string(), nameVi: z.string(), nameEn: z.string(), source: SourceSchema });

/**
 * How a commune's value on one dimension was obtained: `given` by the input, from the `year`
 * (the date dimension), by one of its `class`es, `derived` by a rule of the set's derivation
 * from the input's facts (the rule and its source named), the set's `default`, `undetermined`
 * when the facts given do not decide it (the facts missing and the columns still possible), or
 * `missing` — not given, with no default, on a dimension no requirement of the set selects by.
 */
const dimensionBasisObject = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('given') }),
  z.strictObject({ basis: z.literal('year') }),
  z.strictObject({ basis: z.literal('class'), class: z.string() }),
  z.strictObject({ basis: z.literal('derived'), rules: z.string(), rule: derivingRuleObject }),
  z.strictObject({ basis: z.literal('default') }),
  z.strictObject({ basis: z.literal('missing') }),
  z.strictObject({ basis: z.literal('undetermined'), rules: z.string(), missingFacts: z.array(z.string()), candidates: z.array(z.string()) }),
]);
/** How a commune's value on one dimension was obtained (see {@link DimensionBasisSchema}); read-only, shared by results. */
export type DimensionBasis =
  | { readonly basis: 'given' }
  | { readonly basis: 'year' }
  | { readonly basis: 'class'; readonly class: string }
  | { readonly basis: 'derived'; readonly rules: string; readonly rule: { readonly id: string; readonly nameVi: string; readonly nameEn: string; readonly source: Readonly<Source> } }
  | { readonly basis: 'default' }
  | { readonly basis: 'missing' }
  | { readonly basis: 'undetermined'; readonly rules: string; readonly missingFacts: readonly string[]; readonly candidates: readonly string[] };
/** The schema of {@link DimensionBasis}. */
export const DimensionBasisSchema: z.ZodType<DimensionBasis, DimensionBasis> = dimensionBasisObject;

/** A commune's outcome under one set for one year. */
const communeResultObject = z.strictObject({
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
  /** How each value of `dimensions` was obtained, by dimension id (absent in results of earlier versions). */
  dimensionBasis: z.record(z.string(), dimensionBasisObject).optional(),
  status: StatusSchema,
  criteriaMet: z.number(),
  criteriaNotMet: z.number(),
  criteriaUndetermined: z.number(),
  /** Of the criteria not met, those recorded "cơ bản đạt" (basically met): counted in `criteriaNotMet` too. */
  criteriaBasicallyMet: z.number(),
  criteria: z.array(CriterionResultSchema),
  /** Why the commune is undetermined: its undetermined criteria's reasons, merged (present when `undetermined`). */
  why: z.array(ReasonSchema).optional(),
});
/**
 * A commune's outcome under one set for one year: plain, JSON-serialisable data, read-only (results
 * are frozen and may share indicator results; copy with `structuredClone` to edit). Find a
 * criterion or an indicator with {@link criterionResult} / {@link indicatorResult}.
 */
export interface CommuneResult {
  readonly communeId: string;
  readonly name?: string;
  readonly setId: string;
  readonly year: number;
  readonly region: RegionCode | null;
  /**
   * The value of every dimension the set declares, as evaluated: e.g. `{ region: 'TN', date:
   * '2023-01-01' }`, `{ communeGroup: '2', date: '2026-01-01' }`.
   */
  readonly dimensions: Readonly<Record<string, string | null>>;
  /**
   * How each value of `dimensions` was obtained, by dimension id: given, from the year, by a
   * class, derived by a rule (named, with its source), the set's default, or undetermined.
   * Always present in results of this version; absent in results written by earlier ones.
   */
  readonly dimensionBasis?: Readonly<Record<string, DimensionBasis>>;
  readonly status: Status;
  readonly criteriaMet: number;
  readonly criteriaNotMet: number;
  readonly criteriaUndetermined: number;
  /** Of the criteria not met, those recorded "cơ bản đạt" (basically met): counted in `criteriaNotMet` too. */
  readonly criteriaBasicallyMet: number;
  readonly criteria: readonly CriterionResult[];
  /** Why the commune is undetermined: its undetermined criteria's reasons, merged (present when `undetermined`). */
  readonly why?: readonly Reason[];
}
/** The schema of {@link CommuneResult}. */
export const CommuneResultSchema: z.ZodType<CommuneResult, CommuneResult> = communeResultObject;
/** @internal */
export const communeResultShape = communeResultObject;

/** A batch entry that could not be evaluated; it keeps its place in the batch. */
const evaluationErrorRecordObject = z.strictObject({
  index: z.number(),
  communeId: z.string().optional(),
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    file: z.string().optional(),
    issues: z.array(z.strictObject({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  }),
});
/**
 * A batch entry that could not be evaluated (`{ index, communeId?, error }`); it keeps its place in
 * the batch. Unlike results it is not frozen (it is the caller's to reword or enrich).
 */
export interface EvaluationErrorRecord {
  index: number;
  communeId?: string;
  error: {
    code: string;
    message: string;
    file?: string;
    issues: Array<{ code: string; path: Array<string | number>; message: string }>;
  };
}
/** The schema of {@link EvaluationErrorRecord}. */
export const EvaluationErrorRecordSchema: z.ZodType<EvaluationErrorRecord, EvaluationErrorRecord> = evaluationErrorRecordObject;
/** @internal */
export const evaluationErrorRecordShape = evaluationErrorRecordObject;

/**
 * @internal A result type with its top-level fields writable, for the code that assembles a result
 * before handing it out (results are read-only to their users).
 */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };
