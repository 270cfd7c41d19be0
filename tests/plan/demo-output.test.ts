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
    const targets = utc.indexOf('Mục tiêu năm 2023 theo kế hoạch dak-song/2023');
    const deadlines = utc.indexOf('Hạn báo cáo sắp tới tính từ 05/06/2023');
    expect(table).toBeGreaterThan(0);
    expect(targets).toBeGreaterThan(table);
    expect(deadlines).toBeGreaterThan(targets);
    expect(utc).toContain('3/8 xã đạt chuẩn');
    expect(utc).toMatch(/✗ Chưa đạt\s+huyện Đắk Song\s+giá trị 92,86 % \(bình quân theo dân số các xã; đọc chỉ tiêu 15\.1 là số liệu này: cách hiểu suy đoán[^)]*\); yêu cầu 93 %\./);
    const deadlineLines = utc.slice(deadlines).split('\n').filter((l) => l.includes('hạn chót'));
    expect(deadlineLines).toHaveLength(5);
    // The road to standard, what-if, recognition and the years side by side follow.
    // Agencies by their names; a value over a ceiling is said to exceed it, not to lack anything.
    expect(utc).toMatch(/Đắk N'Drung\s+TC2 \[Phòng Kinh tế và Hạ tầng, cần kết luận\]; 3\.1 \[Phòng Nông nghiệp và Phát triển nông thôn, còn thiếu 4 %\]/);
    expect(utc).toContain('15.3 [Phòng Y tế, vượt 1,7 % so với mức tối đa]');
    expect(utc).not.toMatch(/\b(statistics|economy-infrastructure|agriculture|labour-social)\b/);
    // Periods as the offices write them.
    expect(utc).toContain('báo cáo quý II/2023');
    expect(utc).not.toMatch(/\b2023-(Q\d|H\d|\d\d)\b/);
    expect(utc).toMatch(/Đắk Môl\s+Chưa đạt chuẩn → Đạt chuẩn; TC10: Chưa đạt → Đạt/);
    expect(utc).toMatch(/Đắk Môl\s+đủ điều kiện\s+R1 đạt, R2 đạt, R3 đạt, R4 đạt/);
    expect(utc).toMatch(/Thuận Hà\s+2022: không thuộc diện thu hồi \(0\/19\), 2023: không thuộc diện thu hồi \(0\/19\), 2024: thuộc diện thu hồi \(6\/19\)/);
    // One language: no English sentence of the library's reaches the demo's output.
    expect(utc).not.toMatch(/\b(meets|criteria|needs|the plan|deadlines|revocation|recognisable|not-met)\b/);
    expect(deadlineLines.slice(0, 3).every((l) => l.includes('hạn chót 12/06/2023') && l.includes('trước 13/06/2023'))).toBe(true);
  }, 120_000);
});
