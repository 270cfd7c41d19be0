import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, nodeProcess, repo } from './helpers.js';
import { dataFitsSet } from '../../src/cli/data-set-guard.js';
import { getCriterionSet } from '../../src/index.js';

const EX26 = repo('examples/dak-song-2026.json');
const tmp = mkdtempSync(join(tmpdir(), 'ntm-guard-'));

/** A 2023 data file (1037) with its `set`, as a JSON file. */
const EX23 = repo('examples/dak-song-2023.json');

const run = (args: string[]) => nodeProcess([built().cli, ...args]);

/**
 * Every command that reads a commune data file and chooses the set to judge it by, with a
 * choice that cannot fit the file's own set (a 2026 file under a 2021-2025 set; a 2023 file under 51/2025).
 */
const MISMATCHES: Array<{ command: string; args: string[]; named: string; chosen: string }> = [
  { command: 'evaluate', args: ['evaluate', EX26, '--set', 'dak-nong/commune-ntm', '--as-of', '2026-02-14'], named: 'national/commune-ntm/2026', chosen: 'dak-nong/commune-ntm/2024' },
  { command: 'evaluate', args: ['evaluate', EX23, '--set', 'national/commune-ntm/2026'], named: 'dak-nong/commune-ntm/2022', chosen: 'national/commune-ntm/2026' },
  { command: 'province', args: ['province', EX26, '--as-of', '2026-02-14'], named: 'national/commune-ntm/2026', chosen: 'national/commune-ntm/2024' },
  { command: 'roadmap', args: ['roadmap', EX26, '--set', 'dak-nong/commune-ntm/2024', '--plan', 'dak-song/2023'], named: 'national/commune-ntm/2026', chosen: 'dak-nong/commune-ntm/2024' },
  { command: 'panel', args: ['panel', EX26, '--set', 'dak-nong/commune-ntm/2024', '--plan', 'dak-song/2023'], named: 'national/commune-ntm/2026', chosen: 'dak-nong/commune-ntm/2024' },
  { command: 'targets', args: ['targets', EX26, '--set', 'dak-nong/commune-ntm/2024', '--plan', 'dak-song/2023'], named: 'national/commune-ntm/2026', chosen: 'dak-nong/commune-ntm/2024' },
  { command: 'worklist', args: ['worklist', EX26, '--set', 'dak-nong/commune-ntm/2024', '--plan', 'dak-song/2023', '--agency', 'health'], named: 'national/commune-ntm/2026', chosen: 'dak-nong/commune-ntm/2024' },
  { command: 'by-current-commune', args: ['by-current-commune', EX23, '--set', 'national/commune-ntm/2026'], named: 'dak-nong/commune-ntm/2022', chosen: 'national/commune-ntm/2026' },
];

describe('a data file that names its set is refused under a set of another period', () => {
  it.each(MISMATCHES)('$command: $named under $chosen is refused, exit 2, both sets named, in the run’s language', async ({ args, named, chosen }) => {
    for (const lang of ['vi', 'en'] as const) {
      const r = await run([...args, '--lang', lang]);
      expect(r.code, `${args.join(' ')} --lang ${lang}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(named);
      expect(r.stderr).toContain(chosen);
      expect(r.stderr).toContain(lang === 'vi' ? 'không thể đánh giá theo bộ' : 'cannot be evaluated under');
      expect(r.stderr).not.toContain(lang === 'vi' ? 'cannot be evaluated' : 'không thể đánh giá');
      expect(r.stdout).toBe('');
    }
  });

  it('accepts the same file under its own set, a later version of it (--as-of) and a set derived from it in the same period', async () => {
    expect((await run(['evaluate', EX26, '--format', 'json'])).code).toBe(0);
    expect((await run(['evaluate', EX23, '--as-of', '2024-06-01', '--format', 'json'])).code).not.toBe(2);
    expect((await run(['evaluate', EX23, '--set', 'national/commune-ntm/2022', '--format', 'json'])).code).not.toBe(2);
    expect(dataFitsSet(getCriterionSet('dak-nong/commune-ntm/2022'), getCriterionSet('national/commune-ntm/2022'))).toBe(true);
    expect(dataFitsSet(getCriterionSet('dak-nong/commune-ntm/2022'), getCriterionSet('dak-nong/commune-ntm/2024'))).toBe(true);
    expect(dataFitsSet(getCriterionSet('national/commune-ntm/2016'), getCriterionSet('dak-nong/commune-ntm/2022'))).toBe(false);
    expect(dataFitsSet(getCriterionSet('dak-nong/commune-ntm/2022'), getCriterionSet('dak-nong/commune-ntm-advanced/2022'))).toBe(false);
  });

  it('refuses a CSV whose criterion columns cannot belong to the chosen set (19 columns under the 10 of 51/2025)', async () => {
    const csv = join(tmp, 'nineteen.csv');
    writeFileSync(csv, `Mã xã,Năm,${Array.from({ length: 19 }, (_, i) => `TC${i + 1}`).join(',')}\r\nx,2026,${Array(19).fill('Đạt').join(',')}\r\n`);
    const r = await run(['evaluate', csv, '--set', 'national/commune-ntm/2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('national/commune-ntm/2026');
    expect(r.stderr).toMatch(/tiêu chí "11" không có trong national\/commune-ntm\/2026/);
  });

  it('leaves a data file that names no set alone', async () => {
    const data = JSON.parse(readFileSync(EX23, 'utf8')) as Record<string, unknown>;
    delete data.set;
    const file = join(tmp, 'no-set.json');
    writeFileSync(file, JSON.stringify(data));
    expect((await run(['evaluate', file, '--set', 'dak-nong/commune-ntm/2022', '--format', 'json'])).code).not.toBe(2);
  });
});
