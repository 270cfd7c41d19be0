import * as z from 'zod';
import { RuleNumberSchema, SourceSchema, TextSchema } from './common.js';
import { OPERATOR_IDS, type Operator } from './operators.js';

export type { Operator } from './operators.js';

/** Comparison operators a numeric requirement may use (see {@link OPERATORS}). */
export const OperatorSchema = z.enum(OPERATOR_IDS as [Operator, ...Operator[]]);

/** A numeric requirement: `value <operator> threshold`, e.g. stunting rate `<=` 26.5 %. */
export const CompareSpecSchema = z.strictObject({
  kind: z.literal('compare'),
  operator: OperatorSchema,
  value: RuleNumberSchema,
  source: SourceSchema,
});

/** A yes/no requirement: the indicator must be "Đạt" (value `true`, or a `met` verdict). */
export const IsMetSpecSchema = z.strictObject({
  kind: z.literal('is-met'),
  source: SourceSchema,
});

/** The set has this indicator but its threshold could not be obtained. Never guessed. */
export const UnknownSpecSchema = z.strictObject({
  kind: z.literal('unknown'),
  note: TextSchema.optional(),
});

/** A requirement that needs no further selection. */
export const LeafSpecSchema = z.discriminatedUnion('kind', [CompareSpecSchema, IsMetSpecSchema, UnknownSpecSchema]);
export type LeafSpec = z.infer<typeof LeafSpecSchema>;

/** A dimension id as a set declares it: `region`, `communeGroup`, `date`. */
export const DimensionIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'expected a dimension id like "region" or "communeGroup"');

/** A case key: a column (`TN`, `1`) or, on the date dimension, the day a value takes effect (`2024-01-01`). */
export const CaseKeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, 'expected a column like "TN" or "1", or a date like "2024-01-01"');

/**
 * Values that vary along one of the set's declared dimensions. On a column dimension (region,
 * commune group) the case of the commune's column applies, else `otherwise`, else the threshold is
 * unknown. On the date dimension each key is the day a value takes effect (OpenFisca-style): the
 * latest key not after the evaluated date applies; before the first, `otherwise` or unknown.
 */
export const BySpecSchema = z.strictObject({
  kind: z.literal('by'),
  /** A dimension the set declares (`region`, `communeGroup`, `date`). */
  dimension: DimensionIdSchema,
  get cases(): z.ZodRecord<typeof CaseKeySchema, typeof RequirementSpecSchema> {
    return z.record(CaseKeySchema, RequirementSpecSchema);
  },
  get otherwise(): z.ZodOptional<typeof RequirementSpecSchema> {
    return RequirementSpecSchema.optional();
  },
});
export type BySpec = z.infer<typeof BySpecSchema>;

/** Any requirement as written in a rule file: a leaf, or a selection by a dimension. */
export const RequirementSpecSchema = z.discriminatedUnion('kind', [CompareSpecSchema, IsMetSpecSchema, UnknownSpecSchema, BySpecSchema]);
export type RequirementSpec = z.infer<typeof RequirementSpecSchema>;

/** One step from a `by` node to one of its branches: the case key, or `null` for `otherwise`. */
export interface RequirementStep {
  dimension: string;
  key: string | null;
}

/** A leaf of a requirement tree, with the JSON path to it and the cases that lead there. */
export interface RequirementLeafVisit {
  leaf: LeafSpec;
  /** Path from the requirement, e.g. `['cases', 'TN']`. */
  path: Array<string | number>;
  /** The `by` choices leading to the leaf, outermost first (empty for a plain leaf). */
  steps: readonly RequirementStep[];
}

/**
 * The tree visitor: calls `visit` on every leaf of a requirement, depth first, cases in key
 * order (dates ascending), `otherwise` after its cases. Every walk over requirements (resolution
 * checks, diff, calibration, unknowns, templates, `show`) goes through here.
 *
 * @example
 * const leaves: string[] = [];
 * visitRequirement(spec15_3, (v) => leaves.push(v.steps.map((s) => s.key).join('/')));
 * leaves // ['BTB', 'DBSCL', …, 'TN']
 */
export function visitRequirement(spec: RequirementSpec, visit: (v: RequirementLeafVisit) => void): void {
  const walk = (s: RequirementSpec, path: Array<string | number>, steps: RequirementStep[]): void => {
    if (s.kind !== 'by') {
      visit({ leaf: s, path, steps });
      return;
    }
    for (const key of Object.keys(s.cases).sort()) walk(s.cases[key]!, [...path, 'cases', key], [...steps, { dimension: s.dimension, key }]);
    if (s.otherwise !== undefined) walk(s.otherwise, [...path, 'otherwise'], [...steps, { dimension: s.dimension, key: null }]);
  };
  walk(spec, [], []);
}

/**
 * Every leaf of a requirement with its path and steps ({@link visitRequirement}, collected).
 *
 * @example requirementLeaves({ kind: 'unknown' }) // [{ leaf: { kind: 'unknown' }, path: [], steps: [] }]
 */
export function requirementLeaves(spec: RequirementSpec): RequirementLeafVisit[] {
  const out: RequirementLeafVisit[] = [];
  visitRequirement(spec, (v) => out.push(v));
  return out;
}

/**
 * The same tree with each leaf replaced by `map(visit)` (which may return a subtree). Shapes and
 * keys are kept; used by calibration to fill leaves.
 *
 * @example mapRequirement(spec, ({ leaf }) => (leaf.kind === 'unknown' ? known : leaf))
 */
export function mapRequirement(spec: RequirementSpec, map: (v: RequirementLeafVisit) => RequirementSpec): RequirementSpec {
  const walk = (s: RequirementSpec, path: Array<string | number>, steps: RequirementStep[]): RequirementSpec => {
    if (s.kind !== 'by') return map({ leaf: s, path, steps });
    const cases: Record<string, RequirementSpec> = {};
    for (const key of Object.keys(s.cases).sort()) cases[key] = walk(s.cases[key]!, [...path, 'cases', key], [...steps, { dimension: s.dimension, key }]);
    const out: BySpec = { kind: 'by', dimension: s.dimension, cases };
    if (s.otherwise !== undefined) out.otherwise = walk(s.otherwise, [...path, 'otherwise'], [...steps, { dimension: s.dimension, key: null }]);
    return out;
  };
  return walk(spec, [], []);
}
