import type { CriterionSet } from '../schema/criterion-set.js';
import { resolveSet } from '../rules/registry.js';
import { setDigest } from '../rules/set-digest.js';

/**
 * A stable fingerprint of a criterion set: the SHA-256 (hex) of its canonical JSON after
 * validation (so defaults are filled in and key order does not matter). The same on every
 * machine and run; any change to a requirement, code, name, date, source or note changes it.
 * `$schema` (an editor hint) is left out. Pin it in your tests to notice rule changes.
 *
 * @example
 * fingerprint('dak-nong/commune-ntm/2022') // '…64 hex digits…'
 * expect(fingerprint('dak-nong/commune-ntm/2022')).toBe(PINNED) // fails when the bundled rules change
 */
export function fingerprint(setOrId: string | CriterionSet): string {
  return setDigest(resolveSet(setOrId));
}
