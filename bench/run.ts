/**
 * `npm run bench`: the reference path (json-rules-engine), the fast path (compiled closures) and a
 * bare hand-written loop over the same seeded communes, at 10,000 and 100,000 communes, each
 * measurement in its own process (so peak memory is its own); then `ntm evaluate` end to end on a
 * 100,000-row CSV. Prints communes/second, the ratios, peak memory, and the issue's targets.
 *
 *   npm run bench
 *   npm run bench -- --sizes 10000 --set bundled --no-cli
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Lane, Measurement } from './measure.js';
import { BENCH_CHUNK, benchInputs, benchSet } from './inputs.js';
import { syntheticCriterionSet } from './synthetic-set.js';
import { communesCsv } from './csv.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LANES: readonly Lane[] = ['reference', 'fast', 'bare'];
const LANE_NAMES: Readonly<Record<Lane, string>> = {
  reference: 'reference (json-rules-engine)',
  fast: 'fast path (compiled, explained)',
  bare: 'floor (loop over pre-parsed numeric arrays, statuses only)',
};

/** Targets of issue 6. */
const TARGETS = { fastOverReference: 50, bareOverFast: 30, peakRssMb: 600, cliSeconds: 10, cliRows: 100_000 };

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Runs one measurement in a fresh Node process and returns what it printed. */
function measure(lane: Lane, size: number, seed: number, set: string): Measurement {
  process.stderr.write(`measuring ${LANE_NAMES[lane]} on ${fmt(size)} communes…\n`);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/measure.ts'), '--lane', lane, '--size', String(size), '--seed', String(seed), '--set', set],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`bench child (${lane}, ${size}) failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measurement;
}

/** The newest modification time under a folder, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * How to start `ntm`: the built `dist/cli.js` when it is newer than every source file, else the
 * sources through tsx; `null` when the CLI does not exist yet.
 */
