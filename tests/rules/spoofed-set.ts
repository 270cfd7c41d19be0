/** A rule file passing for a bundled set: the tests of the library and of `ntm` refuse the same one. */
import { expect } from 'vitest';
import { getCriterionSet } from '../../src/index.js';

/** The bundled set as plain data, with 15.3's ceiling loosened from 26.5 to 40. */
export function loosened(id = 'dak-nong/commune-ntm/2022'): Record<string, unknown> {
  const data = JSON.parse(JSON.stringify(getCriterionSet(id))) as { id: string; criteria: Array<{ indicators: Array<{ code: string; requirement: unknown }> }> };
  const ind = data.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')!;
  const text = JSON.stringify(ind.requirement);
  expect(text).toContain('26.5');
  ind.requirement = JSON.parse(text.replaceAll('26.5', '40'));
  return data as unknown as Record<string, unknown>;
}

