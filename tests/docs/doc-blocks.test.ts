/**
 * Every code block of README.md and docs/*.md (every guide, found by listing the folder) is
 * type-checked strictly, run against the built library or the built `ntm`, and the values its
 * comments promise and the output it shows are compared. Conventions: tests/docs/blocks.ts and
 * docs/development.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import { built, repo } from '../cli/helpers.js';
import { type Block, blocksOf, CODE_LANGS, isNoRun, outputMatches, shellWords, transform } from './blocks.js';

const files = ['README.md', ...readdirSync(repo('docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const blocks = files.flatMap((f) => blocksOf(f, readFileSync(repo(f), 'utf8')));
const code = blocks.filter((b) => CODE_LANGS.has(b.lang) && !isNoRun(b));
const shell = blocks.filter((b) => (b.lang === 'sh' || b.lang === 'bash') && !isNoRun(b) && b.code.split('\n').some((l) => l.startsWith('ntm ')));
const publicNames = Object.keys(main);

const work = join(repo('node_modules/.cache'), `ntm-doctest-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A whole program over src/ and a process per block: minutes on a busy 2-core machine.
const SLOW = 900_000;
const label = (b: Block): string => `${b.file}:${b.line}`;
const fileOf = (b: Block, ext: string): string => join(work, `${b.file.replace(/[/.]/g, '_')}_${b.line}.${ext}`);

function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('the documentation’s code blocks', () => {
  it('are found in the README and in every guide in docs/', () => {
    expect(files).toContain('docs/library.md');
    expect(code.length).toBeGreaterThan(5);
    expect(shell.length).toBeGreaterThan(2);
  });

  it('type-check strictly (TypeScript and JavaScript blocks, with the library’s own types)', () => {
    const sources = code.map((b) => {
      const path = fileOf(b, 'mts');
      writeFileSync(path, transform(b, publicNames));
      return path;
    });
    const program = ts.createProgram(sources, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
      paths: { 'ntm-rules': [repo('src/index.ts')], 'ntm-rules/words': [repo('src/words/index.ts')], 'ntm-rules/workbook': [repo('src/workbook/index.ts')] },
    });
    const wanted = new Set(sources);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && wanted.has(d.file.fileName))
      .map((d) => {
        const b = code[sources.indexOf(d.file!.fileName)]!;
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${label(b)} (block line ${line + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  }, SLOW);

  it('run against the built library and give the values their comments promise', async () => {
    const lib = dirname(built().library);
    const specifiers: Record<string, string> = {
      'ntm-rules': pathToFileURL(join(lib, 'index.js')).href,
      'ntm-rules/words': pathToFileURL(join(lib, 'words/index.js')).href,
      'ntm-rules/workbook': pathToFileURL(join(lib, 'workbook/index.js')).href,
    };
    const failures: string[] = [];
    for (const b of code) {
      const js = ts.transpileModule(transform(b, publicNames), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText.replace(
        /from '(ntm-rules(?:\/[a-z]+)?)'/g,
        (m, s: string) => (specifiers[s] ? `from '${specifiers[s]}'` : m),
      );
      const path = fileOf(b, 'mjs');
      writeFileSync(path, js);
      const r = await run(process.execPath, [path], repo('.'));
      if (r.code !== 0) failures.push(`${label(b)}: exit ${r.code}\n${r.stderr.split('\n').slice(0, 8).join('\n')}`);
    }
    expect(failures).toEqual([]);
  }, SLOW);

  it('run their ntm commands with the built ntm, with the exit code and the output they show', async () => {
    const failures: string[] = [];
    for (const b of shell) {
      // A scratch folder per block, seeing the repository's examples and rule files.
      const cwd = mkdtempSync(join(tmpdir(), 'ntm-doctest-sh-'));
      for (const d of ['examples', 'rules', 'tests']) symlinkSync(repo(d), join(cwd, d));
      let last = { code: 0, stdout: '', stderr: '' };
      for (const line of b.code.split('\n').filter((l) => l.startsWith('ntm '))) {
        const { words, comment } = shellWords(line);
        const want = Number(/^exit (\d)/.exec(comment)?.[1] ?? 0);
        last = await run(process.execPath, [built().cli, ...words.slice(1)], cwd);
        if (last.code !== want) failures.push(`${label(b)}: \`${line}\` exited ${last.code}, the guide expects ${want}\n${last.stderr.slice(0, 600)}`);
      }
      if (b.output) {
        const m = outputMatches(b.output.code, `${last.stdout}\n${last.stderr}`);
        if (!m.ok) failures.push(`${label(b.output)}: the output shown is not what ntm prints; no line matches:\n  ${m.missing}\n--- ntm printed:\n${last.stdout.slice(0, 1500)}${last.stderr.slice(0, 500)}`);
      }
      rmSync(cwd, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
  }, SLOW);
});

describe('the documentation test itself', () => {
  const md = (text: string): Block[] => blocksOf('x.md', text);

  it('finds a wrong promise, a wrong output and a no-run without a reason', async () => {
    const [b] = md("```ts\nparseDecimal('93,5'); // → 93.6\n```\n");
    const path = join(work, 'self.mjs');
    const js = ts.transpileModule(transform(b!, publicNames), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(path, js.replace("from 'ntm-rules'", `from '${pathToFileURL(built().library).href}'`));
    const r = await run(process.execPath, [path], repo('.'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('x.md:2: the comment promises 93.6, the code gives 93.5');
    expect(outputMatches('Đạt\n…\nChưa đạt', 'Đạt\nx\nChưa đạt')).toEqual({ ok: true });
    expect(outputMatches('Chưa đạt\nĐạt', 'Đạt\nChưa đạt')).toEqual({ ok: false, missing: 'Đạt' });
    expect(() => isNoRun(md('```ts no-run\nx\n```\n')[0]!)).toThrow(/must say why/);
    expect(isNoRun(md('```ts no-run: needs a network\nx\n```\n')[0]!)).toBe(true);
  });

  it('reads promised literals up to where the prose starts, and shell words with quotes', () => {
    const [b] = md("```ts\nr.status; // → 'not-met' (criterion 10)\n```\n");
    expect(transform(b!, [])).toContain(`__check((r.status), ('not-met'), "x.md:2");`);
    expect(shellWords(`ntm evaluate "a b.csv" --set x # exit 1`)).toEqual({ words: ['ntm', 'evaluate', 'a b.csv', '--set', 'x'], comment: 'exit 1' });
  });
});
