/**
 * The plan's misspellings of commune names ("Xã Đắk Môt", "Năm N'Jang") are recorded as aliases
 * in the plan data; reports print the official name. A target the plan sets for several communes
 * in one sentence is printed once.
 */
import { describe, expect, it } from 'vitest';
import { getPlan, withOfficialNames } from '../../src/plan/index.js';
import { ntm, repo } from '../cli/helpers.js';

describe('communes by their official names', () => {
  it('an alias in a plan text is written by the official name; other words are kept', () => {
    const plan = getPlan('dak-song/2023');
    expect(plan.communes.find((c) => c.id === 'dak-mol')!.aliases).toContain('Đắk Môt');
    expect(withOfficialNames('Xã Đắk Môt: Tiếp tục', plan)).toBe('Xã Đắk Môl: Tiếp tục');
    expect(withOfficialNames("05 xã (Nam Bình, Năm N'Jang, Thuận Hạnh)", plan)).toBe("05 xã (Nam Bình, Nâm N'Jang, Thuận Hạnh)");
    // Only whole names: a longer word that starts like an alias is left alone.
    expect(withOfficialNames('Đắk Môtx', plan)).toBe('Đắk Môtx');
  });

  it('ntm targets prints no alias, and the five-commune target once', async () => {
    for (const format of ['table', 'md']) {
      const r = await ntm(['targets', repo('examples/dak-song-2023.json'), '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/Đắk Môt\b|Năm N'Jang/);
      expect(r.stdout).toContain('Xã Đắk Môl:');
      expect(r.stdout.split("05 xã (Nam Bình, Nâm N'Jang").length - 1, format).toBe(1);
      expect(r.stdout.split('cùng mục tiêu với dòng trên').length - 1, format).toBe(4);
    }
  });
});
