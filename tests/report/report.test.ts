import { beforeAll, describe, expect, it } from 'vitest';
import {
  communeGaps,
  evaluateCommune,
  evaluateCommunes,
  resultsCsv,
  resultsHtml,
  resultsMarkdown,
  resultsText,
  type BatchEntry,
  type CommuneResult,
} from '../../src/index.js';
import { csvField, escapeHtml } from '../../src/report/index.js';
import { exampleData, SET } from '../cli/helpers.js';

let entries: BatchEntry[];
let byId: Map<string, CommuneResult>;

beforeAll(async () => {
  entries = await evaluateCommunes(SET, exampleData().communes);
  byId = new Map(entries.filter((e): e is CommuneResult => !('error' in e)).map((r) => [r.communeId, r]));
});

describe('communeGaps', () => {
  it('lists a not-met indicator with its requirement and shortfall (15.3 against ≤ 26.5 %)', () => {
    const gaps = communeGaps(byId.get('truong-xuan')!);
    const g = gaps.find((x) => x.code === '15.3')!;
    expect(g.kind).toBe('not-met');
    expect(g.value).toBe(28.2);
    expect(g.requirement?.kind === 'compare' && g.requirement.value).toBe(26.5);
    expect(g.shortfall).toBe(1.7);
  });

  it('gives a criterion-level gap when a criterion verdict says not met', () => {
    const gaps = communeGaps(byId.get('dak-mol')!);
    expect(gaps).toEqual([expect.objectContaining({ criterion: '10', code: null, kind: 'verdict-not-met' })]);
  });

  it('lists nothing for a commune that meets every criterion', () => {
    expect(communeGaps(byId.get('nam-binh')!)).toEqual([]);
  });

  it('takes lead agencies from the results and, for whole criteria, from the given owners', async () => {
    const r = await evaluateCommune(SET, { communeId: 'x', year: 2023, indicators: { '15.3': 30 }, criteria: { '10': 'Không đạt' } }, { ownersOf: (code) => (code.startsWith('15.') ? ['health'] : []) });
    const gaps = communeGaps(r, (n) => (n === '10' ? ['statistics'] : []));
    expect(gaps.find((g) => g.code === '15.3')!.owners).toEqual(['health']);
    expect(gaps.find((g) => g.criterion === '10')!.owners).toEqual(['statistics']);
  });

  it('asks for a criterion verdict where the indicator list is incomplete', async () => {
    const r = await evaluateCommune(SET, { communeId: 'x', year: 2023, indicators: {} });
    const c1 = communeGaps(r).filter((g) => g.criterion === '1');
    expect(c1).toEqual([expect.objectContaining({ code: null, kind: 'verdict-needed' })]);
  });
});

describe('resultsCsv', () => {
  it('has one line per entry plus the header, criteria as columns, in Vietnamese by default', () => {
    const csv = resultsCsv(entries);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatch(/^Mã xã,Tên xã,Năm,Bộ tiêu chí,Kết quả,.*,TC1,TC2,.*,TC19,/);
    expect(lines.find((l) => l.startsWith('nam-binh'))).toContain('Đạt chuẩn,19,0,0');
    expect(lines.find((l) => l.startsWith('truong-xuan'))).toMatch(/Chưa đạt chuẩn,10,9,0/);
  });

  it('speaks English with lang en and lists the not-met indicator codes', () => {
    const csv = resultsCsv(entries, 'en');
    expect(csv.split('\r\n')[0]).toMatch(/^communeId,name,year,setId,status,criteriaMet/);
    const tx = csv.split('\r\n').find((l) => l.startsWith('truong-xuan'))!;
    expect(tx).toContain('does not meet the set');
    expect(tx).toContain('9.1 15.1 15.3');
  });

  it('keeps error entries in place with their message', async () => {
    const mixed = await evaluateCommunes(SET, [{ communeId: 'a', year: 2023 }, { communeId: 'a', year: 2023 }]);
    const lines = resultsCsv(mixed, 'en').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^a,.*already appears at index 0/);
  });

  it('quotes separators and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;"b"')).toBe('"a;""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
  });
});

describe('resultsMarkdown', () => {
  it('has the matrix, the legend and each commune’s gaps with requirement and shortfall', () => {
    const md = resultsMarkdown(entries, { lang: 'vi' });
    expect(md).toContain('| Xã | 1 | 2 |');
    const matrix = md.slice(0, md.indexOf('## Việc còn phải làm'));
    expect(matrix.split('\n').filter((l) => /^\| (Đắk|Nam|Nâm|Trường|Thuận)/.test(l))).toHaveLength(8);
    expect(md).toContain('Chú giải: ✓ đạt');
    expect(md).toMatch(/\| 15 \| 15\.3 [^|]+ \| Chưa đạt \| 28,2 % \| ≤ 26,5 % \| vượt 1,7 % so với mức tối đa \|/);
  });

  it('prints targets and deadlines when given, in English with lang en', () => {
    const md = resultsMarkdown(entries, {
      lang: 'en',
      targets: [{ communeId: 'dak-mol', label: 'reach the standard', status: 'not-achieved', detail: '18/19 criteria met' }],
      deadlines: [{ label: 'monthly report, 2023-07', dueBefore: '2023-07-13', lastDay: '2023-07-12', submitTo: 'agriculture' }],
    });
    expect(md).toContain('## Targets');
    expect(md).toContain('| dak-mol | reach the standard | not achieved | 18/19 criteria met |');
    expect(md).toContain('| monthly report, 2023-07 | 2023-07-13 | 2023-07-12 | agriculture |');
    expect(md).toMatch(/\| 15 \| 15\.3 [^|]+ \| not met \| 28\.2% \| ≤ 26\.5% \| 1\.7% over the maximum \|/);
  });
});

describe('resultsHtml', () => {
  it('is one self-contained page: no script, no external asset, no link out of the page', () => {
    const html = resultsHtml(entries, { lang: 'vi' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
  });

  it('colours 8 communes × 19 criteria by status and has a legend', () => {
    const html = resultsHtml(entries);
    const cells = [...html.matchAll(/<td class="c (met|not-met|undetermined)" data-criterion="(\d+)" data-status="([a-z-]+)"/g)];
    expect(cells).toHaveLength(8 * 19);
    for (const c of cells) expect(c[1]).toBe(c[3]);
    expect(cells.filter((c) => c[3] === 'not-met')).toHaveLength(14);
    expect(cells.filter((c) => c[3] === 'undetermined')).toHaveLength(1);
    expect(html).toMatch(/class="legend"[^]*swatch met[^]*swatch not-met[^]*swatch undetermined/);
  });

  it('escapes names from the data', async () => {
    const r = await evaluateCommunes(SET, [{ communeId: 'x', name: '<img src=x onerror=alert(1)>', year: 2023 }]);
    const html = resultsHtml(r);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});

describe('resultsText', () => {
  it('prints the matrix, the gaps, then the failed entries', async () => {
    const mixed = await evaluateCommunes(SET, [...exampleData().communes, { communeId: 'broken', year: 2023, indicators: { '15.3': 'abc' } }]);
    const text = resultsText(mixed, 'en');
    expect(text).toContain('Commune');
    expect(text).toMatch(/Trường Xuân — does not meet the set \(10\/19\)/);
    expect(text).toMatch(/15\.3: not met — value 28\.2%, requirement ≤ 26\.5%, 1\.7% over the maximum/);
    expect(text).toMatch(/Rows with errors:\n {2}#8 broken: .*15\.3/);
  });
});
