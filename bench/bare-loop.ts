/**
 * The floor of the benchmark: a bare hand-written loop over the same commune inputs that decides
 * each commune's status and nothing else — no validation, no text, no explanation, no result
 * objects. It shows how much the explained answer costs over the comparisons alone.
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

/**
 * A bare status loop for one set, with its thresholds resolved per (region, year) on first use.
 * It reads the `clean` benchmark inputs (numbers, yes/no, and `met` / `not-met` for
 * verdict-only indicators); it is a yardstick, not an evaluator.
 *
 * @example
 * const loop = bareStatusLoop(set);
 * loop(inputs) // { met: 12, notMet: 9800, undetermined: 188 }
 */
export function bareStatusLoop(set: CriterionSet): (inputs: readonly CommuneInput[]) => BareTally {
  // Property keys, so V8 looks them up as interned names rather than hashing fresh strings.
  const codes = Object.keys(Object.fromEntries(set.criteria.flatMap((c) => c.indicators.map((i) => [i.code, 0]))));
  const ends: number[] = [];
  const complete: boolean[] = [];
  let n = 0;
  for (const c of set.criteria) {
    n += c.indicators.length;
    ends.push(n);
    complete.push(c.indicatorList === 'complete');
  }
  const indicators = set.criteria.flatMap((c) => c.indicators);
  const classRegion = new Map((columnDimension(set, 'region')?.overrides ?? []).map((o) => [o.class, o.column as RegionCode]));
  const tables = new Map<string, Table>();
  const tableFor = (region: RegionCode | null, year: number): Table => {
    const key = `${region}|${year}`;
    let t = tables.get(key);
    if (!t) {
      const ops = new Uint8Array(codes.length);
      const values = new Float64Array(codes.length);
      indicators.forEach((ind, i) => {
        const req = resolveRequirement(ind.requirement, { region, year }, ind.measure.unit);
        ops[i] = req.kind === 'compare' ? OPS[req.operator] : req.kind === 'is-met' ? IS_MET : UNKNOWN;
        values[i] = req.kind === 'compare' ? req.value : 0;
      });
      t = { ops, values };
      tables.set(key, t);
    }
    return t;
  };

  return (inputs) => {
    const tally: BareTally = { met: 0, notMet: 0, undetermined: 0 };
    for (const input of inputs) {
      let region = input.region ?? defaultRegion(set);
      if (input.region === undefined && input.classes) for (const c of input.classes) region = classRegion.get(c) ?? region;
      const { ops, values } = tableFor(region, input.year);
      const data = input.indicators as Record<string, unknown>;
      let notMet = 0;
      let undetermined = 0;
      let i = 0;
      for (let c = 0; c < ends.length; c++) {
        let anyNotMet = false;
        let allMet = true;
        for (const end = ends[c]!; i < end; i++) {
          const v = data[codes[i]!];
          let met: boolean | null;
          if (v === 'met' || v === 'not-met') met = v === 'met';
          else if (v === undefined || ops[i] === UNKNOWN) met = null;
          else if (ops[i] === IS_MET) met = v === true;
          else {
            const x = v as number;
            const t = values[i]!;
            const op = ops[i];
            met = op === GE ? x >= t : op === LE ? x <= t : op === GT ? x > t : op === LT ? x < t : x === t;
          }
          if (met === false) anyNotMet = true;
          if (met !== true) allMet = false;
        }
        if (anyNotMet) notMet++;
        else if (!(allMet && complete[c])) undetermined++;
      }
      if (notMet > 0) tally.notMet++;
      else if (undetermined > 0) tally.undetermined++;
      else tally.met++;
    }
    return tally;
  };
}
