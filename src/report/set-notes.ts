/**
 * What a report says about the set itself before its results: a set that keeps a bundled set's id
 * while marked a modified copy (`derivedFrom` naming that id) is said to be one, with both
 * fingerprints, so that no report passes it for the source decision.
 */
import type { Lang } from '../requirement/format.js';
import { t } from '../messages/index.js';
import { setDigest } from '../rules/set-digest.js';
import { isValidatedSet } from '../rules/load.js';

/** The notes a report heads with for its set (none for a set that is what its id says). */
export function setNotes(given: { id: string } | undefined, lang: Lang): string[] {
  // A report given a set's summary only (id, names) cannot tell; a loaded set can.
  if (!isValidatedSet(given)) return [];
  const set = given;
  if (set.derivedFrom === undefined || set.derivedFrom.setId !== set.id) return [];
  return [t('guard.modified-copy', { id: set.id, fingerprint: setDigest(set), base: set.derivedFrom.fingerprint }, lang)];
}
