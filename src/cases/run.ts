import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneResult, Requirement } from '../schema/result.js';
import { NtmError } from '../errors.js';
import { CaseFileError, problemOfZod, type CaseFileProblem } from './problems.js';
import { evaluateCommuneSync } from '../evaluate/commune.js';
import { criterionResult, indicatorResult } from '../evaluate/find.js';
import { operatorSymbol, type Lang } from '../requirement/format.js';
import { formatNumber, t } from '../messages/index.js';
import { findCriterionSet } from '../versions/set-reference.js';
import { CaseFileSchema, requirementExpectationOf, type Case, type CaseFile, type RequirementExpectation } from './schema.js';
import { communeStateOf, communeStateText, criterionState, criterionStateOf, indicatorStateOf, stateText } from './words.js';

/** One expectation that does not hold: what was expected and what the evaluation gave, in both languages. */
export interface CaseDifference {
  /** What the expectation is about: the commune's status, a criterion or an indicator. */
  readonly item: 'commune' | 'criterion' | 'indicator';
  /** The criterion number or indicator code; `null` for the commune. */
  readonly code: string | null;
  /** `absent`: the set has no such criterion or indicator. */
  readonly field: 'status' | 'requirement' | 'shortfall' | 'absent';
  /** The expected value as the case wrote it, normalised (`not-met`, `≤ 26.5`, `1.7`). */
  readonly expected: string;
  /** The actual value, in the same terms (`null` when absent). */
  readonly actual: string | null;
  readonly textVi: string;
  readonly textEn: string;
}

/** The outcome of one case. */
export interface CaseOutcome {
  readonly name: string;
  /** The case file it comes from, when it was read from one. */
  readonly file: string | null;
  /** Where the case is written: `file:line:column` (YAML, JSON) or `sheet!cell` (a sheet), when known. */
  readonly where: string | null;
  /** The set the case was evaluated under (`null` when it could not be found). */
  readonly setId: string | null;
  readonly passed: boolean;
  readonly differences: readonly CaseDifference[];
  /** Why the case could not be run (unknown set, invalid input), each problem located: the case fails. */
  readonly error?: { readonly code: string; readonly problems: readonly CaseFileProblem[] };
  /** The evaluation the case was checked against (absent when it could not be run). */
  readonly result?: CommuneResult;
}

/** The outcome of a run: every case, in order, and the counts. */
export interface CaseRun {
  readonly cases: readonly CaseOutcome[];
  readonly passed: number;
  readonly failed: number;
}

/** A case file read from a text, with where each case and each path of it is written (see `parseCaseFile`). */
export interface LocatedCaseFile {
  readonly file: string | null;
  readonly data: CaseFile;
  /** `file:line:column` (or `sheet!cell`) of a path of the file, as close as it can be told. */
  locate(path: ReadonlyArray<string | number>): string | null;
}

/** Options of {@link runCases}. */
export interface RunCasesOptions {
  /**
   * Your own criterion sets (calibrated, edited, in review): a case naming a set by id finds yours
   * before the bundled one — run the same cases against a changed threshold to see which fail.
   */
  sets?: readonly CriterionSet[];
}

const isLocated = (x: unknown): x is LocatedCaseFile => typeof x === 'object' && x !== null && 'data' in x && typeof (x as { locate?: unknown }).locate === 'function';

/**
 * Runs case files: each case's commune evaluated under the set it names, and every expected
 * outcome (the commune's status, criteria's states — "cơ bản đạt" included — and indicators'
 * status, requirement and shortfall) compared with the result. A case whose set cannot be found
 * or whose input is invalid fails with its error; other cases still run. Case files are plain
 * data (validated here; `parseCaseFile` reads YAML and JSON texts with line numbers).
 *
 * @example
 * const run = runCases({ set: '1037/QĐ-UBND', year: 2023, cases: [{ name: 'stunting at 24,9 % meets 15.3', input: { indicators: { '15.3': '24,9' } }, expect: { indicators: { '15.3': { status: 'met', requirement: '≤ 26,5' } } } }] });
 * run.failed // 0
 */
