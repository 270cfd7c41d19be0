/**
 * `ntm check` for the rule files of 51/2025 and the 2025 reorganisation: commune-group rules,
 * province-completion rules, reorganisations and series, validated as the library loads them.
 */
import type { FileChecker } from './commands.js';
import { getGroupRules } from '../groups/index.js';
import { getProvinceRules } from '../province/index.js';
import { getReorganisation } from '../reorganisation/index.js';
import { getSeries } from '../series/index.js';

/** Checkers for the rule files that are not criterion sets. */
export const RULE_FILE_CHECKERS: FileChecker[] = [
  {
    kind: 'commune-group rules',
    matches: (d) => 'rules' in d && 'otherwise' in d && 'facts' in d,
    check: (data) => {
      const g = getGroupRules(data);
      return `commune-group rules ${g.id}: ${g.facts.length} facts, ${g.rules.length + 1} rules`;
    },
  },
  {
    kind: 'province rules',
    matches: (d) => 'conditions' in d && !('criteria' in d) && !('patchOf' in d),
    check: (data) => {
      const r = getProvinceRules(data);
      return `province rules ${r.id}: ${r.conditions.length} conditions`;
    },
  },
  {
    kind: 'reorganisation',
    matches: (d) => 'units' in d && 'formerDistricts' in d,
    check: (data) => {
      const r = getReorganisation(data);
      return `reorganisation ${r.id}: ${r.units.length} units from ${r.units.reduce((n, u) => n + u.predecessors.length, 0)} former units`;
    },
  },
  {
    kind: 'series',
    matches: (d) => 'periods' in d,
    check: (data) => {
      const s = getSeries(data);
      return `series ${s.id}: ${s.periods.length} periods`;
    },
  },
];
