/**
 * Case files: a commune's data, the criterion set it is judged by and the outcome expected, as
 * data a legal expert can read and write (YAML, JSON, or a sheet of one row per expectation).
 * The schemas here are the single source of their shape: the loaders validate with them and the
 * JSON Schema for editors (schemas/case-file.schema.json) is generated from them.
 */
import * as z from 'zod';
import { IsoDateSchema } from '../schema/common.js';
import { CommuneInputSchema } from '../schema/input.js';
import { OPERATOR_IDS } from '../schema/operators.js';
import { parseDecimal } from '../evaluate/words.js';
import { communeStateOf, criterionStateOf, indicatorStateOf, STATE_WORDS } from './words.js';

const word = (max = 100) => z.string().min(1).max(max);

/** A word that `parse` must read, else an issue naming what is accepted. */
function stateWord<T>(parse: (w: string) => T | null, accepted: string) {
  return word().superRefine((w, ctx) => {
    if (parse(w) === null) ctx.addIssue({ code: 'custom', message: `expected ${accepted}, got "${w}"`, params: { vi: `cần ${accepted}, nhận được "${w}"` } });
  });
}

const CommuneStateSchema = stateWord(communeStateOf, STATE_WORDS.commune).describe(`The commune's status: ${STATE_WORDS.commune}`);
const CriterionStateSchema = stateWord(criterionStateOf, STATE_WORDS.criterion).describe(`A criterion's status: ${STATE_WORDS.criterion}`);
const IndicatorStateSchema = stateWord(indicatorStateOf, STATE_WORDS.indicator).describe(`An indicator's status: ${STATE_WORDS.indicator}`);

/** A requirement as a case writes it: `≤ 26,5`, `>= 80 %`, `Đạt` (the agency's verdict must be met) or `chưa rõ` (unknown). */
export type RequirementExpectation = { kind: 'compare'; operator: (typeof OPERATOR_IDS)[number]; value: number } | { kind: 'is-met' } | { kind: 'unknown' };

const SYMBOLS: Readonly<Record<string, (typeof OPERATOR_IDS)[number]>> = { '≥': '>=', '>=': '>=', '≤': '<=', '<=': '<=', '>': '>', '<': '<', '=': '=', '==': '=' };

/**
 * Reads a requirement written in a case; `null` when it is not one.
 *
 * @example requirementExpectationOf('≤ 26,5 %') // { kind: 'compare', operator: '<=', value: 26.5 }
 * @example requirementExpectationOf('chưa rõ') // { kind: 'unknown' }
 */
export function requirementExpectationOf(text: string): RequirementExpectation | null {
  const t = text.trim();
  const folded = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ');
  if (['unknown', 'threshold unknown', 'chua ro', 'chua ro nguong', '?'].includes(folded)) return { kind: 'unknown' };
  if (['met', 'is-met', 'dat'].includes(folded)) return { kind: 'is-met' };
  const m = /^(≥|>=|≤|<=|==|=|>|<)\s*(.+?)\s*(%|[^\d\s.,]+)?$/u.exec(t);
  if (!m) return null;
  const value = parseDecimal(m[2]!);
  return value === null ? null : { kind: 'compare', operator: SYMBOLS[m[1]!]!, value };
}

