/**
 * The CLI reference (docs/cli.md in English, docs/cli.vi.md in Vietnamese), made from the same
 * help texts `ntm --help` prints so that the two never disagree. `npm run cli-reference` writes
 * both; a test fails while either is out of date.
 */
import { t, type Lang } from '../messages/index.js';
import { COMMANDS } from './command-table.js';
import { commandHelp, commandSummary, generalHelpIn } from './help.js';


/**
 * The Markdown text of the reference in a language (docs/cli.md is English, docs/cli.vi.md Vietnamese).
 *
 * @example writeFileSync('docs/cli.vi.md', cliReference('vi'))
 */
export function cliReference(lang: Lang = 'en'): string {
  const out = [t('help.reference.title', {}, lang), '', t('help.reference.intro', {}, lang), '', '```text', generalHelpIn(lang).trimEnd(), '```', ''];
  for (const name of Object.keys(COMMANDS)) {
    const summary = commandSummary(name, lang);
    out.push(`## ntm ${name}`, '', `${summary[0]!.toUpperCase()}${summary.slice(1)}.`, '', '```text', (commandHelp(name, lang) ?? '').trimEnd(), '```', '');
  }
  return out.join('\n');
}
