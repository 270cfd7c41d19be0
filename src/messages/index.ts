/**
 * The catalogue of user-facing texts: every message and label `ntm` and the reports print, keyed
 * by a code, with a Vietnamese and an English text and typed parameters. Code asks for a text by
 * its code (`t('report.summary', { met, total, errors }, lang)`) and never builds a sentence per
 * language; numbers, dates and periods are formatted by the locale helpers.
 *
 * The entries live in one file per domain under `catalogue/` (codes prefixed by the domain);
 * adding texts for a domain is editing its file, and adding a domain is one line below.
 */
import { render, type Entry, type ParamsOf, type ParamSpec } from './define.js';
import type { Lang } from './lang.js';
import { localeOf } from './locale.js';
import { calendar } from './catalogue/calendar.js';
import { gap } from './catalogue/gap.js';
import { help } from './catalogue/help.js';
import { reorganisation } from './catalogue/reorganisation.js';
import { report } from './catalogue/report.js';
import { status } from './catalogue/status.js';
import { target } from './catalogue/target.js';
import { workbook } from './catalogue/workbook.js';
import { impact } from './catalogue/impact.js';
import { guard } from './catalogue/guard.js';
import { rollup } from './catalogue/rollup.js';
import { actors } from './catalogue/actors.js';
import { dossier } from './catalogue/dossier.js';
import { io } from './catalogue/io.js';
import { cases } from './catalogue/cases.js';
import { dimension } from './catalogue/dimension.js';
import { reader } from './catalogue/reader.js';
import { condition } from './catalogue/condition.js';

export { msg, label, domain, type Entry, type ParamKind, type ParamSpec, type ParamsOf, type Text } from './define.js';
export { LANGS, langFromEnv, langOfLocale, type Lang } from './lang.js';
export { formatNumber, formatQuantity, formatDate, formatPeriod, formatList, decimalsOf, localeOf, type Locale } from './locale.js';

/** The domains of the catalogue, by name: each one's codes start with `<name>.`. */
export const DOMAINS = {
  calendar,
  gap,
  help,
  reorganisation,
  report,
  status,
  target,
  workbook,
  impact,
  guard,
  rollup,
  actors,
  dossier,
  io,
  cases,
  dimension,
  reader,
  condition,
} as const;

/** Every entry, by code. */
export const CATALOGUE = Object.freeze({
  ...calendar,
  ...gap,
  ...help,
  ...reorganisation,
  ...report,
  ...status,
  ...target,
  ...workbook,
  ...impact,
  ...guard,
  ...rollup,
  ...actors,
  ...dossier,
  ...io,
  ...cases,
  ...dimension,
  ...reader,
  ...condition,
});

type Catalogue = typeof CATALOGUE;
/** A code of the catalogue. */
export type MessageCode = keyof Catalogue;
type SpecOf<C extends MessageCode> = Catalogue[C] extends Entry<infer S> ? S : never;
/** The parameters the entry of a code takes. */
export type MessageParams<C extends MessageCode> = ParamsOf<SpecOf<C>>;
/** The arguments after the code: nothing for an entry without parameters, else its parameters. */
export type MessageArgs<C extends MessageCode> = keyof SpecOf<C> extends never ? [params?: Record<never, never>] : [params: MessageParams<C>];

/**
 * The text of a code in a language.
 *
 * @example t('report.summary', { met: 3, total: 9, errors: 0 }, 'vi') // '3/9 xã đạt chuẩn'
 * @example t('status.criterion.met', {}, 'en') // 'met'
 */
export function t<C extends MessageCode>(code: C, params: MessageParams<C>, lang: Lang): string {
  return render(CATALOGUE[code] as Entry<ParamSpec>, params as ParamsOf<ParamSpec>, lang, localeOf(lang));
}

/** A function that says codes in one language: `const say = sayer('vi'); say('report.title')`. */
export type Say = <C extends MessageCode>(code: C, ...args: MessageArgs<C>) => string;

/**
 * The texts of one language, for code that writes a whole report in it.
 *
 * @example sayer('vi')('report.title') // 'Kết quả đánh giá tiêu chí nông thôn mới'
 */
export function sayer(lang: Lang): Say {
  const locale = localeOf(lang);
  return ((code: MessageCode, params?: object) => render(CATALOGUE[code] as Entry<ParamSpec>, (params ?? {}) as ParamsOf<ParamSpec>, lang, locale)) as Say;
}

/** Whether a string is a code of the catalogue (for codes that come from data, such as an error's issue code). */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(CATALOGUE, code);
}

/**
 * The text of a code known only at run time (an issue code from a library error, a status from
 * data), or `undefined` when the catalogue has no such code.
 */
export function tryT(code: string, params: Readonly<Record<string, unknown>>, lang: Lang): string | undefined {
  return isMessageCode(code) ? render(CATALOGUE[code] as Entry<ParamSpec>, params as ParamsOf<ParamSpec>, lang, localeOf(lang)) : undefined;
}
