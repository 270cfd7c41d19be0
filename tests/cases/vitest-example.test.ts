/** examples/cases-in-vitest.ts, run as a user would run it: one vitest test per case, all passing. */
import { describe, expect, it } from 'vitest';
import { fingerprint, getCriterionSet } from '../../src/index.js';
import { describeCases } from '../../examples/cases-in-vitest.js';
import { parseCaseFile, runCases } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { repo } from '../cli/helpers.js';

await describeCases('examples/cases-in-vitest.ts: the Đắk Song 2023 cases under 1037/QĐ-UBND');

describe('the vitest example', () => {
  it('declares one test per case, and a changed set would fail them through the same expectation', async () => {
    const cases = await parseCaseFile(readFileSync(repo('examples/cases/dak-song-2023.yaml'), 'utf8'));
    expect(cases.data.cases.length).toBeGreaterThanOrEqual(10);
    const set = structuredClone(getCriterionSet('dak-nong/commune-ntm/2022'));
    const ind = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')!;
    (ind.requirement as unknown as { cases: Record<string, { value: number }> }).cases.TN!.value = 24;
    // Edited under the bundled id, the copy says it is one.
    const marked = { ...set, derivedFrom: { setId: set.id, fingerprint: fingerprint(set.id) } };
    const failing = runCases(cases, { sets: [marked] }).cases.filter((c) => c.differences.length > 0);
    expect(() => expect(failing.map((c) => c.differences.map((d) => d.textEn))).toEqual([])).toThrow();
  });
});
