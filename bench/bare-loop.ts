/**
 * The floor of the benchmark: a hand-written loop over the same communes, parsed ahead into numeric
 * arrays, that decides each commune's status and nothing else — no validation, no text, no
 * explanation, no result objects. It shows how much the explained answer costs over the comparisons.
 */
import type { CommuneInput } from '../src/schema/input.js';
import type { CriterionSet } from '../src/schema/criterion-set.js';
import type { RegionCode } from '../src/schema/common.js';
import { resolveRequirement } from '../src/requirement/resolve.js';
import { columnDimension, defaultRegion } from '../src/rules/dimensions.js';

/** Operator codes of the threshold table; `UNKNOWN` indicators cannot be judged from a value. */
const UNKNOWN = 0;
const GE = 1;
const LE = 2;
const GT = 3;
const LT = 4;
const EQ = 5;
const IS_MET = 6;
const OPS = { '>=': GE, '<=': LE, '>': GT, '<': LT, '=': EQ } as const;

/** Thresholds for one (region, year), flat by indicator. */
interface Table {
  ops: Uint8Array;
  values: Float64Array;
}

/** Tallies of commune statuses: what the bare loop computes. */
export interface BareTally {
  met: number;
  notMet: number;
  undetermined: number;
}

/** Commune inputs parsed ahead into flat numeric arrays: what the floor loop reads. */
export interface PackedInputs {
  count: number;
  /** Per commune: index into `tables`. */
  table: Int32Array;
  /** Per commune × indicator: the number (or 1/0 for yes/no). */
  values: Float64Array;
  /** Per commune × indicator: 0 no data, 1 a value, 2 verdict met, 3 verdict not-met. */
  kinds: Uint8Array;
  tables: Table[];
}

/**
 * The honest floor: a loop over inputs parsed ahead into numeric arrays (`packInputs`, not timed)
 * that decides each commune's status — no property lookups, no strings, no objects. Nothing that
 * explains a result can be faster, so the ratio to it says how much explanation and validation cost.
 *
 * @example numericFloor(set).run(numericFloor(set).pack(inputs)) // { met, notMet, undetermined }
 */
export function numericFloor(set: CriterionSet): { pack: (inputs: readonly CommuneInput[]) => PackedInputs; run: (packed: PackedInputs) => BareTally } {
  const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
  const k = codes.length;
  const ends = Int32Array.from(set.criteria.map((_, ci) => set.criteria.slice(0, ci + 1).reduce((n, c) => n + c.indicators.length, 0)));
  const complete = Uint8Array.from(set.criteria.map((c) => (c.indicatorList === 'complete' ? 1 : 0)));
  const indicators = set.criteria.flatMap((c) => c.indicators);
  const classRegion = new Map((columnDimension(set, 'region')?.overrides ?? []).map((o) => [o.class, o.column as RegionCode]));
  const tables: Table[] = [];
  const tableIndex = new Map<string, number>();
  const tableOf = (region: RegionCode | null, year: number): number => {
    const key = `${region}|${year}`;
    let t = tableIndex.get(key);
    if (t === undefined) {
      const ops = new Uint8Array(k);
      const values = new Float64Array(k);
      indicators.forEach((ind, i) => {
        const req = resolveRequirement(ind.requirement, { region, year }, ind.measure.unit);
        ops[i] = req.kind === 'compare' ? OPS[req.operator] : req.kind === 'is-met' ? IS_MET : UNKNOWN;
        values[i] = req.kind === 'compare' ? req.value : 0;
      });
      t = tables.push({ ops, values }) - 1;
      tableIndex.set(key, t);
    }
    return t;
  };
  const pack = (inputs: readonly CommuneInput[]): PackedInputs => {
    const n = inputs.length;
    const packed: PackedInputs = { count: n, table: new Int32Array(n), values: new Float64Array(n * k), kinds: new Uint8Array(n * k), tables };
    inputs.forEach((input, c) => {
      let region = input.region ?? defaultRegion(set);
      if (input.region === undefined && input.classes) for (const cls of input.classes) region = classRegion.get(cls) ?? region;
      packed.table[c] = tableOf(region, input.year);
      const data = (input.indicators ?? {}) as Record<string, unknown>;
      for (let i = 0; i < k; i++) {
        const v = data[codes[i]!];
        const at = c * k + i;
        if (v === 'met' || v === 'not-met') packed.kinds[at] = v === 'met' ? 2 : 3;
        else if (typeof v === 'number' || typeof v === 'boolean') {
          packed.kinds[at] = 1;
          packed.values[at] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
        }
      }
    });
    return packed;
  };
  const run = (p: PackedInputs): BareTally => {
    const tally: BareTally = { met: 0, notMet: 0, undetermined: 0 };
    for (let c = 0; c < p.count; c++) {
      const { ops, values: thresholds } = p.tables[p.table[c]!]!;
      const base = c * k;
      let notMet = 0;
      let undetermined = 0;
      let i = 0;
      for (let ci = 0; ci < ends.length; ci++) {
        let anyNotMet = false;
        let allMet = true;
        for (const end = ends[ci]!; i < end; i++) {
          const kind = p.kinds[base + i]!;
          let met: number; // 1 met, 0 not met, -1 undecided
          if (kind === 2) met = 1;
          else if (kind === 3) met = 0;
          else if (kind === 0 || ops[i] === UNKNOWN) met = -1;
          else {
            const x = p.values[base + i]!;
            const t = thresholds[i]!;
            const op = ops[i];
            met = (op === IS_MET ? x === 1 : op === GE ? x >= t : op === LE ? x <= t : op === GT ? x > t : op === LT ? x < t : x === t) ? 1 : 0;
          }
          if (met === 0) anyNotMet = true;
          if (met !== 1) allMet = false;
        }
        if (anyNotMet) notMet++;
        else if (!(allMet && complete[ci] === 1)) undetermined++;
      }
      if (notMet > 0) tally.notMet++;
      else if (undetermined > 0) tally.undetermined++;
      else tally.met++;
    }
    return tally;
  };
  return { pack, run };
}
