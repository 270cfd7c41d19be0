/**
 * `ntm evaluate --format csv` writes each line from the row's outline, without building the
 * result's explanation: the line must be the one resultsCsvRow writes from the built result.
 */
import { describe, expect, it } from 'vitest';
import { getCriterionSet, loadCriterionSet, type CriterionSet } from '../../src/index.js';
import { EvaluationPipeline } from '../../src/evaluate/pipeline.js';
import { resultsCsvRow, resultsCsvRowOfOutline } from '../../src/report/csv.js';
import { generateCommunes } from '../../bench/communes.js';
import { syntheticCriterionSet } from '../../bench/synthetic-set.js';
import { sized } from '../scale.js';

/** The sets, and whether their known thresholds let generated verdicts contradict values. */
const SETS: ReadonlyArray<[string, () => CriterionSet, boolean]> = [
  ['dak-nong/commune-ntm/2022', () => getCriterionSet('dak-nong/commune-ntm/2022'), true],
  ['national/commune-ntm/2026', () => getCriterionSet('national/commune-ntm/2026'), false],
  ['synthetic 19 × 57', () => loadCriterionSet(syntheticCriterionSet()), true],
];

describe.each(SETS)('results CSV lines from outlines on %s', (_name, setOf, hasConflicts) => {
  it.each(['vi', 'en'] as const)('equal the lines of the built results (%s), conflicts and criterion verdicts included', (lang) => {
    const set = setOf();
    const criteria = set.criteria.map((c) => c.number);
    const pipeline = new EvaluationPipeline(set);
    let lines = 0;
    let conflicts = 0;
    for (const raw of generateCommunes(set, { count: sized(800, 8_000), seed: 5, profile: 'messy' })) {
      let r;
      try {
        r = pipeline.evaluateSync(raw);
      } catch {
        continue;
      }
      const outline = pipeline.lastOutline();
      const line = resultsCsvRowOfOutline(r, outline, criteria, criteria, lang);
      expect(line).toBe(resultsCsvRow(r, criteria, lang));
      lines++;
      conflicts += outline.conflicts.length;
    }
    expect(lines).toBeGreaterThan(500);
    // Messy communes carry verdicts that contradict their values: the conflict column is exercised.
    if (hasConflicts) expect(conflicts).toBeGreaterThan(0);
  });
});
