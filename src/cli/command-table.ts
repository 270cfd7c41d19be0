/**
 * Every command of `ntm`, in one explicit table. Nothing registers itself by being imported (a
 * bundler may drop such an import: the package once shipped 4 of its 10 commands), so a command
 * exists exactly when it is in this table.
 *
 * To add commands: write `src/cli/<concept>-commands.ts` exporting a `Record<string, Command>`
 * and add one line to `COMMANDS` below (with its import).
 */
import { coreCommands, type Command } from './commands.js';
import { PLAN_CHECKER, PLAN_COMMANDS, planExtras } from './plan-commands.js';
import { calibrateWithFile, OVERLAY_CHECKER, setInForceOn, VERSION_COMMANDS } from './version-commands.js';
import { PROVINCE_COMMANDS } from './province-commands.js';
import { REORGANISATION_COMMANDS } from './reorganisation-commands.js';
import { RULE_FILE_CHECKERS } from './rule-file-checkers.js';
import { RECOGNITION_CHECKER, ROADMAP_COMMANDS } from './roadmap-commands.js';
import { workbookCommands } from './workbook-commands.js';
import { DOSSIER_COMMANDS } from './dossier-commands.js';
import { TEST_COMMANDS } from './test-command.js';
import { IMPACT_COMMANDS } from './impact-command.js';

const CORE = coreCommands({ inForce: setInForceOn, calibrate: calibrateWithFile, plan: planExtras, checkers: [PLAN_CHECKER, OVERLAY_CHECKER, RECOGNITION_CHECKER, ...RULE_FILE_CHECKERS] });

/** The commands, by name, in the order `ntm --help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  ...CORE,
  ...PLAN_COMMANDS,
  ...VERSION_COMMANDS,
  // `template` and `show` gain --format xlsx|csv and run the ones above for the other formats.
  ...workbookCommands({ ...CORE, ...VERSION_COMMANDS }),
  ...PROVINCE_COMMANDS,
  ...REORGANISATION_COMMANDS,
  ...ROADMAP_COMMANDS,
  ...TEST_COMMANDS,
  ...IMPACT_COMMANDS,
  ...DOSSIER_COMMANDS,
});

/** The command of a name; own keys only, so `ntm constructor` finds nothing. */
export function commandOf(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** `ntm --help`. */
export function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `ntm — Vietnam's New Rural Development (NTM) criteria for analysts

Usage: ntm <command> [options]    (ntm <command> --help for details)

Commands:
${Object.entries(COMMANDS)
  .map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Exit codes: 0 ok; 1 input rows (or a checked file) with errors, or no row evaluated; 2 usage or
file errors (an --out that is an input is refused before anything is read); 3 the output could
not be written (disk full, no permission). See docs/guarantees.md.
`;
}
