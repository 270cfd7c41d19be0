/**
 * Every command of `ntm`, in one explicit table. Nothing registers itself by being imported (a
 * bundler may drop such an import: the package once shipped 4 of its 10 commands), so a command
 * exists exactly when it is in this table.
 *
 * To add a command: write `src/cli/commands/<name>.ts` exporting its {@link Command} (options
 * declared once, read by the parser, the help test and the output guard), its help and summary
 * in the catalogue (`help.<name>`, src/messages/catalogue/help.ts), and add one line below.
 */
import type { Command } from './args.js';
import { byCurrentCommune } from './commands/by-current-commune.js';
import { calendar } from './commands/calendar.js';
import { calibrate } from './commands/calibrate.js';
import { check } from './commands/check.js';
import { diff } from './commands/diff.js';
import { dossier } from './commands/dossier.js';
import { evaluate } from './commands/evaluate.js';
import { groups } from './commands/groups.js';
import { impact } from './commands/impact.js';
import { importSet } from './commands/import-set.js';
import { owners } from './commands/owners.js';
import { panel } from './commands/panel.js';
import { province } from './commands/province.js';
import { roadmap } from './commands/roadmap.js';
import { sets } from './commands/sets.js';
import { show } from './commands/show.js';
import { targets } from './commands/targets.js';
import { template } from './commands/template.js';
import { test } from './commands/test.js';
import { worklist } from './commands/worklist.js';

/** The commands, by name, in the order `ntm --help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  sets,
  show,
  evaluate,
  check,
  owners,
  worklist,
  targets,
  calendar,
  diff,
  template,
  calibrate,
  'import-set': importSet,
  province,
  groups,
  'by-current-commune': byCurrentCommune,
  roadmap,
  panel,
  test,
  impact,
  dossier,
});

/** The command of a name; own keys only, so `ntm constructor` finds nothing. */
export function commandOf(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
