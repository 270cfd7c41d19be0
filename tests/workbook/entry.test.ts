import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repo } from '../cli/helpers.js';

/** Every module `src/index.ts` reaches through its imports, with the packages they import. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('ntm-rules/workbook is apart from the main entry', () => {
  it('the main library reaches neither src/workbook nor exceljs', () => {
    const { files, packages } = reach(repo('src/index.ts'));
    expect([...files].filter((f) => f.includes('/src/workbook/'))).toEqual([]);
    expect(packages.has('exceljs')).toBe(false);
    expect(reach(repo('src/workbook/index.ts')).packages).toContain('exceljs');
  });

  it('bundles for the browser platform (exceljs\'s browser build) and that bundle writes and reads XLSX', async () => {
    const out = await build({ entryPoints: [repo('src/workbook/index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, minify: true, logLevel: 'silent', loader: { '.json': 'json' } });
    expect(out.errors).toEqual([]);
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|stream|zlib|crypto)["']\)/);
    // Run in a plain Node process: no transform of the 1.6 MB bundle by the test runner.
    const dir = mkdtempSync(join(tmpdir(), 'ntm-wb-browser-'));
    writeFileSync(join(dir, 'workbook.mjs'), code);
    writeFileSync(
      join(dir, 'run.mjs'),
      `const m = await import('./workbook.mjs');
       const bytes = await m.workbookToXlsx(m.calibrationWorkbook('dak-nong/commune-ntm/2022'));
       const book = await m.workbookFromXlsx(bytes.buffer);
       console.log(JSON.stringify({ sheets: book.sheets.map((s) => s.name), problems: m.calibrationFromWorkbook(book, 'dak-nong/commune-ntm/2022', { lang: 'en' }).problems.map((p) => p.code) }));`,
    );
    const r = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ sheets: ['Hướng dẫn (Instructions)', 'Ngưỡng (Thresholds)', 'Danh sách (Lists)'], problems: ['nothing-filled'] });
  }, 30_000);
});
