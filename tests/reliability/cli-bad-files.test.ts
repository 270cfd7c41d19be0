/**
 * The `ntm` command under bad files: cut-off, wrongly encoded, empty, unknown columns, a large
 * file with 1 % broken rows (10,000 rows in a 32 MB heap in `npm test`, 100,000 in 128 MB in
 * `npm run test:full`). Every good row is evaluated, every broken row is
 * reported with its row and column, the exit code says which happened, nothing crashes, and
 * memory stays bounded.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
// In-process runner: a thrown exception (a crash) fails the test with its stack.
import { ntm, ntmProcess } from '../cli/helpers.js';
import { count, sized } from '../scale.js';
import { guardPrototypes, readRepoText, repoFile } from './support.js';
import { injectionPoints, textWithDeepValue, textWithKey } from './json-mutations.js';

const SET = 'dak-nong/commune-ntm/2022';
const dir = mkdtempSync(join(tmpdir(), 'ntm-bad-files-'));

/** Writes `content` to a fresh file in the test directory and returns its path. */
function fileWith(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * Text encoded in Windows-1258, built from Node's own decoder so the test needs no library:
 * characters the code page has whole are one byte; others are a base letter and combining tone marks.
 */
function windows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (byteOf.has(ch)) {
      out.push(byteOf.get(ch)!);
      continue;
    }
    // Tone marks exist as combining bytes; circumflex, breve and horn only inside whole letters.
    const [base, ...marks] = [...ch.normalize('NFD')];
    const tones = marks.filter((m) => byteOf.has(m));
    const letter = (base! + marks.filter((m) => !byteOf.has(m)).join('')).normalize('NFC');
    const done = byteOf.has(letter);
    if (done) out.push(byteOf.get(letter)!, ...tones.map((m) => byteOf.get(m)!));
    if (!done) throw new Error(`no Windows-1258 form for ${ch}`);
  }
  return Buffer.from(out);
}

