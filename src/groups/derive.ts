import { NtmError, issuesFromZod } from '../errors.js';
import { bundledDataFiles } from '../rules/bundled-data.js';
import {
  CommuneGroupFactsSchema,
  CommuneGroupSchema,
  GroupRulesSchema,
  type CommuneGroup,
  type CommuneGroupFacts,
  type CommuneGroupResult,
  type GroupRules,
} from './schema.js';
import { FILES as GROUP_RULE_FILES } from '../rules/manifest/commune-groups.js';
import { decideGroup } from './engine.js';

const groupRuleFiles = bundledDataFiles(GroupRulesSchema, GROUP_RULE_FILES, 'group-rules');

/** The bundled group rules of 51/2025/QĐ-TTg. */
export const DEFAULT_GROUP_RULES = 'national/commune-groups/2026';

/**
 * Group rules by id (bundled), or your own rule object validated. Throws `UNKNOWN_SET` for an
 * unknown id and `INVALID_RULE_FILE` with JSON paths for a bad object.
 *
 * @example getGroupRules().rules.map((r) => r.id) // ['G3', 'G1a', 'G1b', 'G1c']
 */
export function getGroupRules(rulesOrId: string | GroupRules | unknown = DEFAULT_GROUP_RULES): GroupRules {
  return groupRuleFiles.get(rulesOrId);
}

/** What {@link communeGroupOf} reads: the facts, and the group itself where it is known (it wins). */
export interface CommuneGroupInput {
  /** The group assigned by the competent authority: 1, 2 or 3 (or "1"/"nhóm 1"…). */
  group?: CommuneGroup | string | null;
  facts?: CommuneGroupFacts;
}

/** Reads a group written as 1, "1", "nhóm 1", "xã nhóm 1", "group 1". */
function parseGroup(raw: unknown): CommuneGroup | null {
  if (typeof raw === 'number') return CommuneGroupSchema.safeParse(raw).success ? (raw as CommuneGroup) : null;
  if (typeof raw !== 'string') return null;
  const m = /^\s*(?:(?:xã\s+)?nhóm|group)?\s*([123])\s*$/iu.exec(raw);
  return m ? (Number(m[1]) as CommuneGroup) : null;
}

const GROUP_WORD = { vi: (g: number) => `xã nhóm ${g}`, en: (g: number) => `group ${g}` };

/**
 * A commune's group under 51/2025/QĐ-TTg, with the rule that placed it and its source. A given
 * group wins (a disagreement with the facts is flagged as `conflict`); otherwise the rules of the
 * data file are applied to the facts: group 3 for Area II/III communes of the ethnic-minority and
 * mountainous region (NĐ 272/2025/NĐ-CP), group 1 for urban-adjacent and urban-oriented communes,
 * agriculture below 10 % or a planned new urban area, group 2 for the rest. A fact a rule needs
 * and does not get leaves the group `undetermined`, with the groups still possible — never a
 * default group. Throws `INVALID_INPUT` naming the path of bad facts.
 *
 * @example
 * communeGroupOf({ facts: { ethnicMinorityArea: 'III', adjacentToUrbanArea: false, urbanOrientation: false, agricultureShare: 62, plannedNewUrbanArea: false } }).group // 3
 * communeGroupOf({ facts: { ethnicMinorityArea: 'outside' } }).candidates // [1, 2]
 * communeGroupOf({ group: 'nhóm 2' }).basis // 'given'
 */
