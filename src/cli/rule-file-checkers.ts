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
import { t, type Lang, type MessageCode } from '../messages/index.js';

/** Checkers for the rule files that are not criterion sets. */
export const RULE_FILE_CHECKERS: FileChecker[] = [
  {
    kind: 'check.kind.commune-group-rules',
    matches: (d) => 'rules' in d && 'otherwise' in d && 'facts' in d,
    check: (data, _file, lang) => {
      const g = getGroupRules(data);
      return t('check.groupRules', { id: g.id, facts: g.facts.length, rules: g.rules.length + 1 }, lang);
    },
  },
  {
    kind: 'check.kind.province-rules',
    matches: (d) => 'conditions' in d && !('criteria' in d) && !('patchOf' in d),
    check: (data, _file, lang) => {
      const r = getProvinceRules(data);
      return t('check.provinceRules', { id: r.id, conditions: r.conditions.length }, lang);
    },
  },
  {
    kind: 'check.kind.reorganisation',
    matches: (d) => 'units' in d && 'formerDistricts' in d,
    check: (data, _file, lang) => {
      const r = getReorganisation(data);
      return t('check.reorganisation', { id: r.id, units: r.units.length, former: r.units.reduce((n, u) => n + u.predecessors.length, 0) }, lang);
    },
  },
  {
    kind: 'check.kind.series',
    matches: (d) => 'periods' in d,
    check: (data, _file, lang) => {
      const s = getSeries(data);
      return t('check.series', { id: s.id, periods: s.periods.length }, lang);
    },
  },
];

/** A checker of one more kind of file for `ntm check` (overlays, plans). */
export interface FileChecker {
  /** The kind of file, by its catalogue code. */
  kind: `check.kind.${string}` & MessageCode;
  matches(data: Record<string, unknown>): boolean;
  /** Validates the file (throwing `NtmError`) and returns its summary line in `lang`. */
  check(data: unknown, file: string, lang: Lang): string;
}

/** `ntm check` on a plan file. */
export const PLAN_CHECKER: FileChecker = {
  kind: 'check.kind.plan',
  matches: (d) => 'agencies' in d && 'ownership' in d,
  check: (data, file, lang) => {
    const plan = loadPlan(data, { file });
    return t('check.plan', { id: plan.id, agencies: plan.agencies.length, assignments: plan.ownership.assignments.length, communes: plan.communes.length, targets: plan.targets.length }, lang);
  },
};

/** `ntm check` on a calibration overlay. */
export const OVERLAY_CHECKER: FileChecker = {
  kind: 'check.kind.calibration-overlay',
  matches: (d) => typeof d.base === 'string' && !('criteria' in d && 'counts' in d),
  check: (data, _file, lang) => {
    const base = (data as { base: string }).base;
    const calibrated = calibrate(base, data);
    const d = diffCriterionSets(base, calibrated);
    return t(
      'check.overlay',
      {
        base,
        id: calibrated.id,
        fingerprint: fingerprint(calibrated).slice(0, 12),
        nowKnown: d.requirements.nowKnown.length,
        changed: d.requirements.tightened.length + d.requirements.loosened.length + d.requirements.changed.length,
        renamed: d.indicators.renamed.length + d.criteria.renamed.length,
      },
      lang,
    );
  },
};

/** `ntm check` on a recognition-rules file (rules/recognition/18-qd-ttg-2022.json or a calibration of it). */
export const RECOGNITION_CHECKER: FileChecker = {
  kind: 'check.kind.recognition-rules',
  matches: (d) => 'decision' in d && 'commune' in d && 'appliesTo' in d,
  check: (data, file, lang) => {
    const rules = loadRecognitionRules(data, { file });
    return t('check.recognition', { id: rules.id, decision: rules.decision.number, conditions: rules.commune.conditions.length, series: rules.commune.revocation.listed.length + rules.district.revocation.listed.length }, lang);
  },
};

/** The kinds of files `ntm check` validates besides criterion sets, in the order it tries them. */
export const FILE_CHECKERS: readonly FileChecker[] = [PLAN_CHECKER, OVERLAY_CHECKER, RECOGNITION_CHECKER, ...RULE_FILE_CHECKERS];
