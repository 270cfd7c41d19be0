import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, nodeProcess, repo } from './helpers.js';
import { evaluateCommuneSync, getPlan, recognitionDossier } from '../../src/index.js';
import { workbookFromXlsx } from '../../src/workbook/xlsx.js';

const run = (args: string[]) => nodeProcess([built().cli, ...args]);
const EX23 = repo('examples/dak-song-2023.json');
const tmp = mkdtempSync(join(tmpdir(), 'ntm-dossier-'));

describe('recognitionDossier', () => {
  const criteria = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), i === 9 ? 'Cơ bản đạt' : 'Đạt']));
  const result = evaluateCommuneSync('dak-nong/commune-ntm/2024', { communeId: 'dak-mol', name: 'Đắk Môl', year: 2024, criteria, indicators: { '15.3': 24.1 } });

  it('gives each criterion its verdict and evidence, the four conditions with their owners, and what is missing with who provides it', () => {
    const d = recognitionDossier(result, { constructionDebt: 0 }, { plan: getPlan('dak-song/2023') });
    expect(d.rulesId).toBe('national/recognition/2024');
    expect(d.status).toBe('not-recognisable');
    expect(d.criteria.find((c) => c.number === '10')).toMatchObject({ status: 'not-met', basicallyMet: true, owners: ['statistics'] });
    const i153 = d.criteria.find((c) => c.number === '15')!.indicators.find((i) => i.code === '15.3')!;
    expect(i153).toMatchObject({ value: 24.1, unit: '%', owners: ['health'], source: { decision: '318/QĐ-TTg' } });
    expect(i153.requirementVi).toBe('≤ 26,5 %');
    expect(d.conditions.map((c) => [c.id, c.kind, c.owners])).toEqual([
      ['R1', 'all-criteria', ['statistics']],
      ['R2', 'satisfaction', ['fatherland-front']],
      ['R3', 'no-construction-debt', ['finance-planning']],
      ['R4', 'security-standard', ['police']],
    ]);
    expect(d.missing.map((m) => [m.subject, m.owners])).toEqual([
      ['R2', ['fatherland-front']],
      ['R4', ['police']],
    ]);
    expect(d.decidedBy!.vi).toContain('Chủ tịch Ủy ban nhân dân cấp tỉnh');
  });
});

describe('ntm dossier', () => {
  const facts = join(tmp, 'facts.json');
  writeFileSync(facts, JSON.stringify({ communes: { 'Đắk Môl': { satisfactionVerdict: 'Đạt', security: 'not-complex' } } }));

  it('prints the criteria table, the four conditions with their owners and what is missing, in Vietnamese first, in each text format', async () => {
    const expected = {
      vi: ['Hồ sơ xét công nhận xã đạt chuẩn nông thôn mới — Đắk Môl, năm 2023', 'Chủ tịch Ủy ban nhân dân cấp tỉnh', '15.3', '≤ 26,5 %', 'Phòng Y tế', 'Ủy ban MTTQ Việt Nam huyện Đắk Song', 'Phòng Tài chính – Kế hoạch', 'Công an huyện', 'Còn thiếu và ai phải cung cấp', 'chưa có số liệu nợ đọng xây dựng cơ bản'],
      en: ['Recognition dossier (NTM standard) — Đắk Môl, 2023', 'Health Office', 'District Committee of the Vietnam Fatherland Front', 'Finance and Planning Office', 'District Police', 'Missing, and who must provide it', 'no figure on capital-construction debt'],
    } as const;
    for (const lang of ['vi', 'en'] as const) {
      for (const format of ['table', 'md', 'html'] as const) {
        const r = await run(['dossier', EX23, '--commune', 'dak-mol', '--facts', facts, '--format', format, '--lang', lang]);
        expect(r.code, r.stderr).toBe(0);
        for (const text of expected[lang]) expect(r.stdout, `${format} ${lang}: ${text}`).toContain(format === 'html' ? text.replace(/'/g, '&#39;') : text);
      }
    }
    // Vietnamese by default.
    expect((await run(['dossier', EX23, '--commune', 'Đắk Môl'])).stdout).toContain('Điều kiện công nhận');
  });

  it('writes the same dossier as an XLSX workbook: overview, criteria, conditions, missing', async () => {
    const out = join(tmp, 'dossier.xlsx');
    const r = await run(['dossier', EX23, '--commune', 'dak-mol', '--facts', facts, '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const book = await workbookFromXlsx(readFileSync(out));
    expect(book.sheets.map((s) => s.name)).toEqual(['Tổng quan', 'Tiêu chí', 'Điều kiện', 'Còn thiếu']);
    const conditions = book.sheets[2]!.rows.map((row) => row.map((c) => String(c.value ?? '')));
    expect(conditions[0]).toEqual(['Mã', 'Nội dung', 'Kết quả', 'Căn cứ', 'Cơ quan', 'Nguồn']);
    expect(conditions.find((row) => row[0] === 'R3')![4]).toBe('Phòng Tài chính – Kế hoạch');
    expect(book.sheets[1]!.rows.some((row) => row[0]?.value === '15.3')).toBe(true);
    expect((await run(['dossier', EX23, '--commune', 'dak-mol', '--format', 'xlsx'])).code).toBe(2);
  });

  it('refuses an unknown commune, naming the ones it knows, in the run’s language', async () => {
    const r = await run(['dossier', EX23, '--commune', 'nowhere', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no commune "nowhere"');
    expect((await run(['dossier', EX23, '--commune', 'nowhere'])).stderr).toContain('không có xã "nowhere"');
  });
});
