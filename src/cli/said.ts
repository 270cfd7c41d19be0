import type { Lang } from '../requirement/format.js';

/**
 * An error `ntm` says in the run's language: `message` is the English text (what `Error.message`
 * and logs carry), `vi` the same written in Vietnamese from the same data, never translated from
 * the English. The subclasses differ only by their exit code, which the shell reads from the class.
 */
export class SaidInBoth extends Error {
  constructor(
    message: string,
    readonly vi: string,
  ) {
    super(message);
  }

  /** The message in a language. */
  text(lang: Lang): string {
    return { vi: this.vi, en: this.message }[lang];
  }
}
