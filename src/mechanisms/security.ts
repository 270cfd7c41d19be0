import { defineMechanism, reasonAbout, type Outcome } from './outcome.js';

/** A police assessment: against "not complex" (18/2022 as issued) or the standard "An toàn về an ninh, trật tự" (as amended). */
export type SecurityAssessment = 'complex' | 'not-complex' | 'safe' | 'not-safe';

export interface SecurityArgs {
  assessment: SecurityAssessment | undefined;
  /** What the rules ask: not "complex" (`not-complex`), or the standard met (`safe`). */
  asks: 'not-complex' | 'safe';
  subject: string;
}

/**
 * Security and order as the rules in force ask it: met or not met by an assessment that answers
 * the question asked; undetermined (`missing`) without one, or when it answers the other question
 * ("not complex" does not say whether the standard is met, and the reverse).
 *
 * @example security.evaluate({ assessment: 'safe', asks: 'safe', subject: 'R4' }).status // 'met'
 * @example security.evaluate({ assessment: 'not-complex', asks: 'safe', subject: 'R4' }).status // 'undetermined'
 */
export const security = defineMechanism<SecurityArgs, Outcome<SecurityAssessment | null, 'met' | 'not-met' | 'undetermined'> & { readonly answers: boolean }>({
  kind: 'security',
  summary: 'security and order: not "complex" (18/2022 as issued) or the standard met (as amended)',
  evaluate({ assessment, asks, subject }) {
    if (assessment === undefined) return { status: 'undetermined', value: null, requirement: null, answers: false, why: reasonAbout('missing', [subject]) };
    const answers = asks === 'safe' ? assessment === 'safe' || assessment === 'not-safe' : assessment === 'complex' || assessment === 'not-complex';
    if (!answers) return { status: 'undetermined', value: assessment, requirement: null, answers, why: reasonAbout('missing', [subject]) };
    return { status: assessment === asks ? 'met' : 'not-met', value: assessment, requirement: null, answers, why: [] };
  },
});
