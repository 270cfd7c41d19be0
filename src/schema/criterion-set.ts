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
    const classes = new Set<string>();
    set.regionOverrides.forEach((o, i) => {
      if (classes.has(o.class)) ctx.addIssue({ code: 'custom', path: ['regionOverrides', i, 'class'], message: `duplicate class "${o.class}"` });
      classes.add(o.class);
    });
  });
export type CriterionSet = z.infer<typeof CriterionSetSchema>;
/** A criterion set as written in a file, before defaults are applied. */
export type CriterionSetInput = z.input<typeof CriterionSetSchema>;

/** Checks a requirement against the indicator's measure: operators need numbers, percentages stay in 0–100. */
function requirementProblems(
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
