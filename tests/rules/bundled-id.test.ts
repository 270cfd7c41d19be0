/**
 * A rule file that keeps a bundled set's id with other content (15.3 loosened from 26,5 % to 40 %)
 * is refused by every way into the library — `loadCriterionSet`, the evaluation entry points given
 * the set as an object, workbook import — unless it marks itself a modified copy
 * (`derivedFrom.setId`), which the reports then say. The pinned fingerprints are the bundled files'.
 */
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_SET_IDS,
  evaluateCommune,
  evaluateCommuneSync,
  evaluateCommunes,
  fingerprint,
  getCriterionSet,
  loadCriterionSet,
  NtmError,
  resultsMarkdown,
  resultsText,
  type CriterionSet,
} from '../../src/index.js';
import { resultsHtml } from '../../src/report/html.js';
import { BUNDLED_FINGERPRINTS } from '../../src/rules/bundled-fingerprints.js';
import { setFromWorkbook, setWorkbook } from '../../src/workbook/index.js';
import { loosened } from './spoofed-set.js';

const ID = 'dak-nong/commune-ntm/2022';
const INPUT = { communeId: 'dak-mol', year: 2023, region: 'TN' as const, indicators: { '15.3': 35 } };

function refusal(f: () => unknown): NtmError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(NtmError);
    return e as NtmError;
  }
  throw new Error('not refused');
}

function expectBundledIdRefusal(e: NtmError): void {
  expect(e.code).toBe('INVALID_RULE_FILE');
  expect(e.issues).toEqual([expect.objectContaining({ code: 'bundled-id', path: ['id'] })]);
  expect(e.issues[0]!.message).toContain(`"id": "${ID}" is a bundled set's id but the content differs`);
  expect(e.issues[0]!.params).toEqual({ id: ID, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), bundled: fingerprint(ID) });
}

describe('a set that keeps a bundled id with other content', () => {
  it('is refused by loadCriterionSet, as an object and as JSON text', () => {
    expectBundledIdRefusal(refusal(() => loadCriterionSet(loosened())));
    expectBundledIdRefusal(refusal(() => loadCriterionSet(JSON.stringify(loosened()), { file: 'spoof.json' })));
  });

  it('is refused by the evaluation entry points given it as a set object', async () => {
    expectBundledIdRefusal(refusal(() => evaluateCommuneSync(loosened() as unknown as CriterionSet, INPUT)));
    await expect(evaluateCommune(loosened() as unknown as CriterionSet, INPUT)).rejects.toMatchObject({ code: 'INVALID_RULE_FILE', issues: [{ code: 'bundled-id' }] });
    await expect(evaluateCommunes(loosened() as unknown as CriterionSet, [INPUT])).rejects.toMatchObject({ code: 'INVALID_RULE_FILE', issues: [{ code: 'bundled-id' }] });
  });

  it('is refused by workbook import, at the cell of the id, in the workbook’s language', () => {
    const copy = loadCriterionSet({ ...loosened(), id: 'dak-nong/commune-ntm/2022-sua' });
    const book = setWorkbook(copy);
    const cell = book.sheets.flatMap((s) => s.rows).flat().find((c) => c?.value === 'dak-nong/commune-ntm/2022-sua')!;
    cell.value = ID;
    for (const lang of ['vi', 'en'] as const) {
      const r = setFromWorkbook(book, { lang });
      expect(r.set).toBeNull();
      expect(r.problems.map((p) => p.message).join('\n')).toContain(lang === 'vi' ? 'là mã của một bộ tiêu chí có sẵn nhưng nội dung khác' : "is a bundled set's id but the content differs");
    }
  });

  it('loads unchanged: the bundled content under its id (another key order, $schema added) is the bundled set', () => {
    for (const id of BUNDLED_SET_IDS) {
      const data = JSON.parse(JSON.stringify(getCriterionSet(id))) as Record<string, unknown>;
      const reordered = Object.fromEntries(Object.entries({ $schema: 'x.json', ...data }).reverse());
      expect(fingerprint(loadCriterionSet(reordered))).toBe(fingerprint(id));
    }
  });

  it('loads under an id of its own, or marked a modified copy — and the reports say so', () => {
    expect(loadCriterionSet({ ...loosened(), id: 'dak-nong/commune-ntm/2022-sua' }).id).toBe('dak-nong/commune-ntm/2022-sua');
    const marked = loadCriterionSet({ ...loosened(), derivedFrom: { setId: ID, fingerprint: fingerprint(ID) } });
    expect(marked.id).toBe(ID);
    const entries = [evaluateCommuneSync(marked, INPUT)];
    expect(resultsMarkdown(entries, { lang: 'vi', set: marked })).toContain(`Bộ tiêu chí ${ID} ở đây là bản sửa đổi`);
    expect(resultsHtml(entries, { lang: 'en', set: marked })).toContain(`The set ${ID} here is a modified copy`);
    expect(resultsText(entries, 'en', { set: marked })).toContain('is a modified copy');
    // The bundled set itself says nothing of the kind.
    expect(resultsMarkdown(entries, { lang: 'en', set: getCriterionSet(ID) })).not.toContain('modified copy');
  });
});

describe('the pinned fingerprints of the bundled sets', () => {
  it('are the fingerprints of the bundled files (after changing a rule file, pin its new one)', () => {
    expect(BUNDLED_FINGERPRINTS).toEqual(Object.fromEntries(BUNDLED_SET_IDS.map((id) => [id, fingerprint(id)])));
  });
});
