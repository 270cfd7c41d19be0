/**
 * The argument framework of `ntm`'s commands: the errors a run says in both languages, the
 * declaration of a command (options, positionals and the input role of each) and the parsing
 * of its arguments. Each command (src/cli/commands/) declares its options once; the parser, the
 * help test and the output guard read that declaration.
 */
import { langFromEnv } from '../messages/index.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../requirement/format.js';
import { NtmError, printable } from '../errors.js';
import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { SaidInBoth } from './said.js';
import type { CliIo } from './io.js';

/** A usage mistake (unknown option, missing argument): exit code 2 with the command's help hint. */
export class UsageError extends SaidInBoth {
  override readonly name = 'UsageError';
}

/**
 * A library error about a run's arguments (an unknown set, plan or kind, no version in force),
 * said in the run's language: the English text is the library's own message, the Vietnamese one
 * is written from the same data by the CLI (never translated from the English). Exit code 2.
 */
export class SaidError extends SaidInBoth {
  override readonly name = 'SaidError';
}

/**
 * Runs `f`; an {@link NtmError} whose first issue has a code `vi` knows becomes a {@link SaidError}
 * with that Vietnamese text. Anything else is thrown as it is.
 */
export function sayingIn<T>(f: () => T, vi: Readonly<Record<string, () => string>>): T {
  try {
    return f();
  } catch (e) {
    const code = e instanceof NtmError ? e.issues[0]?.code : undefined;
    // The error code (UNKNOWN_SET …) is an identifier, the same in both languages, as in the catalogue.
    if (code !== undefined && Object.hasOwn(vi, code)) throw new SaidError((e as NtmError).message, `${(e as NtmError).code}: ${vi[code]!()}`);
    throw e;
  }
}

/**
 * Node's argument parser speaks English only: its errors are said again in both languages, by
 * their code, naming the option it reports.
 */
function argsError(e: unknown): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option "${option}"`, `không có tuỳ chọn "${option}"`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message)
        ? new UsageError(`option "${option}" needs a value`, `tuỳ chọn "${option}" cần một giá trị`)
        : new UsageError(`option "${option}" takes no value`, `tuỳ chọn "${option}" không nhận giá trị`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError('unexpected argument', 'thừa đối số');
    default:
      return new UsageError(message, `đối số không hợp lệ: ${message}`);
  }
}

/**
 * What a file a command reads is to it. The shell compares every output with every declared input
 * before anything is read, so a new command is protected by declaring its inputs.
 */
export type InputRole =
  | 'data'
  | 'set'
  | 'overlay'
  | 'plan'
  | 'facts'
  | 'what-if'
  | 'baseline'
  | 'advanced'
  | 'set-workbook'
  | 'filled-template'
  | 'province'
  | 'groups'
  | 'cases'
  | 'checked';

/** One option of a command, declared once: the parser and the I/O guard read this declaration. */
export interface OptionDecl {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** The option names a file read as an input of this role (an id of a bundled set or plan names none). */
  input?: InputRole;
  /** The option names a file the command writes. */
  output?: true;
}

/** A command's options, by name (without the leading `--`). */
export type OptionDecls = Readonly<Record<string, OptionDecl>>;

/** A command's positional arguments: how many, their names in messages, and what they are as inputs. */
export interface PositionalDecl {
  min: number;
  max: number;
  names: string;
  input?: InputRole;
}

/** A command of `ntm`: its declaration (options, positionals with their input roles, outputs) and its run. */
export interface Command {
  options: OptionDecls;
  positionals: PositionalDecl;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The options of most commands: the run's language, the output format and the output file. */
export const COMMON = {
  lang: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', output: true },
} as const satisfies OptionDecls;

/** Node's parser wants its own option shapes only. */
function parserOptions(options: OptionDecls): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.multiple ? { type: o.type, multiple: true } : { type: o.type }]));
}

const PLACEHOLDERS_VI: Readonly<Record<string, string>> = {
  file: 'tệp',
  'set id or rule file': 'mã bộ tiêu chí hoặc tệp quy tắc',
  'set id or kind': 'mã hoặc loại bộ tiêu chí',
  'rule, overlay or plan file': 'tệp quy tắc, hiệu chỉnh hoặc kế hoạch',
};

/** A command's argument names in Vietnamese: the English explanation in parentheses is left out. */
function placeholdersVi(names: string): string {
  return names.replace(/\s*\(.*\)\s*$/s, '').replace(/<([^>]+)>/g, (whole, name: string) => (Object.hasOwn(PLACEHOLDERS_VI, name) ? `<${PLACEHOLDERS_VI[name]}>` : whole));
}

/** Parses a command's arguments; unknown options and missing values are usage errors. */
export function parseCommandArgs(args: readonly string[], options: OptionDecls, positionals: { min: number; max: number; names: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: parserOptions(options), allowPositionals: true, strict: true });
  } catch (e) {
    throw argsError(e);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.names}`, `thiếu ${placeholdersVi(positionals.names)}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`, `thừa đối số "${parsed.positionals[positionals.max]}"`);
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

export function langOf(v: unknown): Lang {
  if (v === undefined) return langFromEnv(process.env);
  if (v === 'vi' || v === 'en') return v;
  throw new UsageError(`--lang must be vi or en, got "${String(v)}"`, `--lang phải là vi hoặc en, nhận được "${String(v)}"`);
}

export function formatOf<F extends string>(v: unknown, allowed: readonly F[], fallback: F): F {
  if (v === undefined) return fallback;
  if ((allowed as readonly string[]).includes(String(v))) return v as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${String(v)}"`, `--format phải là một trong ${allowed.join(', ')}, nhận được "${String(v)}"`);
}

export function yearOf(v: unknown, option = '--year'): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d{4}$/.test(s)) throw new UsageError(`${option} must be a year like 2023, got "${s}"`, `${option} phải là một năm như 2023, nhận được "${s}"`);
  return Number(s);
}

/** A date option (`yyyy-MM-dd`), checked to exist. */
export function dateOf(v: unknown, option: string): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError(`${option} must be a date like 2023-06-30, got "${s}"`, `${option} phải là một ngày như 2023-06-30, nhận được "${s}"`);
  }
  return s;
}

/**
 * The file of `--out`, refused when it names one of the inputs (writing it would destroy the
 * data being read). Compared by real path, so `./a.csv` and `a.csv` are the same file.
 */
export function outputFileOf(out: unknown, inputs: readonly string[]): string | undefined {
  if (out === undefined) return undefined;
  const target = String(out);
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolvePath(p);
    }
  };
  const t = real(target);
  for (const input of inputs) {
    if (real(input) === t) {
      throw new UsageError(`--out "${printable(target)}" is the input file; write to another file`, `--out "${printable(target)}" là tệp đầu vào; hãy ghi ra một tệp khác`);
    }
  }
  return target;
}

export const PLAN_OPTION = { type: 'string', input: 'plan' } as const satisfies OptionDecl;
export const SET_OPTION = { type: 'string', input: 'set' } as const satisfies OptionDecl;

/** One data file of communes, the first argument of the commands that evaluate one. */
export const DATA_FILE: PositionalDecl = { min: 1, max: 1, names: '<file> (a .json, .csv or .xlsx file of communes)', input: 'data' };

/** No positional argument. */
export const NO_POSITIONALS: PositionalDecl = { min: 0, max: 0, names: '' };
