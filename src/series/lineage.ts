import * as z from 'zod';
import { IsoDateSchema, SourceSchema, TextSchema } from '../schema/common.js';
import { bundledDataFiles } from '../rules/bundled-data.js';
import { FILES as SERIES_FILES } from '../rules/manifest/series.js';

const KIND = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected a kind like "dak-nong/commune-ntm"');

/** One programme period of a series: the decision in force and the set kinds that encode it. */
export const SeriesPeriodSchema = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{4}$/, 'expected a period like "2021-2025"'),
  from: IsoDateSchema,
  to: IsoDateSchema.optional(),
  kinds: z.array(KIND).min(1),
  /** `national`: one set for every province; `provincial`: provinces issue sets on a national frame. */
  scope: z.enum(['national', 'provincial']),
  decision: TextSchema,
  criteria: z.number().int().min(1),
  declaredIndicators: z.number().int().min(0).nullable(),
  /** Periods with the same numbering have criteria matched by number (1980 and 318 share the 19). */
  criteriaNumbering: z.string().regex(/^[a-z0-9-]+$/),
  source: SourceSchema,
});
export type SeriesPeriod = z.infer<typeof SeriesPeriodSchema>;

/** A series of criterion sets across programme periods (1980 → 318/1037 → 51/2025), as data. */
export const SeriesSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    nameVi: TextSchema,
    nameEn: TextSchema,
    periods: z.array(SeriesPeriodSchema).min(1),
    notes: z.array(TextSchema).default([]),
  })
  .superRefine((s, ctx) => {
    s.periods.forEach((p, i) => {
      if (p.to !== undefined && p.to <= p.from) ctx.addIssue({ code: 'custom', path: ['periods', i, 'to'], message: 'to must be after from' });
      const next = s.periods[i + 1];
      if (next && (p.to === undefined || next.from < p.to)) ctx.addIssue({ code: 'custom', path: ['periods', i + 1, 'from'], message: 'periods must follow each other without overlap' });
    });
  });
export type Series = z.infer<typeof SeriesSchema>;

const files = bundledDataFiles(SeriesSchema, SERIES_FILES, 'series');

/**
 * The bundled series, each validated.
 *
 * @example listSeries()[0].periods.map((p) => p.decision) // ['1980/QĐ-TTg', '318/QĐ-TTg (Annex I); …', '51/2025/QĐ-TTg (Phụ lục I)']
 */
export function listSeries(): Series[] {
  return files.ids().map((id) => files.get(id));
}

/**
 * The series period a kind belongs to on a date, if any: the period covering the date in a
 * series that lists the kind.
 *
 * @example periodOn('2026-06-30', 'dak-nong/commune-ntm')?.decision // '51/2025/QĐ-TTg (Phụ lục I)'
 */
export function periodOn(isoDate: string, kind: string): { series: Series; period: SeriesPeriod } | undefined {
  for (const series of listSeries()) {
    if (!series.periods.some((p) => p.kinds.includes(kind))) continue;
    const period = series.periods.find((p) => p.from <= isoDate && (p.to === undefined || isoDate < p.to));
    if (period) return { series, period };
  }
  return undefined;
}

export { successorKinds, periodHint } from '../rules/periods.js';

/** The period of each of two kinds at two dates, and what the series can say about the step between. */
export interface SeriesStep {
  seriesId: string;
  from: SeriesPeriod;
  to: SeriesPeriod;
  samePeriod: boolean;
  /** False when the periods number their criteria differently: criteria are then not matched by number. */
  comparableByNumber: boolean;
  textVi: string;
  textEn: string;
}

/**
 * What the series says about going from set A (kind, in force from a date) to set B: the periods
 * and decisions, and the change in criteria and declared indicators. `undefined` when no series
 * lists both.
 *
 * @example seriesStep({ kind: 'dak-nong/commune-ntm', effectiveFrom: '2024-03-01' }, { kind: 'national/commune-ntm', effectiveFrom: '2026-02-15' })?.textEn
 * // '2021-2025 (318/QĐ-TTg …) → 2026-2030 (51/2025/QĐ-TTg …): 19 → 10 criteria, 57 → 47 declared indicators; …'
 */
export function seriesStep(a: { kind: string; effectiveFrom: string }, b: { kind: string; effectiveFrom: string }): SeriesStep | undefined {
  const pa = periodOn(a.effectiveFrom, a.kind);
  const pb = periodOn(b.effectiveFrom, b.kind);
  if (!pa || !pb || pa.series.id !== pb.series.id) return undefined;
  if (!pa.period.kinds.includes(a.kind) || !pb.period.kinds.includes(b.kind)) return undefined;
  const same = pa.period.id === pb.period.id;
  const comparable = pa.period.criteriaNumbering === pb.period.criteriaNumbering;
  const n = (x: number | null) => (x === null ? '?' : String(x));
  const counts = `${pa.period.criteria} → ${pb.period.criteria}`;
  const inds = `${n(pa.period.declaredIndicators)} → ${n(pb.period.declaredIndicators)}`;
  return {
    seriesId: pa.series.id,
    from: pa.period,
    to: pb.period,
    samePeriod: same,
    comparableByNumber: comparable,
    textVi: same
      ? `cùng giai đoạn ${pa.period.id} (${pa.period.decision})`
      : `${pa.period.id} (${pa.period.decision}) → ${pb.period.id} (${pb.period.decision}): ${counts} tiêu chí, ${inds} chỉ tiêu${comparable ? '' : '; tiêu chí hai giai đoạn không so theo số thứ tự'}`,
    textEn: same
      ? `same period ${pa.period.id} (${pa.period.decision})`
      : `${pa.period.id} (${pa.period.decision}) → ${pb.period.id} (${pb.period.decision}): ${counts} criteria, ${inds} declared indicators${comparable ? '' : '; criteria of different periods are not matched by number'}`,
  };
}


/**
 * A series by id (bundled) or your own object, validated.
 *
 * @example getSeries('commune-ntm').periods.length // 3
 */
export function getSeries(seriesOrId: string | Series | unknown): Series {
  return files.get(seriesOrId);
}
