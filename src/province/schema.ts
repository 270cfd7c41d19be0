import { z } from 'zod';
import { IsoDateSchema, LegalReferenceSchema, SourceSchema, TextSchema } from '../schema/common.js';
import { RequirementSpecSchema } from '../schema/requirement.js';
import { CommuneOutcomeSchema, ConditionResultSchema } from '../district/index.js';

const base = {
  id: z.string().regex(/^P\d{1,2}$/, 'expected a condition id like "P2"'),
  nameVi: TextSchema,
  nameEn: TextSchema,
  source: SourceSchema,
  notes: TextSchema.optional(),
};

/** A condition of the province-completion rules (51/2025/QĐ-TTg, Phụ lục III). */
export const ProvinceConditionSchema = z.discriminatedUnion('kind', [
  /** Share (%) of the province's communes meeting the commune set (`commune`) or the modern-commune framework. */
  z.strictObject({ ...base, kind: z.literal('share-of-communes'), level: z.enum(['commune', 'commune-modern']), requirement: RequirementSpecSchema }),
  /**
   * Wards formed with communes and mostly agricultural, and special zones: each must meet a share
   * of the criterion contents, including the contents named.
   */
  z.strictObject({
    ...base,
    kind: z.literal('contents-of-units'),
    scope: z.strictObject({
      wardFormedWithCommunes: z.literal(true),
      agriculturalLand: RequirementSpecSchema,
      agriculturalLandDate: IsoDateSchema,
      specialZones: z.boolean(),
    }),
    requirement: RequirementSpecSchema,
    namedContents: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), nameVi: TextSchema, nameEn: TextSchema })),
    namedContentsSource: SourceSchema,
  }),
]);
export type ProvinceCondition = z.infer<typeof ProvinceConditionSchema>;

/** The province-completion rules as data. */
export const ProvinceRulesSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected an id like "national/province-ntm/2026"'),
    nameVi: TextSchema,
    nameEn: TextSchema,
    legalBasis: LegalReferenceSchema,
    effectiveFrom: IsoDateSchema,
    effectiveFromSource: SourceSchema,
    conditions: z.array(ProvinceConditionSchema).min(1),
    notes: z.array(TextSchema).default([]),
  })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    r.conditions.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['conditions', i, 'id'], message: `duplicate condition id "${c.id}"` });
      ids.add(c.id);
    });
  });
export type ProvinceRules = z.infer<typeof ProvinceRulesSchema>;

const Percent = z.union([z.number(), z.string().max(50)]);
const Verdict = z.union([z.string().max(50), z.boolean()]);
const UnitId = z.string().min(1).max(200);

/** A unit judged on its share of criterion contents (a ward or a special zone). */
const ContentsUnitSchema = {
  id: UnitId,
  name: z.string().max(200).optional(),
  /** Criterion contents met, of how many assessed. Absent: not assessed yet. */
  contents: z.strictObject({ met: z.number().int().min(0).max(10_000), total: z.number().int().min(1).max(10_000) }).optional(),
  /** Verdicts on the named contents, by id (`income-growth`, `clean-water`, …). */
  namedContents: z.record(z.string().max(100), Verdict).optional(),
};

/** A province's data for one year, for {@link evaluateProvince}. */
export const ProvinceInputSchema = z.strictObject({
  provinceId: UnitId,
  name: z.string().max(200).optional(),
  year: z.number().int().min(2026).max(2100),
  /** The communes with their result under the commune set in force (51/2025/QĐ-TTg). */
  communes: z.array(CommuneOutcomeSchema).max(5000),
  /** How many communes the province has; those without a result count as not assessed. Default: as many as listed. */
  communeCount: z.number().int().min(1).max(5000).optional(),
  /** Results under the modern-commune framework (Phụ lục II), for the communes assessed on it. */
  modernCommunes: z.array(CommuneOutcomeSchema).max(5000).optional(),
  /**
   * `true` when `modernCommunes` names every modern NTM commune of the province (e.g. the list of
   * recognitions): a listed commune missing from it is then not modern. Default: not assessed.
   */
  modernCommunesComplete: z.boolean().optional(),
  /** The province's wards, with what decides whether condition P3 covers them. `[]`: none. Absent: not known. */
  wards: z
    .array(z.strictObject({ ...ContentsUnitSchema, formedWithCommunes: z.boolean().nullable(), agriculturalLandShare: Percent.nullable() }))
    .max(1000)
    .optional(),
  /** The province's special zones (đặc khu). `[]`: none. Absent: not known. */
  specialZones: z.array(z.strictObject(ContentsUnitSchema)).max(100).optional(),
  /** Official verdicts on conditions, by id (`P2`): the verdict stands, a disagreement is flagged. */
  conditions: z.record(z.string().max(10), Verdict).optional(),
});
export type ProvinceInput = z.input<typeof ProvinceInputSchema>;

/** A province's outcome under the completion rules: each condition with its numbers, and the status. */
export const ProvinceResultSchema = z.strictObject({
  provinceId: z.string(),
  name: z.string().optional(),
  rulesId: z.string(),
  year: z.number(),
  /** `met` only when every condition is met (or not applicable). */
  status: z.enum(['met', 'not-met', 'undetermined']),
  conditionsMet: z.number(),
  conditionsNotMet: z.number(),
  conditionsUndetermined: z.number(),
  conditions: z.array(ConditionResultSchema),
});
export type ProvinceResult = z.infer<typeof ProvinceResultSchema>;
