/**
 * Case files inside your own test suite (vitest, as here; jest reads the same): one test per case,
 * failing with what differs. In your project, import from 'ntm-rules' and put this in a
 * `*.test.ts` file; here it is run by tests/cases/vitest-example.test.ts.
 *
 * The sets can be your own: pass a calibrated or edited set in `sets` to see which pinned
 * outcomes it changes before you publish it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCaseFile, runCases, type CriterionSet } from '../src/index.js';

const FILE = fileURLToPath(new URL('cases/dak-song-2023.yaml', import.meta.url));

/** Declares one test per case of the Đắk Song file, run under the bundled sets or `sets`. */
export async function describeCases(title: string, sets: readonly CriterionSet[] = []): Promise<void> {
  const cases = await parseCaseFile(readFileSync(FILE, 'utf8'), { file: 'examples/cases/dak-song-2023.yaml' });
  const run = runCases(cases, { sets });
  describe(title, () => {
    for (const c of run.cases) {
      it(c.name, () => {
        // An empty list passes; otherwise vitest prints each difference ("15.3: expected met, got not met").
        expect(c.error?.problems.map((p) => p.message) ?? c.differences.map((d) => d.textEn)).toEqual([]);
      });
    }
  });
}
