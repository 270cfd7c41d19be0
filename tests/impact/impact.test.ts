import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, getCriterionSet, impactCsv, impactHtml, impactMarkdown, impactOf, impactText, type CommuneInput } from '../../src/index.js';
import { exampleData, repo } from '../cli/helpers.js';

const communes = (): CommuneInput[] => exampleData().communes;

describe('impactOf: 211/QĐ-TTg on the Đắk Song 2023 data', () => {
  const impact = impactOf(communes(), 'dak-nong/commune-ntm/2022', '2024-03-01');

  it('finds the version in force on the date, of the earlier set’s kind, and lists every commune under both', () => {
    expect([impact.from.id, impact.to.id, impact.to.decision, impact.compared]).toEqual(['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024', '1037/QĐ-UBND + 211/QĐ-TTg', 'criteria']);
    expect(impact.communes.map((c) => c.communeId)).toEqual(communes().map((c) => c.communeId));
    expect(impact.communes.map((c) => [c.communeId, c.before.status, c.after.status, c.change])).toEqual([
      ['dak-mol', 'not-met', 'not-met', 'unchanged'],
      ['dak-n-drung', 'not-met', 'not-met', 'unchanged'],
      ['truong-xuan', 'not-met', 'not-met', 'unchanged'],
      ['nam-binh', 'met', 'undetermined', 'loses'],
      ['nam-n-jang', 'not-met', 'not-met', 'unchanged'],
      ['thuan-hanh', 'met', 'undetermined', 'loses'],
      ['thuan-ha', 'met', 'undetermined', 'loses'],
      ['dak-hoa', 'undetermined', 'undetermined', 'unchanged'],
    ]);
  });

  it('says what flipped and why, linked to the diff entry (18.4 now unknown)', () => {
    for (const c of impact.communes) {
      expect(c.criteria.map((f) => [f.number, f.before, f.after])).toEqual([['18', 'met', 'undetermined']]);
      const [flip] = c.criteria[0]!.indicators;
      expect([flip!.code, flip!.before!.status, flip!.after!.status, flip!.cause.kind, flip!.cause.diff?.code, flip!.cause.diff?.afterSource.decision]).toEqual(['18.4', 'met', 'threshold-unknown', 'now-unknown', '18.4', '211/QĐ-TTg']);
    }
    expect(impact.totals).toMatchObject({ communes: 8, gain: 0, lose: 3, changed: 0, unchanged: 5, notEvaluated: 0, criteriaFlipped: 8, byCriterion: [{ number: '18', flips: 8, toMet: 0, fromMet: 8 }] });
  });

  it('says honestly what it did to the data: the year moved into the set’s span, a value read otherwise left out', () => {
    const c = impact.communes[0]!;
    expect([c.year, c.before.year, c.after.year]).toEqual([2023, 2023, 2024]);
    expect(c.after.valueLeftOut).toEqual(['15.4']); // a percentage under 1037, a yes/no after 211: the verdict is kept
    expect(impactText(impact, 'en')).toContain('dak-nong/commune-ntm/2024 is not in force in the data\'s year 2023: the data is evaluated as of 2024.');
  });

  it('fails when a flip is not found: the same set on both sides changes nothing', () => {
    const same = impactOf(communes(), 'dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2022');
    expect(same.totals).toMatchObject({ unchanged: 8, criteriaFlipped: 0 });
  });

  it('every output format says the same communes, in one language', () => {
    const names = communes().map((c) => c.name!);
    for (const text of [impactText(impact, 'vi'), impactMarkdown(impact, 'vi'), impactHtml(impact, 'vi'), impactCsv(impact, 'vi')]) {
      for (const n of names) expect(text).toContain(n.replace("'", text.startsWith('<!DOCTYPE') ? '&#39;' : "'"));
      expect(text).toContain('18.4');
    }
    expect(impactCsv(impact, 'en').split('\r\n')[0]).toBe('communeId,name,Status (Before),Status (After),Change,Criterion,Before,After,Indicator,Rule change');
    expect(impactCsv(impact, 'en').trim().split('\r\n')).toHaveLength(1 + 8);
  });
});

describe('impactOf: a hypothetical calibration', () => {
  it('shows the verdicts the newly known thresholds contradict (no outcome flips: the verdicts stand)', () => {
    const overlay = JSON.parse(readFileSync(repo('examples/calibration/tay-nguyen-hypothetical.overlay.json'), 'utf8')) as unknown;
    const calibrated = calibrate('dak-nong/commune-ntm/2022', overlay);
    const impact = impactOf(communes(), 'dak-nong/commune-ntm/2022', calibrated);
    expect(impact.totals.criteriaFlipped).toBe(0);
    const dakMol = impact.communes.find((c) => c.communeId === 'dak-mol')!;
    expect(dakMol.conflicts.map((i) => [i.code, i.after!.status, i.after!.valueOutcome, i.cause.kind])).toEqual([
      ['15.1', 'met', 'not-met', 'now-known'],
      ['17.1', 'met', 'not-met', 'now-known'],
    ]);
    expect(impactText(impact, 'en')).toContain('hypothetical example, not a real decision');
  });

  it('a calibrated threshold without a verdict flips the criterion it decides', () => {
    const set = structuredClone(getCriterionSet('dak-nong/commune-ntm/2022'));
    const ind = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === '3.1')!;
    const req = ind.requirement as unknown as { kind: string; value?: number; cases?: Record<string, { value: number }> };
    if (req.kind === 'compare') req.value = 90;
    else for (const k of Object.keys(req.cases ?? {})) req.cases![k]!.value = 90;
    const edited = { ...set, id: 'test/commune-ntm/2022-3-1-at-90' };
    const impact = impactOf(communes(), 'dak-nong/commune-ntm/2022', edited);
    const flipped = impact.communes.filter((c) => c.criteria.some((f) => f.number === '3'));
    expect(flipped.length).toBeGreaterThan(0);
    for (const c of flipped) expect(c.criteria.find((f) => f.number === '3')!.indicators.map((i) => [i.code, i.cause.kind])).toEqual([['3.1', 'tightened']]);
  });
});

describe('impactOf across programme periods (19 → 10 criteria)', () => {
  it('compares the communes’ status only, and carries none of the data’s codes into the other period’s set', () => {
    const impact = impactOf(communes(), '1037/QĐ-UBND', '2026-06-30');
    expect([impact.to.id, impact.compared, impact.series?.comparableByNumber]).toEqual(['national/commune-ntm/2026', 'status', false]);
    for (const c of impact.communes) {
      expect(c.change).toBe('not-compared');
      expect(c.criteria).toEqual([]);
      expect(c.after.leftOut.length).toBeGreaterThan(0);
      expect(c.before.leftOut).toEqual([]);
    }
    expect(impact.totals).toMatchObject({ notCompared: 8, gain: 0, lose: 0 });
    expect(impactText(impact, 'en')).toContain('The periods 2021-2025 and 2026-2030 number their criteria differently (19 → 10 criteria)');
  });
});
