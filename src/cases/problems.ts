/**
 * What is wrong with a case file, where, in both languages. Schema issues are worded from their
 * code and path, never by translating zod's English; the case file's own checks carry both texts.
 */
import { NtmError, printable, type NtmIssue } from '../errors.js';
import type { Lang } from '../requirement/format.js';

/** One problem of a case file, at `file:line:column` or `sheet!cell`. */
export interface CaseFileProblem extends NtmIssue {
  /** Where it is written, as close as can be told (`null` when not). */
  readonly where: string | null;
  readonly messageVi: string;
}

/** A case file that cannot be read: every problem found, each located, in both languages. */
export class CaseFileError extends NtmError {
  readonly problems: readonly CaseFileProblem[];
  constructor(file: string | null, problems: readonly CaseFileProblem[]) {
    super('INVALID_INPUT', problems.map(({ code, path, message }) => ({ code, path, message })), {
      ...(file === null ? {} : { file }),
      message: problems.map((p) => problemText(p, 'en')).join('\n'),
    });
    this.problems = problems;
  }

  /** Every problem, one per line, in a language. */
  text(lang: Lang): string {
    return this.problems.map((p) => problemText(p, lang)).join('\n');
  }
}

/** One problem as a line: `where: path: message`. */
export function problemText(p: CaseFileProblem, lang: Lang): string {
  const path = p.path.length === 0 ? '' : `${p.path.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').replace(/^\./, '')}: `;
  return `${p.where ? `${printable(p.where)}: ` : ''}${printable(path)}${printable(lang === 'vi' ? p.messageVi : p.message)}`;
}

const VI_BY_ZOD_CODE: Readonly<Record<string, string>> = {
  invalid_type: 'sai kiểu giá trị hoặc thiếu',
  too_big: 'quá lớn hoặc quá dài',
  too_small: 'quá nhỏ, quá ngắn hoặc trống',
  invalid_value: 'giá trị không được chấp nhận',
  invalid_union: 'giá trị không hợp lệ',
  unrecognized_keys: 'có trường không được biết',
  invalid_format: 'sai định dạng',
  invalid_key: 'khoá không hợp lệ',
};

/**
 * A zod issue as a problem: its English message, and a Vietnamese one from the message the case
 * schema gave in both languages (`messageVi` in the issue's params), else from its code.
 */
export function problemOfZod(
  issue: { code: string; path: ReadonlyArray<PropertyKey>; message: string; params?: Record<string, unknown>; keys?: readonly string[] },
  where: string | null,
): CaseFileProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const vi = typeof issue.params?.vi === 'string' ? issue.params.vi : `${VI_BY_ZOD_CODE[issue.code] ?? 'giá trị không hợp lệ'}${issue.keys ? `: ${issue.keys.join(', ')}` : ''}`;
  return { code: issue.code, path, message: issue.message, messageVi: vi, where };
}
