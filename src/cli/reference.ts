/**
 * The CLI reference (docs/cli.md in English, docs/cli.vi.md in Vietnamese), made from the same
 * help texts `ntm --help` prints so that the two never disagree. `npm run cli-reference` writes
 * both; a test fails while either is out of date.
 */
import type { Lang } from '../messages/index.js';
import { COMMANDS } from './command-table.js';
import { commandHelp, commandSummary, generalHelpIn } from './help.js';

const HEAD: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    '# `ntm` command reference',
    '',
    'The `ntm` command comes with the package (`npx ntm …` after `npm install ntm-rules`, or `npm run ntm -- …` in this repository).',
    "This page is generated from the commands' `--help` texts by `npm run cli-reference`. In Vietnamese: [cli.vi.md](cli.vi.md).",
  ],
  vi: [
    '# Tra cứu lệnh `ntm`',
    '',
    'Lệnh `ntm` đi kèm gói (`npx ntm …` sau khi `npm install ntm-rules`, hoặc `npm run ntm -- …` trong kho mã này).',
    'Trang này được tạo từ nội dung `--help` của các lệnh bằng `npm run cli-reference`. Bản tiếng Anh: [cli.md](cli.md).',
  ],
};

/**
 * The Markdown text of the reference in a language (docs/cli.md is English, docs/cli.vi.md Vietnamese).
 *
 * @example writeFileSync('docs/cli.vi.md', cliReference('vi'))
 */
export function cliReference(lang: Lang = 'en'): string {
  const out = [...HEAD[lang], '', '```text', generalHelpIn(lang).trimEnd(), '```', ''];
  for (const name of Object.keys(COMMANDS)) {
    const summary = commandSummary(name, lang);
    out.push(`## ntm ${name}`, '', `${summary[0]!.toUpperCase()}${summary.slice(1)}.`, '', '```text', (commandHelp(name, lang) ?? '').trimEnd(), '```', '');
  }
  return out.join('\n');
}
