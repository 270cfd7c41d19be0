/**
 * A synthetic criterion set for differential tests and benchmarks. It is NOT a legal text: its
 * id, names and sources say so. It exists because the bundled Đắk Nông set knows few thresholds,
 * and both evaluation paths must be exercised on every requirement shape: each operator, is-met,
 * `by` region (complete, with `otherwise`, with gaps), `by` date (nested `by` region, a first date after
 * the set took effect, an entry that turns unknown), unknown requirements and `if-any` indicators.
 */
import type { CriterionSetInput } from '../src/schema/criterion-set.js';
import type { RegionCode } from '../src/schema/common.js';

/** Source cited by every synthetic value, so no one mistakes it for a decision. */
const SYNTHETIC_SOURCE = {
  decision: 'Synthetic benchmark and test set (not a legal text)',
  confidence: 'inferred',
  note: 'Generated for ntm-rules tests and benchmarks; every number here is made up on purpose.',
} as const;

const REGIONS: readonly RegionCode[] = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'];

type Spec = CriterionSetInput['criteria'][number]['indicators'][number];
type Measure = Spec['measure'];
type Requirement = Spec['requirement'];

const compare = (operator: '>=' | '<=' | '>' | '<' | '=', value: number) => ({ kind: 'compare' as const, operator, value, source: SYNTHETIC_SOURCE });
const isMet = { kind: 'is-met' as const, source: SYNTHETIC_SOURCE };

/**
 * The indicator shapes, cycled over the set's indicators. `k` (the flat indicator index) varies
 * the thresholds so that no two indicators share one.
 */
const SHAPES: ReadonlyArray<(k: number) => { measure: Measure; requirement: Requirement; applicability?: 'if-any' }> = [
  (k) => ({ measure: { type: 'percent', unit: '%' }, requirement: compare('>=', 50 + (k % 40) + 0.5) }),
  (k) => ({ measure: { type: 'percent', unit: '%' }, requirement: compare('<=', 10 + (k % 30) + 0.25) }),
  (k) => ({ measure: { type: 'count', unit: 'công trình' }, requirement: compare('>', 2 + (k % 7)) }),
  (k) => ({ measure: { type: 'amount', unit: 'triệu đồng/người/năm' }, requirement: compare('<', 40 + (k % 11) * 1.5) }),
  (k) => ({ measure: { type: 'count', unit: null }, requirement: compare('=', k % 4) }),
  () => ({ measure: { type: 'boolean', unit: null }, requirement: isMet }),
  (k) => ({
    measure: { type: 'percent', unit: '%' },
    requirement: { kind: 'by', dimension: 'region', cases: Object.fromEntries(REGIONS.map((r, i) => [r, compare('>=', 60 + i * 5 + (k % 3) * 0.1)])) },
  }),
  (k) => ({
    measure: { type: 'percent', unit: '%' },
    requirement: {
      kind: 'by',
      dimension: 'region',
      cases: { TDMNPB: compare('<=', 30 + (k % 5)), TN: compare('<=', 26.5), DBSCL: compare('<=', 20.1) },
      otherwise: compare('<=', 18.7),
    },
    applicability: 'if-any',
  }),
  (k) => ({
    measure: { type: 'percent', unit: '%' },
    // No `otherwise`: the other five columns are unknown on purpose.
    requirement: { kind: 'by', dimension: 'region', cases: { DBSH: compare('>', 85 + (k % 4)), TN: compare('>', 70.5) } },
  }),
  (k) => ({
    measure: { type: 'amount', unit: 'triệu đồng/người/năm' },
    requirement: {
      kind: 'by',
      dimension: 'date',
      cases: {
        '2022-01-01': { kind: 'by', dimension: 'region', cases: { TDMNPB: compare('>=', 39 + (k % 3)), TN: compare('>=', 45) }, otherwise: compare('>=', 50) },
        '2024-01-01': compare('>=', 56.5 + (k % 5)),
        '2026-01-01': { kind: 'unknown', note: 'Synthetic: the next period has no value yet.' },
      },
    },
  }),
  () => ({ measure: { type: 'unknown', unit: null }, requirement: { kind: 'unknown' } }),
  () => ({ measure: { type: 'category', unit: null }, requirement: isMet }),
  () => ({ measure: { type: 'unknown', unit: null }, requirement: isMet }),
  (k) => ({ measure: { type: 'unknown', unit: null }, requirement: compare('>=', 3 + (k % 6) * 0.5) }),
  () => ({ measure: { type: 'percent', unit: '%' }, requirement: { kind: 'unknown', note: 'Synthetic unknown threshold.' } }),
  () => ({
    measure: { type: 'boolean', unit: null },
    requirement: { kind: 'by', dimension: 'region', cases: { TN: isMet, TDMNPB: isMet, DBSH: { kind: 'unknown' } } },
    applicability: 'if-any',
  }),
  (k) => ({
    measure: { type: 'percent', unit: '%' },
    // First entry after the set took effect: 2022 has no threshold.
    requirement: {
      kind: 'by',
      dimension: 'date',
      cases: {
        '2023-01-01': compare('>=', 80 + (k % 10)),
        '2025-01-01': { kind: 'by', dimension: 'region', cases: { TN: compare('>=', 90), DNB: compare('>=', 92.5) } },
      },
    },
  }),
  (k) => ({ measure: { type: 'percent', unit: '%' }, requirement: compare('=', 100 - (k % 2) * 0.5) }),
  (k) => ({ measure: { type: 'amount', unit: 'đồng' }, requirement: compare('>=', 1_000_000 + k * 12_345.67) }),
];

