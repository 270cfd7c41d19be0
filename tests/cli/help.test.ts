/**
 * Help in the run's language, for every command of the command table: `ntm --help` and
 * `ntm <command> --help` follow `--lang` (else NTM_LANG, else Vietnamese), say every option in both
 * languages, and name only options the command's parser accepts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { defaultLang } from '../../src/cli/help.js';
import { ntm } from './helpers.js';
import { otherLanguage, withoutData } from '../messages/language.js';

const names = Object.keys(COMMANDS);
const LANGS = ['vi', 'en'] as const;

/** The words of a help text that are not data: option names, command names, file names and quoted words left out. */
function prose(text: string): string {
  return withoutData(text).replace(/\b(?:TDMNPB|DBSH|BTB|DHNTB|TN|DNB|DBSCL|TC15|R2|P[123]|N\/A|x)\b/g, ' ');
}

const optionsOf = (text: string): string[] => [...new Set([...text.matchAll(/--[a-z][\w-]*/g)].map((m) => m[0]))].sort();

afterEach(() => {
  delete process.env.NTM_LANG;
});

describe('help in the run’s language', () => {
  for (const lang of LANGS) {
    it(`ntm --help --lang ${lang} lists every command with its summary, in ${lang}`, async () => {
      const r = await ntm(['--help', '--lang', lang]);
      expect(r.code).toBe(0);
      for (const name of names) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      // The command names of the list are identifiers.
      expect(otherLanguage(prose(r.stdout.replace(/^ {2}[a-z][\w-]* +/gm, '  ')), lang)).toEqual([]);
    });

    it.each(names)(`ntm %s --help --lang ${lang} is in ${lang}`, async (name) => {
      const r = await ntm([name, '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^ntm ${name} `));
      expect({ name, words: otherLanguage(prose(r.stdout), lang) }).toEqual({ name, words: [] });
    });
  }

  it.each(names)('ntm %s --help names, in both languages, exactly the options its parser declares', async (name) => {
    const declared = Object.keys(COMMANDS[name]!.options).map((o) => `--${o}`).sort();
    for (const lang of LANGS) {
      const help = (await ntm([name, '--help', '--lang', lang])).stdout;
      expect({ name, lang, options: optionsOf(help).filter((o) => o !== '--help') }).toEqual({ name, lang, options: declared });
    }
  });

  it('without --lang: NTM_LANG, else Vietnamese (an English LANG does not switch)', async () => {
    expect(defaultLang({})).toBe('vi');
    expect(defaultLang({ LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(defaultLang({ NTM_LANG: 'en' })).toBe('en');
    expect(defaultLang({ NTM_LANG: 'en_GB.UTF-8', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect((await ntm(['--help'])).stdout).toMatch(/^ntm — tiêu chí/);
    process.env.NTM_LANG = 'en';
    expect((await ntm(['--help'])).stdout).toMatch(/^ntm — Vietnam's/);
    expect((await ntm(['sets', '--help'])).stdout).toContain('Lists the bundled criterion sets');
    expect((await ntm(['evaluate', 'none.csv', '--set', 'no/such/set'])).stderr).not.toMatch(/không/);
  });

  it('says the default as langFromEnv reads it: no help promises that LANG switches the language', async () => {
    for (const lang of LANGS) {
      const helps = [(await ntm(['--help', '--lang', lang])).stdout, ...(await Promise.all(names.map(async (name) => (await ntm([name, '--help', '--lang', lang])).stdout)))];
      for (const help of helps) expect(help).not.toMatch(/NTM_LANG, (?:rồi|then) LANG|en_… (?:là tiếng Anh|English)/);
    }
  });
});
