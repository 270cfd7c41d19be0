import { z } from 'zod';
import { LegalReferenceSchema, SourceSchema } from './common.js';

const SET_ID = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/** Fields of one entry, each replacing the entry's field whole; `null` removes an optional field. */
const FieldsSchema = z.record(z.string().regex(/^[A-Za-z$][A-Za-z0-9]*$/, 'expected a field name'), z.unknown());

/**
 * An amendment written as a dated change to the version it amends (211/QĐ-TTg on the 2022 sets),
 * not as a copy. Loading applies it to the base set and validates the result as a whole set, so
 * the amended version is fingerprinted as the set it resolves to.
 *
 * - `set`: top-level fields, merged as a JSON merge patch (RFC 7386): objects merge, arrays and
 *   other values replace, `null` removes.
 * - `criteria` (by number), `indicators` (by code), `conditions` (by id): each field given
 *   replaces that field of the entry whole; `null` removes it.
 * - `amendment` is appended to the base's `basedOn` unless `set.basedOn` is given.
 */
export const SetPatchSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** Id of the version amended, e.g. `dak-nong/commune-ntm/2022`. */
  patchOf: z.string().regex(SET_ID, 'expected a set id'),
  /** Id of the amended version, e.g. `dak-nong/commune-ntm/2024`. */
  id: z.string().regex(SET_ID, 'expected a set id'),
  /** The amending decision. */
  amendment: LegalReferenceSchema,
  /** Sources this patch refers to by id. */
  sources: z.record(z.string(), SourceSchema).optional(),
  set: FieldsSchema.default({}),
  criteria: z.record(z.string().regex(/^[1-9]\d?$/, 'expected a criterion number'), FieldsSchema).default({}),
  indicators: z.record(z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'expected an indicator code'), FieldsSchema).default({}),
  conditions: z.record(z.string().regex(/^[A-Z]\d{1,2}$/, 'expected a condition id'), FieldsSchema).default({}),
});
export type SetPatch = z.infer<typeof SetPatchSchema>;
