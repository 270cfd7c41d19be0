import { FILES as SERIES_FILES } from './manifest/series.js';

/** The fields of a series period the in-force lookup reads. */
interface PeriodData {
  id: string;
  from: string;
  to?: string;
  kinds: string[];
  scope: string;
  decision: string;
}

// Read without zod: this module is on evaluateCommune's path, and a schema here pulls every zod
// locale into a web app's bundle. The same file is validated by listSeries()/getSeries() (tests, ntm check).
const SERIES: ReadonlyArray<{ periods: readonly PeriodData[] }> = Object.values(SERIES_FILES).map((f) => f.data as { periods: PeriodData[] });

/** The issuer prefix of national kinds (rules/sets/national). */
const NATIONAL = 'national/';

function periodData(isoDate: string, kind: string): PeriodData | undefined {
  for (const s of SERIES) {
    if (!s.periods.some((p) => p.kinds.includes(kind))) continue;
    const p = s.periods.find((x) => x.from <= isoDate && (x.to === undefined || isoDate < x.to));
    if (p) return p;
  }
  return undefined;
}

/**
 * The kinds to look in when `kind` has no version in force on a date: the national kinds of the
 * series period covering the date. A provincial kind falls back on the national set of that
 * period (318/QĐ-TTg before the province issued its own set; 51/2025/QĐ-TTg after the provincial
 * sets ended); a national kind never continues into one province's set.
 *
 * @example successorKinds('dak-nong/commune-ntm', '2026-06-30') // ['national/commune-ntm']
 * @example successorKinds('dak-nong/commune-ntm', '2022-04-01') // ['national/commune-ntm']
 */
export function successorKinds(kind: string, isoDate: string): string[] {
  if (kind.startsWith(NATIONAL)) return [];
  const p = periodData(isoDate, kind);
  if (!p) return [];
  return p.kinds.filter((k) => k !== kind && k.startsWith(NATIONAL));
}

/**
 * A pointer for a "no version in force" message: the series period covering the date and the
 * kinds that encode it, when they are not `kind` itself; `''` otherwise.
 *
 * @example periodHint('national/commune-ntm', '2023-01-01') // '; on that date the series is in its 2021-2025 period (318/QĐ-TTg …), encoded as dak-nong/commune-ntm'
 */
export function periodHint(kind: string, isoDate: string): string {
  const p = seriesPeriodOf(kind, isoDate);
  return p ? `; on that date the series is in its ${p.id} period (${p.decision}), encoded as ${p.kinds.join(', ')}` : '';
}

/** The series period covering a date, when the kinds that encode it are not `kind` itself (what {@link periodHint} says). */
export function seriesPeriodOf(kind: string, isoDate: string): { id: string; decision: string; kinds: string[] } | undefined {
  const p = periodData(isoDate, kind);
  if (!p || p.kinds.includes(kind)) return undefined;
  return { id: p.id, decision: p.decision, kinds: [...p.kinds] };
}
