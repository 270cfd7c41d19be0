/**
 * The promises of the one I/O layer, generated from the command table of the built `ntm`
 * (dist/cli.js): every output option of every command is tried on every declared input of that
 * command — as the same path, a symbolic link and a hard link — and the input must stay byte for
 * byte as it was, with exit code 2; an empty name, a folder and a missing folder are clear errors
 * in the run's language; a full disk ends with a message and exit code 3. A command added to the
 * table is covered here without a new test (a new input role needs one fixture below).
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import type { Command, InputRole } from '../../src/cli/args.js';
import { built, captured, repo, SET } from './helpers.js';

type RunCli = (argv: readonly string[], io: CliIo) => Promise<number>;
let runBuilt: RunCli;
let table: Readonly<Record<string, Command>>;
const run = (args: readonly string[]) => captured(runBuilt, args);

const root = mkdtempSync(join(tmpdir(), 'ntm-io-'));
/** A valid file for each input role: without the guard, the command would run and overwrite it. */
const FIXTURE: Partial<Record<InputRole, string>> = {};

beforeAll(async () => {
  const mod = (await import(pathToFileURL(built().cli).href)) as { runCli: RunCli; COMMANDS: Readonly<Record<string, Command>> };
  runBuilt = mod.runCli;
  table = mod.COMMANDS;
  const fixtures = join(root, 'fixtures');
  mkdirSync(fixtures);
  const put = (role: InputRole, name: string, from: string | { text: string }): void => {
    const path = join(fixtures, name);
    if (typeof from === 'string') copyFileSync(from, path);
    else writeFileSync(path, from.text);
    FIXTURE[role] = path;
  };
  put('data', 'data.json', repo('examples/dak-song-2023.json'));
  put('baseline', 'baseline.json', repo('examples/dak-song-2023.json'));
  put('advanced', 'advanced.json', repo('examples/dak-song-2023.json'));
  put('set', 'rule.json', repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json'));
  put('plan', 'plan.json', repo('rules/plans/dak-song/2023.json'));
  put('province', 'province.json', repo('examples/dak-song-2026.json'));
  put('groups', 'groups.json', repo('examples/dak-song-2026.json'));
  put('checked', 'checked.json', repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json'));
  put('filled-template', 'filled.xlsx', repo('examples/calibration/tay-nguyen-hypothetical.xlsx'));
  put('cases', 'cases.yaml', repo('examples/cases/dak-song-2023.yaml'));
  put('facts', 'facts.json', { text: '{ "communes": {} }\n' });
  put('what-if', 'what-if.json', { text: '{ "communes": {} }\n' });
  const made = async (role: InputRole, name: string, args: string[]): Promise<void> => {
    const path = join(fixtures, name);
    const r = await run([...args, '--out', path]);
    expect(r.code, r.stderr).toBe(0);
    FIXTURE[role] = path;
  };
  await made('overlay', 'overlay.json', ['template', SET]);
  await made('set-workbook', 'set.xlsx', ['show', SET, '--format', 'xlsx']);
});

interface Slot {
  role: InputRole;
  /** The option naming the file, or undefined for a positional argument. */
  option?: string;
}

/** Every input a command declares, with one fixture each (positionals: as many as the command needs, at least one). */
function slots(command: Command): Slot[] {
  const list: Slot[] = [];
  const role = command.positionals.input;
  if (role !== undefined) for (let i = 0; i < Math.max(1, command.positionals.min); i++) list.push({ role });
  for (const [option, decl] of Object.entries(command.options)) if (decl.input !== undefined) list.push({ role: decl.input, option });
  return list;
}

/** A fresh folder holding one copy of each slot's fixture; the arguments naming them. */
function furnish(name: string, command: Command, { options: withOptions = true } = {}): { dir: string; files: string[]; args: string[] } {
  const dir = mkdtempSync(join(root, `${name}-`));
  const files: string[] = [];
  const positionals: string[] = [];
  const options: string[] = [];
  slots(command).filter((slot) => withOptions || slot.option === undefined).forEach((slot, i) => {
    const fixture = FIXTURE[slot.role];
    if (fixture === undefined) throw new Error(`no fixture for input role "${slot.role}" (add one in this test's beforeAll)`);
    const file = join(dir, `input-${i}-${fixture.split('/').pop()!}`);
    copyFileSync(fixture, file);
    files.push(file);
    if (slot.option === undefined) positionals.push(file);
    else options.push(`--${slot.option}`, file);
  });
  return { dir, files, args: [name, ...positionals, ...options] };
}

const outputsOf = (command: Command): string[] => Object.entries(command.options).filter(([, d]) => d.output).map(([k]) => k);
const snapshot = (files: readonly string[]): string[] => files.map((f) => readFileSync(f).toString('base64'));

describe('--out never names an input (generated from the command table)', () => {
  it('the table declares inputs and outputs for every command that reads or writes files', () => {
    const names = Object.keys(table);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) if (name !== 'sets' && name !== 'owners' && name !== 'calendar') expect(slots(table[name]!).length, name).toBeGreaterThan(0);
    expect(names.filter((n) => outputsOf(table[n]!).length > 0).length).toBeGreaterThan(15);
  });

  it('every output option on every declared input — same path, symbolic link, hard link — is refused before anything is read, exit code 2', async () => {
    let tried = 0;
    for (const [name, command] of Object.entries(table)) {
      const outputs = outputsOf(command);
      if (outputs.length === 0) continue;
      const { dir, files, args } = furnish(name, command);
      const before = snapshot(files);
      for (const output of outputs) {
        for (const [k, file] of files.entries()) {
          const symlink = join(dir, `link-${output}-${k}`);
          const hardlink = join(dir, `hard-${output}-${k}`);
          symlinkSync(file, symlink);
          linkSync(file, hardlink);
          for (const [variant, target] of [['same path', file], ['symbolic link', symlink], ['hard link', hardlink]] as const) {
            for (const lang of ['vi', 'en'] as const) {
              const r = await run([...args, `--${output}`, target, '--lang', lang]);
              const what = `ntm ${name} --${output} on input ${k} (${variant}, ${lang})`;
              expect(r.code, `${what}: ${r.stderr}`).toBe(2);
              expect(r.stderr, what).toMatch(lang === 'vi' ? /là tệp đầu vào/ : /is an input of this run/);
              expect(snapshot(files), what).toEqual(before);
              tried++;
            }
          }
          expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')), name).toEqual([]);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
  });
});

describe('an output that cannot be a file is a clear error (every command, both languages)', () => {
  it("'', a folder and a missing folder: exit code 2, said in the run's language, no temporary file left", async () => {
    for (const [name, command] of Object.entries(table)) {
      for (const output of outputsOf(command)) {
        const { dir, args } = furnish(name, command);
        const cases = [
          { target: '', vi: /cần tên một tệp/, en: /needs a file name/ },
          { target: dir, vi: /là một thư mục/, en: /is a folder/ },
          { target: join(dir, 'missing', 'out.txt'), vi: /không tồn tại/, en: /does not exist/ },
        ];
        for (const c of cases) {
          for (const lang of ['vi', 'en'] as const) {
            const r = await run([...args, `--${output}`, c.target, '--lang', lang]);
            const what = `ntm ${name} --${output} "${c.target}" (${lang})`;
            expect(r.code, `${what}: ${r.stderr}`).toBe(2);
            expect(r.stderr, what).toMatch(c[lang]);
            expect(r.stderr, what).not.toMatch(/internal error|\n\s+at /);
          }
        }
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        expect(readdirSync(repo('.')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }
    }
  });
});

const sh = promisify(execFile);
/** Options a command cannot run without (the data files name their set and plan). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = { worklist: ['--agency', 'health'], calibrate: ['--base', SET], impact: ['--from', SET, '--to', '2024-03-01'], dossier: ['--commune', 'dak-mol'] };

describe('a full disk ends with a message and exit code 3, never a stack trace', () => {
  it('every command, --out /dev/full: exit code 3 and the reason in the run\'s language', async () => {
    if (!existsSync('/dev/full')) return;
    for (const [name, command] of Object.entries(table)) {
      const outputs = outputsOf(command);
      if (outputs.length === 0) continue;
      const { args: files } = furnish(name, command, { options: false });
      const args = [...files, ...(REQUIRED[name] ?? [])];
      for (const lang of ['vi', 'en'] as const) {
        const r = await run([...args, `--${outputs[0]}`, '/dev/full', '--lang', lang]);
        expect(r.code, `${name}: ${r.stderr}`).toBe(3);
        expect(r.stderr, name).toMatch(lang === 'vi' ? /không ghi được \/dev\/full: hết chỗ trên đĩa \(ENOSPC\)/ : /cannot write \/dev\/full: no space left on the device \(ENOSPC\)/);
      }
    }
  });

  it('standard output on a full device (the bin, as a shell runs it)', async () => {
    if (!existsSync('/dev/full')) return;
    const data = repo('examples/dak-song-2023.csv');
    for (const args of [['evaluate', data, '--set', SET, '--format', 'csv'], ['show', SET, '--format', 'md'], ['roadmap', data, '--set', SET]]) {
      const line = [process.execPath, built().cli, ...args, '--lang', 'en'].map((a) => `'${a}'`).join(' ');
      const r = await sh('bash', ['-c', `${line} > /dev/full`]).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(r.code, args[0]).toBe(3);
      expect(r.stderr, args[0]).toBe('ntm: cannot write to standard output: no space left on the device (ENOSPC)\n');
    }
  });

  it('ntm sets > /dev/full', async () => {
    if (!existsSync('/dev/full')) return;
    const r = await sh('bash', ['-c', `'${process.execPath}' '${built().cli}' sets > /dev/full`]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('ntm: không ghi được ra đầu ra chuẩn: hết chỗ trên đĩa (ENOSPC)\n');
  });
});

describe('an interrupted run leaves no temporary file', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s while --out is being written: the temporary file is removed, the old file kept', async (signal) => {
    const dir = mkdtempSync(join(root, 'signal-'));
    const data = join(dir, 'big.csv');
    writeFileSync(data, `communeId,year,15.3\n${Array.from({ length: 400_000 }, (_, i) => `c${i},2023,20`).join('\n')}\n`);
    const out = join(dir, 'report.csv');
    writeFileSync(out, 'yesterday');
    const child = spawn(process.execPath, [built().cli, 'evaluate', data, '--set', SET, '--format', 'csv', '--out', out], { stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill(signal);
    const end = await exited;
    expect(end.code).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
  }, 60_000);
});

describe('a run that evaluates no row exits 1 and says why (every command that evaluates a data file)', () => {
  it('a header without rows, and --year of a year the file does not have, in both languages', async () => {
    const dir = mkdtempSync(join(root, 'no-rows-'));
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'communeId,year,15.3\n');
    const data = repo('examples/dak-song-2023.csv');
    let tried = 0;
    for (const [name, command] of Object.entries(table)) {
      if (command.positionals.input !== 'data') continue;
      const common = [...('set' in command.options ? ['--set', SET] : []), ...(REQUIRED[name] ?? [])];
      for (const lang of ['vi', 'en'] as const) {
        const none = await run([name, empty, ...common, '--lang', lang]);
        expect(none.code, `${name}: ${none.stderr}`).toBe(1);
        expect(none.stderr, name).toMatch(lang === 'vi' ? /không có dòng dữ liệu xã nào; không đánh giá xã nào/ : /no commune rows; no commune evaluated/);
        if ('year' in command.options) {
          const other = await run([name, data, ...common, '--year', '2019', '--lang', lang]);
          expect(other.code, `${name} --year 2019: ${other.stderr}`).toBe(1);
          expect(other.stderr, name).toMatch(lang === 'vi' ? /không có dòng nào của năm 2019 \(8 dòng của năm khác\)/ : /no row of year 2019 \(8 row\(s\) of other years\)/);
        }
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(10);
  });
});

/** Text that would drive a terminal, form Markdown, run as a spreadsheet formula or as HTML. */
const HOSTILE = '=HYPERLINK("http://x","y") \u001b]52;c;ZXZpbA==\u0007 \u001b[2J # H [l](javascript:alert(1)) ![i](http://x/i.png) <script>alert(1)</script> \u202eevil\u009b';

/** What no text output may hold, whatever the format. */
function unsafeIn(text: string, format: string): string | undefined {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text)) return 'a raw control or bidi character';
  if (format === 'md') {
    if (/^\s{0,3}#+ [^\n]*(?<!\\)# H/m.test(text) || /^\s{0,3}#+ H /m.test(text)) return 'a heading from data';
    if (/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/.test(text)) return 'a link or image from data';
    if (/(?<!\\)<script/i.test(text)) return 'raw HTML';
  }
  if (format === 'csv' && /(^|[,;\t"])=HYPERLINK/m.test(text)) return 'a formula';
  if (format === 'html' && (/<script/i.test(text) || /href="javascript/i.test(text) || /<a\s/i.test(text))) return 'markup from data';
  return undefined;
}

describe('every command × every format writes data and rule-file text safely (generated from the command table)', () => {
  it('a hostile rule file and hostile commune names: no control, no Markdown structure, no formula, no markup', async () => {
    const dir = mkdtempSync(join(root, 'hostile-'));
    const shown = await run(['show', SET, '--format', 'json']);
    const set = JSON.parse(shown.stdout) as { id: string; nameVi: string; nameEn: string; criteria: Array<{ nameVi: string; nameEn: string; indicators: Array<{ nameVi: string; nameEn: string }> }> };
    set.id = 'test/hostile';
    set.nameVi = set.nameEn = HOSTILE;
    for (const c of set.criteria) {
      c.nameVi = c.nameEn = HOSTILE;
      for (const i of c.indicators) i.nameVi = i.nameEn = HOSTILE;
    }
    const rule = join(dir, 'hostile-set.json');
    writeFileSync(rule, JSON.stringify(set));
    const data = JSON.parse(readFileSync(repo('examples/dak-song-2023.json'), 'utf8')) as { set: string; communes: Array<{ name?: string }> };
    data.set = rule;
    for (const c of data.communes) c.name = `${HOSTILE} ${c.name ?? ''}`;
    const dataFile = join(dir, 'hostile-data.json');
    writeFileSync(dataFile, JSON.stringify(data));
    let tried = 0;
    for (const [name, command] of Object.entries(table)) {
      const { args: furnished } = furnish(name, command, { options: false });
      // The hostile files in the data and set roles; the other roles keep their fixtures.
      const role = command.positionals.input;
      const args = furnished.map((a, k) => (k === 0 ? a : role === 'data' ? dataFile : role === 'set' ? rule : a));
      if ('set' in command.options) args.push('--set', rule);
      args.push(...(REQUIRED[name] ?? []).map((a) => (a === SET ? rule : a)));
      // Every text format the command accepts (one it refuses says so and is skipped).
      for (const format of 'format' in command.options ? ['table', 'json', 'csv', 'md', 'html'] : ['default']) {
        for (const lang of ['vi', 'en'] as const) {
          const r = await run([...args, ...(format === 'default' ? [] : ['--format', format]), '--lang', lang]);
          if (r.code === 2 && /--format/.test(r.stderr)) continue;
          const what = `ntm ${name} --format ${format} --lang ${lang}`;
          expect(unsafeIn(r.stdout, format), `${what}: ${unsafeIn(r.stdout, format)}: ${r.stdout.slice(0, 400)}`).toBeUndefined();
          expect(unsafeIn(r.stderr, 'table'), `${what} (errors): ${r.stderr.slice(0, 400)}`).toBeUndefined();
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(40);
  });
});

describe('a JSON file nested 20,000 deep is refused in every role of every command, never a stack overflow', () => {
  it('each declared input in turn', async () => {
    const dir = mkdtempSync(join(root, 'deep-'));
    const deep = join(dir, 'deep.json');
    const n = 20_000;
    writeFileSync(deep, `{"set":"${SET}","communes":[{"communeId":"a","year":2023,"indicators":{"15.3":${'['.repeat(n)}${']'.repeat(n)}}}],"province":${'['.repeat(n)}${']'.repeat(n)},"groups":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`);
    let tried = 0;
    for (const [name, command] of Object.entries(table)) {
      const { args } = furnish(name, command);
      const slotsOf = slots(command);
      for (let k = 0; k < slotsOf.length; k++) {
        // The k-th input file of the arguments, replaced by the deep file.
        const files = args.filter((a) => a.includes(`${join(root, '')}`) && /input-\d+-/.test(a));
        const target = files[k]!;
        const required = (REQUIRED[name] ?? []).length > 0 && !args.includes(REQUIRED[name]![0]!) ? REQUIRED[name]! : [];
        const r = await run([...args.map((a) => (a === target ? deep : a)), ...required, '--lang', 'en']);
        const what = `ntm ${name}, input ${k} (${slotsOf[k]!.role})`;
        expect(r.code, `${what}: ${r.stderr}`).not.toBe(0);
        expect(r.stderr, what).not.toMatch(/internal error|RangeError|\n\s+at /);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(30);
  });
});

describe('the one reader: # marks a comment only above the header', () => {
  it('a data row whose commune id starts with # is read, not dropped; a # line above the header is still a comment', async () => {
    const dir = mkdtempSync(join(root, 'hash-'));
    const file = join(dir, 'hash.csv');
    writeFileSync(file, '# Bảng tổng hợp\ncommuneId,year,15.3\na,2023,20\n#12,2023,30\nb,2023,25\n');
    const r = await run(['evaluate', file, '--set', SET, '--format', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ communeId: string }>).map((e) => e.communeId)).toEqual(['a', '#12', 'b']);
  });
});
