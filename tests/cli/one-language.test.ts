/**
 * One language per run: with `--lang vi` no line of any output format or error path is English,
 * and with `--lang en` no line is Vietnamese. Data (commune names, set ids, decision numbers,
 * file paths, JSON keys) is the same in both and is taken out before scanning.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import type { CliIo } from '../../src/cli/io.js';
import { ENGLISH_WORD, VIETNAMESE_LETTER, unquoted, withoutData } from '../messages/language.js';
import { built, captured, ntm, repo, SET } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-lang-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// English words that a Vietnamese report must not contain (and none of them is Vietnamese).
const ENGLISH = /(?<![\p{L}\d])(the|is|not|expected|got|row|rows|cells?|header|missing|met|value|unknown|cannot|with|and|of|file|must|error|commune|communes|criteria|criterion|indicator|indicators|threshold|target|status|data|wording|level|note|verdict|formula|percentage|quote|column|agency|known)(?![\p{L}\d])/iu;
// Vietnamese words an English report must not contain (names of places contain none of them).
const VIETNAMESE = /(?<![\p{L}])(không|chưa|đạt|tiêu chí|chỉ tiêu|dòng|cột|tệp|năm|giá trị|yêu cầu|kết quả|cần|lỗi|số liệu|mục tiêu|xã|huyện|của|và)(?![\p{L}])/iu;

/** The text of an output with its data taken out: paths, ids, codes, decision numbers, URLs, HTML markup. */
function wordsOf(text: string): string[] {
  return text
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/"[^"\n]*"/g, ' ') // quoted data (what a cell held)
    .replace(/\[[^\]\n]*\]/g, ' ') // sources and owners as the rule files name them
    .replace(/\/[^\s:,)]+/g, ' ') // file paths and set ids
    .replace(/[\w.-]+\/[\w./-]+/g, ' ')
    .replace(/\b[a-z]+(?:-[a-z0-9]+)+\b/g, ' ') // kebab-case ids (dak-mol, commune-ntm)
    .replace(/\b[A-Z]+(?:_[A-Z]+)+\b/g, ' ') // error codes (UNKNOWN_SET), the same in both languages
    .replace(/--[a-z][\w-]*/g, ' ') // option names (--agency)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function offending(text: string, lang: 'vi' | 'en'): string[] {
  const pattern = lang === 'vi' ? ENGLISH : VIETNAMESE;
  return wordsOf(text).filter((l) => pattern.test(l));
}

const NAMES = ['Đắk Môl', 'Nâm N\'Jang', 'Trường Xuân', 'Thuận Hà', 'Nam Bình', 'Thuận Hạnh', 'Đắk Hòa', 'Đắk N\'Drung'];

let files: Record<string, string>;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bang1');
  ws.addRow(['communeId', 'year', '15.3', 'Dân số', '3.2']);
  const r = ws.addRow(['a', 2023, { formula: 'B2/3' }, 0.5, 'Đạt']);
  r.getCell(4).numFmt = '0%';
  ws.addRow(['b', 2023, 20, 100, 'có lẽ']);
  const xlsx = join(dir, 'bad.xlsx');
  await wb.xlsx.writeFile(xlsx);
  files = {
    badRows: write(
      'bad.csv',
      'communeId,year,15.3,3.2,TC10,Ghi chú,foo\n' +
        'A,2023,abc,Đạt,Đạt,,\n' +
        'B,20x3,"24,9",maybe,,,\n' +
        'a ,2023,1,,,,\n' +
        'C,2023,101,,khong,,\n' +
        'D,2023,"2"4,,,,\n' +
        'E,2023,20,,\n' +
        'F,2023,20,,,,,x\n' +
        'G,2023,20,x,Đạt,"never closed,\n' +
        'H,2023,20,x,Đạt,,\n',
    ),
    badHeader: write('header.csv', 'communeId,year,99.1,15.3,15.3\nA,2023,1,2,3\n'),
    empty: write('empty.csv', ''),
    missing: join(dir, 'none.csv'),
    xlsx,
  };
});

const bothLangs = ['vi', 'en'] as const;

