import type { CommuneResult, IndicatorInput, IndicatorResult, CriterionResult } from '../../src/index.js';

export const SET_1037 = 'dak-nong/commune-ntm/2022';
export const ENGINES = ['compiled', 'json-rules-engine'] as const;

/** The indicator result with `code` (throws if absent, so a test cannot pass vacuously). */
export function indicatorOf(r: CommuneResult, code: string): IndicatorResult {
  const hit = r.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);
  if (!hit) throw new Error(`no indicator ${code} in result`);
  return hit;
}

/** The criterion result numbered `n`. */
export function criterionOf(r: CommuneResult, n: string): CriterionResult {
  const hit = r.criteria.find((c) => c.number === n);
  if (!hit) throw new Error(`no criterion ${n} in result`);
  return hit;
}

/** Verdicts for every criterion whose indicator list is not complete, plus every 1037 indicator met. */
export function allMetInput(communeId = 'all-met'): {
  communeId: string;
  year: number;
  indicators: Record<string, IndicatorInput>;
  criteria: Record<string, string>;
} {
  const indicators: Record<string, IndicatorInput> = { '3.1': 85, '3.2': true, '9.1': true, '9.2': 'Đạt', '13.1': 'Đạt', '15.1': 'Đạt', '15.2': 'Đạt', '15.3': 20, '15.4': 'Đạt', '18.4': true, '19.1': 'Đạt', '19.2': 'Đạt' };
  for (let k = 1; k <= 12; k++) indicators[`17.${k}`] = 'Đạt';
  for (const k of [1, 2, 3, 5, 6]) indicators[`18.${k}`] = 'Đạt';
  const criteria: Record<string, string> = {};
  for (const n of ['1', '2', '4', '5', '6', '7', '8', '10', '11', '12', '13', '14', '15', '16']) criteria[n] = 'Đạt';
  return { communeId, year: 2023, indicators, criteria };
}
