/**
 * The calendar must give the same days whatever the machine's time zone. Each run below is a
 * child process with its own `TZ` (a process reads TZ once at start), so `npm test` exercises
 * UTC, Việt Nam's zone and two extremes, and compares them with each other and with this process.
 * The processes run fixtures/calendar-snapshot.ts as the global setup built it (plain `node`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportingSchedule } from '../../src/index.js';
import { built } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

type Snapshot = { offsetMinutes: number; [k: string]: unknown };

async function snapshotUnder(tz: string): Promise<Snapshot> {
  const { stdout } = await promisify(execFile)(process.execPath, [built().scripts.calendarSnapshot], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Snapshot;
}

describe('calendar under different time zones', () => {
  const zones = { UTC: 0, 'Asia/Ho_Chi_Minh': -420, 'Pacific/Kiritimati': -840, 'Pacific/Pago_Pago': 660 } as const;
  const runs: Record<string, Snapshot> = {};
  beforeAll(async () => {
    const snaps = await Promise.all(Object.keys(zones).map(snapshotUnder));
    Object.keys(zones).forEach((tz, i) => (runs[tz] = snaps[i]!));
  }, 120_000);

  it.each(Object.entries(zones))('runs under TZ=%s (offset %i min)', (tz, offset) => {
    expect(runs[tz]!.offsetMinutes).toBe(offset);
  });

  it('gives identical answers under TZ=UTC and TZ=Asia/Ho_Chi_Minh, and under the extremes', () => {
    const { offsetMinutes: _u, ...utc } = runs.UTC!;
    for (const tz of Object.keys(zones)) {
      const { offsetMinutes: _o, ...rest } = runs[tz]!;
      expect(rest, tz).toEqual(utc);
    }
  });

  it('matches this process and the plan', () => {
    const utc = runs.UTC! as unknown as { schedule: unknown[]; boundaries: string[]; upcoming: unknown[][] };
    expect(utc.schedule).toEqual(reportingSchedule('dak-song/2023', 2023));
    expect(utc.boundaries).toEqual(['2022-12-31', '2023-02-28', '2024-02-29', '2023-10-29']);
    expect(utc.upcoming[3]).toEqual([
      ['monthly:2023-06', '2023-06-12', 0],
      ['quarterly:2023-Q2', '2023-06-12', 0],
      ['six-month:2023-H1', '2023-06-12', 0],
    ]);
  });
});