describe('one language per run', () => {
  for (const lang of bothLangs) {
    it(`evaluate in every format with a plan, --lang ${lang}`, async () => {
      for (const format of ['table', 'csv', 'md', 'html']) {
        const r = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--plan', 'dak-song/2023', '--as-of', '2023-06-30', '--format', format, '--lang', lang]);
        expect(r.code, r.stderr).toBe(0);
        expect({ format, lines: offending(r.stdout + r.stderr, lang) }).toEqual({ format, lines: [] });
      }
    });

    it(`row and file errors, --lang ${lang}`, async () => {
      for (const [name, file] of Object.entries(files)) {
        const r = await ntm(['evaluate', file, '--set', SET, '--format', 'table', '--lang', lang]);
        expect(r.code, name).not.toBe(0);
        expect(r.stderr, name).not.toBe('');
        expect({ name, lines: offending(r.stdout + r.stderr, lang) }).toEqual({ name, lines: [] });
      }
    });

    it(`usage errors (the argument parser's too), --lang ${lang}`, async () => {
      const cases = [
        ['evaluate', files.badHeader!, '--set', SET, '--bogus'],
        ['evaluate', files.badHeader!, '--set'],
        ['evaluate'],
        ['evaluate', files.badHeader!, '--set', SET, '--format', 'pdf'],
        ['evaluate', files.badHeader!, '--set', SET, '--year', '23'],
        ['worklist', repo('examples/dak-song-2023.csv'), '--set', SET],
        ['calibrate', files.badHeader!],
        ['evalute'],
        // Library errors about the run's arguments: a set, a kind, a date, a plan, a set of conditions only.
        ['evaluate', repo('examples/dak-song-2023.csv'), '--set', 'no/such/set'],
        ['evaluate', repo('examples/dak-song-2023.csv'), '--set', 'no/such-kind', '--as-of', '2024-01-01'],
        ['evaluate', repo('examples/dak-song-2023.csv'), '--set', 'dak-nong/commune-ntm', '--as-of', '2010-01-01'],
        ['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--plan', 'no-such-plan'],
        ['evaluate', repo('examples/dak-song-2023.csv'), '--set', 'national/commune-model/2022'],
        ['owners', '--plan', 'no-such-plan'],
        ['owners', '--agency', 'nobody'],
        ['worklist', repo('examples/dak-song-2023.csv'), '--set', SET, '--agency', 'nobody'],
        ['calendar', '--year', '1999'],
        ['roadmap', repo('examples/dak-song-2023.csv'), '--set', SET, '--commune', 'nobody'],
      ];
      for (const args of cases) {
        const r = await ntm([...args, '--lang', lang]);
        expect(r.code, args.join(' ')).toBe(2);
        expect({ args, lines: offending(r.stderr, lang) }).toEqual({ args, lines: [] });
      }
    });

    it(`sets and show, --lang ${lang}`, async () => {
      for (const args of [['sets'], ['show', SET], ['show', SET, '--format', 'md']]) {
        const r = await ntm([...args, '--lang', lang]);
        expect(r.code).toBe(0);
        // The source column names documents as the rule files do (data): left out.
        const text = args.includes('md') ? r.stdout.replace(/\| [^|\n]*\|$/gm, '|') : r.stdout;
        expect({ args, lines: offending(text, lang) }).toEqual({ args, lines: [] });
      }
    });
  }

  it('the scan would catch the other language', () => {
    expect(offending('Chỉ tiêu 15.3: expected a number', 'vi')).toHaveLength(1);
    expect(offending('15.3: cần một số như 93,5', 'en')).toHaveLength(1);
    expect(offending(NAMES.join(', '), 'en')).toEqual([]);
  });
});

