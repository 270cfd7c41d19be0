/**
 * One benchmark measurement, run in its own process by bench/run.ts so that its peak memory is
 * its own: generate the seeded inputs, warm up, time one lane over all of them while holding
 * every result, then print one JSON line.
 *
 *   node --expose-gc --import tsx bench/measure.ts --lane fast --size 100000 --seed 1 --set synthetic
 */
import { parseArgs } from 'node:util';
import { evaluateCommunes, isEvaluationError, type BatchEntry, type CommuneInput, type CriterionSet } from '../src/index.js';
import { numericFloor, type BareTally, type PackedInputs } from './bare-loop.js';
import { BENCH_CHUNK, benchInputs, benchSet } from './inputs.js';

/** The lanes a benchmark compares. */
export type Lane = 'reference' | 'fast' | 'bare';

/** What one measurement reports. */
export interface Measurement {
  lane: Lane;
  size: number;
  /** Wall-clock time of the timed pass. */
  seconds: number;
  /** CPU time of the process during the pass (user + system, every thread, GC included). */
  cpuSeconds: number;
  /** Communes per CPU-second: unlike wall time, it does not depend on what else the machine runs. */
  perCpuSecond: number;
  /** Peak resident set of the whole process (inputs, results, runtime), in MB. */
  peakRssMb: number;
  /** Heap added by the lane's results, still held, after a full GC, in MB. */
  heapHeldMb: number;
  tally: BareTally;
}

function tallyOf(entries: readonly BatchEntry[]): BareTally {
  const tally: BareTally = { met: 0, notMet: 0, undetermined: 0 };
  for (const e of entries) {
    if (isEvaluationError(e)) throw new Error(`benchmark input ${e.index} was rejected: ${e.error.message}`);
    if (e.status === 'met') tally.met++;
    else if (e.status === 'not-met') tally.notMet++;
    else tally.undetermined++;
  }
  return tally;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

const floors = new WeakMap<CriterionSet, ReturnType<typeof numericFloor>>();
const floorOf = (set: CriterionSet): ReturnType<typeof numericFloor> => floors.get(set) ?? floors.set(set, numericFloor(set)).get(set)!;

async function runLane(lane: Lane, set: CriterionSet, inputs: readonly unknown[] | PackedInputs): Promise<{ entries: BatchEntry[]; tally: BareTally }> {
  if (lane === 'bare') {
    const floor = floorOf(set);
    return { entries: [], tally: floor.run(Array.isArray(inputs) ? floor.pack(inputs as Parameters<typeof floor.pack>[0]) : (inputs as PackedInputs)) };
  }
  const entries = await evaluateCommunes(set, inputs as readonly CommuneInput[], lane === 'reference' ? { engine: 'json-rules-engine' } : {});
  return { entries, tally: tallyOf(entries) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { lane: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string', default: '1' }, set: { type: 'string', default: 'synthetic' } },
  });
  const lane = values.lane as Lane;
  if (!['reference', 'fast', 'bare'].includes(lane)) throw new Error('--lane must be reference, fast or bare');
  const size = Number(values.size);
  const seed = Number(values.seed);
  const set = benchSet(values.set);
  // Warm up on other communes (another seed), so the timed passes measure optimised code.
  await runLane(lane, set, benchInputs(set, lane === 'reference' ? 300 : 3_000, seed + 1_000_000));
  collect();
  const heapBase = process.memoryUsage().heapUsed;

  // Inputs come in chunks, as from a file read in parts, so that peak memory measures what the
  // lane holds (every result) rather than a 100,000-commune input array. Only the lane is timed.
  const held: BatchEntry[] = [];
  const tally: BareTally = { met: 0, notMet: 0, undetermined: 0 };
  let seconds = 0;
  let cpuSeconds = 0;
  for (let done = 0; done < size; done += BENCH_CHUNK) {
    const raw = benchInputs(set, Math.min(BENCH_CHUNK, size - done), seed, done);
    // The floor reads inputs parsed ahead into numeric arrays; the parse is not timed.
    const inputs = lane === 'bare' ? floorOf(set).pack(raw as Parameters<ReturnType<typeof numericFloor>['pack']>[0]) : raw;
    // The generator's garbage is collected before the lane starts, so that each lane's CPU time is
    // its own work and its own garbage — not the scavenging of the inputs just made (every lane alike).
    collect();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const chunk = await runLane(lane, set, inputs);
    const cpu = process.cpuUsage(cpuStart);
    seconds += (performance.now() - start) / 1000;
    cpuSeconds += (cpu.user + cpu.system) / 1e6;
    for (const e of chunk.entries) held.push(e);
    tally.met += chunk.tally.met;
    tally.notMet += chunk.tally.notMet;
    tally.undetermined += chunk.tally.undetermined;
  }

  collect();
  const heapHeld = process.memoryUsage().heapUsed;
  const out: Measurement = {
    lane,
    size,
    seconds,
    cpuSeconds,
    perCpuSecond: size / cpuSeconds,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapHeldMb: mb(heapHeld - heapBase),
    tally,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  // The results stay reachable until the measurement above is taken.
  if (held.length !== (lane === 'bare' ? 0 : size)) process.exitCode = 1;
}

await main();