function cliCommand(): { argv: string[]; label: string } | null {
  const built = join(ROOT, 'dist/cli.js');
  const source = join(ROOT, 'src/cli/main.ts');
  if (existsSync(built) && (!existsSync(join(ROOT, 'src')) || statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src')))) {
    return { argv: [built], label: 'dist/cli.js' };
  }
  if (existsSync(source)) return { argv: ['--import', 'tsx', source], label: 'src/cli/main.ts via tsx (dist/ is older than src/; `npm run build` to time the build)' };
  return null;
}

interface CliTiming {
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  outputLines: number;
  exitCode: number | null;
  label: string;
}

/** Times `ntm evaluate` on a CSV of `rows` communes of the synthetic set, with peak RSS via /usr/bin/time. */
function timeCli(rows: number, seed: number): CliTiming | string {
  const cli = cliCommand();
  process.stderr.write(`timing ntm evaluate on ${fmt(rows)} CSV rows…\n`);
  if (!cli) return 'not available yet: neither dist/cli.js nor src/cli/main.ts exists';
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-'));
  try {
    const setFile = join(dir, 'synthetic-set.json');
    const csvFile = join(dir, 'communes.csv');
    const outFile = join(dir, 'results.csv');
    writeFileSync(setFile, JSON.stringify(syntheticCriterionSet()));
    const set = benchSet('synthetic');
    for (let done = 0; done < rows; done += BENCH_CHUNK) {
      const csv = communesCsv(set, benchInputs(set, Math.min(BENCH_CHUNK, rows - done), seed, done));
      // One header line, at the top.
      appendFileSync(csvFile, done === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
    }
    const args = [...cli.argv, 'evaluate', csvFile, '--set', setFile, '--format', 'csv', '--out', outFile];
    const timed = existsSync('/usr/bin/time');
    const start = performance.now();
    const child = timed
      ? spawnSync('/usr/bin/time', ['-f', 'NTM_BENCH_RUSAGE %e %M %U %S', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
      : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    const wall = (performance.now() - start) / 1000;
    const usage = /NTM_BENCH_RUSAGE ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr ?? '');
    if (child.status !== 0 && child.status !== 1) return `failed (exit ${child.status}): ${(child.stderr ?? '').slice(0, 500)}`;
    const outputLines = existsSync(outFile) ? readFileSync(outFile, 'utf8').split('\n').filter((l) => l !== '').length : 0;
    return {
      seconds: usage ? Number(usage[1]) : wall,
      peakRssMb: usage ? Math.round(Number(usage[2]) / 1024) : null,
      cpuSeconds: usage ? Number(usage[3]) + Number(usage[4]) : null,
      outputLines,
      exitCode: child.status,
      label: cli.label,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      seed: { type: 'string', default: '1' },
      set: { type: 'string', default: 'synthetic' },
      'no-cli': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const seed = Number(values.seed);
  const set = benchSet(values.set);
  const indicators = set.criteria.reduce((n, c) => n + c.indicators.length, 0);
  console.log(`ntm-rules benchmark — set ${set.id} (${set.criteria.length} criteria, ${indicators} indicators), seeded clean inputs (seed ${seed})`);
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('Each row is its own process: it warms up, then evaluates the communes in chunks of 10,000 (only evaluation is timed) and holds every result.');
  console.log('Throughput and ratios use CPU time (user + system, all threads), which a busy machine does not distort as it does wall time.\n');

  const header = ['communes', 'path', 'wall s', 'CPU s', 'communes/CPU-s', 'fast path is', 'peak RSS MB', 'results heap MB'];
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const size of sizes) {
    const m = Object.fromEntries(LANES.map((lane) => [lane, measure(lane, size, seed, values.set)])) as Record<Lane, Measurement>;
    const same = LANES.every((l) => JSON.stringify(m[l].tally) === JSON.stringify(m.fast.tally));
    for (const lane of LANES) {
      const r = m[lane];
      const speedup = lane === 'fast' ? '' : lane === 'reference' ? `${fmt(m.fast.perCpuSecond / r.perCpuSecond, 1)}× faster` : `${fmt(r.perCpuSecond / m.fast.perCpuSecond, 1)}× slower`;
      rows.push([fmt(size), LANE_NAMES[lane], fmt(r.seconds, 2), fmt(r.cpuSeconds, 2), fmt(r.perCpuSecond), speedup, fmt(r.peakRssMb), fmt(r.heapHeldMb)]);
    }
    const overRef = m.fast.perCpuSecond / m.reference.perCpuSecond;
    const underBare = m.bare.perCpuSecond / m.fast.perCpuSecond;
    verdicts.push(`${fmt(size)}: fast = ${fmt(overRef, 1)} × reference (target ≥ ${TARGETS.fastOverReference}×) ${overRef >= TARGETS.fastOverReference ? 'MET' : 'NOT MET'}`);
    verdicts.push(`${fmt(size)}: bare loop = ${fmt(underBare, 1)} × fast (target ≤ ${TARGETS.bareOverFast}×) ${underBare <= TARGETS.bareOverFast ? 'MET' : 'NOT MET'}`);
    if (size >= 100_000) {
      verdicts.push(`${fmt(size)}: peak RSS holding every explained result = ${fmt(m.fast.peakRssMb)} MB (target < ${TARGETS.peakRssMb} MB) ${m.fast.peakRssMb < TARGETS.peakRssMb ? 'MET' : 'NOT MET'}`);
    }
    verdicts.push(`${fmt(size)}: the three paths agree on every commune status tally: ${same ? 'yes' : `NO ${JSON.stringify({ ref: m.reference.tally, fast: m.fast.tally, bare: m.bare.tally })}`}`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log();

  if (values['no-cli']) {
    console.log('ntm evaluate: skipped (--no-cli)');
  } else {
    const cli = timeCli(TARGETS.cliRows, seed);
    if (typeof cli === 'string') {
      console.log(`ntm evaluate on a ${fmt(TARGETS.cliRows)}-row CSV: ${cli}`);
    } else {
      console.log(
        `ntm evaluate on a ${fmt(TARGETS.cliRows)}-row CSV (synthetic set as a rule file, --format csv --out file; ${cli.label}): ` +
          `${fmt(cli.seconds, 2)} s wall, ${cli.cpuSeconds === null ? 'CPU n/a' : `${fmt(cli.cpuSeconds, 2)} s CPU`}, peak RSS ${cli.peakRssMb === null ? 'n/a' : `${fmt(cli.peakRssMb)} MB`}, ` +
          `exit ${cli.exitCode}, ${fmt(cli.outputLines)} output lines`,
      );
      verdicts.push(`CLI: ${fmt(cli.seconds, 2)} s wall for ${fmt(TARGETS.cliRows)} rows (target < ${TARGETS.cliSeconds} s) ${cli.seconds < TARGETS.cliSeconds ? 'MET' : 'NOT MET'}`);
    }
  }
  console.log('\nTargets (issue 6):');
  for (const v of verdicts) console.log(`  ${v}`);
}

main();
