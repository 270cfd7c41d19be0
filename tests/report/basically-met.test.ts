/**
 * "Cơ bản đạt" (basically met): a state of its own in every result, roll-up and format, never
 * counted as met; and a criterion judged as a whole by a verdict does not list its indicators
 * without data as missing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  comparePanel,
  communeGaps,
  evaluateCommuneSync,
  evaluateCommunes,
  evaluateDistrict,
  panelCsv,
  panelMarkdown,
  resultsCsv,
  resultsHtml,
  resultsMarkdown,
  resultsText,
  revocationRisk,
  roadToStandard,
  type CommuneResult,
} from '../../src/index.js';
import { communeCodes } from '../../src/report/model.js';
import { allMetInput, criterionOf, ENGINES, SET_1037 } from '../evaluate/helpers.js';
import { ntmProcess } from '../cli/helpers.js';

/**
 * An appraisal as offices record it: criteria 10 and 14 "cơ bản đạt", criterion 13 judged as a
 * whole "không đạt" with its indicator 13.1 left empty.
 */
function appraisal(communeId = 'quai-nua'): ReturnType<typeof allMetInput> {
  const input = allMetInput(communeId);
  delete input.indicators['13.1'];
  input.criteria['10'] = 'Cơ bản đạt';
  input.criteria['14'] = 'cơ bản đạt';
  input.criteria['13'] = 'Không đạt';
  return input;
}

let result: CommuneResult;
beforeAll(async () => {
  const [r] = await evaluateCommunes(SET_1037, [appraisal()]);
  result = r as CommuneResult;
});

describe('results', () => {
  it.each(ENGINES)('a basically met criterion is not met, its state says so, and the commune counts it apart (%s)', async (engine) => {
    const [r] = (await evaluateCommunes(SET_1037, [appraisal()], { engine })) as CommuneResult[];
    expect(criterionOf(r!, '10')).toMatchObject({ status: 'not-met', state: 'basically-met', verdict: 'basically-met', basis: 'verdict' });
    expect(criterionOf(r!, '13')).toMatchObject({ status: 'not-met', state: 'not-met' });
    expect(criterionOf(r!, '1')).toMatchObject({ status: 'met', state: 'met' });
    expect(r).toMatchObject({ status: 'not-met', criteriaMet: 16, criteriaNotMet: 3, criteriaBasicallyMet: 2, criteriaUndetermined: 0 });
  });

  it('the compact result (counts read from the row) and the assembled one agree', () => {
    const full = evaluateCommuneSync(SET_1037, appraisal());
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(full)));
    expect(full.criteriaBasicallyMet).toBe(2);
  });

  it('an undetermined criterion has the state undetermined', () => {
    const r = evaluateCommuneSync(SET_1037, { communeId: 'x', year: 2023 });
    expect(criterionOf(r, '1')).toMatchObject({ status: 'undetermined', state: 'undetermined' });
    expect(r.criteriaBasicallyMet).toBe(0);
  });

  it('a criterion judged as a whole does not list its indicators without data as missing', () => {
    expect(communeCodes(result).missing).not.toContain('13.1');
    expect(communeGaps(result).filter((g) => g.criterion === '13')).toEqual([expect.objectContaining({ code: null, kind: 'verdict-not-met', basicallyMet: false })]);
    expect(communeGaps(result).filter((g) => g.criterion === '10')).toEqual([expect.objectContaining({ code: null, kind: 'verdict-not-met', basicallyMet: true })]);
    // Without a verdict the same empty indicator is missing.
    const input = appraisal();
    delete input.criteria['13'];
    expect(communeCodes(evaluateCommuneSync(SET_1037, input)).missing).toContain('13.1');
  });
});

describe('an indicator recorded "cơ bản đạt"', () => {
  const input = () => ({ ...allMetInput('ind'), indicators: { ...allMetInput().indicators, '17.1': 'Cơ bản đạt', '15.3': { value: 20, verdict: 'cơ bản đạt' } } });

  it.each(ENGINES)('keeps its verdict, decides as not met, and a value that meets the requirement is a conflict (%s)', async (engine) => {
    const [r] = (await evaluateCommunes(SET_1037, [input()], { engine })) as CommuneResult[];
    const ind = (code: string) => r!.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
    expect(ind('17.1')).toMatchObject({ status: 'not-met', verdict: 'basically-met' });
    expect(ind('15.3')).toMatchObject({ status: 'not-met', verdict: 'basically-met', conflict: { verdict: 'basically-met', valueOutcome: 'met' } });
    expect(criterionOf(r!, '17')).toMatchObject({ status: 'not-met', state: 'not-met' });
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(evaluateCommuneSync(SET_1037, input()))));
  });

  it('is said as such in the gaps', () => {
    const r = evaluateCommuneSync(SET_1037, input());
    const gap = communeGaps(r).find((g) => g.code === '17.1')!;
    expect(gap).toMatchObject({ kind: 'not-met', basicallyMet: true });
    expect(resultsText([r], 'vi')).toMatch(/17\.1: cơ bản đạt \(không tính là đạt\)/);
  });
});

