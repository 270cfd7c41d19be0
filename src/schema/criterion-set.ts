import * as z from 'zod';
import {
  IsoDateSchema,
  LegalReferenceSchema,
  RegionCodeSchema,
  SourceSchema,
  TextSchema,
} from './common.js';
import { CaseKeySchema, DimensionIdSchema, RequirementSpecSchema, visitRequirement, type RequirementSpec } from './requirement.js';

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

/** A class of commune that uses another column of a dimension (e.g. especially-difficult communes use TDMNPB). */
export const ColumnOverrideSchema = z.strictObject({
  class: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case class id'),
  nameVi: TextSchema,
  nameEn: TextSchema,
  /** The column the class uses. */
  column: CaseKeySchema,
  source: SourceSchema,
});
export type ColumnOverride = z.infer<typeof ColumnOverrideSchema>;
/** @deprecated Use {@link ColumnOverrideSchema}: overrides now live in a column dimension. */
export const RegionOverrideSchema = ColumnOverrideSchema;
/** @deprecated Use {@link ColumnOverride}. */
export type RegionOverride = ColumnOverride;

/** One column of a column dimension: a region of 318/QĐ-TTg Annex I, a commune group (nhóm) of 51/2025. */
export const DimensionColumnSchema = z.strictObject({
  key: CaseKeySchema,
  nameVi: TextSchema.optional(),
  nameEn: TextSchema.optional(),
});
export type DimensionColumn = z.infer<typeof DimensionColumnSchema>;

/**
 * How a dimension's column is derived from facts of the commune when the input does not give it:
 * by a bundled group rule file (`group-rules`), whose groups are the dimension's columns. The
 * facts come in the input's `facts`; the result names the rule that placed the commune.
 */
export const DimensionDerivationSchema = z.strictObject({
  kind: z.literal('group-rules'),
  /** The id of the rule file, e.g. `national/commune-groups/2026`. */
  rules: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected a rule file id like "national/commune-groups/2026"'),
  note: TextSchema.optional(),
});
export type DimensionDerivation = z.infer<typeof DimensionDerivationSchema>;

/**
 * A dimension whose values are columns of the decision's tables (region, commune group). The
 * commune's column comes from its input (`dimensions.<id>`, or the field named as the dimension,
 * `region` / `communeGroup`), else from one of its classes' overrides, else from its `derivation`
 * on the input's facts, else `default`; with none of these the input is in error.
 */
export const ColumnDimensionSchema = z.strictObject({
  kind: z.literal('column'),
  nameVi: TextSchema,
  nameEn: TextSchema,
  columns: z.array(DimensionColumnSchema).min(1).max(50),
  default: CaseKeySchema.nullable(),
  overrides: z.array(ColumnOverrideSchema).default([]),
  derivation: DimensionDerivationSchema.optional(),
  source: SourceSchema.optional(),
});
export type ColumnDimension = z.infer<typeof ColumnDimensionSchema>;

/**
 * The time dimension: the day a value applies. A commune assessed for year `y` is evaluated at
 * `y-01-01` (the start of the period, as OpenFisca reads a yearly period).
 */
export const DateDimensionSchema = z.strictObject({
  kind: z.literal('date'),
  note: TextSchema.optional(),
});

/** A dimension a set's values may vary along. */
export const DimensionSchema = z.discriminatedUnion('kind', [ColumnDimensionSchema, DateDimensionSchema]);
export type Dimension = z.infer<typeof DimensionSchema>;

