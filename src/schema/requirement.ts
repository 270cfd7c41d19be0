import { z } from 'zod';
import { RegionCodeSchema, RuleNumberSchema, SourceSchema, TextSchema } from './common.js';

/** Comparison operators a numeric requirement may use. */
export const OperatorSchema = z.enum(['>=', '<=', '>', '<', '=']);
export type Operator = z.infer<typeof OperatorSchema>;

/** A numeric requirement: `value <operator> threshold`, e.g. stunting rate `<=` 26.5 %. */
export const CompareSpecSchema = z.strictObject({
  kind: z.literal('compare'),
  operator: OperatorSchema,
  value: RuleNumberSchema,
  source: SourceSchema,
});

/** A yes/no requirement: the indicator must be "Đạt" (value `true`, or a `met` verdict). */
export const IsMetSpecSchema = z.strictObject({
  kind: z.literal('is-met'),
  source: SourceSchema,
});

/** The set has this indicator but its threshold could not be obtained. Never guessed. */
export const UnknownSpecSchema = z.strictObject({
  kind: z.literal('unknown'),
  note: TextSchema.optional(),
});

/** A requirement that needs no further selection. */
export const LeafSpecSchema = z.discriminatedUnion('kind', [CompareSpecSchema, IsMetSpecSchema, UnknownSpecSchema]);
export type LeafSpec = z.infer<typeof LeafSpecSchema>;

/**
 * Different values per regional column. A region not listed falls back to `otherwise`, and
 * without `otherwise` its threshold is unknown.
 */
export const ByRegionSpecSchema = z.strictObject({
  kind: z.literal('by-region'),
  regions: z.partialRecord(RegionCodeSchema, LeafSpecSchema),
  otherwise: LeafSpecSchema.optional(),
});
export type ByRegionSpec = z.infer<typeof ByRegionSpecSchema>;

/**
 * Values that change by year (income). The entry with the greatest `from` not after the
 * evaluated year applies; a year before the first entry has an unknown threshold.
 */
export const ByYearSpecSchema = z.strictObject({
  kind: z.literal('by-year'),
  years: z
    .array(
      z.strictObject({
        from: z.number().int().min(1990).max(2100),
        requirement: z.union([LeafSpecSchema, ByRegionSpecSchema]),
      }),
    )
    .min(1)
    .refine((ys) => ys.every((y, i) => i === 0 || y.from > ys[i - 1]!.from), 'years must be strictly increasing'),
});
export type ByYearSpec = z.infer<typeof ByYearSpecSchema>;

/** Any requirement as written in a rule file. */
export const RequirementSpecSchema = z.discriminatedUnion('kind', [
  CompareSpecSchema,
  IsMetSpecSchema,
  UnknownSpecSchema,
  ByRegionSpecSchema,
  ByYearSpecSchema,
]);
export type RequirementSpec = z.infer<typeof RequirementSpecSchema>;
