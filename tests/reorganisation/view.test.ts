import { describe, expect, it } from 'vitest';
import { evaluateCommunes, getReorganisation, NtmError, predecessorsOf, resultsByCurrentUnit, successorOf, type ResultLike, type CommuneInput } from '../../src/index.js';
import data from '../../examples/dak-song-2023.json' with { type: 'json' };

describe('the 2025 reorganisation as data (NQ 1671/NQ-UBTVQH15, as the reference cites it)', () => {
  const r = getReorganisation();
  it('former Đắk Song: 9 units became 4 communes of Lâm Đồng on 01/07/2025', () => {
    expect(r.effectiveFrom).toBe('2025-07-01');
    expect(r.province).toMatchObject({ id: 'lam-dong', unitCounts: { communes: 103, wards: 20, specialZones: 1 } });
    expect(r.province.formedFrom.map((p) => p.id)).toEqual(['lam-dong', 'dak-nong', 'binh-thuan']);
    expect(Object.fromEntries(r.units.map((u) => [u.nameVi, u.predecessors.map((p) => p.nameVi)]))).toEqual({
      'xã Đắk Song': ['xã Đắk Môl', 'xã Đắk Hòa'],
      'xã Đức An': ['thị trấn Đức An', "xã Đắk N'Drung", 'xã Nam Bình'],
      'xã Thuận Hạnh': ['xã Thuận Hà', 'xã Thuận Hạnh'],
      'xã Trường Xuân': ["xã Nâm N'Jang", 'xã Trường Xuân'],
    });
    expect(r.formerDistricts[0]!.units).toHaveLength(9);
  });
  it('each mapping cites 1671/NQ-UBTVQH15 with the confidence of its sources (data files, not the resolution)', () => {
    for (const u of r.units) {
      expect(u.source).toMatchObject({ decision: '1671/NQ-UBTVQH15', confidence: 'single-source' });
      expect(u.source.note).toMatch(/GitHub data files/);
    }
    expect(r.legalBasis.date).toBeNull();
  });
  it('successors and predecessors by id, official name or the plan\'s spellings', () => {
    expect(successorOf('dak-mol')?.unit.id).toBe('lam-dong/dak-song');
    expect(successorOf('Đắk Môt')?.unit.id).toBe('lam-dong/dak-song');
    expect(successorOf("xã Năm N'Jang")?.unit.id).toBe('lam-dong/truong-xuan');
    expect(successorOf('thuan-hanh')?.unit.id).toBe('lam-dong/thuan-hanh');
    expect(successorOf('Thị trấn Đức An')?.predecessor.kind).toBe('township');
    expect(successorOf('Đắk Sôr')).toBeUndefined();
    expect(predecessorsOf('lam-dong/duc-an').map((p) => p.id)).toEqual(['duc-an', 'dak-n-drung', 'nam-binh']);
    expect(() => predecessorsOf('Gia Nghĩa')).toThrow(NtmError);
  });
  it('the data file is validated: an old unit forming two new ones is refused with its path', () => {
    const bad = structuredClone(r) as { units: Array<{ predecessors: unknown[] }> };
    bad.units[1]!.predecessors.push(r.units[0]!.predecessors[0]);
    try {
      getReorganisation(bad);
      throw new Error('expected an error');
    } catch (e) {
      expect((e as NtmError).issues[0]).toMatchObject({ path: ['units', 1, 'predecessors', 3, 'id'], message: '"dak-mol" already formed "lam-dong/dak-song"' });
    }
  });
});

describe('results of 2022-2025 by the commune that exists now', () => {
  it('the 2023 table of Đắk Song by the four new communes: each predecessor\'s own status, no merged status', async () => {
    const entries = await evaluateCommunes(data.set, data.communes as CommuneInput[]);
    const view = resultsByCurrentUnit(entries);
    expect(view.units.map((u) => u.mergedStatus)).toEqual([null, null, null, null]);
    const thuanHanh = view.units.find((u) => u.unit.id === 'lam-dong/thuan-hanh')!;
    expect(thuanHanh.predecessors.map((p) => [p.id, p.results.map((x) => [x.year, x.status])])).toEqual([
      ['thuan-ha', [[2023, 'met']]],
      ['thuan-hanh', [[2023, 'met']]],
    ]);
    // The township was not assessed under the commune set: shown with no result.
    expect(view.units[1]!.predecessors[0]).toMatchObject({ id: 'duc-an', kind: 'township', results: [] });
    expect(view.units.flatMap((u) => u.predecessors.flatMap((p) => p.results)).length + view.unmatched.length + view.errors.length).toBe(entries.length);
  });
  it('several years per predecessor, in year order; unmatched and error entries are kept', () => {
    const rows: Array<ResultLike | { communeId?: string; error: { message: string } }> = [
      { communeId: 'dak-mol', setId: 'dak-nong/commune-ntm/2024', year: 2024, status: 'met', criteriaMet: 19, criteriaNotMet: 0, criteriaUndetermined: 0 },
      { communeId: 'dak-mol', setId: 'dak-nong/commune-ntm/2022', year: 2022, status: 'not-met', criteriaMet: 17 },
      { communeId: 'x1', name: 'Đắk Hoà', setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'undetermined' },
      { communeId: 'nam-nung', name: 'Nâm Nung', setId: 'dak-nong/commune-ntm/2022', year: 2022, status: 'met' },
      { communeId: 'bad', error: { message: 'row 5: bad value' } },
    ];
    const view = resultsByCurrentUnit(rows);
    const dakSong = view.units[0]!;
    expect(dakSong.predecessors[0]!.results.map((x) => [x.year, x.status, x.criteriaMet, x.index])).toEqual([
      [2022, 'not-met', 17, 1],
      [2024, 'met', 19, 0],
    ]);
    expect(dakSong.predecessors[1]!.results.map((x) => x.index)).toEqual([2]); // matched by name
    expect(view.unmatched).toEqual([{ index: 3, communeId: 'nam-nung', name: 'Nâm Nung' }]);
    expect(view.errors).toEqual([{ index: 4, communeId: 'bad', message: 'row 5: bad value' }]);
  });
});
