import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCommunes, isEvaluationError, rollUp, rollUpText, type CommuneInput, type CommuneResult } from '../../src/index.js';
import { built, nodeProcess } from '../cli/helpers.js';

const SET = 'dak-nong/commune-ntm/2022';
const tmp = mkdtempSync(join(tmpdir(), 'ntm-rollup-'));

/** A commune whose first `met` criteria are Đạt, the next `basically` Cơ bản đạt, the rest Không đạt. */
function commune(id: string, met: number, basically = 0): CommuneInput {
  const criteria: Record<string, string> = {};
  for (let n = 1; n <= 19; n++) criteria[String(n)] = n <= met ? 'Đạt' : n <= met + basically ? 'Cơ bản đạt' : 'Không đạt';
  return { communeId: id, year: 2022, criteria };
}

/** A 2022 province as its review states it: 36/60 communes, 16.62 criteria per commune (997 criteria). */
const PROVINCE_2022: CommuneInput[] = [
  ...Array.from({ length: 36 }, (_, i) => commune(`ntm-${i}`, 19)),
  ...Array.from({ length: 23 }, (_, i) => commune(`x-${i}`, 13, i === 0 ? 2 : 0)),
  commune('y', 14),
];

const results = async (inputs: CommuneInput[]): Promise<CommuneResult[]> => (await evaluateCommunes(SET, inputs)).filter((e): e is CommuneResult => !isEvaluationError(e));

describe('roll-ups as reports state them', () => {
  it('gives the communes meeting the set, the total of criteria met, the mean to two decimals and each state', async () => {
    const r = rollUp(await results(PROVINCE_2022));
    expect(r).toEqual({ communes: 60, communesMeetingSet: 36, criteriaMet: 997, criteriaBasicallyMet: 2, criteriaNotMet: 141, criteriaUndetermined: 0, meanCriteriaMet: 997 / 60 });
    expect(rollUpText(r, 'vi')).toBe('36/60 xã đạt chuẩn; tổng 997 tiêu chí đạt; bình quân 16,62 tiêu chí/xã (tiêu chí: 997 đạt, 2 cơ bản đạt, 141 chưa đạt, 0 chưa xác định)');
    expect(rollUpText(r, 'en')).toBe('36/60 communes meet the set; 997 criteria met in all; mean 16.62 criteria per commune (criteria: 997 met, 2 basically met, 141 not met, 0 undetermined)');
  });

  it('a district of 11 communes with 189 criteria: 17,18 per commune', async () => {
    const district = [...Array.from({ length: 9 }, (_, i) => commune(`c${i}`, 17)), commune('c9', 18), commune('c10', 18)];
    expect(rollUpText(rollUp(await results(district)), 'vi')).toContain('0/11 xã đạt chuẩn; tổng 189 tiêu chí đạt; bình quân 17,18 tiêu chí/xã');
  });

  it('is printed by every results report and by ntm province for 2021-2025 results, in the run’s language', async () => {
    const file = join(tmp, 'province-2022.json');
    writeFileSync(file, JSON.stringify({ set: SET, communes: PROVINCE_2022 }));
    const line = { vi: 'bình quân 16,62 tiêu chí/xã', en: 'mean 16.62 criteria per commune' } as const;
    for (const lang of ['vi', 'en'] as const) {
      for (const args of [['evaluate', file], ['evaluate', file, '--format', 'md'], ['evaluate', file, '--format', 'html'], ['province', file]]) {
        const r = await nodeProcess([built().cli, ...args, '--lang', lang]);
        expect(r.code, `${args.join(' ')} ${lang}: ${r.stderr}`).toBe(0);
        expect(r.stdout, `${args.join(' ')} ${lang}`).toContain(line[lang]);
        expect(r.stdout).toContain(lang === 'vi' ? '36/60 xã đạt chuẩn; tổng 997 tiêu chí đạt' : '36/60 communes meet the set; 997 criteria met in all');
      }
    }
    const json = await nodeProcess([built().cli, 'province', file, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ setId: SET, communes: 60, communesMeetingSet: 36, criteriaMet: 997 });
  }, 240_000);

  it('ntm province still judges 2026 results under Phụ lục III, with the roll-up line after it', async () => {
    const r = await nodeProcess([built().cli, 'province', join(import.meta.dirname, '../../examples/dak-song-2026.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kết quả: Chưa hoàn thành');
    expect(r.stdout).toMatch(/\d+\/4 xã đạt chuẩn; tổng \d+ tiêu chí đạt; bình quân \d+,\d\d tiêu chí\/xã/);
  });
});
