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
