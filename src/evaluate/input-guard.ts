/**
 * What the evaluation refuses before it reads an input as data: values that are objects of another
 * kind (`new Number(30)`, a `Date`, a `Map`), which the schema would read as an empty entry and so
 * as "no data"; inputs whose reading throws (a getter, a proxy trap), which become an
 * {@link NtmError} at the path that failed instead of a raw error; and options it does not know.
 */
import { NtmError, printable, type NtmIssue, issue } from '../errors.js';

/** How deep {@link unreadableAt} looks for the value whose reading throws (inputs are shallow). */
const READ_DEPTH = 6;

/** The words for an object that is not plain data, or `undefined` for a plain record or an array. */
function nonPlainKind(v: object): string | undefined {
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto === Object.prototype || proto === null || Array.isArray(v)) return undefined;
  if (v instanceof Number) return 'Number object (new Number(…))';
  if (v instanceof String) return 'String object (new String(…))';
  if (v instanceof Boolean) return 'Boolean object (new Boolean(…))';
  if (v instanceof Date) return 'Date';
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `${printable(name)} object` : 'object of another kind';
}

/**
 * Issues for indicator entries that are objects of another kind than plain data, at their paths.
 * The schema takes any object as `{ value?, verdict?, note? }`, so without this a boxed number or
 * a date would be "no data" without a word.
 */
export function nonPlainEntryIssues(raw: unknown): NtmIssue[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const indicators = (raw as { indicators?: unknown }).indicators;
  if (typeof indicators !== 'object' || indicators === null) return [];
  const issues: NtmIssue[] = [];
  for (const code of Object.keys(indicators)) {
    const entry = (indicators as Record<string, unknown>)[code];
    if (typeof entry !== 'object' || entry === null) continue;
    const kind = nonPlainKind(entry);
    if (kind !== undefined) issues.push(issue('not-plain-value', ['indicators', code], { kind }));
    else {
      const value = (entry as { value?: unknown }).value;
      const inner = typeof value === 'object' && value !== null ? nonPlainKind(value) : undefined;
      if (inner !== undefined) issues.push(issue('not-plain-value', ['indicators', code, 'value'], { kind: inner }));
    }
  }
  return issues;
}

/** The path where reading `v` throws, with what it threw; `undefined` when all of it reads. */
function unreadableAt(v: unknown, path: Array<string | number>, depth: number): { path: Array<string | number>; thrown: unknown } | undefined {
  if (typeof v !== 'object' || v === null || depth > READ_DEPTH) return undefined;
  let keys: string[];
  try {
    keys = Object.keys(v);
    Object.getPrototypeOf(v);
  } catch (thrown) {
    return { path, thrown };
  }
  for (const k of keys) {
    let x: unknown;
    try {
      x = (v as Record<string, unknown>)[k];
    } catch (thrown) {
      return { path: [...path, k], thrown };
    }
    const deeper = unreadableAt(x, [...path, k], depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

/**
 * `e`, thrown while evaluating `raw`, as the error to report: an {@link NtmError} as it is; an
 * error from reading the input (a throwing getter, a proxy) as `INVALID_INPUT` at the path that
 * failed; anything else (a defect, not the input's) unchanged.
 */
export function inputErrorOf(e: unknown, raw: unknown): unknown {
  if (e instanceof NtmError) return e;
  const at = unreadableAt(raw, [], 0);
  if (at === undefined) return e;
  const problem = printable(at.thrown instanceof Error ? at.thrown.message : String(at.thrown));
  return new NtmError('INVALID_INPUT', [issue('unreadable-input', at.path, { problem })]);
}

/** Problems reported for one input; the rest are counted (an input of a million bad entries stays one short error). */
export const MAX_INPUT_ISSUES = 50;

/**
 * The first {@link MAX_INPUT_ISSUES} issues and one that counts the rest (`more-issues`, with
 * `params.count`), so that the cost of reporting an input stays bounded whatever it holds.
 */
export function boundedIssues(issues: NtmIssue[]): NtmIssue[] {
  if (issues.length <= MAX_INPUT_ISSUES) return issues;
  const count = issues.length - MAX_INPUT_ISSUES;
  return [...issues.slice(0, MAX_INPUT_ISSUES), issue('more-issues', [], { count })];
}

/** The engines an evaluation runs on. */
export const ENGINES = ['compiled', 'json-rules-engine'] as const;

/** Checks the options every evaluation entry point takes: an object, a known engine. */
export function checkOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new NtmError('INVALID_ARGUMENT', [issue('options-not-object', [], {})]);
  }
  const engine = (options as { engine?: unknown }).engine;
  if (engine !== undefined && !(ENGINES as readonly unknown[]).includes(engine)) {
    throw new NtmError('INVALID_ARGUMENT', [issue('unknown-engine', ['engine'], { engine: printable(String(engine)), engines: [...ENGINES] })]);
  }
}
