import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCriterionSets } from '../../src/index.js';
import { COMMANDS } from '../../src/cli/command-table.js';
import { ntm, ntmProcess, repo, SET } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ntm-cmd-'));

describe('ntm (no command), help, unknown commands', () => {
  it('prints the command list and exits 2 without a command, 0 with --help', async () => {
    const none = await ntm([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/Các lệnh:\n {2}sets/);
    const help = await ntm(['--help']);
    expect(help.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toContain(`  ${name}`);
  });

  it('has --help on every command', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const r = await ntm([name, '--help']);
      expect({ name, code: r.code }).toEqual({ name, code: 0 });
      expect(r.stdout.startsWith(`ntm ${name}`)).toBe(true);
    }
  });

  it('exits 2 for an unknown command', async () => {
    const [vi, en] = await Promise.all([ntm(['evalute']), ntm(['evalute', '--lang', 'en'])]);
    expect([vi.code, en.code]).toEqual([2, 2]);
    expect(vi.stderr).toContain('ntm: không có lệnh "evalute"');
    expect(en.stderr).toContain('ntm: unknown command "evalute"');
  });
});

describe('ntm sets', () => {
  it('lists every bundled set as a table and as JSON', async () => {
    const table = await ntm(['sets']);
    expect(table.code).toBe(0);
    for (const s of listCriterionSets()) expect(table.stdout).toContain(s.id);
    expect(table.stdout).toContain('1037/QĐ-UBND (2022-06-22)');
    const json = await ntm(['sets', '--format', 'json', '--lang', 'en']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(listCriterionSets())));
  });
});

describe('ntm show', () => {
  it('prints each requirement for the set’s column, with its source, and unknowns as unknown', async () => {
    const r = await ntm(['show', SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/15\.3 {2}≤ 26,5 %  — Tỷ lệ trẻ em dưới 5 tuổi .*\[\d+\/QĐ-[A-Za-z]+ \((đã kiểm chứng|một nguồn|suy luận)\)\]/);
    expect(r.stdout).toContain('Cột vùng: TN');
    expect(r.stdout).toContain('chưa rõ ngưỡng');
    const en = await ntm(['show', SET, '--lang', 'en']);
    expect(en.stdout).toMatch(/15\.3 {2}≤ 26\.5%/);
    expect(en.stdout).toContain('threshold unknown');
  });

  it('shows another regional column with --region', async () => {
    const tn = await ntm(['show', SET, '--format', 'md']);
    const north = await ntm(['show', SET, '--format', 'md', '--region', 'TDMNPB']);
    expect(north.code).toBe(0);
    expect(north.stdout).toContain('Cột vùng: TDMNPB');
    expect(north.stdout).not.toBe(tn.stdout);
    expect((await ntm(['show', SET, '--region', 'XX'])).code).toBe(2);
  });

  it('prints the validated set as JSON, and reads a rule file given by path', async () => {
    const json = await ntm(['show', SET, '--format', 'json']);
    const set = JSON.parse(json.stdout) as { id: string; criteria: unknown[] };
    expect(set.id).toBe(SET);
    expect(set.criteria).toHaveLength(19);
    const fromFile = await ntm(['show', repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json'), '--format', 'json']);
    expect(fromFile.stdout).toBe(json.stdout);
  });

  it('exits 2 for an unknown set', async () => {
    const r = await ntm(['show', 'nowhere/none/1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('UNKNOWN_SET');
  });
});

describe('ntm check', () => {
  it('accepts the bundled rule file and says what it holds', async () => {
    const r = await ntm(['check', repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok — criterion set dak-nong\/commune-ntm\/2022: 19 criteria, \d+\/57 indicators encoded/);
    const vi = await ntm(['check', repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json')]);
    expect(vi.stdout).toMatch(/hợp lệ — bộ tiêu chí dak-nong\/commune-ntm\/2022: 19 tiêu chí, \d+\/57 chỉ tiêu được mã hoá/);
  });

  it('names file:line:column and the JSON path of each problem, and exits 1', async () => {
    const text = readFileSync(repo('rules/sets/national/318-qd-ttg-2022.json'), 'utf8');
    const data = JSON.parse(text) as { criteria: Array<{ indicators: Array<{ code: string; requirement: Record<string, unknown> }> }> };
    const c15 = data.criteria.findIndex((c) => c.indicators.some((i) => i.code === '15.3'));
    const i153 = data.criteria[c15]!.indicators.findIndex((i) => i.code === '15.3');
    data.criteria[c15]!.indicators[i153]!.requirement = { kind: 'compare', operator: '≤', value: 26.5 };
    const file = join(tmp, 'broken.json');
    const broken = JSON.stringify(data, null, 2);
    writeFileSync(file, broken);
    const r = await ntm(['check', file]);
    expect(r.code).toBe(1);
    const first = r.stderr.split('\n')[0]!;
    const m = new RegExp(`^${file.replace(/[.]/g, '\\.')}:(\\d+):(\\d+): criteria\\[${c15}\\]\\.indicators\\[${i153}\\]\\.requirement`).exec(first);
    expect(m, first).not.toBeNull();
    // The position points into the broken requirement.
    const line = broken.split('\n')[Number(m![1]) - 1]!;
    expect(line).toMatch(/"requirement"|"operator"|"kind"|"source"/);
  });

  it('reports invalid JSON with its line and column (exit 1), and an unreadable file (exit 2)', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, '{\n  "id": "x",\n  "criteria": [,]\n}');
    const r = await ntm(['check', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:3:16: not valid JSON`));
    const [missing, missingEn] = await Promise.all([ntm(['check', join(tmp, 'none.json')]), ntm(['check', join(tmp, 'none.json'), '--lang', 'en'])]);
    expect([missing.code, missingEn.code]).toEqual([2, 2]);
    expect(missing.stderr).toContain('none.json: không đọc được tệp (không tồn tại)');
    expect(missingEn.stderr).toContain('cannot read: ENOENT');
  });

  it('refuses JSON that is no known kind of file', async () => {
    const file = join(tmp, 'other.json');
    writeFileSync(file, '{"hello": 1}');
    const r = await ntm(['check', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a criterion set');
    expect((await ntm(['check', file])).stderr).toContain('không phải bộ tiêu chí hay kế hoạch');
  });
});

describe('ntm as a process (the built bin)', () => {
  it('sets the exit code (0, 1, 2) and keeps results on standard output, problems on standard error', async () => {
    const bad = join(tmp, 'process-bad.csv');
    writeFileSync(bad, 'communeId,year,15.3\na,2023,abc\nb,2023,20\n');
    const [ok, rows, usage] = await Promise.all([
      ntmProcess(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--format', 'csv']),
      ntmProcess(['evaluate', bad, '--set', SET, '--format', 'csv', '--lang', 'en']),
      ntmProcess(['evaluate', join(tmp, 'none.csv'), '--set', SET]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trimEnd().split('\r\n')).toHaveLength(9);
    expect(ok.stderr).toBe('');
    expect(rows.code).toBe(1);
    expect(rows.stdout.trimEnd().split('\r\n')).toHaveLength(3);
    expect(rows.stderr).toContain(`${bad}:2:3 (15.3): 15.3: expected a number`);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
  });
});
