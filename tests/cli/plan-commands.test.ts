import { describe, expect, it } from 'vitest';
import { agencyWorkList, evaluateCommunes, evaluateTargets, getPlan, ownedBy, reportingSchedule, populationByCommune, type CommuneInput } from '../../src/index.js';
import { exampleData, ntm, repo, SET } from './helpers.js';

const PLAN = 'dak-song/2023';

describe('ntm owners', () => {
  it('lists every agency with what it leads', async () => {
    const r = await ntm(['owners', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; owns: string[] }>;
    expect(list).toHaveLength(getPlan(PLAN).agencies.length);
    expect(list.find((a) => a.id === 'economy-infrastructure')!.owns).toEqual(ownedBy('economy-infrastructure', PLAN));
    const table = await ntm(['owners']);
    expect(table.stdout).toMatch(/health\s+Phòng Y tế\s+15, 17\.10/);
  });

  it('--agency lists one agency’s codes with its share of split indicators; --code the owners of a code', async () => {
    const a = await ntm(['owners', '--agency', 'health', '--lang', 'en']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/15\s+Health\s+whole criterion/);
    expect(a.stdout).toMatch(/17\.10 .*health sector/);
    const c = await ntm(['owners', '--code', '17.9', '--format', 'json']);
    expect((JSON.parse(c.stdout) as { owners: string[] }).owners).toEqual(['agriculture', 'environment']);
  });

  it('exits 2 for an unknown agency or plan', async () => {
    expect((await ntm(['owners', '--agency', 'nobody'])).code).toBe(2);
    expect((await ntm(['owners', '--plan', 'nowhere/2023'])).code).toBe(2);
  });
});

describe('ntm worklist', () => {
  it('gives the library’s work list for the agency, from CSV as from JSON', async () => {
    const expected = agencyWorkList(await evaluateCommunes(SET, exampleData().communes), 'health', PLAN);
    for (const ext of ['json', 'csv', 'xlsx']) {
      const r = await ntm(['worklist', repo(`examples/dak-song-2023.${ext}`), '--agency', 'health', '--set', SET, '--format', 'json']);
      expect({ ext, code: r.code }).toEqual({ ext, code: 0 });
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('prints each open item with value, requirement and shortfall', async () => {
    const r = await ntm(['worklist', repo('examples/dak-song-2023.json'), '--agency', 'health']);
    expect(r.stdout).toMatch(/Trường Xuân:\n(.*\n)*? {2}15\.3: chưa đạt — giá trị 28,2 %, yêu cầu ≤ 26,5 %, vượt 1,7 % so với mức tối đa/);
  });

  it('needs --agency (exit 2)', async () => {
    const r = await ntm(['worklist', repo('examples/dak-song-2023.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('thiếu --agency');
  });
});

describe('ntm targets', () => {
  it('gives the library’s target outcomes, population-weighted figures included', async () => {
    const data = exampleData();
    const current = await evaluateCommunes(SET, data.communes);
    const expected = evaluateTargets(PLAN, { current, district: { population: populationByCommune(data.communes as unknown as CommuneInput[]) } });
    for (const ext of ['json', 'csv']) {
      const r = await ntm(['targets', repo(`examples/dak-song-2023.${ext}`), '--set', SET, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('judges gain-criteria against a --baseline file and district figures given with --figure', async () => {
    const data = exampleData();
    const baseline = data.communes.map((c) => ({ ...c, year: 2022 }));
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'ntm-targets-')), 'baseline-2022.json');
    writeFileSync(file, JSON.stringify({ set: SET, communes: baseline }));
    const r = await ntm(['targets', repo('examples/dak-song-2023.json'), '--baseline', file, '--figure', 'health-insurance-coverage=93,4', '--format', 'json']);
    expect(r.code).toBe(0);
    const outcomes = JSON.parse(r.stdout) as Array<{ kind: string; communeId?: string; status: string }>;
    // The same data in both years: no criterion gained.
    expect(outcomes.find((o) => o.kind === 'gain-criteria')!.status).toBe('not-achieved');
    expect(outcomes.find((o) => o.kind === 'district-figure')!.status).toBe('achieved');
    const bad = await ntm(['targets', repo('examples/dak-song-2023.json'), '--figure', 'x']);
    expect(bad.code).toBe(2);
  });
});

describe('ntm calendar', () => {
  it('lists the 2023 obligations of the plan with the dates the plan writes and the last days', async () => {
    const r = await ntm(['calendar', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(reportingSchedule(PLAN, 2023))));
    const table = await ntm(['calendar', '--from', '2023-06-05']);
    // A Vietnamese run writes dates dd/mm/yyyy and periods as offices name them.
    const lines = table.stdout.split('\n').filter((l) => /^(Báo cáo|Kế hoạch) .*\d{2}\/\d{2}\/\d{4}/.test(l));
    expect(lines[0]).toMatch(/^Báo cáo tháng 6\/2023\s+13\/06\/2023\s+12\/06\/2023\s+UBND huyện/);
    expect(lines.filter((l) => l.includes('13/06/2023'))).toHaveLength(3);
    expect(lines.map((l) => l.split(/\s{2,}/)[0])).toEqual(expect.arrayContaining(['Báo cáo quý II/2023', 'Báo cáo 6 tháng đầu năm 2023', 'Báo cáo 9 tháng 2023']));
    expect(table.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}-(Q\d|H\d|9M)/);
  });

  it('reads "before the 13th" as the plan does, or inclusively with --before inclusive', async () => {
    const r = await ntm(['calendar', '--before', 'inclusive', '--format', 'json', '--from', '2023-12-01']);
    const list = JSON.parse(r.stdout) as Array<{ kind: string; dueBefore: string; lastDay: string }>;
    expect(list.every((o) => o.lastDay === o.dueBefore)).toBe(true);
    expect((await ntm(['calendar', '--from', '2023-13-01'])).code).toBe(2);
  });
});

describe('ntm evaluate --plan', () => {
  it('adds lead agencies to results and reports, targets and the deadlines from --as-of', async () => {
    const json = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--plan', PLAN, '--format', 'json']);
    const results = JSON.parse(json.stdout) as Array<{ criteria: Array<{ indicators: Array<{ code: string; owners?: string[] }> }> }>;
    expect(results[0]!.criteria[14]!.indicators.find((i) => i.code === '15.3')!.owners).toEqual(['health']);
    const html = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--plan', PLAN, '--as-of', '2023-06-05', '--format', 'html', '--lang', 'en']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<h2 id="targets">Targets</h2>');
    expect(html.stdout).toMatch(/<h2 id="deadlines">Next reporting deadlines<\/h2>\s*<table class="deadlines">.*<td>Monthly report 2023-06<\/td><td>2023-06-13<\/td><td>2023-06-12<\/td>/s);
    expect(html.stdout).toMatch(/<td>15\.3 [^<]*<\/td><td>not met<\/td><td>28\.2%<\/td><td>≤ 26\.5%<\/td><td>1\.7% over the maximum<\/td><td>Health Office<\/td>/);
    // A criterion judged not met as a whole names the agency that leads it.
    expect(html.stdout).toMatch(/<td>10<\/td><td>whole criterion<\/td><td>the lead agency judged it not met<\/td><td>—<\/td><td>—<\/td><td>—<\/td><td>[^<]*Statistics[^<]*<\/td>/);
  });
});
