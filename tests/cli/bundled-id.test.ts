/**
 * The built `ntm` refuses a rule file that keeps a bundled set's id with other content wherever it
 * reads one — `check`, `import-set`, `--set` — in the run's language, because the library does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCriterionSet } from '../../src/index.js';
import { setWorkbook, workbookToCsv } from '../../src/workbook/index.js';
import { loosened } from '../rules/spoofed-set.js';
import { ntmProcess, repo } from './helpers.js';

const ID = 'dak-nong/commune-ntm/2022';
const dir = mkdtempSync(join(tmpdir(), 'ntm-bundled-id-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spoof = join(dir, 'spoof.json');
writeFileSync(spoof, JSON.stringify(loosened(), null, 2));
const csv = join(dir, 'spoof.csv');
writeFileSync(csv, workbookToCsv(setWorkbook(loadCriterionSet({ ...loosened(), id: `${ID}-sua` }))).replaceAll(`${ID}-sua`, ID));

const VI = 'là mã của một bộ tiêu chí có sẵn nhưng nội dung khác';
const EN = "is a bundled set's id but the content differs";

describe('a rule file passing for a bundled set', () => {
  it('ntm check refuses it (exit 1), at the id', async () => {
    const r = await ntmProcess(['check', spoof, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`spoof\\.json:\\d+:\\d+: id: "id": "${ID}" ${EN.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}`));
    // Vietnamese by default, worded from the parameters.
    const vi = await ntmProcess(['check', spoof]);
    expect(vi.stderr).toContain(VI);
  });

  it('ntm import-set refuses it (exit 1), in the run’s language', async () => {
    const vi = await ntmProcess(['import-set', csv]);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain(VI);
    const en = await ntmProcess(['import-set', csv, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(EN);
  });

  it('ntm evaluate --set refuses it (exit 2), in the run’s language', async () => {
    const data = repo('examples/dak-song-2023.json');
    const vi = await ntmProcess(['evaluate', data, '--set', spoof]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain(VI);
    expect(vi.stderr).not.toContain(EN);
    const en = await ntmProcess(['evaluate', data, '--set', spoof, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(EN);
  });
});
