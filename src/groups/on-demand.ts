import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError } from '../errors.js';
import { derivationEngine, registerDerivation } from '../rules/dimensions.js';
import { GROUP_RULE_FILES } from '../rules/manifest/index.js';
import { groupDerivationEngine } from './engine.js';
import type { GroupRules } from './schema.js';

/** Rule files already imported, by id. */
const loaded = new Map<string, GroupRules>();

function rulesOf(id: string): GroupRules {
  const rules = loaded.get(id);
  if (rules === undefined) throw unknownRules(id);
  return rules;
}

function unknownRules(id: string): NtmError {
  return new NtmError('UNKNOWN_SET', [{ code: 'unknown-group-rules', path: [], message: `no bundled group rules "${id}"; known: ${Object.keys(GROUP_RULE_FILES).join(', ')}` }]);
}

const ENGINE = groupDerivationEngine(rulesOf);

/**
 * Installs the `group-rules` derivation for the set `setOf` resolves, importing the rule files it names
 * on demand (each a chunk of its own in an app's bundle, as the sets are): what the asynchronous
 * entry points do, so that a page evaluating a set without derivations loads none. The bundled
 * rule files are checked against their schema by the library's tests and by `getGroupRules`.
 */
export async function installGroupDerivationOnDemand(setOf: () => Promise<Pick<CriterionSet, 'dimensions'>>): Promise<void> {
  // The engine of the bundled files (the synchronous entry points') already knows every one.
  const installed = derivationEngine('group-rules');
  if (installed !== undefined && installed !== ENGINE) return;
  const set = await setOf();
  for (const d of Object.values(set.dimensions)) {
    if (d.kind !== 'column' || d.derivation === undefined || loaded.has(d.derivation.rules)) continue;
    const entry = Object.hasOwn(GROUP_RULE_FILES, d.derivation.rules) ? GROUP_RULE_FILES[d.derivation.rules] : undefined;
    if (entry === undefined) throw unknownRules(d.derivation.rules);
    loaded.set(d.derivation.rules, (await entry.data()).default as GroupRules);
  }
  if (installed === undefined) registerDerivation('group-rules', ENGINE);
}