describe('the outputs officials read name things by their names, in the run language', () => {
  const EX26 = repo('examples/dak-song-2026.json');
  it('province: the reasons in Vietnamese with commune names; a province given by id only is named from the data', async () => {
    const vi = await ntm(['province', EX26, '--as-of', '2026-06-30']);
    expect(vi.stdout).toContain('vì: chưa đánh giá: Đắk Song, Thuận Hạnh, Trường Xuân');
    expect(vi.stdout).toContain('vì: chưa có danh sách phường và đặc khu');
    expect(offending(vi.stdout, 'vi')).toEqual([]);
    const file = write('province-by-id.json', JSON.stringify({ provinceId: 'lam-dong', year: 2026, communes: [{ communeId: 'a', setId: 'national/commune-ntm/2026', year: 2026, status: 'met' }] }));
    const [byIdVi, byIdEn] = await Promise.all([ntm(['province', file]), ntm(['province', file, '--lang', 'en'])]);
    expect(byIdVi.stdout.split('\n')[0]).toMatch(/^Tỉnh Lâm Đồng, năm 2026/);
    expect(byIdEn.stdout.split('\n')[0]).toMatch(/^Lâm Đồng province, 2026/);
  });

  it('groups: a missing fact by its name, never its id', async () => {
    for (const lang of bothLangs) {
      const r = await ntm(['groups', EX26, '--lang', lang]);
      expect(r.stdout).not.toMatch(/ethnicMinorityArea|agricultureShare|adjacentToUrbanArea/);
    }
    // (The English run cites its sources as the decision words them: Phụ lục I, phân nhóm xã.)
    expect(offending((await ntm(['groups', EX26])).stdout, 'vi')).toEqual([]);
  });

  it('diff: an indicator of unknown wording gets a Vietnamese placeholder; the kinds of change in words', async () => {
    const text = await ntm(['diff', 'dak-nong/commune-ntm/2022', 'national/commune-ntm/2022']);
    expect(text.stdout).toContain('17.2 Chỉ tiêu 17.2 (chưa rõ tên chính thức)');
    expect(text.stdout).not.toMatch(/wording unknown|not-listed/);
    const md = await ntm(['diff', 'national/commune-ntm/2016', SET, '--format', 'md']);
    expect(md.stdout).not.toMatch(/\| (now-unknown|now-known|changed|tightened|loosened) \|/);
  });

  it('check, by-current-commune and the roadmap CSV speak Vietnamese, agencies by name', async () => {
    const check = await ntm(['check', repo('rules/plans/dak-song/2023.json')]);
    expect(check.stdout).toMatch(/hợp lệ — kế hoạch dak-song\/2023: 18 cơ quan/);
    const now = await ntm(['by-current-commune', repo('examples/dak-song-2023.json')]);
    expect(now.stdout).toContain('độ tin cậy: theo một nguồn');
    expect(offending(now.stdout, 'vi')).toEqual([]);
    const csv = await ntm(['roadmap', repo('examples/dak-song-2023.csv'), '--set', SET, '--format', 'csv']);
    expect(csv.stdout).toContain('Chi cục Thống kê liên huyện Đăk Mil - Đăk Song');
    expect(csv.stdout).not.toMatch(/,(statistics|economy-infrastructure|agriculture|health)\r?$/m);
  });
});

/*
 * Every command of the command table, on the built `ntm`: each command's error paths — an unknown
 * option, a file that does not exist, a format it does not know (for the commands that declare
 * --format) — in both languages. A new command of the table is covered once it has a sample run
 * (the first test fails until it does). Names the data gives are taken out by construction: every
 * name, alias and decision the bundled rule files and the example data hold is replaced by a token
 * before an English run is scanned (official names stay Vietnamese).
 */
type RunCli = (argv: readonly string[], io: CliIo) => Promise<number>;
let runBuilt: RunCli;
const runBuiltCli = (args: readonly string[]) => captured(runBuilt, args);

const BUILT_CSV = repo('examples/dak-song-2023.csv');
const JSON_DATA = repo('examples/dak-song-2023.json');
const EX26_DATA = repo('examples/dak-song-2026.json');
const NONE = repo('examples/no-such-file.json');

/**
 * One run of each command that succeeds, with the data it reads. A command of the table without
 * one fails the test below: a new command is scanned as soon as it exists.
 */
