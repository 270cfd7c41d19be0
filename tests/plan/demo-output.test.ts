/**
 * The demo prints, after the commune table, the district roll-up, the plan's targets and the
 * next deadlines from the example's fixed reference date, so its output never depends on the day.
 * examples/demo.ts runs as the global setup built it (plain `node`, no TypeScript loader);
 * .ci/run also runs `npm run demo` itself.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { built } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = async (tz: string): Promise<string> =>
  (await promisify(execFile)(process.execPath, [built().scripts.demo], { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8' })).stdout;

describe('npm run demo', () => {
  it('prints targets and the next deadlines after the commune table, the same in any time zone', async () => {
    const [utc, vn] = await Promise.all([run('UTC'), run('Asia/Ho_Chi_Minh')]);
    expect(vn).toBe(utc);
    const table = utc.indexOf('Đắk Môl      ✓');
    const targets = utc.indexOf("the plan's 2023 targets");
    const deadlines = utc.indexOf("next deadlines from the demo's fixed reference date 2023-06-05");
    expect(table).toBeGreaterThan(0);
    expect(targets).toBeGreaterThan(table);
    expect(deadlines).toBeGreaterThan(targets);
    expect(utc).toContain('3/8 xã đạt chuẩn');
    expect(utc).toMatch(/✗ Chưa đạt\s+huyện Đắk Song\s+district-figure\s+Share of people with health insurance: 92\.86%/);
    const deadlineLines = utc.slice(deadlines).split('\n').filter((l) => l.includes('hạn chót'));
    expect(deadlineLines).toHaveLength(5);
    // The road to standard, what-if, recognition and the years side by side follow.
    expect(utc).toMatch(/Đắk N'Drung\s+TC2 \[economy-infrastructure, cần kết luận\]; 3\.1 \[agriculture, thiếu 4 %\]/);
    expect(utc).toMatch(/Đắk Môl\s+not-met → met; TC10: not-met → met/);
    expect(utc).toMatch(/Đắk Môl\s+recognisable\s+R1 met, R2 met, R3 met, R4 met/);
    expect(utc).toMatch(/Thuận Hà\s+2022: not-revocable \(0\/19\), 2023: not-revocable \(0\/19\), 2024: revocable \(6\/19\)/);
    expect(deadlineLines.slice(0, 3).every((l) => l.includes('hạn chót 12/06/2023') && l.includes('trước 13/06/2023'))).toBe(true);
  }, 120_000);
});
