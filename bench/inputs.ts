/** The benchmark's criterion set and inputs, shared by the runner and its child processes. */
import { getCriterionSet, loadCriterionSet, type CriterionSet } from '../src/index.js';
import { generateCommunes } from './communes.js';
import { syntheticCriterionSet } from './synthetic-set.js';

/**
 * The benchmark's criterion set: `synthetic` (19 criteria, 57 indicators, every threshold shape;
 * not a legal text) or `bundled` (Đắk Nông's 1037 set as encoded).
 */
export function benchSet(name: string): CriterionSet {
  if (name === 'bundled') return getCriterionSet('dak-nong/commune-ntm/2022');
  if (name === 'synthetic') return loadCriterionSet(syntheticCriterionSet());
  throw new Error(`unknown --set "${name}": synthetic or bundled`);
}

/** Communes per generated chunk. */
export const BENCH_CHUNK = 10_000;

/**
 * Benchmark inputs: `size` seeded `clean` communes, the chunk that starts at commune `offset` of
 * the run, passed through JSON text as if read from a file (JSON.parse builds the compact objects
 * a program reading data files gets). The same (seed, offset) always gives the same communes.
 */
export function benchInputs(set: CriterionSet, size: number, seed: number, offset = 0): unknown[] {
  const communes = generateCommunes(set, { count: size, seed: seed * 1_000_003 + offset, idPrefix: `b${seed}-${offset}-`, profile: 'clean' });
  return JSON.parse(JSON.stringify(communes)) as unknown[];
}
