/**
 * The `"groups"` section of a data file: each commune's group derived from its facts.
 */
import { NtmError } from '../errors.js';
import { communeGroupOf, type CommuneGroupResult } from '../groups/index.js';
import { FileError } from './inputs.js';
import { locatedIssues } from './set-argument.js';

interface GroupEntry {
  group?: unknown;
  facts?: unknown;
}

/** Derives the groups a data file gives (`"groups": { communeId: { group?, facts? } }`), located on error. */
export function groupsOf(file: string, text: string, data: Record<string, unknown>): Array<{ communeId: string; result: CommuneGroupResult }> {
  const raw = data.groups;
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new FileError(`${file}: "groups" must be an object keyed by commune id`);
  return Object.entries(raw as Record<string, GroupEntry>).map(([communeId, g]) => {
    try {
      return { communeId, result: communeGroupOf({ ...(g.group === undefined ? {} : { group: g.group as never }), ...(g.facts === undefined ? {} : { facts: g.facts as never }) }) };
    } catch (e) {
      if (e instanceof NtmError) {
        throw new FileError(locatedIssues(file, text, new NtmError(e.code, e.issues.map((i) => ({ ...i, path: ['groups', communeId, ...i.path] })))).join('\n'));
      }
      throw e;
    }
  });
}