/** `file:row:column` at the start of each line of standard error. */
function locations(stderr: string, file: string): Array<{ row: number; column: number | null }> {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith(file))
    .map((l) => {
      const m = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)(?::(\\d+))?`).exec(l)!;
      return { row: Number(m[1]), column: m[2] === undefined ? null : Number(m[2]) };
    });
}

let prototypesUnchanged: () => void;
beforeAll(() => {
  prototypesUnchanged = guardPrototypes();
});
afterAll(() => prototypesUnchanged());

// 10,000 rows stream through a 32 MB heap; holding their results does not fit (measured: the
// table format, which keeps them for the matrix, runs out of memory there).
const ROWS = sized(10_000, 100_000);
const HEAP_MB = sized(32, 128);

describe(`a ${count(ROWS)}-row file with 1 % broken rows`, () => {
  it(`evaluates every good row, reports every broken row at its row and column, exits 1, in a ${HEAP_MB} MB heap`, async () => {
    // Columns: 1 communeId, 2 year, 3 "15.3", 4 "17.10", 5 "3.1", 6 "TC1".
    const header = 'communeId,year,15.3,17.10,3.1,TC1';
    const broken = new Map<number, number>(); // data row index → column of the reported cell
    const lines = [header];
    for (let k = 0; k < ROWS; k++) {
      const good = [`c${k}`, '2023', `"${(k % 40) + 0.5}"`.replace('.', ','), k % 3 ? 'Đạt' : 'Không đạt', String(k % 100), 'Đạt'];
      if (k % 100 !== 37) {
        lines.push(good.join(','));
        continue;
      }
      const kind = Math.floor(k / 100) % 8;
      const row = [...good];
      let column: number;
      if (kind === 0) [row[2], column] = ['abc', 3];
      else if (kind === 1) [row[2], column] = ['150', 3];
      else if (kind === 2) [row[3], column] = ['Đạt lắm', 4];
      else if (kind === 3) [row[1], column] = ['20x3', 2];
      else if (kind === 4) [row[0], column] = [`c${k - 1}`, 1];
      else if (kind === 5) [row.length, column] = [3, 4]; // cut short: cells 4… missing
      else if (kind === 6) [row[6], column] = ['extra', 7]; // one cell too many
      else [row[5], column] = ['có lẽ', 6];
      broken.set(k, column);
      lines.push(row.join(','));
    }
    const file = fileWith('big.csv', lines.join('\n') + '\n');
    const out = join(dir, 'big-out.csv');

    // The built bin in a separate process with a small heap: as JSON, 100,000 results come to about 2.4 GB.
    const run = await ntmProcess(['evaluate', file, '--set', SET, '--format', 'csv', '--lang', 'en', '--out', out], { nodeOptions: [`--max-old-space-size=${HEAP_MB}`] });
    expect(run.stderr).not.toMatch(/heap out of memory|at .+\.(ts|js):\d+/);
    expect(run.code).toBe(1);

    const reported = locations(run.stderr, file);
    expect(reported).toHaveLength(broken.size);
    expect(reported).toEqual([...broken].map(([k, column]) => ({ row: k + 2, column })));

    const rows = parse(readFileSync(out), { bom: true }) as string[][];
    expect(rows).toHaveLength(ROWS + 1);
    const [head, ...data] = rows;
    const errorColumn = head!.length - 1;
    data.forEach((cells, k) => {
      if (broken.has(k)) {
        expect(cells[errorColumn], `row ${k + 2}`).toContain(`${file}:${k + 2}:${broken.get(k)}`);
      } else {
        expect(cells[0]).toBe(`c${k}`);
        expect(cells[errorColumn]).toBe('');
        expect(cells[4]).not.toBe('');
      }
    });
  }, 240_000);
});

describe('cut-off files', () => {
  const full = readRepoText('examples/dak-song-2023.csv');
  const lastRowStart = full.trimEnd().lastIndexOf('\n') + 1;
  let reference: unknown[];

  beforeAll(async () => {
    const r = await ntm(['evaluate', repoFile('examples/dak-song-2023.csv'), '--set', SET, '--format', 'json']);
    expect(r.code).toBe(0);
    reference = JSON.parse(r.stdout) as unknown[];
    expect(reference).toHaveLength(8);
  });

  it('a file cut anywhere in its last row: earlier rows as before, the cut row kept and reported where cut', async () => {
    const bytes = Buffer.from(full, 'utf8');
    const start = Buffer.byteLength(full.slice(0, lastRowStart), 'utf8');
    const end = Buffer.byteLength(full.trimEnd(), 'utf8');
    const lastRow = full.split('\n').filter((l) => l.trim() !== '').length;
    let reportedCuts = 0;
    for (let cut = start + 1; cut < end; cut += 5) {
      const file = fileWith(`cut-${cut}.csv`, bytes.subarray(0, cut));
      const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json']);
      const entries = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      // Nothing lost: one entry per row, the complete rows exactly as from the whole file.
      expect(entries).toHaveLength(8);
      expect(entries.slice(0, 7)).toEqual(reference.slice(0, 7));
      if (r.code === 1) {
        reportedCuts++;
        expect(entries[7]).toHaveProperty('error');
        const at = locations(r.stderr, file);
        expect(at).not.toHaveLength(0);
        for (const a of at) {
          expect(a.row).toBe(lastRow);
          expect(a.column).not.toBeNull();
        }
      } else {
        // Cut inside the last cell: the row is whole, just with less in that cell.
        expect(r.code).toBe(0);
      }
    }
    expect(reportedCuts).toBeGreaterThan(10);
  });

  it('a quote left open by the cut is reported at the row where it opens', async () => {
    const file = fileWith('open-quote.csv', `${full.slice(0, lastRowStart)}dak-mol,"Đắk Môl`);
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json']);
    expect(r.code).toBe(1);
    const lastRow = full.slice(0, lastRowStart).split('\n').length;
    expect(locations(r.stderr, file)).toEqual([{ row: lastRow, column: 2 }]);
    expect((JSON.parse(r.stdout) as unknown[]).slice(0, 7)).toEqual(reference.slice(0, 7));
  });
});

