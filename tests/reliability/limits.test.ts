/**
 * Bounded resources: zip bombs crafted at the zip level, a header of a million columns, parsers
 * fed a hundred thousand spaces, a getter that throws, a closed pipe. Each ends with a clear
 * error and exit code, checked before the work — nothing inflated to disk, nothing printed by
 * the megabyte, no stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateCommunes, parseDecimal, parseVerdict } from '../../src/index.js';
import { foldText } from '../../src/evaluate/words.js';
import { parseCount, isNoDataWord, parseRegion } from '../../src/evaluate/words.js';
import { built, nodeProcess, ntm } from '../cli/helpers.js';
import { repoFile } from './support.js';
import { zip } from './xlsx-parts.js';

const SET = 'dak-nong/commune-ntm/2022';
const dir = mkdtempSync(join(tmpdir(), 'ntm-limits-'));

const sheetXml = (rows: string): Buffer =>
  Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);

describe('zip bombs', () => {
  it('refuses an entry whose declared size is over the limit, before inflating anything', async () => {
    const file = join(dir, 'declared.xlsx');
    writeFileSync(file, zip([{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(''), declare: 0xfffffff0 }]));
    // The built ntm with a temporary folder of its own: nothing may be inflated into it (other
    // processes use the machine's temporary folder at the same time, so it cannot be counted).
    const ownTemp = mkdtempSync(join(dir, 'tmp-'));
    const r = await nodeProcess([built().cli, 'evaluate', file, '--set', SET, '--lang', 'en'], { env: { ...process.env, TMPDIR: ownTemp, TMP: ownTemp, TEMP: ownTemp } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inflates beyond the limit|abnormal zip/);
    expect(readdirSync(ownTemp)).toEqual([]);
  });

  it('refuses an entry that lies about its size (declares 2 KB, inflates to 16 MB), stopping at the limit', async () => {
    const file = join(dir, 'lying.xlsx');
    writeFileSync(file, zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024, 32), declare: 2048 }]));
    const r = await ntm(['evaluate', file, '--set', SET, '--lang', 'vi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tệp nén bất thường');
    expect(r.stderr.length).toBeLessThan(500);
  });

  it('refuses a high compression ratio, and a cut or non-zip file, with the file named', async () => {
    const ratio = join(dir, 'ratio.xlsx');
    writeFileSync(ratio, zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 48) }]));
    const r = await ntm(['evaluate', ratio, '--set', SET, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${ratio}: part "xl/sharedStrings.xml" of the XLSX file is compressed`);
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip at all');
    const j = await ntm(['evaluate', junk, '--set', SET, '--lang', 'en']);
    expect(j.code).toBe(2);
    expect(j.stderr).toContain(`${junk}: cannot read as XLSX`);
  });
});

describe('wide and long input', () => {
  it('a header of a million columns is one short error, exit 2', async () => {
    const file = join(dir, 'wide.csv');
    writeFileSync(file, `communeId,year,${Array(1_000_000).fill('x').join(',')}\nc1,2023\n`);
    const r = await ntm(['evaluate', file, '--set', SET, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toBe(`${file}:1:16385: the row has more than 16384 cells (the header row)\n`);
  });

  it('thousands of unknown columns: the first 50 named, the rest counted', async () => {
    const file = join(dir, 'many-unknown.csv');
    writeFileSync(file, `communeId,year,${Array.from({ length: 5000 }, (_, i) => `col${i}`).join(',')}\nc1,2023\n`);
    const r = await ntm(['evaluate', file, '--set', SET, '--lang', 'en', '--strict-columns']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(51);
    expect(r.stderr).toContain('… and 4950 more problems in the header');
  });

  it('every exported parser is linear: 100,000 spaces are answered at once', () => {
    const spaces = ' '.repeat(100_000);
    const started = process.hrtime.bigint();
    expect(parseDecimal(`1${spaces}%`, { allowPercentSign: true })).toBe(1);
    expect(parseDecimal(`1${spaces}x%`, { allowPercentSign: true })).toBeNull();
    expect(parseDecimal(`${spaces}5${spaces}%`, { allowPercentSign: true })).toBe(5);
    expect(parseVerdict(`${spaces}x`)).toBeNull();
    expect(parseCount(`${spaces}9.200${spaces}`)).toBe(9200);
    expect(isNoDataWord(spaces)).toBe(false);
    expect(parseRegion(spaces)).toBeNull();
    expect(foldText(spaces)).toBe('');
    // Quadratic, the first line alone took 21 s; linear, all of them take milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
  });
});

describe('hostile inputs to the library', () => {
  it('an input whose communeId getter throws is one error entry, not a rejected batch', async () => {
    const evil = {
      get communeId(): string {
        throw new Error('boom');
      },
      year: 2023,
    };
    const entries = await evaluateCommunes(SET, [{ communeId: 'a', year: 2023 }, evil, { communeId: 'b', year: 2023 }]);
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => 'error' in e)).toEqual([false, true, false]);
  });
});

describe('a closed pipe', () => {
  it('ntm evaluate … | head exits quietly, without an internal error (the built ntm)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i},2023,20`).join('\n');
    const file = join(dir, 'pipe.csv');
    writeFileSync(file, `communeId,year,15.3\n${rows}\n`);
    // The built bin, as a user's shell runs it.
    const cmd = `"${process.execPath}" "${built().cli}" evaluate "${file}" --set ${SET} --format csv | head -c 100 > /dev/null`;
    const r = await promisify(execFile)('bash', ['-o', 'pipefail', '-c', cmd], { cwd: repoFile('.') }).then(
      (x) => ({ code: 0, stderr: x.stderr }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.stderr).not.toMatch(/internal error|EPIPE|at .+:\d+/);
    expect(r.code).toBe(0);
  }, 60_000);
});
