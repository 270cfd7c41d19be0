/**
 * The shell's check of a run's outputs against its inputs, from the command's declaration and
 * before anything is read: an output that is one of the inputs (the same path, a symbolic link to
 * it or a hard link: the same device and inode), an empty name, a folder or a folder that does not
 * exist is refused with a usage error (exit code 2). A command declares its inputs and outputs in
 * its table entry and gets this check without asking.
 */
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { printable } from '../errors.js';
import { parseCommandArgs, UsageError, type Command, type InputRole } from './args.js';
import { t, type MessageCode, type MessageParams } from '../messages/index.js';

/** A usage error in both languages, from the catalogue. */
function refused<C extends MessageCode>(code: C, params: MessageParams<C>): UsageError {
  return new UsageError(t(code, params, 'en'), t(code, params, 'vi'));
}

/** The files a run names, by what they are to it, as its command declares them. */
export function declaredFiles(command: Command, args: readonly string[]): { inputs: Array<{ role: InputRole; file: string; option?: string }>; outputs: Array<{ option: string; file: string }> } {
  const { values, positionals } = parseCommandArgs(args, command.options, command.positionals);
  const inputs: Array<{ role: InputRole; file: string; option?: string }> = [];
  const outputs: Array<{ option: string; file: string }> = [];
  const role = command.positionals.input;
  if (role !== undefined) for (const p of positionals) inputs.push({ role, file: p });
  for (const [name, decl] of Object.entries(command.options)) {
    const v: unknown = values[name];
    for (const x of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (typeof x !== 'string') continue;
      if (decl.input !== undefined) inputs.push({ role: decl.input, file: x, option: name });
      if (decl.output) outputs.push({ option: name, file: x });
    }
  }
  return { inputs, outputs };
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** What identifies a file whatever the path to it: device and inode (symbolic and hard links included). */
function identity(s: Stats | undefined): string | undefined {
  return s === undefined ? undefined : `${s.dev}:${s.ino}`;
}

/**
 * Refuses a run whose outputs would destroy one of its inputs or cannot be files: called by the
 * shell for every command before it runs. Usage errors (unknown options) are raised here too.
 *
 * @example guardOutputs(commandOf('roadmap')!, ['d.json', '--out', 'd.json']) // throws UsageError
 */
export function guardOutputs(command: Command, args: readonly string[]): void {
  const { inputs, outputs } = declaredFiles(command, args);
  const written = new Map<string, string>();
  for (const { option, file } of outputs) {
    const shown = printable(file);
    if (file.trim() === '') throw refused('io.out.empty', { option });
    const target = statOf(file);
    if (target?.isDirectory() === true || file.endsWith('/') || file.endsWith(sep)) {
      throw refused('io.out.folder', { option, file: shown });
    }
    const folder = dirname(resolve(file));
    const parent = statOf(folder);
    if (parent === undefined || !parent.isDirectory()) {
      throw refused('io.out.noFolder', { option, file: shown, folder: printable(folder) });
    }
    const id = identity(target);
    for (const input of inputs) {
      const same = (id !== undefined && id === identity(statOf(input.file))) || resolve(input.file) === resolve(file);
      if (!same) continue;
      const role = `io.role.${input.role}` as const;
      const given = input.option === undefined ? {} : { given: input.option };
      throw new UsageError(
        t('io.out.isInput', { option, file: shown, role: t(role, {}, 'en'), ...given }, 'en'),
        t('io.out.isInput', { option, file: shown, role: t(role, {}, 'vi'), ...given }, 'vi'),
      );
    }
    const key = id ?? resolve(file);
    const other = written.get(key);
    if (other !== undefined) throw refused('io.out.twice', { option, file: shown, other });
    written.set(key, option);
  }
}
