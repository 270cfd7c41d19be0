import * as z from 'zod';
import { RegionCodeSchema, type RegionCode } from './common.js';

/** An agency's official assessment of an indicator: Đạt / Không đạt / không áp dụng. */
export const VerdictSchema = z.enum(['met', 'not-met', 'basically-met', 'not-applicable']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * A criterion-level verdict: Đạt, Không đạt, or `basically-met` — "cơ bản đạt", which appraisals
 * record between the two and which never counts as met (the criterion's status is `not-met`).
 */
export const CriterionVerdictSchema = z.enum(['met', 'not-met', 'basically-met']);
export type CriterionVerdict = z.infer<typeof CriterionVerdictSchema>;

/** A raw value: a number, a yes/no, or text such as `"93,5"` or `"Đạt"` (normalised against the set). */
export const RawValueSchema = z.union([z.number(), z.boolean(), z.string().max(200)]);
export type RawValue = z.infer<typeof RawValueSchema>;

/** One indicator's data: a bare value, or a value and/or the owning agency's verdict. */
export const IndicatorInputSchema = z.union([
  RawValueSchema,
  z.strictObject({
    value: RawValueSchema.nullable().optional(),
    /** `met` / `not-met` / `not-applicable`, or the words offices write ("Đạt", "Không đạt", "N/A"…). */
    verdict: z.string().max(50).nullable().optional(),
    note: z.string().max(2000).optional(),
  }),
  z.null(),
]);
/**
 * One indicator's data: a bare value (`24.9`, `'24,9'`, `true`, `'Đạt'`), a value and/or the
 * owning agency's verdict, or `null` (no data).
 */
export type IndicatorInput = RawValue | IndicatorData | null;
/** A value and/or the owning agency's verdict for one indicator. */
export type IndicatorData = {
  value?: RawValue | null;
  /** `met` / `not-met` / `not-applicable`, or the words offices write ("Đạt", "Không đạt", "N/A"…). */
  verdict?: string | null;
  note?: string;
};

/** One fact a derivation reads: a category, a yes/no, a number, or `null` (not known). */
export const FactValueSchema = z.union([z.string().max(50), z.number(), z.boolean(), z.null()]);
export type FactValue = z.infer<typeof FactValueSchema>;

/** One commune's data for one year. */
export const CommuneInputSchema = z.strictObject({
  communeId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100),
  /** Regional column to use instead of the set's default. */
  region: RegionCodeSchema.optional(),
  /**
   * Commune group (nhóm xã) for sets whose values vary by group, e.g. `"1"`, `"2"`, `"3"` under
   * 51/2025/QĐ-TTg. Checked against the set's `communeGroup` dimension.
   */
  communeGroup: z.string().min(1).max(20).optional(),
  /**
   * The commune's value on each column dimension the set declares, by dimension id:
   * `{ region: 'TN' }`, `{ communeGroup: '3', terrain: 'mountain' }`. Checked against the set's
   * dimensions and their columns; `region` / `communeGroup` above say the same and are read into it.
   */
  dimensions: z.record(z.string().max(50), z.string().min(1).max(50)).optional(),
  /**
   * Facts a derived dimension is derived from by the set's declared derivation, e.g. the facts
   * of the commune group rules of 51/2025/QĐ-TTg: `{ ethnicMinorityArea: 'III', agricultureShare: 62 }`.
   */
  facts: z.record(z.string().max(50), FactValueSchema).optional(),
  /** Classes that switch a column, e.g. `especially-difficult` (see the overrides of the set's dimensions). */
  classes: z.array(z.string().max(100)).max(20).optional(),
  /** Population, used to weight commune figures in district roll-ups. */
  population: z.number().int().min(0).max(1e9).optional(),
  indicators: z.record(z.string().max(50), IndicatorInputSchema).default({}),
  /** Criterion-level verdicts, keyed by criterion number. */
  criteria: z.record(z.string().max(50), z.string().max(50)).optional(),
});
/**
 * One commune's data for one year: what the evaluation entry points take. Data of unknown shape
 * (parsed JSON, a spreadsheet row) goes through {@link parseCommuneInput} first, or into a batch,
 * which validates each entry at run time and reports a bad one as an error entry. (An object type
 * rather than an interface, so that it stays assignable to `Record<string, unknown>`.)
 *
 * @example
 * const input: CommuneInput = { communeId: 'dak-mol', year: 2023, indicators: { '15.3': '24,9' }, criteria: { '10': 'Chưa đạt' } };
 */
export type CommuneInput = {
  communeId: string;
  name?: string;
  year: number;
  /** Regional column to use instead of the set's default. */
  region?: RegionCode;
  /** Commune group (nhóm xã) for sets whose values vary by group, e.g. `"1"`, `"2"`, `"3"` under 51/2025/QĐ-TTg. */
  communeGroup?: string;
  /** The commune's value on each column dimension the set declares: `{ communeGroup: '3', terrain: 'mountain' }`. */
  dimensions?: Record<string, string>;
  /** Facts a derived dimension is derived from: `{ ethnicMinorityArea: 'III', agricultureShare: 62 }`. */
  facts?: Record<string, FactValue>;
  /** Classes that switch a column, e.g. `especially-difficult` (see the overrides of the set's dimensions). */
  classes?: string[];
  /** Population, used to weight commune figures in district roll-ups. */
  population?: number;
  /** Indicator data by code: `{ '15.3': '24,9', '17.10': 'Không đạt' }`. */
  indicators?: Record<string, IndicatorInput>;
  /** Criterion-level verdicts, keyed by criterion number: `{ '10': 'Chưa đạt' }`. */
  criteria?: Record<string, string>;
};
export type ParsedCommuneInput = z.output<typeof CommuneInputSchema>;
