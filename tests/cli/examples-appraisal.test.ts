import { describe, expect, it } from 'vitest';
import { built, nodeProcess, repo } from './helpers.js';

const run = (args: string[]) => nodeProcess([built().cli, ...args]);
const FILE = repo('examples/dien-bien-2024-appraisal.csv');

describe('a Điện Biên-style appraisal under the national 2021-2025 set (illustrative data)', () => {
  it('gives each commune the counts of met, basically met and not met the appraisal report states, and the roll-up', async () => {
    const json = await run(['evaluate', FILE, '--set', 'national/commune-ntm/2024', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const results = JSON.parse(json.stdout) as Array<{ communeId: string; criteriaMet: number; criteria: Array<{ status: string; verdict: string | null }> }>;
    const counts = Object.fromEntries(
      results.map((r) => [r.communeId, [r.criteriaMet, r.criteria.filter((c) => c.verdict === 'basically-met').length, r.criteria.filter((c) => c.status === 'not-met' && c.verdict !== 'basically-met').length]]),
    );
    expect(counts).toEqual({ 'quai-nua': [14, 5, 0], 'quai-cang': [13, 6, 0], 'chieng-sinh': [13, 6, 0], 'chieng-so': [8, 8, 3], 'phi-nhu': [10, 6, 3], 'muong-dun': [12, 4, 3] });
    const table = await run(['evaluate', FILE, '--set', 'national/commune-ntm/2024']);
    expect(table.stdout).toContain('0/6 xã đạt chuẩn; tổng 70 tiêu chí đạt; bình quân 11,67 tiêu chí/xã (tiêu chí: 70 đạt, 35 cơ bản đạt, 9 chưa đạt, 0 chưa xác định)');
  });
});