describe('encodings', () => {
  const full = readRepoText('examples/dak-song-2023.csv');
  let reference: string;
  beforeAll(async () => {
    reference = (await ntm(['evaluate', repoFile('examples/dak-song-2023.csv'), '--set', SET, '--format', 'json'])).stdout;
  });

  it('UTF-8 with a BOM and UTF-16 LE with a BOM (Excel "Unicode text") give the same results as UTF-8', async () => {
    for (const [name, bytes] of [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(full, 'utf8')])],
      ['utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(full, 'utf16le')])],
    ] as const) {
      const r = await ntm(['evaluate', fileWith(name, bytes), '--set', SET, '--format', 'json']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe(reference);
    }
  });

  it('a Windows-1258 file is refused at its header, saying it is not UTF-8, with row and column', async () => {
    const file = fileWith('cp1258.csv', windows1258(full));
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not UTF-8`));
    expect(r.stdout).not.toContain('"communeId"');
  });

  it('Windows-1258 words under a plain header are row errors at their cells, and the other rows are evaluated', async () => {
    const text = 'communeId,year,15.3,17.10\nc1,2023,24,Đạt\nc2,2023,30,Không đạt\nc3,2023,20,x\n';
    const file = fileWith('cp1258-cells.csv', windows1258(text));
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(locations(r.stderr, file)).toEqual([
      { row: 2, column: 4 },
      { row: 3, column: 4 },
    ]);
    const entries = JSON.parse(r.stdout) as Array<{ communeId?: string; error?: unknown }>;
    expect(entries.map((e) => [e.communeId, 'error' in e])).toEqual([
      ['c1', true],
      ['c2', true],
      ['c3', false],
    ]);
  });
});

describe('empty files and bad headers', () => {
  it('an empty file (or one with only a BOM, blank lines or comments) is a file error naming the file', async () => {
    for (const [name, content] of [
      ['empty.csv', ''],
      ['bom-only.csv', '\ufeff'],
      ['blank.csv', '\n\n\n'],
      ['comments.csv', '# nothing but a comment\n# and another\n'],
    ] as const) {
      const file = fileWith(name, content);
      const r = await ntm(['evaluate', file, '--set', SET, '--format', 'csv', '--lang', 'en']);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain(`${file}: empty file`);
    }
  });

  it('a header with unknown codes names every unknown code and evaluates nothing', async () => {
    const file = fileWith('unknown-header.csv', 'communeId,year,15.3,99.9,15.30,foo,__proto__,constructor\nc1,2023,20,1,2,3,4,5\n');
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(locations(r.stderr, file).map((l) => l.column)).toEqual([4, 5]);
    expect(r.stdout).not.toContain('"communeId"');
  });

  it('unknown words as columns are reported and not read; --strict-columns refuses them', async () => {
    const file = fileWith('unknown-words.csv', 'communeId,year,15.3,foo,__proto__,constructor\nc1,2023,20,3,4,5\n');
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(locations(r.stderr, file).map((l) => l.column)).toEqual([4, 5, 6]);
    expect(r.stderr).toContain('unknown column "foo" is not read');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    const strict = await ntm(['evaluate', file, '--set', SET, '--format', 'json', '--lang', 'en', '--strict-columns']);
    expect(strict.code).toBe(2);
    expect(locations(strict.stderr, file).map((l) => l.column)).toEqual([4, 5, 6]);
    expect(strict.stdout).toBe('');
  });

  it('a header with no data rows evaluates nothing and says so', async () => {
    const file = fileWith('header-only.csv', 'communeId,year,15.3\n');
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json', '--lang', 'en']);
    // A run that evaluates no row fails (exit code 1), saying why.
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('no commune rows');
  });

  it('a cut XLSX or JSON file is a file error, not a crash', async () => {
    const xlsx = readFileSync(repoFile('examples/dak-song-2023.xlsx'));
    for (const cut of [0.1, 0.5, 0.9]) {
      const file = fileWith(`cut-${cut}.xlsx`, xlsx.subarray(0, Math.floor(xlsx.length * cut)));
      const r = await ntm(['evaluate', file, '--set', SET, '--format', 'csv', '--lang', 'en']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(file);
    }
    const json = readRepoText('examples/dak-song-2023.json');
    const file = fileWith('cut.json', json.slice(0, Math.floor(json.length / 2)));
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not valid JSON`);
  });
});