export function runCases(files: CaseFile | LocatedCaseFile | unknown | ReadonlyArray<CaseFile | LocatedCaseFile | unknown>, options: RunCasesOptions = {}): CaseRun {
  const list = Array.isArray(files) ? (files as readonly unknown[]) : [files];
  const cases: CaseOutcome[] = [];
  for (const f of list) {
    const located = isLocated(f) ? f : { file: null, data: validated(f), locate: () => null };
    located.data.cases.forEach((c, i) => cases.push(runCase(located, c, i, options)));
  }
  const passed = cases.filter((c) => c.passed).length;
  return { cases, passed, failed: cases.length - passed };
}

function validated(data: unknown): CaseFile {
  const parsed = CaseFileSchema.safeParse(data);
  if (!parsed.success) throw new CaseFileError(null, parsed.error.issues.map((i) => problemOfZod(i, null)));
  return parsed.data;
}

/** A commune id from a case name, for cases that leave it out. */
function idOf(name: string): string {
  return name.slice(0, 200);
}

function runCase(file: LocatedCaseFile, c: Case, index: number, options: RunCasesOptions): CaseOutcome {
  const base = { name: c.name, file: file.file, where: file.locate(['cases', index]) };
  const setRef = (c.set ?? file.data.set)!;
  const date = c.date ?? file.data.date;
  let set: CriterionSet;
  try {
    set = findCriterionSet(setRef, { ...(date === undefined ? {} : { date }), ...(options.sets ? { sets: options.sets } : {}) }).set;
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    const path = ['cases', index, c.set === undefined ? 'name' : 'set'];
    const problem: CaseFileProblem = { code: e.issues[0]?.code ?? 'unknown-set', path, message: e.issues[0]?.message ?? e.message, messageVi: setErrorVi(setRef, date, e), where: file.locate(path) };
    return failed(base, null, e.code, [problem]);
  }
  const year = c.input.year ?? c.year ?? file.data.year ?? Number(date!.slice(0, 4));
  const input = { ...c.input, communeId: c.input.communeId ?? idOf(c.name), year };
  let result: CommuneResult;
  try {
    result = evaluateCommuneSync(set, input);
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    const issues = e.issues.length > 0 ? e.issues : [{ code: e.code, path: [], message: e.message }];
    const problems = issues.map((i): CaseFileProblem => {
      const path = ['cases', index, 'input', ...i.path];
      return { code: i.code, path, message: i.message, messageVi: `dữ liệu của xã không hợp lệ (${i.code}): ${i.message}`, where: file.locate(path) };
    });
    return failed(base, set.id, e.code, problems);
  }
  const differences = compare(c, result);
  return { ...base, setId: set.id, passed: differences.length === 0, differences, result };
}

function failed(base: Pick<CaseOutcome, 'name' | 'file' | 'where'>, setId: string | null, code: string, problems: readonly CaseFileProblem[]): CaseOutcome {
  return { ...base, setId, passed: false, differences: [], error: { code, problems } };
}

function setErrorVi(ref: string, date: string | undefined, e: NtmError): string {
  const issue = e.issues[0]?.code;
  if (issue === 'kind-without-date') return t('cases.set.kindWithoutDate', { ref }, 'vi');
  if (issue === 'ambiguous-set') return t('cases.set.ambiguous', { ref }, 'vi');
  if (issue === 'no-set-in-force' && date !== undefined) return t('cases.set.notInForce', { ref, date }, 'vi');
  return t('cases.set.unknown', { ref }, 'vi');
}

// ---------------------------------------------------------------------------------------------

const TOLERANCE = 1e-6;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