/** Options of {@link syntheticCriterionSet}. */
export interface SyntheticSetOptions {
  /** The set's default regional column (`TN` like Đắk Nông), or `null` for a set without one. */
  region?: RegionCode | null;
  /** Criteria in the set (1…99). Default 19, as in the commune sets. */
  criteria?: number;
  /** Indicators in the set. Default 57, as Đắk Nông's commune set declares. */
  indicators?: number;
}

/**
 * A synthetic criterion set, as rule-file JSON (validate it with `loadCriterionSet`). The last
 * criterion has no indicators (list unknown), the two before it have partial lists; the others
 * share the indicators evenly, and every indicator cycles through {@link SHAPES}.
 *
 * @example
 * const set = loadCriterionSet(syntheticCriterionSet());
 * set.criteria.flatMap((c) => c.indicators).length // 57
 */
export function syntheticCriterionSet(options: SyntheticSetOptions = {}): CriterionSetInput {
  const criteriaCount = options.criteria ?? 19;
  const indicatorCount = options.indicators ?? 57;
  const withIndicators = Math.max(1, criteriaCount - 1);
  let k = 0;
  const criteria = Array.from({ length: criteriaCount }, (_, ci) => {
    const number = String(ci + 1);
    const last = ci === criteriaCount - 1 && criteriaCount > 1;
    const share = last ? 0 : Math.floor(indicatorCount / withIndicators) + (ci < indicatorCount % withIndicators ? 1 : 0);
    const indicators = Array.from({ length: share }, (_, j) => {
      const shape = SHAPES[k % SHAPES.length]!(k);
      k++;
      return {
        code: `${number}.${j + 1}`,
        nameVi: j % 5 === 4 ? null : `Chỉ tiêu tổng hợp ${number}.${j + 1}`,
        nameEn: `Synthetic indicator ${number}.${j + 1}`,
        ...shape,
        source: SYNTHETIC_SOURCE,
      };
    });
    const partial = ci === criteriaCount - 2 || ci === criteriaCount - 3;
    return {
      number,
      nameVi: `Tiêu chí tổng hợp ${number}`,
      nameEn: `Synthetic criterion ${number}`,
      indicatorList: last ? ('unknown' as const) : partial ? ('partial' as const) : ('complete' as const),
      indicators,
      source: SYNTHETIC_SOURCE,
    };
  });
  return {
    id: 'synthetic/commune-test/2022',
    kind: 'synthetic/commune-test',
    level: 'commune',
    nameVi: 'Bộ tiêu chí tổng hợp để kiểm thử (không phải văn bản pháp lý)',
    nameEn: 'Synthetic test criterion set (not a legal text)',
    legalBasis: { number: 'SYNTHETIC-1', date: '2022-01-01', issuer: 'ntm-rules tests', note: 'Not a legal text.' },
    effectiveFrom: '2022-01-01',
    dimensions: {
      region: {
        kind: 'column',
        nameVi: 'Vùng',
        nameEn: 'Region',
        columns: REGIONS.map((key) => ({ key })),
        default: options.region === undefined ? 'TN' : options.region,
        overrides: [
          { class: 'especially-difficult', nameVi: 'Xã đặc biệt khó khăn (tổng hợp)', nameEn: 'Especially-difficult (synthetic)', column: 'TDMNPB', source: SYNTHETIC_SOURCE },
          { class: 'delta', nameVi: 'Xã đồng bằng (tổng hợp)', nameEn: 'Delta (synthetic)', column: 'DBSCL', source: SYNTHETIC_SOURCE },
          { class: 'coastal', nameVi: 'Xã ven biển (tổng hợp)', nameEn: 'Coastal (synthetic)', column: 'DHNTB', source: SYNTHETIC_SOURCE },
        ],
      },
      date: { kind: 'date' },
    },
    counts: { criteria: criteriaCount, declaredIndicators: indicatorCount, encodedIndicators: k, source: SYNTHETIC_SOURCE },
    criteria,
  };
}
