/**
 * `ntm check` for the rule files of 51/2025 and the 2025 reorganisation: commune-group rules,
 * province-completion rules, reorganisations and series, validated as the library loads them.
 * Also the plans, calibration overlays and recognition rules: every kind of file `ntm check`
 * knows besides criterion sets.
 */
import { loadPlan } from '../plan/registry.js';
import { loadRecognitionRules } from '../recognition/rules.js';
import { calibrate } from '../versions/calibrate.js';
import { diffCriterionSets } from '../versions/diff.js';
import { fingerprint } from '../versions/fingerprint.js';
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

/** A checker of one more kind of file for `ntm check` (overlays, plans). */
export interface FileChecker {
  kind: string;
  matches(data: Record<string, unknown>): boolean;
  /** Validates the file (throwing `NtmError`) and returns its summary line. */
  check(data: unknown, file: string): string;
}

/** `ntm check` on a plan file. */
export const PLAN_CHECKER: FileChecker = {
  kind: 'plan',
  matches: (d) => 'agencies' in d && 'ownership' in d,
  check: (data, file) => {
    const plan = loadPlan(data, { file });
    return `plan ${plan.id}: ${plan.agencies.length} agencies, ${plan.ownership.assignments.length} ownership assignments, ${plan.communes.length} communes, ${plan.targets.length} targets`;
  },
};

/** `ntm check` on a calibration overlay. */
export const OVERLAY_CHECKER: FileChecker = {
  kind: 'calibration overlay',
  matches: (d) => typeof d.base === 'string' && !('criteria' in d && 'counts' in d),
  check: (data) => {
    const base = (data as { base: string }).base;
    const calibrated = calibrate(base, data);
    const d = diffCriterionSets(base, calibrated);
    return `calibration overlay of ${base} → ${calibrated.id} (fingerprint ${fingerprint(calibrated).slice(0, 12)}…): ${d.requirements.nowKnown.length} requirements now known, ${d.requirements.tightened.length + d.requirements.loosened.length + d.requirements.changed.length} changed, ${d.indicators.renamed.length + d.criteria.renamed.length} renamed`;
  },
};

/** `ntm check` on a recognition-rules file (rules/recognition/18-qd-ttg-2022.json or a calibration of it). */
export const RECOGNITION_CHECKER: FileChecker = {
  kind: 'recognition rules',
  matches: (d) => 'decision' in d && 'commune' in d && 'appliesTo' in d,
  check: (data, file) => {
    const rules = loadRecognitionRules(data, { file });
    return `recognition rules ${rules.id} (${rules.decision.number}): ${rules.commune.conditions.length} commune conditions, revocation lists for ${rules.commune.revocation.listed.length + rules.district.revocation.listed.length} set series`;
  },
};

/** The kinds of files `ntm check` validates besides criterion sets, in the order it tries them. */
export const FILE_CHECKERS: readonly FileChecker[] = [PLAN_CHECKER, OVERLAY_CHECKER, RECOGNITION_CHECKER, ...RULE_FILE_CHECKERS];
