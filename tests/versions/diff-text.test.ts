/**
 * A diff never shows a change as two identical texts around an arrow: every pair of bundled sets,
 * in both languages, in the library's texts (requirement changes) and in `ntm diff`'s lines
 * (renames included).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_SET_IDS, diffCriterionSets, type CriterionSetDiff } from '../../src/index.js';
import { diffText } from '../../src/cli/commands/diff.js';

const diffs: CriterionSetDiff[] = [];
for (const a of BUNDLED_SET_IDS) {
  for (const b of BUNDLED_SET_IDS) {
    if (a === b) continue;
    try {
      diffs.push(diffCriterionSets(a, b));
    } catch {
      // Sets that cannot be compared (another level) are not this test's subject.
    }
  }
}

/** "code: X → Y (…)   [source → source]": X and Y, or null for a line without an arrow. */
function sides(line: string): [string, string] | null {
  const body = line.replace(/\s{3}\[.*\]$/, '');
  const m = /^\s*[^:]+: (.*) → (.*?)(?: \([^()]*(?:\([^()]*\)[^()]*)*\))?$/.exec(body);
  return m ? [m[1]!, m[2]!] : null;
}

describe('diff texts', () => {
  it('compares enough pairs to mean something', () => {
    expect(diffs.length).toBeGreaterThan(20);
  });

  it('never show a requirement change as the same text on both sides', () => {
    const identical = diffs.flatMap((d) =>
      Object.values(d.requirements)
        .flat()
        .flatMap((c) => [c.textVi, c.textEn])
        .filter((text) => {
          const s = sides(text);
          return s !== null && s[0] === s[1];
        })
        .map((text) => `${d.from.id} → ${d.to.id}: ${text}`),
    );
    expect(identical).toEqual([]);
  });

  it('ntm diff prints no line whose two sides are the same, in either language', () => {
    const identical = diffs.flatMap((d) =>
      (['vi', 'en'] as const).flatMap((lang) =>
        diffText(d, lang)
          .split('\n')
          .slice(2)
          .filter((line) => {
            const s = sides(line);
            return s !== null && s[0] === s[1];
          })
          .map((line) => `${d.from.id} → ${d.to.id} (${lang}): ${line.trim()}`),
      ),
    );
    expect(identical).toEqual([]);
  });
});
