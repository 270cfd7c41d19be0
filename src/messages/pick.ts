/**
 * Data written in both languages (names and texts of rule files, plans, results) read in the run's
 * language: the one place that chooses between a `…Vi` and a `…En` field.
 */
import type { Lang } from './lang.js';

/**
 * A name in a language.
 *
 * @example nameIn({ nameVi: 'Giao thông', nameEn: 'Transport' }, 'vi') // 'Giao thông'
 */
export function nameIn<T extends string | null | undefined>(x: { readonly nameVi: T; readonly nameEn: T }, lang: Lang): T {
  return lang === 'vi' ? x.nameVi : x.nameEn;
}

/**
 * A text in a language.
 *
 * @example textIn({ textVi: '≥ 80 %', textEn: '≥ 80%' }, 'en') // '≥ 80%'
 */
export function textIn<T extends string | null | undefined>(x: { readonly textVi: T; readonly textEn: T }, lang: Lang): T {
  return lang === 'vi' ? x.textVi : x.textEn;
}

/**
 * A result's `textVi` and `textEn`, each written by the same function in its language (the
 * library's results carry both, so a caller can print either).
 *
 * @example bothLangs((lang) => t('groups.group', { group: 2 }, lang)) // { textVi: 'xã nhóm 2', textEn: 'group 2' }
 */
export function bothLangs(text: (lang: Lang) => string): { textVi: string; textEn: string } {
  return { textVi: text('vi'), textEn: text('en') };
}