export function communeGroupOf(input: CommuneGroupInput, rulesOrId: string | GroupRules = DEFAULT_GROUP_RULES): CommuneGroupResult {
  const rules = getGroupRules(rulesOrId);
  const parsedFacts = CommuneGroupFactsSchema.safeParse(input.facts ?? {});
  if (!parsedFacts.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsedFacts.error.issues).map((i) => ({ ...i, path: ['facts', ...i.path] })));
  let given: CommuneGroup | null = null;
  if (input.group !== undefined && input.group !== null) {
    given = parseGroup(input.group);
    if (given === null) throw new NtmError('INVALID_INPUT', [{ code: 'invalid-group', path: ['group'], message: `expected a commune group 1, 2 or 3 (or "nhóm 2"), got ${JSON.stringify(input.group)}` }]);
  }
  const { outcomes, candidates, missing, derived, rule: ruleRef, sure } = decideGroup(parsedFacts.data, rules);
  const base = { rules: outcomes, rulesId: rules.id };
  if (given !== null) {
    return {
      ...base,
      group: given,
      basis: 'given',
      candidates: [given],
      rule: null,
      ...(derived !== null && derived !== given ? { conflict: { given, derived } } : {}),
      textVi: `${GROUP_WORD.vi(given)} (theo nhóm đã xác định)${derived !== null && derived !== given ? `; số liệu cho thấy ${GROUP_WORD.vi(derived)} (${ruleRef!.id})` : ''}`,
      textEn: `${GROUP_WORD.en(given)} (as given)${derived !== null && derived !== given ? `; the facts derive ${GROUP_WORD.en(derived)} (${ruleRef!.id})` : ''}`,
    };
  }
  if (derived !== null) {
    return {
      ...base,
      group: derived,
      basis: 'derived',
      candidates: [derived],
      rule: ruleRef,
      textVi: `${GROUP_WORD.vi(derived)} theo quy tắc ${ruleRef!.id}: ${ruleRef!.nameVi} (${ruleRef!.source.decision})`,
      textEn: `${GROUP_WORD.en(derived)} by rule ${ruleRef!.id}: ${ruleRef!.nameEn} (${ruleRef!.source.decision})`,
    };
  }
  const reasons: NonNullable<CommuneGroupResult['undeterminedBecause']> = [];
  if (sure.length > 1) {
    reasons.push({ code: 'overlap', facts: [], message: `rules of groups ${sure.join(' and ')} both hold; no source says which prevails — give the group` });
  }
  if (missing.length > 0) reasons.push({ code: 'missing-fact', facts: missing, message: `facts not known: ${missing.join(', ')}` });
  const list = (lang: 'vi' | 'en') => candidates.map((g) => GROUP_WORD[lang](g)).join(lang === 'vi' ? ' hoặc ' : ' or ');
  return {
    ...base,
    group: null,
    basis: 'undetermined',
    candidates,
    rule: null,
    undeterminedBecause: reasons,
    why: [...(missing.length > 0 ? [{ code: 'missing' as const, items: missing }] : []), ...(sure.length > 1 ? [{ code: 'missing-data' as const, items: ['group'] }] : [])],
    textVi: `chưa xác định được nhóm xã (có thể là ${list('vi')})${missing.length ? `: thiếu ${missing.join(', ')}` : ''}${sure.length > 1 ? ': thuộc quy tắc của nhiều nhóm' : ''}`,
    textEn: `group undetermined (could be ${list('en')})${missing.length ? `: missing ${missing.join(', ')}` : ''}${sure.length > 1 ? ': rules of several groups hold' : ''}`,
  };
}

/**
 * A commune input with its group filled in for evaluation: the input's own `communeGroup` (or
 * `group`) wins; otherwise the group derived from `facts`. An undetermined group leaves
 * `communeGroup` unset, so every requirement that selects by group stays unknown (never a
 * default group). Returns the input (a copy when changed) and the explained group.
 *
 * @example
 * const { input, group } = withCommuneGroup({ communeId: 'x', year: 2026 }, { facts: { ethnicMinorityArea: 'III', agricultureShare: 60, adjacentToUrbanArea: false, plannedNewUrbanArea: false } });
 * input.communeGroup // '3'
 * group.rule?.id     // 'G3'
 */
export function withCommuneGroup<T extends object>(
  input: T,
  groupInput: CommuneGroupInput = {},
  rulesOrId: string | GroupRules = DEFAULT_GROUP_RULES,
): { input: T & { communeGroup?: string }; group: CommuneGroupResult } {
  const own = (input as { communeGroup?: unknown }).communeGroup;
  const given = typeof own === 'string' ? own : groupInput.group;
  const group = communeGroupOf({ ...groupInput, ...(given === undefined ? {} : { group: given }) }, rulesOrId);
  if (group.group === null || own === String(group.group)) return { input, group };
  return { input: { ...input, communeGroup: String(group.group) }, group };
}
