import { defineMechanism, reasonAbout, type Outcome } from './outcome.js';

/**
 * No outstanding capital-construction debt under the programme (18/2022/QĐ-TTg): an amount (0 is
 * none) or yes/no; undetermined (`missing`) when not given.
 *
 * @example noDebt.evaluate({ debt: 0, subject: 'R3' }).status // 'met'
 * @example noDebt.evaluate({ debt: 1.5, subject: 'R3' }).status // 'not-met'
 */
export const noDebt = defineMechanism<{ debt: number | boolean | undefined; subject: string }, Outcome<number | boolean | null, 'met' | 'not-met' | 'undetermined'>>({
  kind: 'no-construction-debt',
  summary: 'no outstanding capital-construction debt',
  evaluate({ debt, subject }) {
    if (debt === undefined) return { status: 'undetermined', value: null, requirement: null, why: reasonAbout('missing', [subject]) };
    const outstanding = typeof debt === 'boolean' ? debt : debt > 0;
    return { status: outstanding ? 'not-met' : 'met', value: debt, requirement: null, why: [] };
  },
});
