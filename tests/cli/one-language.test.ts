/**
 * One language per run: with `--lang vi` no line of any output format or error path is English,
 * and with `--lang en` no line is Vietnamese. Data (commune names, set ids, decision numbers,
 * file paths, JSON keys) is the same in both and is taken out before scanning.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ntm, repo, SET } from './helpers.js';

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
