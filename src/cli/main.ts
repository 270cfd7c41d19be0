#!/usr/bin/env node
/**
 * The `ntm` command: analysts' access to the library from a terminal or a script.
 * Exit codes: 0 ok, 1 input rows (or a checked file) with errors, 2 usage or file errors, 3 output
 * not written (docs/guarantees.md).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NtmError } from '../errors.js';
import packageJson from '../../package.json' with { type: 'json' };
import { SaidError, UsageError } from './args.js';
import { commandOf } from './command-table.js';
import { commandHelp, generalHelpIn } from './help.js';
import { langFromEnv, t } from '../messages/index.js';

/** The command table, for tests generated from it (every command, input role and output). */
export { COMMANDS } from './command-table.js';
import { FileError } from './inputs.js';
import { OutputError, OUTPUT_FAILED, processIo, safeIo, setOutputLanguage, type CliIo } from './io.js';
import { guardOutputs } from './output-guard.js';
import type { Lang } from '../requirement/format.js';

/** Exit codes of `ntm`. */
export const EXIT = { ok: 0, rowErrors: 1, usage: 2, output: OUTPUT_FAILED } as const;

/**
 * Runs `ntm` with the given arguments (without `node` and the script) and returns the exit code.
 *
 * @example process.exitCode = await runCli(['evaluate', 'data.csv', '--set', 'dak-nong/commune-ntm/2022'])
 */
export async function runCli(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // Every text a command writes passes the terminal's safety floor, whatever its renderer did.
  const io = safeIo(given);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const lang = runLanguage(rest);
    // Own keys only: `ntm help constructor` must not find Object.prototype's members.
    await io.out((topic === undefined ? undefined : commandHelp(topic, lang)) ?? generalHelpIn(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    await io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  const lang = runLanguage(rest);
  setOutputLanguage(lang);
  const command = commandOf(name);
  if (!command) {
    io.err(`${t('help.unknownCommand', { name }, lang)}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await io.out(commandHelp(name, lang) ?? '');
    return EXIT.ok;
  }
  try {
    // Outputs are checked against the inputs before the command reads anything.
    guardOutputs(command, rest);
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(`ntm ${name}: ${e.text(lang)}\n`);
      return EXIT.output;
    }
    if (e instanceof UsageError) {
      io.err(`ntm ${name}: ${e.text(lang)}\n${t('help.see', { command: name }, lang)}\n`);
      return EXIT.usage;
    }
    if (e instanceof SaidError) {
      io.err(`ntm ${name}: ${e.text(lang)}\n`);
      return EXIT.usage;
    }
    if (e instanceof FileError) {
      io.err(`${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof NtmError) {
      io.err(`ntm ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

/**
 * The language a run's messages use: `--lang en` or `--lang=en` asks for English, `--lang` with
 * anything else Vietnamese; without `--lang`, NTM_LANG (else Vietnamese), as the commands read it,
 * so a usage error is in the language the run would print.
 */
function runLanguage(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') return args[i + 1] === 'en' ? 'en' : 'vi';
    if (a.startsWith('--lang=')) return a === '--lang=en' ? 'en' : 'vi';
  }
  return langFromEnv(process.env);
}

/** The package's version, the same from the sources, the build and an installed package. */
export const VERSION: string = packageJson.version;

function isMain(): boolean {
  const arg = process.argv[1];
  if (arg === undefined) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`ntm: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