describe('every report format shows it', () => {
  it('JSON', () => {
    const json = JSON.parse(JSON.stringify(result)) as CommuneResult;
    expect(json.criteriaBasicallyMet).toBe(2);
    expect(json.criteria.filter((c) => c.state === 'basically-met').map((c) => c.number)).toEqual(['10', '14']);
  });

  it('table (vi and en)', () => {
    const vi = resultsText([result], 'vi');
    expect(vi).toContain('≈ cơ bản đạt (không tính là đạt)');
    expect(vi).toContain('cơ quan chủ trì kết luận cơ bản đạt');
    const row = vi.split('\n').find((l) => l.startsWith('quai-nua'))!;
    expect(row.split(/\s+/).filter((x) => x === '≈')).toHaveLength(2);
    expect(row).toMatch(/ 16 +3 +2 +0 /);
    expect(resultsText([result], 'en')).toContain('judged it basically met');
  });

  it('CSV: the criterion cell and the count', () => {
    for (const lang of ['vi', 'en'] as const) {
      const [head, line] = resultsCsv([result], lang).trimEnd().split('\r\n');
      const cols = head!.split(',');
      const cells = line!.split(',');
      const at = (name: string) => cells[cols.indexOf(name)];
      expect(at(lang === 'vi' ? 'TC10' : 'criterion10')).toBe(lang === 'vi' ? 'Cơ bản đạt' : 'basically met');
      expect(at(lang === 'vi' ? 'TC13' : 'criterion13')).toBe(lang === 'vi' ? 'Chưa đạt' : 'not met');
      expect(at(lang === 'vi' ? 'Trong đó cơ bản đạt' : 'criteriaBasicallyMet')).toBe('2');
      expect(at(lang === 'vi' ? 'Chỉ tiêu thiếu số liệu' : 'missingIndicators')).not.toContain('13.1');
    }
  });

  it('Markdown and HTML', () => {
    const md = resultsMarkdown([result], { lang: 'vi' });
    expect(md).toContain('≈ cơ bản đạt (không tính là đạt)');
    expect(md).toMatch(/\| 16 \| 3 \| 2 \| 0 \|/);
    const html = resultsHtml([result], { lang: 'en' });
    expect(html.match(/data-state="basically-met"/g)).toHaveLength(2);
    expect(html).toContain('<td class="num">2</td>');
    expect(html).toContain('basically met (does not count as met)');
  });
});

describe('roll-ups count it apart', () => {
  it('roadmap: the criteria basically met, and no "to decide" item for the indicators of a criterion judged as a whole', () => {
    const road = roadToStandard([result]);
    const c = road.communes[0]!;
    expect(c).toMatchObject({ criteriaBasicallyMet: 2, basicallyMet: ['10', '14'], notMet: ['10', '13', '14'] });
    expect(c.items.filter((i) => i.criterion === '13')).toEqual([expect.objectContaining({ code: null, kind: 'verdict-not-met', must: 'change', basicallyMet: false })]);
    expect(c.items.filter((i) => i.basicallyMet).map((i) => i.criterion)).toEqual(['10', '14']);
    expect(c.items.filter((i) => i.must === 'decide')).toEqual([]);
  });

  it('panel: per year and per criterion', () => {
    const later = evaluateCommuneSync(SET_1037, { ...appraisal(), year: 2024, criteria: { ...appraisal().criteria, '14': 'Đạt' } });
    const panel = comparePanel([result, later]);
    expect(panel.communes[0]!.years.map((y) => y.criteriaBasicallyMet)).toEqual([2, 1]);
    expect(panel.criteria.find((c) => c.number === '14')!.byYear).toEqual([
      { year: 2023, met: 0, notMet: 1, undetermined: 0, basicallyMet: 1 },
      { year: 2024, met: 1, notMet: 0, undetermined: 0, basicallyMet: 0 },
    ]);
    expect(panelCsv(panel, 'en').split('\r\n')[1]!.split(',')[8]).toBe('2');
    expect(panelMarkdown(panel, { lang: 'vi' })).toContain('16/3 (2)/0');
  });

  it('revocation lists the criteria basically met as below standard', () => {
    expect(revocationRisk(result).basicallyMet).toEqual(['10', '14']);
  });

  it("district: the district's own criteria", () => {
    const criteria = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 2 ? 'Cơ bản đạt' : 'Đạt']));
    const r = evaluateDistrict('national/district-ntm/2022', { districtId: 'd', year: 2023, communes: [{ communeId: 'a', setId: SET_1037, year: 2023, status: 'met' }], criteria });
    expect(r).toMatchObject({ criteriaNotMet: 1, criteriaBasicallyMet: 1 });
    expect(r.criteria.find((c) => c.number === '3')).toMatchObject({ state: 'basically-met' });
  });
});

describe('the built ntm shows it in every format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-basically-'));
  const file = join(dir, 'tham-dinh.csv');
  writeFileSync(file, 'Mã xã;Năm;TC10;TC13;15.3\nquai-nua;2023;Cơ bản đạt;Không đạt;20\n');
  const expected: Record<string, (out: string) => void> = {
    table: (out) => expect(out).toContain('≈'),
    json: (out) => expect((JSON.parse(out) as CommuneResult[])[0]).toMatchObject({ criteriaBasicallyMet: 1 }),
    csv: (out) => expect(out).toContain('Cơ bản đạt'),
    md: (out) => expect(out).toContain('cơ quan chủ trì kết luận cơ bản đạt'),
    html: (out) => expect(out).toContain('data-state="basically-met"'),
  };
  it.each(Object.keys(expected))('evaluate --format %s', async (format) => {
    const { code, stdout, stderr } = await ntmProcess(['evaluate', file, '--set', SET_1037, '--format', format]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expected[format]!(stdout);
    if (format !== 'json') expect(stdout).not.toMatch(/13\.1/);
  });
  it.each(['table', 'csv', 'md', 'html', 'json'])('roadmap --format %s', async (format) => {
    const { code, stdout } = await ntmProcess(['roadmap', file, '--set', SET_1037, '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toMatch(format === 'json' ? /"basicallyMet":\s*\[\s*"10"\s*\]/ : /cơ bản đạt/i);
  });
});