/** The dimensions a set declares, by id (`region`, `communeGroup`, `date`). */
export const DimensionsSchema = z.record(DimensionIdSchema, DimensionSchema);
export type Dimensions = z.infer<typeof DimensionsSchema>;

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
    /** What the set's values vary along: region columns, commune groups, the date. */
    dimensions: DimensionsSchema.default({}),
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
    for (const problem of dimensionProblems(set.dimensions)) ctx.addIssue({ code: 'custom', path: ['dimensions', ...problem.path], message: problem.message });
    const requirementPaths: Array<{ spec: RequirementSpec; path: Array<string | number> }> = [];
    set.criteria.forEach((c, ci) => c.indicators.forEach((ind, ii) => requirementPaths.push({ spec: ind.requirement, path: ['criteria', ci, 'indicators', ii, 'requirement'] })));
    (set.conditions ?? []).forEach((c, i) => {
      for (const { field, spec } of conditionRequirements(c)) requirementPaths.push({ spec, path: ['conditions', i, field] });
    });
    for (const { spec, path } of requirementPaths) {
      for (const problem of selectionProblems(spec, set.dimensions)) ctx.addIssue({ code: 'custom', path: [...path, ...problem.path], message: problem.message });
    }
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
  visitRequirement(spec, ({ leaf: s, path }) => {
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
    }
  });
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems within the dimension declarations: defaults and overrides must name declared columns. */
function dimensionProblems(dimensions: Dimensions): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  for (const [id, d] of Object.entries(dimensions)) {
    if (d.kind === 'date') {
      if (id !== 'date') out.push({ path: [id, 'kind'], message: `the time dimension is called "date", not "${id}"` });
      continue;
    }
    if (id === 'date') {
      out.push({ path: [id, 'kind'], message: 'the "date" dimension is the time dimension: its kind is "date"' });
      continue;
    }
    const keys = new Set<string>();
    d.columns.forEach((c, i) => {
      if (id === 'region' && !RegionCodeSchema.safeParse(c.key).success) out.push({ path: [id, 'columns', i, 'key'], message: `a region column is one of ${RegionCodeSchema.options.join(', ')}, got "${c.key}"` });
      if (keys.has(c.key)) out.push({ path: [id, 'columns', i, 'key'], message: `duplicate column "${c.key}"` });
      keys.add(c.key);
    });
    if (d.default !== null && !keys.has(d.default)) out.push({ path: [id, 'default'], message: `"${d.default}" is not a column of ${id} (${[...keys].join(', ')})` });
    const classes = new Set<string>();
    d.overrides.forEach((o, i) => {
      if (classes.has(o.class)) out.push({ path: [id, 'overrides', i, 'class'], message: `duplicate class "${o.class}"` });
      classes.add(o.class);
      if (!keys.has(o.column)) out.push({ path: [id, 'overrides', i, 'column'], message: `"${o.column}" is not a column of ${id} (${[...keys].join(', ')})` });
    });
  }
  return out;
}

/**
 * Problems with the `by` nodes of a requirement against the set's dimensions: the dimension must
 * be declared, column cases must name its columns, date cases must be calendar dates.
 *
 * @example selectionProblems({ kind: 'by', dimension: 'region', cases: { XX: leaf } }, dims) // [{ path: ['cases', 'XX'], … }]
 */
export function selectionProblems(spec: RequirementSpec, dimensions: Dimensions): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const walk = (s: RequirementSpec, path: Array<string | number>, seen: ReadonlySet<string>): void => {
    if (s.kind !== 'by') return;
    const dim = Object.hasOwn(dimensions, s.dimension) ? dimensions[s.dimension] : undefined;
    if (dim === undefined) {
      const known = Object.keys(dimensions);
      out.push({ path: [...path, 'dimension'], message: `the set declares no dimension "${s.dimension}"${known.length ? ` (it declares ${known.join(', ')})` : ''}` });
    } else if (seen.has(s.dimension)) {
      out.push({ path: [...path, 'dimension'], message: `"${s.dimension}" is already selected by an enclosing "by"` });
    }
    const columns = dim?.kind === 'column' ? new Set(dim.columns.map((c) => c.key)) : null;
    const inner = new Set([...seen, s.dimension]);
    for (const [key, sub] of Object.entries(s.cases)) {
      if (dim?.kind === 'date' && !(ISO_DATE.test(key) && !Number.isNaN(Date.parse(`${key}T00:00:00Z`)) && new Date(`${key}T00:00:00Z`).toISOString().startsWith(key))) {
        out.push({ path: [...path, 'cases', key], message: `a date case is keyed by the day it takes effect (yyyy-MM-dd), got "${key}"` });
      }
      if (columns !== null && !columns.has(key)) out.push({ path: [...path, 'cases', key], message: `"${key}" is not a column of ${s.dimension} (${[...columns].join(', ')})` });
      walk(sub, [...path, 'cases', key], inner);
    }
    if (s.otherwise !== undefined) walk(s.otherwise, [...path, 'otherwise'], inner);
  };
  walk(spec, [], new Set());
  return out;
}
