import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateDistrict, revocationRisk, RevocationRiskSchema, NtmError } from '../../src/index.js';
import { countFromPercent } from '../../src/recognition/revocation.js';
import { failing, undecided } from './helpers.js';

const NOT_LISTED = ['1', '2', '4', '5', '6', '7', '8', '9', '11', '12', '13', '14', '15', '16', '18'];
const SEED = Number(process.env.FC_SEED ?? 20230613);

describe('revocationRisk: the rule of 18/2022/QĐ-TTg and its reading', () => {
  it('reads "từ 30 %" and "từ 50 %" of 19 criteria exactly: 6 and 10 (9 district criteria: 3 and 5)', () => {
    expect(countFromPercent(30, 19)).toBe(6);
    expect(countFromPercent(50, 19)).toBe(10);
    expect(countFromPercent(30, 9)).toBe(3);
    expect(countFromPercent(50, 9)).toBe(5);
    expect(countFromPercent(50, 10)).toBe(5);
    expect(countFromPercent(30, 10)).toBe(3);
  });

  it('branch (a): 5 below standard with a listed one is not enough, 6 is', () => {
    const five = revocationRisk(failing(['10', ...NOT_LISTED.slice(0, 4)]));
    expect(five).toMatchObject({ status: 'not-revocable', belowStandard: { min: 5, max: 5 }, moreToRevoke: 1, listed: { failing: ['10'] } });
    const six = revocationRisk(failing(['10', ...NOT_LISTED.slice(0, 5)]));
    expect(six).toMatchObject({ status: 'revocable', branch: 'partial-with-listed', share: { min: 31.58, max: 31.58 }, moreToRevoke: 0 });
    expect(RevocationRiskSchema.parse(six)).toEqual(six);
    expect(six.thresholds).toEqual({ partialFromCount: 6, majorityFromCount: 10 });
  });

  it('branch (a) needs a listed criterion: 9 unlisted below standard are not enough', () => {
    const nine = revocationRisk(failing(NOT_LISTED.slice(0, 9)));
    expect(nine).toMatchObject({ status: 'not-revocable', branch: null, moreToRevoke: 1, listed: { criteria: ['10', '17', '19'], failing: [] } });
    for (const listed of ['10', '17', '19']) {
      expect(revocationRisk(failing([listed, ...NOT_LISTED.slice(0, 8)])).status).toBe('revocable');
    }
  });

  it('branch (b): 10 below standard, listed or not', () => {
    expect(revocationRisk(failing(NOT_LISTED.slice(0, 10)))).toMatchObject({ status: 'revocable', branch: 'majority' });
    expect(revocationRisk(failing(NOT_LISTED.slice(0, 9))).status).toBe('not-revocable');
  });

  it('"cơ bản đạt" counts as below standard', () => {
    const r = revocationRisk(failing(['17', ...NOT_LISTED.slice(0, 5)], 'Cơ bản đạt'));
    expect(r).toMatchObject({ status: 'revocable', basicallyMet: ['1', '2', '4', '5', '6', '17'] });
  });

  it('undetermined criteria give a range', () => {
    // 4 decided below standard with a listed one, 2 undecided: revocable only if both fail.
    const open = revocationRisk(undecided(['10', '1', '2', '4'], ['17', '19']));
    expect(open).toMatchObject({ status: 'undetermined', belowStandard: { min: 4, max: 6 }, listed: { failing: ['10'], undetermined: ['17', '19'] } });
    expect(open.notes.map((w) => w.subject)).toEqual(['17', '19']);
    expect(open.why).toEqual([{ code: 'undetermined-results', items: ['17', '19'] }]);
    // Even if every undecided one failed, 3 + 1 < 6: not revocable.
    expect(revocationRisk(undecided(['1', '2', '4'], ['17'])).status).toBe('not-revocable');
    // Decided ones already meet the rule: revocable whatever the rest are.
    expect(revocationRisk(undecided(NOT_LISTED.slice(0, 10), ['17'])).status).toBe('revocable');
  });

  it('for a set whose listed criteria are not known (advanced set), branch (a) stays open', () => {
    const base = failing(NOT_LISTED.slice(0, 6));
    const r = revocationRisk({ ...base, setId: 'dak-nong/commune-ntm-advanced/2022' });
    expect(r).toMatchObject({ status: 'undetermined', listed: { criteria: null }, moreToRevoke: null });
    expect(r.notes[0]!.code).toBe('listed-criteria-unknown');
    expect(r.why).toEqual([{ code: 'missing-data', items: ['dak-nong/commune-ntm-advanced/2022'] }]);
    expect(revocationRisk({ ...failing(NOT_LISTED.slice(0, 10)), setId: 'dak-nong/commune-ntm-advanced/2022' }).status).toBe('revocable');
    expect(revocationRisk({ ...failing(NOT_LISTED.slice(0, 5)), setId: 'dak-nong/commune-ntm-advanced/2022' }).status).toBe('not-revocable');
  });

  it('districts: criteria 6–9 are listed; the share of communes revoked is a third branch', () => {
    const communes = [{ communeId: 'a', setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'met' as const }];
    const criteria = (failingNumbers: string[]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => [n, failingNumbers.includes(n) ? 'Không đạt' : 'Đạt']));
    const d = (f: string[]) => evaluateDistrict('national/district-ntm/2022', { districtId: 'd', year: 2023, communes, criteria: criteria(f) });
    expect(revocationRisk(d(['1', '2', '7']), { communesRevoked: { revoked: 0, total: 8 } })).toMatchObject({ level: 'district', status: 'revocable', branch: 'partial-with-listed' });
    expect(revocationRisk(d(['1', '2', '3']), { communesRevoked: { revoked: 0, total: 8 } }).status).toBe('not-revocable');
    expect(revocationRisk(d(['1', '2', '3', '4', '5']), { communesRevoked: { revoked: 0, total: 8 } }).branch).toBe('majority');
    expect(revocationRisk(d([]), { communesRevoked: { revoked: 3, total: 8 } }).branch).toBe('communes-revoked');
    expect(revocationRisk(d([]), { communesRevoked: { revoked: 2, total: 8 } }).status).toBe('not-revocable');
    expect(revocationRisk(d([])).status).toBe('undetermined');
    expect(() => revocationRisk(d([]), { communesRevoked: { revoked: 9, total: 8 } })).toThrow(NtmError);
  });

  describe('the branches, each composed of mechanisms (a count of criteria, a listed one among them, communes revoked)', () => {
    const byBranch = (r: ReturnType<typeof revocationRisk>) => Object.fromEntries(r.branches.map((b) => [b.branch, b]));

    it('met: 6 below standard with criterion 10 among them meets (a); (b) is not met at 6 of 10; nothing is open', () => {
      const r = revocationRisk(failing(['10', ...NOT_LISTED.slice(0, 5)]));
      expect(byBranch(r)).toEqual({
        'partial-with-listed': { branch: 'partial-with-listed', status: 'met', count: { min: 6, max: 6 }, fromCount: 6, why: [] },
        majority: { branch: 'majority', status: 'not-met', count: { min: 6, max: 6 }, fromCount: 10, why: [] },
      });
      expect(r.why).toEqual([]);
    });

    it('not met: 9 unlisted below standard reach the count of (a) but no listed criterion is among them', () => {
      const r = revocationRisk(failing(NOT_LISTED.slice(0, 9)));
      expect(r.branches.map((b) => [b.branch, b.status, b.why])).toEqual([['partial-with-listed', 'not-met', []], ['majority', 'not-met', []]]);
      expect(r.status).toBe('not-revocable');
    });

    it('undetermined: with the count of (a) reached, only the undecided listed criterion could tip it — the unlisted one is not a reason', () => {
      // 1, 2, 4, 5, 6, 7 below standard; 17 (listed) and 18 (not listed) undecided: 8 at most, short of (b)'s 10.
      const r = revocationRisk(undecided(NOT_LISTED.slice(0, 6), ['17', '18']));
      expect(byBranch(r)['partial-with-listed']).toEqual({ branch: 'partial-with-listed', status: 'undetermined', count: { min: 6, max: 8 }, fromCount: 6, why: [{ code: 'undetermined-results', items: ['17'] }] });
      expect(byBranch(r)['majority']).toMatchObject({ status: 'not-met', why: [] });
      expect(r).toMatchObject({ status: 'undetermined', why: [{ code: 'undetermined-results', items: ['17'] }] });
      // The words still name every undecided criterion, as before.
      expect(r.notes.map((n) => n.subject)).toEqual(['17', '18']);
    });

    it('undetermined: a set whose listed criteria are not known leaves (a) open about the set', () => {
      const r = revocationRisk({ ...failing(NOT_LISTED.slice(0, 6)), setId: 'dak-nong/commune-ntm-advanced/2022' });
      expect(byBranch(r)['partial-with-listed']).toMatchObject({ status: 'undetermined', why: [{ code: 'missing-data', items: ['dak-nong/commune-ntm-advanced/2022'] }] });
    });

    it('districts: the communes-revoked branch — met from 3 of 8 (30 %), not met at 2, undetermined without the figure', () => {
      const communes = [{ communeId: 'a', setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'met' as const }];
      const criteria = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => [n, 'Đạt']));
      const d = evaluateDistrict('national/district-ntm/2022', { districtId: 'd', year: 2023, communes, criteria });
      expect(byBranch(revocationRisk(d, { communesRevoked: { revoked: 3, total: 8 } }))['communes-revoked']).toEqual({ branch: 'communes-revoked', status: 'met', count: { min: 3, max: 3 }, fromCount: 3, why: [] });
      expect(byBranch(revocationRisk(d, { communesRevoked: { revoked: 2, total: 8 } }))['communes-revoked']).toMatchObject({ status: 'not-met', fromCount: 3, why: [] });
      const open = revocationRisk(d);
      expect(byBranch(open)['communes-revoked']).toEqual({ branch: 'communes-revoked', status: 'undetermined', count: null, fromCount: null, why: [{ code: 'missing', items: ['communesRevoked'] }] });
      expect(open.why).toEqual([{ code: 'missing', items: ['communesRevoked'] }]);
      // Communes have no such branch.
      expect(revocationRisk(failing([])).branches.map((b) => b.branch)).toEqual(['partial-with-listed', 'majority']);
    });
  });

  it('more criteria below standard never lowers the risk (property)', () => {
    const order = { 'not-revocable': 0, undetermined: 1, revocable: 2 } as const;
    const numbers = Array.from({ length: 19 }, (_, i) => String(i + 1));
    fc.assert(
      fc.property(fc.subarray(numbers), fc.subarray(numbers), (a, extra) => {
        const more = [...new Set([...a, ...extra])];
        const before = revocationRisk(failing(a));
        const after = revocationRisk(failing(more));
        expect(order[after.status]).toBeGreaterThanOrEqual(order[before.status]);
        // The rule, restated: ≥ 10, or ≥ 6 with 10, 17 or 19 among them.
        const listed = a.some((n) => ['10', '17', '19'].includes(n));
        expect(before.status === 'revocable').toBe(a.length >= 10 || (a.length >= 6 && listed));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