const RequirementExpectationSchema = word()
  .superRefine((w, ctx) => {
    if (requirementExpectationOf(w) === null) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a requirement such as "≤ 26,5", ">= 80", "Đạt" (a verdict) or "chưa rõ" (unknown), got "${w}"`,
        params: { vi: `cần một yêu cầu như "≤ 26,5", ">= 80", "Đạt" (theo kết luận) hoặc "chưa rõ", nhận được "${w}"` },
      });
    }
  })
  .describe('The requirement the set gives the indicator for this commune: "≤ 26,5", ">= 80 %", "Đạt" (the agency\'s verdict decides) or "chưa rõ" / "unknown"');

/** What a case expects of one indicator: its status, requirement, shortfall, or the status alone. */
export const IndicatorExpectationSchema = z.union([
  IndicatorStateSchema,
  z.strictObject({
    status: IndicatorStateSchema.optional(),
    requirement: RequirementExpectationSchema.optional(),
    /** Distance to the threshold in the indicator's unit (0 when met); `null` when there is none (no numeric value or threshold). */
    shortfall: z.number().nullable().optional().describe("Distance to the threshold in the indicator's unit (0 when met); null when there is none"),
  }),
]);
export type IndicatorExpectation = z.infer<typeof IndicatorExpectationSchema>;

/** What a case expects: the commune's status, criteria's states, indicators' outcomes. At least one. */
export const ExpectationSchema = z
  .strictObject({
    status: CommuneStateSchema.optional(),
    criteria: z.record(word(20), CriterionStateSchema).optional().describe('By criterion number: "15": Đạt, "10": Cơ bản đạt'),
    indicators: z.record(word(50), IndicatorExpectationSchema).optional().describe('By indicator code: "15.3": { status: met, requirement: "≤ 26,5", shortfall: 0 }'),
  })
  .refine((e) => e.status !== undefined || Object.keys(e.criteria ?? {}).length > 0 || Object.keys(e.indicators ?? {}).length > 0, {
    message: 'expect at least one outcome: status, criteria or indicators',
    params: { vi: 'cần ít nhất một kết quả mong đợi: status, criteria hoặc indicators' },
  });
export type Expectation = z.infer<typeof ExpectationSchema>;

/** A set as a case names it: its id, a kind (with `date`), or the decision that issued or amended it. */
const SetReferenceSchema = word(200).describe('The criterion set: an id (dak-nong/commune-ntm/2022), a decision number (1037/QĐ-UBND, 211/QĐ-TTg) or a kind with "date" (dak-nong/commune-ntm)');

/** A commune's data in a case: a commune input whose id and year may be left to the case. */
export const CaseInputSchema = CommuneInputSchema.extend({
  communeId: CommuneInputSchema.shape.communeId.optional(),
  year: CommuneInputSchema.shape.year.optional(),
});
export type CaseInput = z.input<typeof CaseInputSchema>;

/** One case: a commune's data under a set, and the outcome expected. */
export const CaseSchema = z.strictObject({
  name: word(200).describe('What the case pins, as a test name'),
  set: SetReferenceSchema.optional(),
  date: IsoDateSchema.optional().describe('The version in force on this date (for a kind or a decision with several versions)'),
  year: CommuneInputSchema.shape.year.optional().describe("The data's year, when the input does not give one"),
  input: CaseInputSchema,
  expect: ExpectationSchema,
  note: z.string().max(2000).optional(),
});
export type Case = z.infer<typeof CaseSchema>;

/** A case file: cases, and the set, date and year they share unless a case says otherwise. */
export const CaseFileSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    description: z.string().max(2000).optional(),
    set: SetReferenceSchema.optional(),
    date: IsoDateSchema.optional(),
    year: CommuneInputSchema.shape.year.optional().describe("The data's year when a case does not give one"),
    cases: z.array(CaseSchema).min(1).max(100_000),
  })
  .superRefine((f, ctx) => {
    f.cases.forEach((c, i) => {
      if (c.set === undefined && f.set === undefined) {
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'name'], message: 'no set: give "set" in the case or at the top of the file', params: { vi: 'chưa có bộ tiêu chí: ghi "set" trong trường hợp hoặc ở đầu tệp' } });
      }
      if (c.input.year === undefined && (c.year ?? f.year) === undefined && (c.date ?? f.date) === undefined) {
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'name'], message: 'no year: give "year" in the case or its input, or "year" or "date" at the top of the file', params: { vi: 'chưa có năm: ghi "year" trong trường hợp, hoặc "year" hay "date" ở đầu tệp' } });
      }
    });
    const seen = new Map<string, number>();
    f.cases.forEach((c, i) => {
      const first = seen.get(c.name);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'name'], message: `the name "${c.name}" is already the name of case ${first + 1}: each case needs its own`, params: { vi: `tên "${c.name}" đã là tên của trường hợp ${first + 1}: mỗi trường hợp cần một tên riêng` } });
      }
      else seen.set(c.name, i);
    });
  });
/** A case file as written (before defaults). */
export type CaseFileInput = z.input<typeof CaseFileSchema>;
/** A validated case file. */
export type CaseFile = z.infer<typeof CaseFileSchema>;
