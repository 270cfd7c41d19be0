import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestFiles } from '../../scripts/manifest.js';
import { BUNDLED_SET_IDS, findByDecision, getCriterionSet } from '../../src/index.js';
import { ntmProcess, repo } from '../cli/helpers.js';

describe('the generated registry of bundled rule files', () => {
  it('is what `npm run manifest` writes from rules/ (run it after adding a rule file)', () => {
    for (const [path, text] of Object.entries(manifestFiles())) {
      expect(readFileSync(repo(path), 'utf8'), `${path} is out of date: run npm run manifest`).toBe(text);
    }
  });

  const scratch = mkdtempSync(join(tmpdir(), 'ntm-manifest-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('lists a set added as a file: its id in the union, its kind and decision, its imports', () => {
    cpSync(repo('rules'), join(scratch, 'rules'), { recursive: true });
    const base = JSON.parse(readFileSync(repo('rules/sets/national/320-qd-ttg-2022.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(scratch, 'rules/sets/national/999-qd-ttg-2030.json'), JSON.stringify({ ...base, id: 'national/district-ntm/2030', legalBasis: { ...(base.legalBasis as object), number: '999/QĐ-TTg' } }));
    const files = manifestFiles(scratch);
    const index = files['src/rules/manifest/index.ts']!;
    expect(index).toContain("| 'national/district-ntm/2030'");
    expect(index).toContain("'national/district-ntm/2030': { file: 'rules/sets/national/999-qd-ttg-2030.json', kind: 'national/district-ntm', decision: '999/QĐ-TTg', amendedBy: null");
    expect(files['src/rules/manifest/sets.ts']).toContain("from '../../../rules/sets/national/999-qd-ttg-2030.json' with { type: 'json' }");
  });

  it('refuses two files with one id', () => {
    writeFileSync(join(scratch, 'rules/plans/dak-song/copy.json'), readFileSync(repo('rules/plans/dak-song/2023.json')));
    expect(() => manifestFiles(scratch)).toThrow(/two plans? files say "dak-song\/2023"/);
  });

  it('holds every set the library loads, under its own id and kind', () => {
    for (const id of BUNDLED_SET_IDS) expect(getCriterionSet(id).id).toBe(id);
  });
});

describe('findByDecision', () => {
  it('finds the set a decision issued and its amended versions, in any spelling', () => {
    expect(findByDecision('1037/QĐ-UBND')).toEqual(['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']);
    expect(findByDecision(' 1037/qd-ubnd')).toEqual(['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']);
    expect(findByDecision('51/2025/QĐ-TTg')).toEqual(['national/commune-ntm/2026']);
  });

  it('finds every set an amending decision amends', () => {
    expect(findByDecision('211/QĐ-TTg')).toEqual(expect.arrayContaining(['dak-nong/commune-ntm/2024', 'national/district-ntm/2024']));
    expect(findByDecision('211/QĐ-TTg').every((id) => id.endsWith('/2024'))).toBe(true);
  });

  it('finds nothing for an unknown decision', () => {
    expect(findByDecision('1/QĐ-XYZ')).toEqual([]);
  });
});

describe('ntm takes a decision number wherever it takes a set', () => {
  it('ntm show 1037/QĐ-UBND shows the set that decision issued', async () => {
    const { code, stdout } = await ntmProcess(['show', '1037/QĐ-UBND', '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }).id).toBe('dak-nong/commune-ntm/2022');
  });

  it('a decision that amends several sets is refused with their ids, in the run language', async () => {
    const { code, stderr } = await ntmProcess(['show', '211/QĐ-TTg', '--lang', 'en']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/decision "211\/QĐ-TTg" names \d+ bundled sets: .*dak-nong\/commune-ntm\/2024/);
  });
});
