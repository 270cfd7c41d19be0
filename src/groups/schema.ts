import * as z from 'zod';
import { IsoDateSchema, LegalReferenceSchema, RuleNumberSchema, SourceSchema, TextSchema } from '../schema/common.js';
import { ReasonSchema } from '../schema/result.js';
import { OPERATOR_IDS, type Operator } from '../schema/operators.js';

/** A commune group of 51/2025/QĐ-TTg: xã nhóm 1, 2 or 3. */
export const CommuneGroupSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type CommuneGroup = z.infer<typeof CommuneGroupSchema>;

const FACT_ID = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a fact id like "agricultureShare"');

/** A fact the group rules read, e.g. the commune's area classification under NĐ 272/2025/NĐ-CP. */
export const GroupFactSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: FACT_ID, type: z.literal('category'), values: z.array(z.string().min(1).max(50)).min(1), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
  z.strictObject({ id: FACT_ID, type: z.literal('boolean'), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
  z.strictObject({ id: FACT_ID, type: z.literal('percent'), nameVi: TextSchema, nameEn: TextSchema, source: SourceSchema }),
]);
export type GroupFact = z.infer<typeof GroupFactSchema>;

/** A test on the facts: one fact against a value, or all / any of other tests. */
export type GroupPredicate =
  | { fact: string; in: string[] }
  | { fact: string; is: boolean }
  | { fact: string; operator: Operator; value: number }
  | { all: GroupPredicate[] }
  | { any: GroupPredicate[] };

export const GroupPredicateSchema: z.ZodType<GroupPredicate> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: FACT_ID, in: z.array(z.string().min(1).max(50)).min(1) }),
    z.strictObject({ fact: FACT_ID, is: z.boolean() }),
    // The one operator table: a group rule compares as a threshold does.
    z.strictObject({ fact: FACT_ID, operator: z.enum(OPERATOR_IDS), value: RuleNumberSchema }),
    z.strictObject({ all: z.array(GroupPredicateSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(GroupPredicateSchema).min(1).max(20) }),
  ]),
);

const ruleBase = {
  id: z.string().regex(/^G\d[a-z]?$/, 'expected a rule id like "G1b"'),
  group: CommuneGroupSchema,
  nameVi: TextSchema,
  nameEn: TextSchema,
  source: SourceSchema,
};

/** One rule placing a commune in a group when its test holds. */
export const GroupRuleSchema = z.strictObject({ ...ruleBase, when: GroupPredicateSchema });
export type GroupRule = z.infer<typeof GroupRuleSchema>;

/** The rule for communes no other rule places (group 2: "not group 1 nor group 3"). */
export const GroupFallbackSchema = z.strictObject(ruleBase);
export type GroupFallback = z.infer<typeof GroupFallbackSchema>;

/** The group rules of a set as data: facts, rules, the fallback group, what an overlap means. */
export const GroupRulesSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected an id like "national/commune-groups/2026"'),
    nameVi: TextSchema,
    nameEn: TextSchema,
    legalBasis: LegalReferenceSchema,
    effectiveFrom: IsoDateSchema,
    facts: z.array(GroupFactSchema).min(1),
    rules: z.array(GroupRuleSchema).min(1),
    otherwise: GroupFallbackSchema,
    /** Two groups' rules both hold: no source says which prevails, so the group is left open. */
    overlap: z.literal('undetermined'),
    notes: z.array(TextSchema).default([]),
  })
  .superRefine((g, ctx) => {
    const facts = new Map(g.facts.map((f) => [f.id, f]));
    const ids = new Set<string>();
    const check = (p: GroupPredicate, path: Array<string | number>): void => {
      if ('all' in p) return p.all.forEach((q, i) => check(q, [...path, 'all', i]));
      if ('any' in p) return p.any.forEach((q, i) => check(q, [...path, 'any', i]));
      const f = facts.get(p.fact);
      if (!f) return void ctx.addIssue({ code: 'custom', path: [...path, 'fact'], message: `unknown fact "${p.fact}"` });
      const want = 'in' in p ? 'category' : 'is' in p ? 'boolean' : 'percent';
      if (f.type !== want) ctx.addIssue({ code: 'custom', path, message: `fact "${p.fact}" is ${f.type}; this test needs ${want}` });
      if ('in' in p && f.type === 'category') {
        for (const v of p.in) if (!f.values.includes(v)) ctx.addIssue({ code: 'custom', path: [...path, 'in'], message: `"${v}" is not a value of "${p.fact}"` });
      }
    };
    [...g.rules, g.otherwise].forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: i < g.rules.length ? ['rules', i, 'id'] : ['otherwise', 'id'], message: `duplicate rule id "${r.id}"` });
      ids.add(r.id);
    });
    g.rules.forEach((r, i) => {
      check(r.when, ['rules', i, 'when']);
      if (r.group === g.otherwise.group) ctx.addIssue({ code: 'custom', path: ['rules', i, 'group'], message: `group ${r.group} is the fallback group` });
    });
  });
