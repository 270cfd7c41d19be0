/**
 * exceljs is an optional peer dependency: a project that only evaluates does not install it. The
 * workbook functions then say what to install, as an NtmError, instead of Node's module error.
 * (The packed package is checked the same way without exceljs: scripts/smoke-pack.sh.)
 */
import { describe, expect, it } from 'vitest';
import { NtmError } from '../../src/errors.js';
import { loadExcel, MISSING_EXCELJS } from '../../src/workbook/xlsx.js';

const notFound = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('loading exceljs', () => {
  it('says what to install when exceljs is absent (ES module and CommonJS resolution errors)', async () => {
    for (const e of [notFound("Cannot find package 'exceljs' imported from /app/node_modules/ntm-rules/dist/workbook/xlsx.js", 'ERR_MODULE_NOT_FOUND'), notFound("Cannot find module 'exceljs'\nRequire stack: …", 'MODULE_NOT_FOUND')]) {
      const error = await loadExcel(() => Promise.reject(e)).catch((x: unknown) => x);
      expect(error).toBeInstanceOf(NtmError);
      expect(error).toMatchObject({ code: 'MISSING_DEPENDENCY', issues: [{ code: 'missing-exceljs', message: MISSING_EXCELJS }] });
      expect((error as Error).message).toMatch(/npm install exceljs/);
    }
  });

  it('passes on any other failure (a broken install is not reported as a missing one)', async () => {
    const broken = notFound("Cannot find module './lib/exceljs.nodejs.js' imported from exceljs", 'ERR_MODULE_NOT_FOUND');
    await expect(loadExcel(() => Promise.reject(broken))).rejects.toBe(broken);
    const other = new SyntaxError('Unexpected token');
    await expect(loadExcel(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('gives the module when it loads, default export or namespace', async () => {
    const lib = { Workbook: class {} };
    expect(await loadExcel(() => Promise.resolve({ default: lib }))).toBe(lib);
    expect(await loadExcel(() => Promise.resolve(lib))).toBe(lib);
  });
});
