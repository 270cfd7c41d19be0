import * as z from 'zod';
import { DocumentSchema, LegalReferenceSchema, SourceCitationSchema, SourceSchema } from './common.js';
import { ConditionSchema, CriterionSchema, CriterionSetSchema, IndicatorSchema } from './criterion-set.js';

const SET_ID = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/** Fields of one entry, each replacing the entry's field whole; only the entry's own fields may be named. */
const fieldsOf = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, z.unknown().optional()])));
const SET_FIELDS = Object.keys(CriterionSetSchema.shape).filter((k) => !['$schema', 'id', 'kind', 'level', 'criteria', 'conditions'].includes(k));
const CRITERION_FIELDS = Object.keys(CriterionSchema.shape).filter((k) => k !== 'number' && k !== 'indicators');
const INDICATOR_FIELDS = Object.keys(IndicatorSchema.shape).filter((k) => k !== 'code');
const CONDITION_FIELDS = [...new Set(ConditionSchema.options.flatMap((o) => Object.keys(o.shape)))].filter((k) => k !== 'id' && k !== 'kind');

/**
 * An amendment written as a dated change to the version it amends (211/QĐ-TTg on the 2022 sets),
 * not as a copy. Loading applies it to the base set and validates the result as a whole set, so
 * the amended version is fingerprinted as the set it resolves to.
 *
 * - `set`: top-level fields, merged as a JSON merge patch (RFC 7386): objects merge, arrays and
 *   other values replace, `null` removes.
 * - `criteria` (by number), `indicators` (by code), `conditions` (by id): each field given
 *   replaces that field of the entry whole; `null` removes it.
 * - `indicators` may also add an indicator the base does not list, to the criterion its code
 *   names: the entry then gives every field an indicator needs (`nameVi`, `nameEn`, `measure`,
 *   `requirement`, `source`), and it is placed in code order.
 * - `amendment` is appended to the base's `basedOn` unless `set.basedOn` is given.
 * - `kind`: a set another issuer derives from the base (a province's set on the national one) is a
 *   kind of its own; without it the amended version keeps the base's kind.
 */
export const SetPatchSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** Id of the version amended, e.g. `dak-nong/commune-ntm/2022`. */
  patchOf: z.string().regex(SET_ID, 'expected a set id'),
  /** Id of the amended version, e.g. `dak-nong/commune-ntm/2024`. */
  id: z.string().regex(SET_ID, 'expected a set id'),
  /** Kind of the derived set, e.g. `dak-nong/commune-ntm` on `national/commune-ntm`; the base's kind by default. */
  kind: z.string().regex(SET_ID, 'expected a kind like "dak-nong/commune-ntm"').optional(),
  /** The amending decision (for a derived set, the deriving one). */
  amendment: LegalReferenceSchema,
  /** Documents this patch cites by id, each with the provision cited (`{ "document": id, "provision": … }`). */
  documents: z.record(z.string(), DocumentSchema).optional(),
  /** Sources this patch refers to by id: written in full, or as a citation of one of its documents. */
  sources: z.record(z.string(), z.union([SourceSchema, SourceCitationSchema])).optional(),
  set: fieldsOf(SET_FIELDS).default({}),
  criteria: z.record(z.string().regex(/^[1-9]\d?$/, 'expected a criterion number'), fieldsOf(CRITERION_FIELDS)).default({}),
  indicators: z.record(z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'expected an indicator code'), fieldsOf(INDICATOR_FIELDS)).default({}),
  conditions: z.record(z.string().regex(/^[A-Z]\d{1,2}$/, 'expected a condition id'), fieldsOf(CONDITION_FIELDS)).default({}),
});
export type SetPatch = z.infer<typeof SetPatchSchema>;
