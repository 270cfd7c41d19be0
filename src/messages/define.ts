/**
 * The shape of a catalogue entry: a Vietnamese and an English text and the parameters both take,
 * declared by kind. The declaration is data (a test renders every entry in both languages from
 * it); the texts are functions of the typed parameters and the language's {@link Locale}.
 */
import type { Lang } from './lang.js';
import type { Locale } from './locale.js';

/**
 * What a parameter is:
 * - `name` — a name from data (a commune, an agency, a file): printed as given, in both languages;
 * - `code` — an identifier (an indicator code, a set id, an error code): printed as given;
 * - `text` — a text already worded in the run's language (another entry's output);
 * - `number` — a number, formatted by the text with the locale (`f.number`, `f.quantity`);
 * - `date` — a calendar date `YYYY-MM-DD`; `period` — a reporting period id (`2023-Q1`);
 * - `list` — several names or codes.
 *
 * A kind ending in `?` may be left out.
 */
export type ParamKind = 'name' | 'code' | 'text' | 'number' | 'date' | 'period' | 'list';
type KindTypes = { name: string; code: string; text: string; number: number; date: string; period: string; list: readonly string[] };

/** The parameter declarations of an entry. */
export type ParamSpec = Readonly<Record<string, ParamKind | `${ParamKind}?`>>;

/** The parameter object a {@link ParamSpec} declares. */
export type ParamsOf<S extends ParamSpec> = { readonly [K in keyof S as S[K] extends `${string}?` ? never : K]: S[K] extends ParamKind ? KindTypes[S[K]] : never } & {
  readonly [K in keyof S as S[K] extends `${string}?` ? K : never]?: S[K] extends `${infer B extends ParamKind}?` ? KindTypes[B] | undefined : never;
};

/** A text of one language: fixed, or written from the parameters with the language's locale. */
export type Text<P> = string | ((p: P, f: Locale) => string);

/** One catalogue entry. */
export interface Entry<S extends ParamSpec = ParamSpec> {
  readonly params: S;
  readonly vi: Text<ParamsOf<S>>;
  readonly en: Text<ParamsOf<S>>;
}

/**
 * An entry with parameters: their kinds, then the Vietnamese and the English text.
 *
 * @example
 * msg({ code: 'code', value: 'number' },
 *   (p, f) => `${p.code}: giá trị ${f.number(p.value)}`,
 *   (p, f) => `${p.code}: value ${f.number(p.value)}`)
 */
export function msg<const S extends ParamSpec>(params: S, vi: Text<ParamsOf<S>>, en: Text<ParamsOf<S>>): Entry<S> {
  return Object.freeze({ params, vi, en });
}

/**
 * An entry without parameters (a label, a heading).
 *
 * @example label('Đạt', 'met')
 */
export function label(vi: string, en: string): Entry<Record<never, never>> {
  return Object.freeze({ params: {}, vi, en });
}

/**
 * A domain's entries. Every code starts with `<domain>.` so that no two domain files can define
 * the same code (the index merges them).
 */
export function domain<const D extends string, const M extends Readonly<Record<string, Entry<any>>>>(_domain: D, entries: M & { readonly [K in keyof M]: K extends `${D}.${string}` ? unknown : never }): M {
  return entries;
}

/** A text rendered in a language. */
export function render<S extends ParamSpec>(entry: Entry<S>, params: ParamsOf<S>, lang: Lang, locale: Locale): string {
  const text = entry[lang];
  return typeof text === 'string' ? text : text(params, locale);
}