const SAMPLE: Readonly<Record<string, readonly string[]>> = {
  sets: [],
  show: [SET],
  evaluate: [BUILT_CSV, '--set', SET, '--plan', 'dak-song/2023', '--as-of', '2023-06-30'],
  check: [repo('rules/plans/dak-song/2023.json')],
  owners: [],
  worklist: [JSON_DATA, '--agency', 'health'],
  targets: [JSON_DATA],
  calendar: [],
  diff: ['dak-nong/commune-ntm/2022', 'national/commune-ntm/2022'],
  template: [SET],
  calibrate: [repo('examples/calibration/tay-nguyen-hypothetical.csv'), '--base', SET, '--check'],
  'import-set': [repo('examples/calibration/tay-nguyen-hypothetical.csv'), '--check'],
  province: [EX26_DATA, '--as-of', '2026-06-30'],
  groups: [EX26_DATA],
  'by-current-commune': [JSON_DATA],
  roadmap: [JSON_DATA, '--what-if', repo('examples/dak-song-2023-what-if.json'), '--facts', repo('examples/dak-song-2023-recognition.json')],
  panel: [repo('examples/dak-song-2022.json'), JSON_DATA, repo('examples/dak-song-2024.json')],
  test: [repo('examples/cases')],
  impact: [JSON_DATA, '--from', SET, '--to', 'dak-nong/commune-ntm/2024'],
  dossier: [JSON_DATA, '--commune', 'dak-mol', '--facts', repo('examples/dak-song-2023-recognition.json')],
};

/** The names and quoted texts of the data: every string under a naming key of the rule files and the examples. */
function dataNames(): string[] {
  const names = new Set<string>();
  const NAMING = /^(name|nameVi|names|aliases|decision|provision|textVi|title|unit|recipients|document)$/;
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (NAMING.test(key) && VIETNAMESE_LETTER.test(v)) names.add(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : []));
  for (const f of [...files(repo('rules')), ...files(repo('examples'))]) walk(JSON.parse(readFileSync(f, 'utf8')), '');
  // Longest first, so a name is never cut by a shorter one inside it.
  return [...names].sort((a, b) => b.length - a.length);
}
let DATA_NAMES: string[] = [];

/** The lines of an output in the other language than the run's. */
function otherLanguageLines(text: string, lang: 'vi' | 'en'): string[] {
  let t = text.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  if (lang === 'en') for (const n of DATA_NAMES) t = t.split(n).join(' NAME ');
  return t
    .split('\n')
    .map((l) => withoutData(unquoted(l)).replace(/\[[^\]\n]*\]/g, ' ').replace(/\b[A-Z]+(?:_[A-Z]+)+\b/g, ' '))
    .filter((l) => (lang === 'vi' ? ENGLISH_WORD.test(l) : VIETNAMESE_LETTER.test(l)));
}

beforeAll(async () => {
  ({ runCli: runBuilt } = (await import(pathToFileURL(built().cli).href)) as { runCli: RunCli });
  DATA_NAMES = dataNames();
});

describe('one language per run, for every command of the table (built ntm)', () => {
  it('every command has a sample run', () => {
    expect(Object.keys(COMMANDS).filter((c) => SAMPLE[c] === undefined)).toEqual([]);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`every command's error paths, --lang ${lang}`, async () => {
      const found: Array<{ run: string; lines: string[] }> = [];
      for (const name of Object.keys(COMMANDS)) {
        const sample = SAMPLE[name]!;
        const paths = [
          [name, ...sample, '--no-such-option'],
          ...(Object.hasOwn(COMMANDS[name]!.options, 'format') ? [[name, ...sample, '--format', 'zzz']] : []),
          // The sample's first file replaced by one that does not exist (commands without files: a bad value).
          sample.some((a) => a.startsWith('/')) ? [name, ...sample.map((a, i) => (i === sample.findIndex((x) => x.startsWith('/')) ? NONE : a))] : [name, ...sample, '--lang-x'],
        ];
        for (const args of paths) {
          const r = await runBuiltCli([...args, '--lang', lang]);
          expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBeGreaterThan(0);
          const lines = otherLanguageLines(r.stderr, lang);
          if (lines.length) found.push({ run: args.join(' ').replace(repo(''), ''), lines });
        }
      }
      expect(found).toEqual([]);
    }, 240_000);
  }

  it('the scan finds the other language, and takes the data names out', () => {
    expect(otherLanguageLines('Kết quả: not met', 'vi')).toHaveLength(1);
    expect(otherLanguageLines('Result: chưa đạt', 'en')).toHaveLength(1);
    expect(otherLanguageLines("Đắk Môl: not met; Nâm N'Jang", 'en')).toEqual([]);
  });
});
