import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationTemplate, diffCriterionSets } from '../../src/index.js';
import { ntm, repo, SET } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ntm-versions-'));

/** The template of the 1037 set with 9.2 filled for Tây Nguyên, citing a (test) decision. */
function filledOverlay(): Record<string, unknown> {
  const t = JSON.parse(JSON.stringify(calibrationTemplate(SET))) as { indicators: Record<string, { requirement: unknown }>; id: string };
  t.id = 'test/commune-ntm/2022-calibrated';
  t.indicators['9.2']!.requirement = { kind: 'compare', operator: '>=', value: 80, source: { decision: 'Test decision for this test only', confidence: 'verified' } };
  return t;
}

describe('ntm diff', () => {
  it('reports the 15.3 change from 1980 to 1037 with both sources', async () => {
    const r = await ntm(['diff', 'national/commune-ntm/2016', SET, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Requirements tightened \(\d+\):\n(.*\n)*? {2}15\.3: ≤ 31\.4% → ≤ 26\.5% \(tightened\) {3}\[1980\/QĐ-TTg → /);
    const json = await ntm(['diff', 'national/commune-ntm/2016', SET, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(diffCriterionSets('national/commune-ntm/2016', SET))));
    const md = await ntm(['diff', 'national/commune-ntm/2016', SET, '--format', 'md']);
    // The kind of change in words of the run's language, never its id.
    expect(md.stdout).toMatch(/\| 15\.3 \| chặt hơn \| ≤ 31,4 % \| ≤ 26,5 % \| 1980\/QĐ-TTg \|/);
    expect(md.stdout).not.toMatch(/\| (now-unknown|now-known|changed|tightened|loosened) \|/);
  });

  it('says so when two versions are the same, and exits 2 without two sets', async () => {
    const same = await ntm(['diff', SET, SET]);
    expect(same.stdout).toContain('Giống hệt nhau.');
    expect((await ntm(['diff', SET])).code).toBe(2);
  });
});

describe('ntm template, ntm check on overlays, evaluate --overlay', () => {
  it('writes the calibration template of a set', async () => {
    const r = await ntm(['template', SET]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(calibrationTemplate(SET))));
    expect((await ntm(['template', 'no/such/set'])).code).toBe(2);
  });

  it('checks a filled overlay and says what it makes known', async () => {
    const file = join(tmp, 'filled.json');
    writeFileSync(file, JSON.stringify(filledOverlay(), null, 2));
    const r = await ntm(['check', file, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/calibration overlay of dak-nong\/commune-ntm\/2022 → test\/commune-ntm\/2022-calibrated .*: [1-9]\d* requirements now known/);
  });

  it('rejects a malformed overlay with file:line:column and its JSON path', async () => {
    const o = filledOverlay() as { indicators: Record<string, { requirement: Record<string, unknown> }> };
    o.indicators['9.2']!.requirement = { kind: 'compare', operator: '>=', value: 80 };
    const file = join(tmp, 'broken-overlay.json');
    const text = JSON.stringify(o, null, 2);
    writeFileSync(file, text);
    const r = await ntm(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: indicators\\.9\\.2\\.requirement`));
  });

  it('evaluates with the overlay applied: 9.2 turns from threshold-unknown to met', async () => {
    const file = join(tmp, 'filled-eval.json');
    writeFileSync(file, JSON.stringify(filledOverlay()));
    const data = join(tmp, 'one.csv');
    writeFileSync(data, 'communeId,year,9.2\nx,2023,91\n');
    const plain = JSON.parse((await ntm(['evaluate', data, '--set', SET, '--format', 'json'])).stdout) as Array<{ setId: string; criteria: Array<{ indicators: Array<{ code: string; status: string }> }> }>;
    const calibrated = await ntm(['evaluate', data, '--set', SET, '--overlay', file, '--format', 'json']);
    expect(calibrated.code).toBe(0);
    const c = JSON.parse(calibrated.stdout) as typeof plain;
    const ind = (r: typeof plain) => r[0]!.criteria[8]!.indicators.find((i) => i.code === '9.2')!.status;
    expect(ind(plain)).toBe('threshold-unknown');
    expect(ind(c)).toBe('met');
    expect(c[0]!.setId).toBe('test/commune-ntm/2022-calibrated');
  });
});

describe('ntm evaluate --as-of', () => {
  it('uses the version in force on the date, on both sides of 2024-03-01, for a set id or a kind', async () => {
    const data = join(tmp, 'as-of.csv');
    writeFileSync(data, 'communeId,year,15.3\nx,2024,20\n');
    const before = await ntm(['evaluate', data, '--set', 'dak-nong/commune-ntm', '--as-of', '2024-02-29', '--format', 'json']);
    expect(before.code).toBe(0);
    expect((JSON.parse(before.stdout) as Array<{ setId: string }>)[0]!.setId).toBe('dak-nong/commune-ntm/2022');
    const after = await ntm(['evaluate', data, '--set', SET, '--as-of', '2024-03-01', '--format', 'json']);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as Array<{ setId: string }>)[0]!.setId).toBe('dak-nong/commune-ntm/2024');
    expect(after.stderr).toContain('dùng dak-nong/commune-ntm/2024, phiên bản của dak-nong/commune-ntm có hiệu lực ngày 2024-03-01');
    const afterEn = await ntm(['evaluate', data, '--set', SET, '--as-of', '2024-03-01', '--format', 'json', '--lang', 'en']);
    expect(afterEn.stderr).toContain('using dak-nong/commune-ntm/2024, the version of dak-nong/commune-ntm in force on 2024-03-01');
    const none = await ntm(['evaluate', data, '--set', 'dak-nong/commune-ntm', '--as-of', '2010-01-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('NO_SET_IN_FORCE');
  });

  it('exits 2 when no version of the rule file’s kind is in force on the date', async () => {
    const r = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', repo('rules/sets/dak-nong/1037-qd-ubnd-2022.json'), '--as-of', '2030-01-01']);
    expect(r.code).toBe(2);
  });
});
