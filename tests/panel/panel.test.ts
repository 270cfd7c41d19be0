import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparePanel, evaluateCommunes, isEvaluationError, NtmError, PanelSchema, panelCsv, panelHtml, panelMarkdown, type BatchEntry, type CommuneInput } from '../../src/index.js';
import { repo } from '../cli/helpers.js';

async function year(y: number): Promise<BatchEntry[]> {
  const data = JSON.parse(readFileSync(repo(`examples/dak-song-${y}.json`), 'utf8')) as { set: string; communes: CommuneInput[] };
  return evaluateCommunes(data.set, data.communes);
}
const entries = [...(await year(2022)), ...(await year(2023)), ...(await year(2024))];

describe('comparePanel (Đắk Song, illustrative 2022–2024)', () => {
  const panel = comparePanel(entries, { plan: 'dak-song/2023' });
  const commune = (id: string) => panel.communes.find((c) => c.communeId === id)!;

  it('puts the three years of the 8 communes side by side', () => {
    expect(PanelSchema.parse(panel)).toEqual(panel);
    expect(panel.years).toEqual([2022, 2023, 2024]);
    expect(panel.communes).toHaveLength(8);
    expect(commune('thuan-ha').years.map((y) => y.setId)).toEqual(['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']);
  });

  it('lists criteria gained and lost per commune, keeping moves to or from undetermined apart', () => {
    expect(commune('truong-xuan').changes[0]).toMatchObject({ from: 2022, to: 2023, comparable: true, gained: ['11'], lost: [] });
    expect(commune('dak-mol').changes.map((c) => c.gained)).toEqual([['15'], ['10']]);
    expect(commune('thuan-ha').changes[1]).toMatchObject({ lost: ['2', '5', '6', '7', '10', '12'] });
    expect(commune('dak-hoa').changes.map((c) => c.uncertain)).toEqual([[{ number: '17', before: 'met', after: 'undetermined' }], [{ number: '17', before: 'undetermined', after: 'met' }]]);
    expect(commune('dak-hoa').changes.flatMap((c) => [...c.gained, ...c.lost])).toEqual([]);
  });

  it('names the communes that fell out of standard, definitely or possibly', () => {
    expect(panel.fellOutOfStandard).toEqual([
      { communeId: 'nam-n-jang', from: 2022, to: 2023, definite: true },
      { communeId: 'thuan-ha', from: 2023, to: 2024, definite: true },
      { communeId: 'dak-hoa', from: 2022, to: 2023, definite: false },
    ]);
  });

  it('per criterion: communes by status each year, who gained and who lost it', () => {
    const income = panel.criteria.find((c) => c.number === '10')!;
    expect(income.byYear).toEqual([{ year: 2022, met: 5, notMet: 3, undetermined: 0, basicallyMet: 0 }, { year: 2023, met: 5, notMet: 3, undetermined: 0, basicallyMet: 0 }, { year: 2024, met: 5, notMet: 3, undetermined: 0, basicallyMet: 0 }]);
    expect(income.gained).toEqual([{ communeId: 'dak-mol', from: 2023, to: 2024 }]);
    expect(income.lost).toEqual([{ communeId: 'thuan-ha', from: 2023, to: 2024 }]);
  });

  it('gives the revocation risk over time of the recognised communes, "cơ bản đạt" counted below standard', () => {
    expect(commune('dak-mol').recognised).toBe(false);
    expect(commune('dak-mol').years.every((y) => y.revocation === undefined)).toBe(true);
    expect(commune('thuan-ha').years.map((y) => y.revocation!.status)).toEqual(['not-revocable', 'not-revocable', 'revocable']);
    expect(commune('thuan-ha').years[2]!.revocation).toMatchObject({ branch: 'partial-with-listed', listed: { failing: ['10'] } });
    expect(commune('nam-n-jang').years.map((y) => y.revocation!.moreToRevoke)).toEqual([6, 5, 4]);
    expect(commune('nam-n-jang').years[2]!.revocation!.basicallyMet).toEqual(['15']);
    // Decided risks have no reasons and no notes; the reasons are the project's Reason type.
    for (const c of panel.communes) for (const y of c.years) if (y.revocation && y.revocation.status !== 'undetermined') expect([y.revocation.why, y.revocation.notes]).toEqual([[], []]);
  });

  it("an undetermined revocation risk says why in the project's reason type, each code once", () => {
    const open = entries.map((e) =>
      !isEvaluationError(e) && e.communeId === 'thuan-ha' && e.year === 2024
        ? { ...e, status: 'undetermined' as const, criteria: e.criteria.map((c) => (c.number === '10' || c.number === '17' ? { ...c, status: 'undetermined' as const } : c)) }
        : e,
    );
    const y = comparePanel(open, { plan: 'dak-song/2023' }).communes.find((c) => c.communeId === 'thuan-ha')!.years[2]!;
    expect(y.revocation!.status).toBe('undetermined');
    expect(y.revocation!.why).toEqual([{ code: 'undetermined-results', items: ['10', '17'] }]);
    expect(y.revocation!.notes.map((n) => n.subject)).toEqual(['10', '17']);
  });

  it('reports as CSV (one row per commune and year), Markdown and HTML, in one language', () => {
    const csv = panelCsv(panel, 'en').trim().split('\r\n');
    expect(csv).toHaveLength(1 + 8 * 3);
    expect(csv[0]).toBe('communeId,name,year,setId,status,criteriaMet,criteriaNotMet,criteriaUndetermined,criteriaBasicallyMet,gained,lost,uncertain,fellOut,revocation');
    expect(csv.find((l) => l.startsWith('thuan-ha,Thuận Hà,2024'))).toContain('2 5 6 7 10 12,,definite,meets the revocation rule (6/19)');
    const vi = panelMarkdown(panel, { lang: 'vi' });
    expect(vi).toContain('| Thuận Hà | 2024 | Chưa đạt chuẩn |');
    expect(vi).toContain('Nâm N\'Jang: 2022 → 2023 (chắc chắn)');
    for (const word of ['meets', 'criteria', 'revocation', 'commune']) expect(vi.toLowerCase()).not.toContain(word);
    const html = panelHtml(panel, { lang: 'en' });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toContain('<tr class="not-met"><td>Thuận Hà</td><td>2024</td>');
  });

  it('refuses two results of one commune for one year; skips error entries', () => {
    const again = [...entries, entries[0]!];
    expect(() => comparePanel(again)).toThrow(NtmError);
    const withError = comparePanel([...entries, { index: 99, communeId: 'x', error: { code: 'INVALID_INPUT', message: 'bad', issues: [] } }]);
    expect(withError.skipped).toEqual([{ index: 24, communeId: 'x', reason: 'not evaluated: INVALID_INPUT' }]);
  });

  it('says how to pass the years when given one array per year, and refuses what is not a result, as NtmError', async () => {
    const perYear = [await year(2022), await year(2023)] as unknown as BatchEntry[];
    const thrown = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const nested = thrown(() => comparePanel(perYear));
    expect(nested).toBeInstanceOf(NtmError);
    expect(nested).toMatchObject({ code: 'INVALID_ARGUMENT', issues: [{ code: 'nested-array', path: ['entries', 0] }] });
    expect((nested as Error).message).toMatch(/one flat array/);
    for (const bad of [null, 42, 'dak-mol', { communeId: 'x' }]) {
      expect(thrown(() => comparePanel([...entries, bad] as unknown as BatchEntry[]))).toMatchObject({ name: 'NtmError', code: 'INVALID_ARGUMENT', issues: [{ code: 'not-a-result', path: ['entries', 24] }] });
    }
  });
});