export type GroupRules = z.infer<typeof GroupRulesSchema>;

/**
 * The facts a commune's group is derived from. Each may be `null` or absent: not known. Area
 * `outside` means the commune is not in the ethnic-minority and mountainous region.
 */
export const CommuneGroupFactsSchema = z.strictObject({
  ethnicMinorityArea: z.enum(['I', 'II', 'III', 'outside']).nullable().optional(),
  adjacentToUrbanArea: z.boolean().nullable().optional(),
  urbanOrientation: z.boolean().nullable().optional(),
  agricultureShare: z.number().min(0).max(100).nullable().optional(),
  plannedNewUrbanArea: z.boolean().nullable().optional(),
});
export type CommuneGroupFacts = z.infer<typeof CommuneGroupFactsSchema>;

/** How one rule came out on a commune's facts: holds, does not hold, or cannot be told. */
export const RuleOutcomeSchema = z.strictObject({
  id: z.string(),
  group: CommuneGroupSchema,
  holds: z.boolean().nullable(),
  /**
   * Facts the rule needed and did not get (when `holds` is `null`).
   * @deprecated Read `why` (`[{ code: 'missing', items: facts }]`), the project's one reason shape.
   */
  missingFacts: z.array(z.string()),
  /** Why the rule cannot be told (when `holds` is `null`): the facts it needs, as `missing` reasons. */
  why: z.array(ReasonSchema).optional(),
  nameVi: z.string(),
  nameEn: z.string(),
  source: SourceSchema,
});
export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;

/** A commune's group and why: given, derived by a rule, or undetermined with the groups still possible. */
export const CommuneGroupResultSchema = z.strictObject({
  group: CommuneGroupSchema.nullable(),
  basis: z.enum(['given', 'derived', 'undetermined']),
  /** Groups the facts leave possible: one when decided, several when undetermined. */
  candidates: z.array(CommuneGroupSchema),
  /** The rule that placed the commune (the fallback rule for group 2); `null` when given or undetermined. */
  rule: z.strictObject({ id: z.string(), nameVi: z.string(), nameEn: z.string(), source: SourceSchema }).nullable(),
  /** Every rule with its outcome on the facts. */
  rules: z.array(RuleOutcomeSchema),
  /** When a given group disagrees with what the facts derive; the given group stands. */
  conflict: z.strictObject({ given: CommuneGroupSchema, derived: CommuneGroupSchema }).optional(),
  /** @deprecated Read `why`; the sentences stay for reports. */
  undeterminedBecause: z
    .array(z.strictObject({ code: z.enum(['missing-fact', 'overlap']), facts: z.array(z.string()), message: z.string() }))
    .optional(),
  /**
   * Why the group is undetermined (present then): the facts still needed as `missing`, and — when
   * rules of several groups hold — `missing-data` about `group` (the group itself must be given).
   */
  why: z.array(ReasonSchema).optional(),
  textVi: z.string(),
  textEn: z.string(),
  rulesId: z.string(),
});
export type CommuneGroupResult = z.infer<typeof CommuneGroupResultSchema>;