describe('arguments that name prototype members', () => {
  it('are unknown commands, topics, sets or values: a usage message, never a crash or "undefined"', async () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const args of [
        [word],
        ['help', word],
        ['evaluate', repoFile('examples/dak-song-2023.csv'), '--set', word],
        ['evaluate', repoFile('examples/dak-song-2023.csv'), '--set', SET, '--format', word],
        ['show', word],
        ['owners', '--agency', word],
      ]) {
        const r = await ntm(args);
        expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/undefined|\[object Object\]|native code/);
        expect(r.stdout + r.stderr).not.toBe('');
        if (args[0] !== 'help') expect(r.code, args.join(' ')).toBe(2);
      }
    }
  });
});

describe('ntm check on hostile rule, overlay and plan files', () => {
  const ruleText = readRepoText('rules/sets/national/318-qd-ttg-2022.json');
  const rule = JSON.parse(ruleText) as unknown;
  const planText = readRepoText('rules/plans/dak-song/2023.json');

  it('refuses each with the file and a position, exit 1, never "ok"', async () => {
    const cases: Array<[string, string]> = [
      ['dup-key.json', ruleText.replace(/"id":\s*"([^"]+)"/, (m) => `${m}, "id": "other/set/1"`)],
      ['proto.json', textWithKey(rule, ['criteria', 0], '__proto__', { polluted: true })],
      ['deep.json', textWithDeepValue(rule, injectionPoints(rule)[1]!, 'object')],
      ['plan-dup.json', planText.replace(/"id":\s*"([^"]+)"/, (m) => `${m}, "id": "other/2023"`)],
      ['overlay-proto.json', `{"base":"${SET}","id":"x/y/z","indicators":{"__proto__":{"requirement":{"kind":"unknown"}}}}`],
      ['huge.json', `{"base":"${SET}","note":"${'x'.repeat(6_000_000)}"}`],
    ];
    for (const [name, text] of cases) {
      const file = fileWith(name, text);
      const r = await ntm(['check', file]);
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stdout).not.toContain('ok');
      expect(r.stderr.startsWith(file)).toBe(true);
      prototypesUnchanged();
    }
  });

  it('refuses the same files passed to evaluate as --set or --overlay: a file error naming the file, exit 2', async () => {
    const data = repoFile('examples/dak-song-2023.csv');
    const dupSet = fileWith('set-dup.json', ruleText.replace(/"id":\s*"([^"]+)"/, (m) => `${m}, "id": "other/set/1"`));
    const protoOverlay = fileWith('overlay-proto2.json', `{"base":"${SET}","id":"x/y/z","indicators":{"__proto__":{"requirement":{"kind":"unknown"}}}}`);
    for (const args of [
      ['evaluate', data, '--set', dupSet],
      ['evaluate', data, '--set', SET, '--overlay', protoOverlay],
    ]) {
      const r = await ntm([...args, '--format', 'csv']);
      const file = args[args.length - 1]!;
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stdout).toBe('');
      prototypesUnchanged();
    }
  });
});