function compare(c: Case, r: CommuneResult): CaseDifference[] {
  const out: CaseDifference[] = [];
  const e = c.expect;
  if (e.status !== undefined) {
    const want = communeStateOf(e.status)!;
    if (want !== r.status) out.push(diff('commune', null, 'status', want, r.status, (lang) => t('cases.diff.status', { expected: communeStateText(want, lang), actual: communeStateText(r.status, lang) }, lang)));
  }
  for (const [number, word] of Object.entries(e.criteria ?? {})) {
    const want = criterionStateOf(word)!;
    const got = criterionResult(r, number);
    if (!got) {
      out.push(diff('criterion', number, 'absent', want, null, (lang) => t('cases.diff.absentCriterion', { number, set: r.setId }, lang)));
      continue;
    }
    const state = criterionState(got);
    if (state !== want) out.push(diff('criterion', number, 'status', want, state, (lang) => t('cases.diff.criterion', { number, expected: stateText(want, lang), actual: stateText(state, lang) }, lang)));
  }
  for (const [code, exp] of Object.entries(e.indicators ?? {})) {
    const want = typeof exp === 'string' ? { status: exp } : exp;
    const got = indicatorResult(r, code);
    if (!got) {
      out.push(diff('indicator', code, 'absent', want.status === undefined ? '' : indicatorStateOf(want.status)!, null, (lang) => t('cases.diff.absentIndicator', { code, set: r.setId }, lang)));
      continue;
    }
    if (want.status !== undefined) {
      const s = indicatorStateOf(want.status)!;
      if (s !== got.status) out.push(diff('indicator', code, 'status', s, got.status, (lang) => t('cases.diff.indicator', { code, expected: stateText(s, lang), actual: stateText(got.status, lang) }, lang)));
    }
    if (want.requirement !== undefined) {
      const req = requirementExpectationOf(want.requirement)!;
      if (!sameRequirement(req, got.requirement)) {
        const actual = (lang: Lang) => `${lang === 'vi' ? got.requirement.textVi : got.requirement.textEn}${'source' in got.requirement ? ` (${got.requirement.source.decision})` : ''}`;
        out.push(diff('indicator', code, 'requirement', requirementCode(req), actualRequirementCode(got.requirement), (lang) => t('cases.diff.requirement', { code, expected: expectedRequirementText(req, got.requirement, lang), actual: actual(lang) }, lang)));
      }
    }
    if (want.shortfall !== undefined) {
      const a = got.shortfall;
      const b = want.shortfall;
      const same = a === null || b === null ? a === b : close(a, b);
      if (!same) {
        const text = (v: number | null, lang: Lang) => (v === null ? t('cases.none', {}, lang) : formatNumber(v, lang));
        out.push(diff('indicator', code, 'shortfall', b === null ? 'null' : String(b), a === null ? 'null' : String(a), (lang) => t('cases.diff.shortfall', { code, expected: text(b, lang), actual: text(a, lang) }, lang)));
      }
    }
  }
  return out;
}

function diff(item: CaseDifference['item'], code: string | null, field: CaseDifference['field'], expected: string, actual: string | null, text: (lang: Lang) => string): CaseDifference {
  return { item, code, field, expected, actual, textVi: text('vi'), textEn: text('en') };
}

function sameRequirement(e: RequirementExpectation, r: Requirement): boolean {
  if (e.kind !== r.kind) return false;
  if (e.kind === 'compare' && r.kind === 'compare') return e.operator === r.operator && close(e.value, r.value);
  return true;
}

function requirementCode(e: RequirementExpectation): string {
  return e.kind === 'compare' ? `${operatorSymbol(e.operator)} ${e.value}` : e.kind;
}

function actualRequirementCode(r: Requirement): string {
  return r.kind === 'compare' ? `${operatorSymbol(r.operator)} ${r.value}` : r.kind;
}

function expectedRequirementText(e: RequirementExpectation, actual: Requirement, lang: Lang): string {
  if (e.kind === 'unknown') return t('status.indicator.threshold-unknown', {}, lang);
  if (e.kind === 'is-met') return t('status.indicator.met', {}, lang);
  const unit = actual.kind === 'compare' && actual.unit ? (actual.unit === '%' && lang === 'en' ? '%' : ` ${actual.unit}`) : '';
  return `${operatorSymbol(e.operator)} ${formatNumber(e.value, lang)}${unit}`;
}
