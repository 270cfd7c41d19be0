/**
 * Typed errors. Every error names what went wrong (`code`), where (`path`, and `file` for rule
 * files) and keeps every problem found (`issues`), so a caller can fix a whole file in one pass.
 */

// The issue texts alone, not the whole catalogue: every entry point that can throw imports this file,
// and a browser bundle of evaluateCommune must not carry the CLI's help and reports.
import { issue as ISSUES } from './messages/catalogue/issue.js';
import { render, type Entry, type ParamSpec, type ParamsOf } from './messages/define.js';
import { localeOf } from './messages/locale.js';
import type { Lang } from './messages/lang.js';

/** A JSON path, from the document root: `['criteria', 14, 'indicators', 2, 'requirement']`. */
export type JsonPath = Array<string | number>;

/** Categories of {@link NtmError}. The README's error catalogue documents each one. */
export type NtmErrorCode =
  | 'INVALID_RULE_FILE'
  | 'UNKNOWN_SET'
  | 'INVALID_INPUT'
  | 'DUPLICATE_COMMUNE'
  | 'YEAR_OUT_OF_RANGE'
  | 'NO_SET_IN_FORCE'
  | 'INVALID_OVERLAY'
  | 'INVALID_PLAN'
  | 'INVALID_ARGUMENT'
  | 'MISSING_DEPENDENCY';

/** The parameters of an issue: what a text in any language needs to say it (names, codes, numbers, lists). */
export type IssueParams = Record<string, string | number | string[]>;

/**
 * One problem found, at one path. `code` is a stable kebab-case identifier; `message` says it in
 * English. An issue the library words from its catalogue carries `params`, so a caller can say it
 * in another language: `issueText(issue, 'vi')`.
 */
export interface NtmIssue {
  code: string;
  path: JsonPath;
  message: string;
  params?: IssueParams;
}

type IssueEntries = typeof ISSUES;
/** The codes of the issues the catalogue words (`issue.<code>`). */
export type IssueCode = keyof IssueEntries extends infer C ? (C extends `issue.${infer K}` ? K : never) : never;
type IssueParamsOf<K extends IssueCode> = IssueEntries[`issue.${K}`] extends Entry<infer S> ? ParamsOf<S> : never;

function issueEntry(code: string): Entry<ParamSpec> | undefined {
  return Object.hasOwn(ISSUES, `issue.${code}`) ? (ISSUES[`issue.${code}` as keyof IssueEntries] as Entry<ParamSpec>) : undefined;
}

/**
 * An issue worded from the catalogue: its English `message` and its `params`.
 *
 * @example issue('unknown-commune', ['commune'], { commune: 'x' }).message // 'no result for commune "x"'
 */
export function issue<K extends IssueCode>(code: K, path: JsonPath, params: IssueParamsOf<K>): NtmIssue {
  return { code, path, message: render(issueEntry(code)!, params as ParamsOf<ParamSpec>, 'en', localeOf('en')), params: params as unknown as IssueParams };
}

/**
 * An issue in a language: from the catalogue when the issue carries its parameters, else its
 * English message (issues of the schemas, worded by zod).
 *
 * @example issueText(issue('unknown-commune', ['commune'], { commune: 'x' }), 'vi') // 'không có kết quả của xã "x"'
 */
export function issueText(i: NtmIssue, lang: Lang): string {
  if (i.params === undefined) return i.message;
  const entry = issueEntry(i.code);
  return entry === undefined ? i.message : printable(render(entry, i.params as ParamsOf<ParamSpec>, lang, localeOf(lang)));
}

/** The plain-data form of an {@link NtmError}, as carried by batch error records. */
export interface NtmErrorData {
  code: NtmErrorCode;
  message: string;
  file?: string;
  issues: NtmIssue[];
}

/** Formats a JSON path as `$.criteria[14].indicators[2]`. */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${printable(JSON.stringify(part))}]`;
  }
  return out;
}

/** The error every function of the library throws for bad data. */
export class NtmError extends Error {
  override readonly name = 'NtmError';
  readonly code: NtmErrorCode;
  readonly issues: NtmIssue[];
  readonly file: string | undefined;

  constructor(code: NtmErrorCode, rawIssues: NtmIssue[], options: { file?: string; message?: string } = {}) {
    const issues = rawIssues.map(printableIssue);
    const where = options.file ? `${printable(options.file)}: ` : '';
    const detail = issues
      .slice(0, 5)
      .map((i) => `${formatPath(i.path)}: ${i.message}`)
      .join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(options.message ?? `${where}${code}: ${detail}${more}`);
    this.code = code;
    this.issues = issues;
    this.file = options.file;
  }

  /** Plain, JSON-serialisable form (for batch error records and CLI output). */
  toJSON(): NtmErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.file === undefined ? {} : { file: this.file }),
      issues: this.issues.map((i) => ({ ...i, path: [...i.path] })),
    };
  }
}

/**
 * An error in a language, as its message says it in English: the file, the code, then up to five
 * issues with their paths, each worded from the catalogue when it carries its parameters.
 *
 * @example ntmErrorText(e, 'vi') // 'UNKNOWN_SET: không có bộ tiêu chí "x" đi kèm; có sẵn: …'
 */
export function ntmErrorText(e: NtmError, lang: Lang): string {
  if (e.issues.length === 0 || e.issues.every((i) => i.params === undefined)) return e.message;
  const where = e.file ? `${printable(e.file)}: ` : '';
  const detail = e.issues
    .slice(0, 5)
    .map((i) => `${i.path.length === 0 ? '' : `${formatPath(i.path)}: `}${issueText(i, lang)}`)
    .join('; ');
  const more = e.issues.length > 5 ? render(ISSUES['issue.more'], { count: e.issues.length - 5 }, lang, localeOf(lang)) : '';
  return `${where}${e.code}: ${detail}${more}`;
}

/**
 * `text` with control characters other than tab (line breaks, terminal escape sequences)
 * written as `\u001b` escapes. Messages quote users' data (column headers, codes, file names);
 * printed raw, a crafted value could forge lines of a report or drive the terminal.
 *
 * @example printable('a\nb\u001b[2J') // 'a\\u000ab\\u001b[2J'
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function printableIssue(issue: NtmIssue): NtmIssue {
  const message = printable(issue.message);
  return message === issue.message ? issue : { ...issue, message };
}

/** Converts zod issues to {@link NtmIssue}s, prefixing an optional base path. */
export function issuesFromZod(
  zodIssues: ReadonlyArray<{ code: string; path: ReadonlyArray<PropertyKey>; message: string }>,
  base: JsonPath = [],
): NtmIssue[] {
  return zodIssues.map((i) => ({
    code: i.code,
    path: [...base, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}
