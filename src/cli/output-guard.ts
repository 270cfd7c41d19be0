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
import { parseCommandArgs, UsageError, type Command, type InputRole } from './commands.js';

const ROLE_TEXT: Readonly<Record<InputRole, { vi: string; en: string }>> = {
  data: { vi: 'tệp dữ liệu các xã', en: 'the data file of communes' },
  set: { vi: 'tệp quy tắc của bộ tiêu chí', en: 'the rule file of a criterion set' },
  overlay: { vi: 'tệp hiệu chỉnh', en: 'the calibration overlay' },
  plan: { vi: 'tệp kế hoạch', en: 'the plan file' },
  facts: { vi: 'tệp thông tin công nhận', en: 'the recognition facts file' },
  'what-if': { vi: 'tệp giả định', en: 'the what-if file' },
  baseline: { vi: 'tệp dữ liệu năm gốc', en: 'the baseline data file' },
  advanced: { vi: 'tệp dữ liệu theo bộ tiêu chí nâng cao', en: 'the advanced-set data file' },
  'set-workbook': { vi: 'bảng tính của bộ tiêu chí', en: 'the workbook of the set' },
  'filled-template': { vi: 'bảng tính mẫu đã điền', en: 'the filled template' },
  province: { vi: 'tệp dữ liệu tỉnh', en: 'the province file' },
  groups: { vi: 'tệp nhóm xã', en: 'the commune groups file' },
  checked: { vi: 'tệp cần kiểm tra', en: 'the file to check' },
};

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
    if (file.trim() === '') throw new UsageError(`--${option} needs a file name (it is empty)`, `--${option} cần tên một tệp (đang để trống)`);
    const target = statOf(file);
    if (target?.isDirectory() === true || file.endsWith('/') || file.endsWith(sep)) {
      throw new UsageError(`--${option} "${shown}" is a folder; give the name of a file`, `--${option} "${shown}" là một thư mục; hãy cho tên một tệp`);
    }
    const folder = dirname(resolve(file));
    const parent = statOf(folder);
    if (parent === undefined || !parent.isDirectory()) {
      throw new UsageError(`--${option} "${shown}": the folder "${printable(folder)}" does not exist`, `--${option} "${shown}": thư mục "${printable(folder)}" không tồn tại`);
    }
    const id = identity(target);
    for (const input of inputs) {
      const same = (id !== undefined && id === identity(statOf(input.file))) || resolve(input.file) === resolve(file);
      if (!same) continue;
      const role = ROLE_TEXT[input.role];
      const given = input.option === undefined ? '' : ` (--${input.option})`;
      throw new UsageError(
        `--${option} "${shown}" is an input of this run: ${role.en}${given}; write to another file (nothing was read or written)`,
        `--${option} "${shown}" là tệp đầu vào của lần chạy này: ${role.vi}${given}; hãy ghi ra một tệp khác (chưa đọc, chưa ghi gì)`,
      );
    }
    const key = id ?? resolve(file);
    const other = written.get(key);
    if (other !== undefined) throw new UsageError(`--${option} "${shown}" is also --${other}; give each output its own file`, `--${option} "${shown}" trùng với --${other}; mỗi đầu ra cần một tệp riêng`);
    written.set(key, option);
  }
}
