import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, repo, SET } from './helpers.js';

const DATA = repo('examples/dak-song-2023.json');
const WHAT_IF = repo('examples/dak-song-2023-what-if.json');
const FACTS = repo('examples/dak-song-2023-recognition.json');
const YEARS = [2022, 2023, 2024].map((y) => repo(`examples/dak-song-${y}.json`));
const tmp = mkdtempSync(join(tmpdir(), 'ntm-roadmap-'));

/** English words the reports use; a Vietnamese report has none of them. */
const ENGLISH = /\b(commune|criteri(on|a)|lead agency|must|decided|revocation|recognition|not met|undetermined|shortfall|requirement|value)\b/i;

/** The lines of a report that read as English: markup, the style sheet and set ids (`dak-nong/commune-ntm/2022`) are not words. */
function englishLines(out: string): string[] {
  const text = out.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/[a-z-]+\/[a-z-]+\/\d{4}/g, '');
  return text.split('\n').filter((l) => ENGLISH.test(l));
}

describe('ntm roadmap', () => {
  it('prints the road to standard of every commune with its lead agencies (table, vi by default)', async () => {
    const r = await ntm(['roadmap', DATA]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Lộ trình đạt chuẩn nông thôn mới/);
    expect(r.stdout).toMatch(/15\.3 Tỷ lệ .*thay đổi\s+Chưa đạt\s+28,2 %\s+≤ 26,5 %\s+vượt 1,7 % so với mức tối đa\s+số liệu\s+Phòng Y tế/);
    expect(r.stdout).toContain('Theo cơ quan chủ trì');
    expect(r.stdout).toContain('Thu hồi quyết định công nhận (18/2022/QĐ-TTg): 1/19 (5,26 %) tiêu chí không đạt chuẩn');
  });

  it('narrows to one commune, applies a what-if file and checks recognition with a facts file', async () => {
    const r = await ntm(['roadmap', DATA, '--commune', 'Đắk Môt', '--what-if', WHAT_IF, '--facts', FACTS, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đắk Môl\s+does not meet the set\s+meets the set\s+10: not met → met/);
    expect(r.stdout).toContain('Đắk Môl (2023) — meets the set (19/19)');
    expect(r.stdout).toContain('Recognition conditions (18/2022/QĐ-TTg): can be recognised');
    expect(r.stdout).not.toContain('Trường Xuân (2023)');
  });

  for (const lang of ['vi', 'en'] as const) {
    for (const format of ['table', 'csv', 'md', 'html', 'json'] as const) {
      it(`writes --format ${format} --lang ${lang}, in that language only`, async () => {
        const r = await ntm(['roadmap', DATA, '--what-if', WHAT_IF, '--facts', FACTS, '--format', format, '--lang', lang]);
        expect(r.code).toBe(0);
        const out = r.stdout;
        if (format === 'json') {
          const j = JSON.parse(out) as { roadmap: { communes: unknown[]; byAgency: unknown[] }; whatIf: Array<{ communeId: string; statusAfter: string }> };
          expect(j.roadmap.communes).toHaveLength(8);
          expect(j.whatIf.map((w) => [w.communeId, w.statusAfter])).toEqual([['dak-mol', 'met'], ['truong-xuan', 'not-met']]);
          return;
        }
        if (format === 'csv') {
          const lines = out.trim().split('\r\n');
          expect(lines[0]).toBe(lang === 'vi' ? 'Mã xã,Tên xã,Năm,Bộ tiêu chí,Kết quả,TT,Tiêu chí,Chỉ tiêu,Nội dung,Phải,Tình trạng,Giá trị,Yêu cầu,Còn thiếu,Quyết định bằng,Cơ quan chủ trì,Thu hồi' : 'communeId,name,year,setId,status,order,criterion,indicator,item,must,itemStatus,value,requirement,shortfall,decidedBy,owners,revocation');
          expect(lines.find((l) => l.includes(',3.1,'))).toContain(lang === 'vi' ? '76 %,≥ 80 %,4 %' : '76%,≥ 80%,4%');
        }
        if (format === 'html') {
          expect(out).toMatch(/^<!DOCTYPE html>/);
          expect(out).not.toMatch(/<script|<link|https?:\/\//);
          expect(out).toContain(`<html lang="${lang}">`);
        }
        if (format === 'md') expect(out).toContain(lang === 'vi' ? '## Theo xã' : '## By commune');
        if (lang === 'vi') {
          // Indicator names without an official Vietnamese wording are left out rather than shown in English.
          expect(englishLines(out)).toEqual([]);
        } else {
          expect(out).not.toMatch(/Chưa đạt|Lộ trình|Cơ quan chủ trì/);
        }
      });
    }
  }

  it('reports a bad what-if file at file:line:column and an unknown commune, with exit code 2', async () => {
    const bad = join(tmp, 'bad-what-if.json');
    writeFileSync(bad, '{\n  "communes": {\n    "dak-mol": { "criteria": { "10": 5 } }\n  }\n}\n');
    const r = await ntm(['roadmap', DATA, '--what-if', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: communes\\.dak-mol\\.criteria\\.10: `));
    const unknown = join(tmp, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ communes: { 'xa-khac': { criteria: { '10': 'Đạt' } } } }));
    const u = await ntm(['roadmap', DATA, '--what-if', unknown]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('xa-khac');
    const c = await ntm(['roadmap', DATA, '--commune', 'nowhere']);
    expect(c.code).toBe(2);
    expect((await ntm(['roadmap', DATA, '--format', 'pdf'])).code).toBe(2);
  });

  it('marks a criterion recorded "Cơ bản đạt" and writes CSV to a file with a BOM', async () => {
    const file = join(tmp, 'co-ban-dat.csv');
    writeFileSync(file, `communeId,year,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19\nxa-1,2023,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Cơ bản đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt\n`);
    const out = join(tmp, 'road.csv');
    const r = await ntm(['roadmap', file, '--set', SET, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('cơ bản đạt (không tính là đạt)');
    expect(text).toContain('xa-1,,2023,dak-nong/commune-ntm/2022,Chưa đạt chuẩn,1,10,');
  });
});

describe('ntm check on recognition rules', () => {
  it('validates the bundled 18/2022 rules and reports a broken copy at its line', async () => {
    const ok = await ntm(['check', repo('rules/recognition/18-qd-ttg-2022.json'), '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('recognition rules national/recognition/2022 (18/2022/QĐ-TTg): 4 commune conditions');
    const broken = join(tmp, 'recognition.json');
    writeFileSync(broken, readFileSync(repo('rules/recognition/18-qd-ttg-2022.json'), 'utf8').replace('"partialFromPercent": 30', '"partialFromPercent": 130'));
    const r = await ntm(['check', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/recognition\.json:\d+:\d+: commune\.revocation\.partialFromPercent: /);
  });
});

describe('ntm panel', () => {
  it('compares three years: gained, lost, fell out of standard, revocation over time', async () => {
    const r = await ntm(['panel', ...YEARS, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Thuận Hà\s+2024\s+does not meet the set\s+13\/6 \(0\)\/0 \(19\)\s+—\s+2, 5, 6, 7, 10, 12\s+—\s+meets the revocation rule \(6\/19\)/);
    expect(r.stdout).toContain("Nâm N'Jang: 2022 → 2023 (definite)");
  });

  for (const format of ['csv', 'md', 'html', 'json'] as const) {
    it(`writes --format ${format}`, async () => {
      const r = await ntm(['panel', ...YEARS, '--format', format, '--lang', 'vi']);
      expect(r.code).toBe(0);
      if (format === 'json') expect((JSON.parse(r.stdout) as { years: number[] }).years).toEqual([2022, 2023, 2024]);
      else if (format === 'csv') expect(r.stdout.trim().split('\r\n')).toHaveLength(25);
      else expect(r.stdout).toContain('Thuận Hà');
      if (format !== 'json') expect(englishLines(r.stdout)).toEqual([]);
    });
  }

  it('takes --recognised instead of the plan’s list', async () => {
    const r = await ntm(['panel', ...YEARS, '--format', 'json', '--recognised', 'dak-mol']);
    const panel = JSON.parse(r.stdout) as { communes: Array<{ communeId: string; recognised: boolean }> };
    expect(panel.communes.filter((c) => c.recognised).map((c) => c.communeId)).toEqual(['dak-mol']);
  });
});
