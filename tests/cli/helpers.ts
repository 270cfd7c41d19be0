import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

/** Path of a file in the repository. */
export const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** Runs `ntm` in-process and captures what it writes. */
export async function ntm(args: string[], options: { tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
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
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The example data, as the JSON file holds it. */
export function exampleData(): { set: string; communes: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(repo('examples/dak-song-2023.json'), 'utf8')) as { set: string; communes: Array<Record<string, unknown>> };
}

export const SET = 'dak-nong/commune-ntm/2022';
