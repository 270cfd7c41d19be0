import { describe, expect, it } from 'vitest';
import {
  calibrateRecognition,
  checkRecognition,
  evaluateDistrict,
  getRecognitionRules,
  NtmError,
  RecognitionResultSchema,
  type RecognitionFacts,
} from '../../src/index.js';
import { communeWith, failing, undecided } from './helpers.js';

const ALL_GOOD: RecognitionFacts = { satisfactionVerdict: 'Đạt', constructionDebt: 0, security: 'not-complex' };
const cond = (r: ReturnType<typeof checkRecognition>, id: string) => {
  const c = r.conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id}`);
  return c;
};

describe('checkRecognition (18/2022/QĐ-TTg)', () => {
  it('lists the four conditions R1–R4, each with its source', () => {
    const r = checkRecognition(communeWith(), ALL_GOOD);
    expect(RecognitionResultSchema.parse(r)).toEqual(r);
    expect(r.conditions.map((c) => c.id)).toEqual(['R1', 'R2', 'R3', 'R4']);
    for (const c of r.conditions) expect(c.source.decision).toBe('18/2022/QĐ-TTg');
    expect(r.status).toBe('recognisable');
    expect(r.rulesId).toBe('national/recognition/2022');
  });

  it('R1: met / not met (naming the criteria) / undetermined (saying what would decide it)', () => {
    expect(cond(checkRecognition(communeWith(), ALL_GOOD), 'R1').status).toBe('met');
    const no = checkRecognition(failing(['10']), ALL_GOOD);
    expect(cond(no, 'R1')).toMatchObject({ status: 'not-met', textEn: '18/19 criteria met; not met: 10' });
    expect(no.status).toBe('not-recognisable');
    const open = checkRecognition(undecided([], ['17']), ALL_GOOD);
    expect(cond(open, 'R1').status).toBe('undetermined');
    expect(open.status).toBe('undetermined');
    expect(open.notes.some((w) => w.subject === '17' && w.code === 'missing')).toBe(true);
    // The machine-readable reasons are the project's Reason type, merged.
    expect(cond(open, 'R1').why).toContainEqual({ code: 'missing', items: ['17'] });
    expect(open.why).toContainEqual({ code: 'missing', items: ['17'] });
  });

  it('R2: the percentage is unknown, so a share alone is undetermined; the survey verdict decides', () => {
    const share = checkRecognition(communeWith(), { ...ALL_GOOD, satisfactionVerdict: undefined, satisfaction: '95,5' });
    expect(cond(share, 'R2')).toMatchObject({ status: 'undetermined', value: 95.5, requirement: { kind: 'unknown' } });
    expect(cond(share, 'R2').notes).toEqual([expect.objectContaining({ code: 'threshold-unknown', subject: 'R2' })]);
    expect(cond(share, 'R2').why).toEqual([{ code: 'threshold-unknown', items: ['R2'] }]);
    expect(share.why).toEqual([{ code: 'threshold-unknown', items: ['R2'] }]);
    expect(share.status).toBe('undetermined');
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, satisfaction: 95.5 }), 'R2')).toMatchObject({ status: 'met', basis: 'verdict' });
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, satisfactionVerdict: 'Không đạt' }), 'R2').status).toBe('not-met');
    const none = checkRecognition(communeWith(), { constructionDebt: 0, security: 'not-complex' });
    expect(cond(none, 'R2')).toMatchObject({ status: 'undetermined', why: [{ code: 'missing', items: ['R2'] }], notes: [expect.objectContaining({ code: 'missing' })] });
  });

  it('why: reasons from every condition merged, each code once with the union of its items', () => {
    const r = checkRecognition(undecided([], ['17']), {});
    expect(r.status).toBe('undetermined');
    const codes = r.why.map((w) => w.code);
    expect(new Set(codes).size).toBe(codes.length);
    const missing = r.why.find((w) => w.code === 'missing')!;
    expect(missing.items).toEqual(expect.arrayContaining(['17', 'R2', 'R3', 'R4']));
    expect(new Set(missing.items).size).toBe(missing.items.length);
    // Notes keep one entry per subject, with the sentence reports print.
    expect(r.notes.filter((n) => n.code === 'missing').map((n) => n.subject)).toEqual(expect.arrayContaining(['17', 'R2', 'R3', 'R4']));
    expect(r.why).toEqual(RecognitionResultSchema.parse(r).why);
  });

  it('R2 with a calibrated level compares the share (the level here is a test value, not a legal one)', () => {
    const rules = calibrateRecognition({
      id: 'test/recognition/2022',
      satisfaction: { kind: 'compare', operator: '>=', value: 70, source: { decision: 'test level, not a legal value', confidence: 'inferred' } },
    });
    expect(rules.derivedFrom).toBe('national/recognition/2022');
    const facts = { constructionDebt: 0, security: 'not-complex' as const };
    expect(cond(checkRecognition(communeWith(), { ...facts, satisfaction: 70 }, { rules }), 'R2').status).toBe('met');
    expect(cond(checkRecognition(communeWith(), { ...facts, satisfaction: 69.9 }, { rules }), 'R2').status).toBe('not-met');
    expect(checkRecognition(communeWith(), { ...facts, satisfaction: 70 }, { rules }).status).toBe('recognisable');
    // The bundled rules are untouched.
    expect(getRecognitionRules().commune.conditions.find((c) => c.kind === 'satisfaction')).toMatchObject({ requirement: { kind: 'unknown' } });
  });

  it('R3: no debt met, outstanding debt not met, no figure undetermined', () => {
    expect(cond(checkRecognition(communeWith(), ALL_GOOD), 'R3').status).toBe('met');
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, constructionDebt: false }), 'R3').status).toBe('met');
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, constructionDebt: 1250 }), 'R3').status).toBe('not-met');
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, constructionDebt: true }), 'R3').status).toBe('not-met');
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, constructionDebt: undefined }), 'R3').status).toBe('undetermined');
  });

  it('R4: not complex met, complex not met, no assessment undetermined', () => {
    expect(cond(checkRecognition(communeWith(), ALL_GOOD), 'R4').status).toBe('met');
    const complex = checkRecognition(communeWith(), { ...ALL_GOOD, security: 'complex' });
    expect(cond(complex, 'R4').status).toBe('not-met');
    expect(complex.status).toBe('not-recognisable');
    expect(cond(checkRecognition(communeWith(), { ...ALL_GOOD, security: undefined }), 'R4').status).toBe('undetermined');
  });

  it('"cơ bản đạt" is recorded as such and blocks recognition', () => {
    const r = failing(['10'], 'Cơ bản đạt');
    expect(r.criteria[9]).toMatchObject({ status: 'not-met', verdict: 'basically-met', basis: 'verdict' });
    const rec = checkRecognition(r, ALL_GOOD);
    expect(rec.status).toBe('not-recognisable');
    expect(cond(rec, 'R1').textVi).toContain('cơ bản đạt (không tính là đạt): 10');
  });

  it('refuses bad facts and a set 18/2022 does not recognise under', () => {
    expect(() => checkRecognition(communeWith(), { satisfaction: 120 })).toThrow(NtmError);
    expect(() => checkRecognition(communeWith(), { satisfactionVerdict: 'maybe' })).toThrow(/Đạt/);
    expect(() => checkRecognition(communeWith(), { security: 'calm' } as never)).toThrow(NtmError);
    const old = { ...communeWith(), setId: 'national/commune-ntm/2016' };
    expect(() => checkRecognition(old, ALL_GOOD)).toThrow(/not one of them/);
  });

  it("reads a district's own conditions D1–D5 through the same check", () => {
    const communes = ['a', 'b', 'c'].map((id) => ({ communeId: id, setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'met' as const }));
    const district = evaluateDistrict('national/district-ntm/2022', {
      districtId: 'd', year: 2023, communes,
      advancedCommunes: [{ communeId: 'a', setId: 'dak-nong/commune-ntm-advanced/2022', year: 2023, status: 'met' }],
      townships: [], satisfaction: { district: 92 },
    });
    const r = checkRecognition(district);
    expect(r.level).toBe('district');
    expect(r.conditions.map((c) => c.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
    expect(r.conditions.map((c) => c.status)).toEqual(['met', 'met', 'met', 'undetermined', 'undetermined']);
    expect(r.status).toBe('undetermined');
    expect(r.notes.some((w) => w.subject === 'D4')).toBe(true);
    expect(r.why.length).toBeGreaterThan(0);
    expect(new Set(r.why.map((w) => w.code)).size).toBe(r.why.length);
    expect(cond(r, 'D4').why).toEqual(district.conditions.find((c) => c.id === 'D4')!.why);
    for (const c of r.conditions) expect(c.source.decision).toBe('320/QĐ-TTg');
    const failed = checkRecognition(evaluateDistrict('national/district-ntm/2022', { districtId: 'd', year: 2023, communes: [...communes.slice(1), { ...communes[0]!, status: 'not-met' }] }));
    expect(failed.conditions[0]!.status).toBe('not-met');
    expect(failed.status).toBe('not-recognisable');
  });
});
