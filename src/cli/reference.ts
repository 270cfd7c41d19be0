/**
 * The CLI reference (docs/cli.md), made from the commands' own help texts so that the two never
 * disagree. `npm run cli-reference` writes it; a test fails while the file is out of date.
 */
import { COMMANDS, generalHelp } from './command-table.js';

/**
 * The Markdown text of docs/cli.md.
 *
 * @example writeFileSync('docs/cli.md', cliReference())
 */
export function cliReference(): string {
  const out = [
    '# `ntm` command reference',
    '',
    'The `ntm` command comes with the package (`npx ntm …` after `npm install ntm-rules`, or `npm run ntm -- …` in this repository).',
    'This page is generated from the commands\' `--help` texts by `npm run cli-reference`.',
    '',
    '```text',
    generalHelp().trimEnd(),
    '```',
    '',
  ];
  for (const [name, command] of Object.entries(COMMANDS)) {
    out.push(`## ntm ${name}`, '', `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`, '', '```text', command.help.trimEnd(), '```', '');
  }
  return out.join('\n');
}
