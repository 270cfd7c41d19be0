/**
 * Typed errors. Every error names what went wrong (`code`), where (`path`, and `file` for rule
 * files) and keeps every problem found (`issues`), so a caller can fix a whole file in one pass.
 */

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

/** One problem found, at one path. `code` is a stable kebab-case identifier. */
export interface NtmIssue {
  code: string;
  path: JsonPath;
  message: string;
  /** The values the message was written from, for issues a caller words again in its own language. */
  params?: Readonly<Record<string, string>>;
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
