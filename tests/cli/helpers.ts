import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { BuiltFiles } from '../setup/build.js';
import type { CommuneInput } from '../../src/index.js';

/** Path of a file in the repository. */
export const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** Runs `ntm` in-process and captures what it writes. */
export function ntm(args: string[], options: { tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return captured(runCli, args, options);
}

/** Runs a `runCli` (the sources', or the built bin's) in this process and captures what it writes. */
export async function captured(
  run: (argv: readonly string[], io: CliIo) => Promise<number>,
  args: readonly string[],
  options: { tty?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    async out(t) {
      stdout += t;
    },
    err(t) {
      stderr += t;
    },
    errIsTTY: options.tty ?? false,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** The example data, as the JSON file holds it. */
export function exampleData(): { set: string; communes: CommuneInput[] } {
  return JSON.parse(readFileSync(repo('examples/dak-song-2023.json'), 'utf8')) as { set: string; communes: CommuneInput[] };
}

export const SET = 'dak-nong/commune-ntm/2022';

/** The files the global setup built (tests/setup/build.ts): the `ntm` bin, the browser bundle, the library, the examples. */
export function built(): BuiltFiles {
  return inject('built');
}

/** What a child process gave: exit code (null when killed by a signal), standard output and error. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` and waits for it to exit; never throws on a non-zero exit. */
export function nodeProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...args],
      { cwd: options.cwd ?? repo('.'), env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number' && error.signal == null) reject(error);
        else resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs the built `ntm` command (the package's bin) as a separate process, as a user's shell would. */
export function ntmProcess(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeOptions?: readonly string[] } = {}): Promise<ProcessResult> {
  return nodeProcess([...(options.nodeOptions ?? []), built().cli, ...args], options);
}
