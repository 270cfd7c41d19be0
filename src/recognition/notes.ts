import type { Reason } from '../schema/result.js';
import type { RecognitionNote } from '../schema/recognition.js';
import { mergeReasons } from '../requirement/reasons.js';

const REASON_OF: Record<RecognitionNote['code'], Reason['code']> = {
  missing: 'missing',
  'threshold-unknown': 'threshold-unknown',
  'needs-verdict': 'indicator-list-incomplete',
  'undetermined-results': 'undetermined-results',
  'listed-criteria-unknown': 'missing-data',
};

/**
 * Notes as the project's reasons, merged: each code once, its items the notes' subjects.
 *
 * @example reasonsOfNotes([{ code: 'needs-verdict', subject: '17', message: '…' }]) // [{ code: 'indicator-list-incomplete', items: ['17'] }]
 */
export function reasonsOfNotes(...lists: ReadonlyArray<readonly RecognitionNote[]>): Reason[] {
  return mergeReasons(...lists.map((notes) => notes.map((n): Reason => ({ code: REASON_OF[n.code], items: [n.subject] }))));
}
