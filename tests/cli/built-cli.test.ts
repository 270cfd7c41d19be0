/**
 * The `ntm` command as it ships: the bundle `npm run build` makes (dist/cli.js, built here by the
 * global setup from the same tsup options). Every command and every option its help (and so
 * docs/cli.md and the command table of docs/ntm.md) documents is run on the build, with its exit code; a test
 * fails when a documented option has no case here. The cases run in this process through the
 * bundle's own `runCli`; the bin itself runs as a child process for the version here and for
 * each exit code in commands.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationTemplate } from '../../src/index.js';
import type { CliIo } from '../../src/cli/io.js';
import packageJson from '../../package.json' with { type: 'json' };
import { built, captured, exampleData, ntmProcess, repo, SET } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ntm-built-'));
const file = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

type RunCli = (argv: readonly string[], io: CliIo) => Promise<number>;
let runBuilt: RunCli;

/** Runs the built command in this process and captures what it writes. */
function built_ntm(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return captured(runBuilt, args);
}

const CSV = repo('examples/dak-song-2023.csv');
const JSON_DATA = repo('examples/dak-song-2023.json');
const XLSX = repo('examples/dak-song-2023.xlsx');
const EX26 = repo('examples/dak-song-2026.json');
const PLAN = 'dak-song/2023';
const CALIBRATION_XLSX = repo('examples/calibration/tay-nguyen-hypothetical.xlsx');
const CALIBRATION_CSV = repo('examples/calibration/tay-nguyen-hypothetical.csv');
let ANNEX_CSV: string;

/** One run of the built command: arguments, the exit code, and what the output must show. */
interface Case {
  args: string[];
  code: 0 | 1 | 2;
  /** Text standard output (or the `--out` file) contains. */
  out?: string | RegExp;
  /** Text standard error contains. */
  err?: string | RegExp;
  /** The file `--out` names, read instead of standard output. */
  outFile?: string;
}

let CASES: Record<string, Case[]>;

