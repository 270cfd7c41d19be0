import { evaluateCommuneSync, type CommuneResult, type IndicatorInput } from '../../src/index.js';
import { allMetInput } from '../evaluate/helpers.js';

export const SET = 'dak-nong/commune-ntm/2022';

/** A commune under 1037 with every criterion met, then the criteria given set by verdict. */
export function communeWith(criteria: Record<string, string> = {}, id = 'x'): CommuneResult {
  const input = allMetInput(id);
  const indicators = { ...input.indicators };
  // Criteria decided by indicators (3, 9, 17, 18, 19) get their verdict as a criterion verdict too.
  return evaluateCommuneSync(SET, { ...input, year: 2023, indicators, criteria: { ...input.criteria, ...criteria } });
}

/** A commune whose listed numbers are not met (by verdict), the rest met. */
export function failing(numbers: readonly string[], word = 'Không đạt'): CommuneResult {
  return communeWith(Object.fromEntries(numbers.map((n) => [n, word])));
}

/** A commune whose numbers are undetermined: every indicator of those criteria missing, no verdict. */
export function undecided(notMet: readonly string[], open: readonly string[]): CommuneResult {
  const input = allMetInput('u');
  const criteria: Record<string, string> = { ...input.criteria };
  const indicators: Record<string, IndicatorInput> = { ...input.indicators };
  for (const n of open) {
    delete criteria[n];
    for (const code of Object.keys(indicators)) if (code.split('.')[0] === n) delete indicators[code];
  }
  for (const n of notMet) criteria[n] = 'Không đạt';
  return evaluateCommuneSync(SET, { ...input, year: 2023, indicators, criteria });
}
