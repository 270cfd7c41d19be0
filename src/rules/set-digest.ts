/**
 * The digest of a criterion set's content: SHA-256 of its canonical JSON, `$schema` (an editor
 * hint) left out. It is the set's fingerprint (`fingerprint()` in src/versions/ returns it); it
 * lives here so that loading can tell a bundled set from an edited copy that kept its id.
 */
import type { CriterionSet } from '../schema/criterion-set.js';
import { canonicalJson } from './canonical.js';
import { sha256Text } from './sha256.js';

const cache = new WeakMap<CriterionSet, string>();

/** The SHA-256 (hex) of a validated set's canonical JSON; computed once per set object. */
export function setDigest(set: CriterionSet): string {
  const hit = cache.get(set);
  if (hit !== undefined) return hit;
  const { $schema: _hint, ...content } = set;
  const digest = sha256Text(canonicalJson(content));
  cache.set(set, digest);
  return digest;
}
