/**
 * What `ntm` says about itself, in the run's language: `ntm --help`, each command's help and
 * summary, and the language a run speaks when `--lang` is not given. The texts are the
 * catalogue's only (`help.<command>`); a command without an entry there is a defect the help test
 * finds (it iterates the command table in both languages), as is a help naming an option the
 * command does not declare.
 */
import { langFromEnv, t, tryT, type Lang } from '../messages/index.js';
import { COMMANDS } from './command-table.js';

/** Decisions the help texts name, as parameters (they are identifiers, the same in both languages). */
const HELP_PARAMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  province: { decision: '51/2025/QĐ-TTg' },
  groups: { decision: '51/2025/QĐ-TTg' },
  roadmap: { decision: '18/2022/QĐ-TTg' },
  test: { decision: '1037/QĐ-UBND' },
  impact: { d1: '1037/QĐ-UBND', d2: '211/QĐ-TTg' },
  dossier: { d1: '18/2022/QĐ-TTg', d2: '03/2024/QĐ-TTg' },
};

/** The language of a run without `--lang` (see {@link langFromEnv}): `NTM_LANG`, else Vietnamese. */
export function defaultLang(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  return langFromEnv(env);
}

/** A command's help in a language (`undefined` for an unknown command). */
export function commandHelp(name: string, lang: Lang): string | undefined {
  if (!Object.hasOwn(COMMANDS, name)) return undefined;
  return tryT(`help.${name}`, HELP_PARAMS[name] ?? {}, lang) ?? '';
}

/** A command's one-line summary in a language. */
export function commandSummary(name: string, lang: Lang): string {
  return tryT(`help.${name}.summary`, HELP_PARAMS[name] ?? {}, lang) ?? '';
}

/** `ntm --help` in a language. */
export function generalHelpIn(lang: Lang): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((k) => k.length));
  return t('help.general', { commands: names.map((k) => `  ${k.padEnd(width)}  ${commandSummary(k, lang)}`).join('\n') }, lang);
}
