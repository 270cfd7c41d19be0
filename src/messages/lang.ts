/** Language of generated texts: every run speaks one of them, every catalogue entry has both. */
export type Lang = 'vi' | 'en';

/** The languages, Vietnamese first (the offices' language and the default). */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/**
 * The language a locale string (`NTM_LANG`, `LANG`: `vi_VN.UTF-8`, `en_GB`, `vi`) names, or
 * `undefined` when it names neither.
 *
 * @example langOfLocale('vi_VN.UTF-8') // 'vi'
 * @example langOfLocale('en_US.UTF-8') // 'en'
 * @example langOfLocale('C') // undefined
 */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const m = /^([a-z]{2})(?:[_.@-]|$)/i.exec((locale ?? '').trim());
  const code = m?.[1]?.toLowerCase();
  return code === 'vi' || code === 'en' ? code : undefined;
}

/**
 * The language of a run that does not say (`--lang`), from its environment: `NTM_LANG` (`vi`, `en`,
 * or a locale such as `en_US.UTF-8`), else Vietnamese. `LANG=vi_VN…` gives Vietnamese too; an
 * English `LANG` does not switch to English, since the offices' computers often run an English
 * locale for Vietnamese users — `NTM_LANG=en` does.
 *
 * @example langFromEnv({ NTM_LANG: 'en' }) // 'en'
 * @example langFromEnv({ LANG: 'en_US.UTF-8' }) // 'vi'
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  return langOfLocale(env.NTM_LANG) ?? 'vi';
}