beforeAll(async () => {
  ({ runCli: runBuilt } = (await import(pathToFileURL(built().cli).href)) as { runCli: RunCli });
  const overlay = JSON.parse(JSON.stringify(calibrationTemplate(SET))) as { id: string; indicators: Record<string, { requirement: unknown }> };
  overlay.id = 'test/commune-ntm/2022-calibrated';
  overlay.indicators['9.2']!.requirement = { kind: 'compare', operator: '>=', value: 80, source: { decision: 'Test decision for this test only', confidence: 'verified' } };
  const overlayFile = file('overlay.json', JSON.stringify(overlay, null, 2));
  const baseline = file('baseline-2022.json', JSON.stringify({ set: SET, communes: exampleData().communes.map((c) => ({ ...c, year: 2022 })) }));
  const advanced = file('advanced.csv', `communeId,year,${Array.from({ length: 19 }, (_, k) => `TC${k + 1}`).join(',')}\nnam-binh,2023,Đạt,Đạt${',Chưa đạt'.repeat(17)}\n`);
  const semicolon = file('semicolon.csv', 'communeId;year;15.3;17.10\nsemi;2023;24,9;Đạt\n');
  const badRows = file('bad-rows.csv', 'communeId,year,15.3\na,2023,abc\nb,2023,20\n');
  const titled = file('titled.csv', 'UBND HUYỆN ĐẮK SONG,,,\nBẢNG TỔNG HỢP NĂM 2023,,,\ncommuneId,year,15.3,Người lập\nt1,2023,20,A\n');
  const bad = file('bad-rule.json', '{ "id": 1 }');
  const out = (name: string): string => join(tmp, name);
  ANNEX_CSV = file('annex.csv', (await built_ntm(['show', 'national/district-ntm/2022', '--format', 'csv'])).stdout);
  CASES = {
    sets: [
      { args: [], code: 0, out: 'dak-nong/commune-ntm/2022' },
      { args: ['--format', 'json'], code: 0, out: '"id": "dak-nong/commune-ntm/2022"' },
      { args: ['--lang', 'en'], code: 0, out: 'Legal basis' },
      { args: ['--out', out('sets.txt')], code: 0, outFile: out('sets.txt'), out: 'Mã bộ tiêu chí' },
      { args: ['--format', 'xml'], code: 2, err: '--format phải là một trong table, json' },
    ],
    show: [
      { args: [SET], code: 0, out: '15.3' },
      { args: [SET, '--region', 'TDMNPB'], code: 0, out: 'Cột vùng: TDMNPB' },
      { args: [SET, '--format', 'md', '--lang', 'en'], code: 0, out: '# ' },
      { args: [SET, '--format', 'json', '--out', out('set.json')], code: 0, outFile: out('set.json'), out: '"criteria"' },
      { args: [repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json')], code: 0, out: SET },
      { args: ['no/such/set'], code: 2, err: 'no/such/set' },
    ],
    evaluate: [
      { args: [CSV, '--set', SET], code: 0, out: 'Đắk Môl' },
      { args: [JSON_DATA, '--format', 'json'], code: 0, out: '"setId":"dak-nong/commune-ntm/2022"' },
      { args: [CSV, '--set', SET, '--format', 'csv', '--out', out('r.csv')], code: 0, outFile: out('r.csv'), out: /^\ufeffMã xã,/ },
      { args: [CSV, '--set', SET, '--format', 'md', '--lang', 'en'], code: 0, out: '| Commune |' },
      { args: [CSV, '--set', SET, '--format', 'html'], code: 0, out: '<table class="matrix"' },
      { args: [CSV, '--set', SET, '--year', '2023', '--format', 'csv'], code: 0, out: 'dak-mol' },
      { args: [CSV, '--set', 'dak-nong/commune-ntm', '--as-of', '2023-06-05', '--format', 'json'], code: 0, out: '"setId":"dak-nong/commune-ntm/2022"' },
      { args: [CSV, '--set', SET, '--overlay', overlayFile, '--format', 'json'], code: 0, out: '"setId":"test/commune-ntm/2022-calibrated"' },
      { args: [CSV, '--set', SET, '--plan', PLAN, '--as-of', '2023-06-05', '--lang', 'en'], code: 0, out: 'Health Office' },
      { args: [CSV, '--set', SET, '--engine', 'json-rules-engine', '--format', 'csv'], code: 0, out: 'dak-mol' },
      { args: [XLSX, '--set', SET, '--sheet', '1', '--format', 'csv'], code: 0, out: 'dak-mol' },
      { args: [semicolon, '--set', SET, '--delimiter', ';', '--format', 'csv'], code: 0, out: /^semi,/m },
      { args: [badRows, '--set', SET, '--format', 'csv', '--lang', 'en'], code: 1, err: `${badRows}:2:3 (15.3): 15.3: expected a number` },
      { args: [titled, '--set', SET, '--header-row', '3', '--format', 'csv', '--lang', 'en'], code: 0, out: /^t1,/m, err: 'title row(s) above the header' },
      { args: [titled, '--set', SET, '--strict-columns', '--lang', 'en'], code: 2, err: 'unknown column "Người lập"' },
      { args: [join(tmp, 'none.csv'), '--set', SET], code: 2, err: 'none.csv' },
      { args: [CSV, '--set', SET, '--colour'], code: 2, err: 'không có tuỳ chọn "--colour"' },
    ],
    owners: [
      { args: [], code: 0, out: 'economy-infrastructure' },
      { args: ['--agency', 'health', '--lang', 'en'], code: 0, out: /^15 +Health/m },
      { args: ['--code', '17.9', '--format', 'json'], code: 0, out: '"code": "17.9"' },
      { args: ['--plan', PLAN, '--format', 'md', '--out', out('owners.md')], code: 0, outFile: out('owners.md'), out: '| --- |' },
      { args: ['--agency', 'nobody'], code: 2, err: 'nobody' },
    ],
    worklist: [
      { args: [JSON_DATA, '--agency', 'health'], code: 0, out: 'Trường Xuân' },
      { args: [CSV, '--agency', 'health', '--set', SET, '--plan', PLAN, '--year', '2023', '--format', 'json', '--lang', 'en', '--out', out('work.json')], code: 0, outFile: out('work.json'), out: '"agencyId": "health"' },
      { args: [JSON_DATA], code: 2, err: 'thiếu --agency' },
      { args: [XLSX, '--agency', 'health', '--set', SET, '--sheet', '1'], code: 0, out: 'Trường Xuân' },
    ],
    targets: [
      { args: [JSON_DATA], code: 0, out: 'dak-n-drung' },
      { args: [CSV, '--set', SET, '--plan', PLAN, '--baseline', baseline, '--advanced', advanced, '--figure', 'health-insurance-coverage=93,4', '--format', 'json'], code: 0, out: '"kind": "advanced-criteria"' },
      { args: [JSON_DATA, '--format', 'md', '--lang', 'en', '--out', out('targets.md')], code: 0, outFile: out('targets.md'), out: '|' },
      { args: [JSON_DATA, '--figure', 'x', '--lang', 'en'], code: 2, err: '--figure must be' },
      { args: [CSV, '--set', SET, '--plan', PLAN, '--year', '2023', '--baseline', baseline, '--baseline-set', SET, '--advanced', advanced, '--advanced-set', 'dak-nong/commune-ntm-advanced/2022', '--format', 'json'], code: 0, out: '"kind": "advanced-criteria"' },
    ],
    calendar: [
      { args: [], code: 0, out: '12/06/2023' },
      { args: ['--year', '2023', '--from', '2023-12-01', '--before', 'inclusive', '--format', 'json'], code: 0, out: '"lastDay": "2023-12-' },
      { args: ['--plan', PLAN, '--format', 'md', '--lang', 'en', '--out', out('cal.md')], code: 0, outFile: out('cal.md'), out: '| Report |' },
      { args: ['--from', '2023-13-01'], code: 2, err: '--from phải là một ngày' },
    ],
    diff: [
      { args: ['national/commune-ntm/2016', SET, '--lang', 'en'], code: 0, out: '15.3' },
      { args: ['national/commune-ntm/2016', SET, '--region', 'TN', '--year', '2023', '--format', 'json', '--out', out('diff.json')], code: 0, outFile: out('diff.json'), out: '"tightened"' },
      { args: ['national/commune-ntm/2016', SET, '--format', 'md'], code: 0, out: '# national/commune-ntm/2016 → dak-nong/commune-ntm/2022' },
      { args: [SET], code: 2, err: 'thiếu <setA> <setB>\n' },
    ],
    check: [
      { args: [repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json')], code: 0, out: 'hợp lệ — bộ tiêu chí dak-nong/commune-ntm/2022' },
      { args: [repo('rules/sets/dak-nong/1037-qd-ubnd-2022.211-qd-ttg-2024.json')], code: 0, out: 'hợp lệ — ' },
      { args: [repo('rules/plans/dak-song/2023.json')], code: 0, out: 'hợp lệ — kế hoạch dak-song/2023' },
      { args: [overlayFile], code: 0, out: 'hợp lệ — tệp hiệu chỉnh' },
      { args: [bad], code: 1, err: bad },
      { args: [bad, '--lang', 'en'], code: 1, err: bad },
      { args: [join(tmp, 'none.json')], code: 2, err: 'không đọc được tệp (không tồn tại)' },
    ],
    province: [
      { args: [EX26], code: 0, out: 'Kết quả: Chưa hoàn thành' },
      { args: [EX26, '--set', 'national/commune-ntm/2026', '--lang', 'en'], code: 0, out: /P1 not met +communes meeting the NTM set 1\/103/ },
      { args: [EX26, '--as-of', '2026-06-30', '--format', 'json', '--out', out('province.json')], code: 0, outFile: out('province.json'), out: '"rulesId": "national/province-ntm/2026"' },
      { args: [EX26, '--as-of', '2026-02-14', '--lang', 'en'], code: 2, err: 'cannot be evaluated under national/commune-ntm/2024' },
      { args: [EX26, '--as-of', '2026-02-14'], code: 2, err: 'không thể đánh giá theo bộ national/commune-ntm/2024' },
      { args: [join(tmp, 'none.json')], code: 2, err: 'không đọc được tệp (không tồn tại)' },
    ],
    groups: [
      { args: [EX26], code: 0, out: 'xã nhóm 3 theo quy tắc G3' },
      { args: [EX26, '--lang', 'en', '--format', 'json', '--out', out('groups.json')], code: 0, outFile: out('groups.json'), out: '"basis": "undetermined"' },
      { args: [JSON_DATA], code: 2, err: 'không có mục "groups"' },
    ],
    'by-current-commune': [
      { args: [JSON_DATA], code: 0, out: 'xã Trường Xuân' },
      { args: [CSV, '--set', SET, '--year', '2023', '--lang', 'en'], code: 0, out: /Thuận Hạnh commune +Thuận Hà commune +2023/ },
      { args: [CSV, '--set', 'dak-nong/commune-ntm', '--as-of', '2023-06-05', '--format', 'json', '--out', out('now.json')], code: 0, outFile: out('now.json'), out: '"reorganisationId": "lam-dong/reorganisation-2025"' },
      { args: [CSV, '--lang', 'en'], code: 2, err: 'missing --set' },
    ],
    roadmap: [
      { args: [JSON_DATA], code: 0, out: 'Lộ trình đạt chuẩn nông thôn mới' },
      { args: [CSV, '--set', SET, '--plan', PLAN, '--commune', 'Đắk Môt', '--what-if', repo('examples/dak-song-2023-what-if.json'), '--facts', repo('examples/dak-song-2023-recognition.json'), '--lang', 'en'], code: 0, out: 'can be recognised' },
      { args: [XLSX, '--set', SET, '--sheet', '1', '--year', '2023', '--format', 'csv', '--out', out('road.csv')], code: 0, outFile: out('road.csv'), out: 'dak-n-drung' },
      { args: [JSON_DATA, '--format', 'html'], code: 0, out: '<!DOCTYPE html>' },
      { args: [JSON_DATA, '--commune', 'nowhere'], code: 2, err: 'nowhere' },
    ],
    panel: [
      { args: [repo('examples/dak-song-2022.json'), JSON_DATA, repo('examples/dak-song-2024.json'), '--lang', 'en'], code: 0, out: 'Thuận Hà: 2023 → 2024 (definite)' },
      { args: [baseline, XLSX, '--set', SET, '--plan', PLAN, '--recognised', 'nam-binh', '--sheet', '1', '--format', 'md'], code: 0, out: '| Nam Bình |' },
      { args: [JSON_DATA, '--format', 'csv', '--out', out('panel.csv')], code: 0, outFile: out('panel.csv'), out: 'dak-mol' },
      { args: [JSON_DATA, '--format', 'pdf'], code: 2, err: '--format phải là một trong' },
    ],
    template: [
      { args: [SET], code: 0, out: '"base": "dak-nong/commune-ntm/2022"' },
      { args: ['dak-nong/model-garden', '--out', out('template.json')], code: 0, outFile: out('template.json'), out: '"base": "dak-nong/model-garden"' },
      { args: ['no/such/set'], code: 2, err: 'no/such/set' },
      { args: [SET, '--format', 'xlsx', '--out', out('template.xlsx'), '--lang', 'en'], code: 0, err: 'row(s) to fill' },
      { args: [SET, '--format', 'csv', '--all'], code: 0, out: '# Bộ tiêu chí gốc / Base set: dak-nong/commune-ntm/2022' },
      { args: [SET, '--format', 'xlsx'], code: 2, err: '--format xlsx cần --out' },
    ],
    calibrate: [
      { args: [CALIBRATION_XLSX, '--base', SET, '--check', '--lang', 'en'], code: 0, out: 'valid: 2 requirement(s)' },
      { args: [CALIBRATION_XLSX, '--base', SET, '--out', out('overlay-from-xlsx.json'), '--set-out', out('calibrated.json'), '--id', 'test/commune-ntm/2022-from-xlsx'], code: 0, outFile: out('overlay-from-xlsx.json'), out: '"id": "test/commune-ntm/2022-from-xlsx"' },
      { args: [CALIBRATION_CSV, '--base', SET], code: 0, out: '"baseFingerprint"', err: 'hợp lệ: 2 yêu cầu' },
      { args: [XLSX, '--base', SET, '--lang', 'en'], code: 1, err: 'no header row' },
      { args: [CALIBRATION_XLSX], code: 2, err: 'thiếu --base' },
    ],
    'import-set': [
      { args: [ANNEX_CSV, '--check', '--lang', 'en'], code: 0, out: 'valid: set national/district-ntm/2022' },
      { args: [ANNEX_CSV, '--out', out('imported.json')], code: 0, outFile: out('imported.json'), out: '"id": "national/district-ntm/2022"' },
      { args: [CSV], code: 1, err: 'không có trang tính' },
    ],
  };
  const casesDir = repo('examples/cases');
  const failing = file('failing.yaml', readFileSync(repo('examples/cases/dak-song-2023.yaml'), 'utf8').replace('15.3: { status: Chưa đạt, shortfall: 1.7 }', '15.3: { status: Chưa đạt, shortfall: 1.5 }'));
  CASES.test = [
    { args: [casesDir], code: 0, out: /^12 khớp, 0 không khớp$/m },
    { args: [failing, '--lang', 'en'], code: 1, out: /✗ Trường Xuân 2023 .*failed — .*failing\.yaml:\d+:5\n +15\.3 shortfall: expected 1\.5, got 1\.7\n[\s\S]*^9 passed, 1 failed$/m },
    { args: [failing, '--junit', out('cases.xml'), '--format', 'json', '--out', out('cases.json')], code: 1, outFile: out('cases.json'), out: '"failed": 1', err: /^9 khớp, 1 không khớp$/m },
    { args: [failing, '--junit', failing], code: 2, err: 'là tệp đầu vào' },
  ];
  const dossierFacts = file('dossier-facts.json', JSON.stringify({ communes: { 'dak-mol': { satisfactionVerdict: 'Đạt', constructionDebt: 0, security: 'not-complex' } } }));
  CASES.dossier = [
    { args: [JSON_DATA, '--commune', 'dak-mol'], code: 0, out: 'Điều kiện công nhận' },
    { args: [JSON_DATA, '--commune', 'Đắk Môl', '--facts', dossierFacts, '--plan', PLAN, '--set', SET, '--year', '2023', '--format', 'md', '--lang', 'en'], code: 0, out: '## Recognition conditions' },
    { args: [XLSX, '--sheet', '1', '--set', SET, '--commune', 'dak-mol', '--format', 'html', '--out', out('dossier.html')], code: 0, outFile: out('dossier.html'), out: '<h2>Điều kiện công nhận</h2>' },
    { args: [CSV, '--set', SET, '--commune', 'dak-mol', '--format', 'json'], code: 0, out: '"rulesId": "national/recognition/2022"' },
    { args: [CSV, '--set', SET, '--commune', 'dak-mol', '--format', 'xlsx', '--out', out('dossier.xlsx')], code: 0 },
    { args: [CSV, '--set', SET, '--commune', 'dak-mol', '--format', 'xlsx'], code: 2, err: '--out' },
    { args: [CSV], code: 2, err: 'thiếu --commune' },
  ];
  CASES.impact = [
    { args: [JSON_DATA, '--to', '211/QĐ-TTg', '--lang', 'en'], code: 0, out: /Nam Bình +meets the set \(19\/19\) +undetermined \(18\/19\) +loses the standard +C18: met → undetermined[\s\S]*18\.4: met → threshold unknown \(now unknown\)[\s\S]*3 lose the standard/ },
    { args: [CSV, '--from', '1037/QĐ-UBND', '--to', '2024-03-01', '--format', 'csv', '--out', out('impact.csv')], code: 0, outFile: out('impact.csv'), out: /^\ufeffMã xã,/ },
    { args: [XLSX, '--sheet', '1', '--from', SET, '--to', repo('examples/calibration/tay-nguyen-hypothetical.overlay.json'), '--format', 'md'], code: 0, out: 'QĐ GIẢ ĐỊNH 0/QĐ-VIDU' },
    { args: [JSON_DATA, '--to', '2026-06-30', '--format', 'html'], code: 0, out: 'không so sánh được' },
    { args: [JSON_DATA, '--to', 'dak-nong/commune-ntm/2024', '--format', 'json'], code: 0, out: '"lose": 3' },
    { args: [JSON_DATA], code: 2, err: 'thiếu --to' },
    { args: [JSON_DATA, '--to', '9999/QĐ-XYZ'], code: 2, err: 'không có bộ tiêu chí, loại hay quyết định' },
    { args: [JSON_DATA, '--to', '2024-03-01', '--out', JSON_DATA], code: 2, err: 'là tệp đầu vào' },
  ];
  CASES.show!.push(
    { args: [SET, '--format', 'xlsx', '--out', out('annex.xlsx')], code: 0 },
    { args: ['national/district-ntm/2022', '--format', 'csv'], code: 0, out: '#sheet Bộ tiêu chí (Set)' },
  );
});

/** The options a command's help documents (`--set`, `--format` …), `--help` aside. */
function documentedOptions(help: string): string[] {
  return [...new Set([...help.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!))].filter((o) => o !== 'help').sort();
}

describe('the built ntm: every documented command and option, with its exit code', () => {
  it('lists the same commands in --help as the cases here cover', async () => {
    const help = await built_ntm(['--help']);
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('covers every option each command’s help documents, and the analysts’ guide names no other', async () => {
    const readme = readFileSync(repo('docs/ntm.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| command | what it does |'), readme.indexOf('Exit codes: **0** ok'));
    for (const [name, cases] of Object.entries(CASES)) {
      const help = (await built_ntm([name, '--help'])).stdout;
      const documented = documentedOptions(help);
      const exercised = new Set(cases.flatMap((c) => c.args.filter((a) => a.startsWith('--')).map((a) => a.slice(2))));
      expect({ name, missing: documented.filter((o) => !exercised.has(o)) }).toEqual({ name, missing: [] });
      const row = table.split('\n').find((l) => l.startsWith(`| \`ntm ${name}`)) ?? '';
      expect(row, `docs/ntm.md row of ntm ${name}`).not.toBe('');
      const inReadme = documentedOptions(row);
      expect({ name, notInHelp: inReadme.filter((o) => !documented.includes(o)) }).toEqual({ name, notInHelp: [] });
    }
  });

  it.each(['sets', 'show', 'evaluate', 'owners', 'worklist', 'targets', 'calendar', 'diff', 'check', 'template', 'calibrate', 'import-set', 'province', 'groups', 'by-current-commune', 'roadmap', 'panel', 'test', 'impact', 'dossier'])('ntm %s: every case gives its exit code and output', async (name) => {
    for (const c of CASES[name]!) {
      const r = await built_ntm([name, ...c.args]);
      const label = `ntm ${name} ${c.args.join(' ')}`;
      expect({ label, code: r.code }, r.stderr).toEqual({ label, code: c.code });
      const out = c.outFile ? readFileSync(c.outFile, 'utf8') : r.stdout;
      if (c.out !== undefined) expect(out, label).toMatch(c.out);
      if (c.err !== undefined) expect(r.stderr, label).toMatch(c.err);
      if (c.code === 0 && c.err === undefined) expect(r.stderr.replace(/^(using .* in force on|dùng .* có hiệu lực ngày) .*\n/m, ''), label).toBe('');
    }
  });
});

describe('the built bin as a process', () => {
  it('prints the package version, the same as package.json (exit codes as a process: commands.test.ts)', async () => {
    expect(await ntmProcess(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });
});

describe('the built ntm: help and unknown commands', () => {
  it('prints help (exit 0), and exits 2 without a command or with an unknown one', async () => {
    const [help, none, unknown, commandHelp, short] = await Promise.all([built_ntm(['--help']), built_ntm([]), built_ntm(['owner']), built_ntm(['calendar', '--help']), built_ntm(['-v'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('  template');
    expect(none.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không có lệnh "owner"');
    expect(commandHelp.code).toBe(0);
    expect(commandHelp.stdout.startsWith('ntm calendar')).toBe(true);
    expect(short).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });
});
