import { z } from 'zod';
import { IsoDateSchema, SourceSchema, TextSchema, UrlSchema } from '../schema/common.js';

const UNIT_ID = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, 'expected a unit id like "dak-mol" or "lam-dong/dak-song"');
const NAMES = { nameVi: TextSchema, nameEn: TextSchema };

/** A commune-level unit before the reorganisation. */
export const FormerUnitSchema = z.strictObject({
  id: UNIT_ID,
  kind: z.enum(['commune', 'township', 'ward']),
  ...NAMES,
  /** Other spellings met in documents (the plan's "Đắk Môt", "Năm N'Jang"). */
  aliases: z.array(TextSchema).default([]),
});
export type FormerUnit = z.infer<typeof FormerUnitSchema>;

/** A unit that exists since the reorganisation, with the units that formed it. */
export const CurrentUnitSchema = z.strictObject({
  id: UNIT_ID,
  kind: z.enum(['commune', 'ward', 'special-zone']),
  ...NAMES,
  formerDistrict: UNIT_ID,
  predecessors: z.array(FormerUnitSchema).min(1),
  source: SourceSchema,
});
export type CurrentUnit = z.infer<typeof CurrentUnitSchema>;

/** One reorganisation (sắp xếp đơn vị hành chính) as data: which old units formed each new one. */
export const ReorganisationSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected an id like "lam-dong/reorganisation-2025"'),
    ...NAMES,
    /** The resolution; `date` is `null` where its date was not read. */
    legalBasis: z.strictObject({ number: TextSchema, issuer: TextSchema, date: IsoDateSchema.nullable(), url: UrlSchema.optional(), source: SourceSchema }),
    /** The day the new units exist. */
    effectiveFrom: IsoDateSchema,
    effectiveFromSource: SourceSchema,
    province: z.strictObject({
      id: UNIT_ID,
      ...NAMES,
      formedFrom: z.array(z.strictObject({ id: UNIT_ID, ...NAMES })).min(1),
      unitCounts: z.strictObject({ communes: z.number().int().min(0), wards: z.number().int().min(0), specialZones: z.number().int().min(0) }),
      source: SourceSchema,
    }),
    /** The districts abolished, with their commune-level units. */
    formerDistricts: z.array(z.strictObject({ id: UNIT_ID, ...NAMES, province: UNIT_ID, units: z.array(UNIT_ID).min(1), source: SourceSchema })),
    units: z.array(CurrentUnitSchema).min(1),
    notes: z.array(TextSchema).default([]),
  })
  .superRefine((r, ctx) => {
    const current = new Set<string>();
    const former = new Map<string, string>();
    r.units.forEach((u, i) => {
      if (current.has(u.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `duplicate unit "${u.id}"` });
      current.add(u.id);
      if (!r.formerDistricts.some((d) => d.id === u.formerDistrict)) ctx.addIssue({ code: 'custom', path: ['units', i, 'formerDistrict'], message: `unknown former district "${u.formerDistrict}"` });
      u.predecessors.forEach((p, j) => {
        // One old unit forms exactly one new unit here (splits are not part of this data).
        if (former.has(p.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'predecessors', j, 'id'], message: `"${p.id}" already formed "${former.get(p.id)}"` });
        former.set(p.id, u.id);
      });
    });
    r.formerDistricts.forEach((d, i) => {
      d.units.forEach((id, j) => {
        if (!former.has(id)) ctx.addIssue({ code: 'custom', path: ['formerDistricts', i, 'units', j], message: `"${id}" forms no new unit` });
      });
    });
  });
export type Reorganisation = z.infer<typeof ReorganisationSchema>;
