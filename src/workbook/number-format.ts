/**
 * Excel number format codes (ECMA-376 §18.8.31), parsed as Excel reads them, to know what a
 * number cell shows: a percentage (the stored 0.95 is shown as 95 %), a date, or a plain number.
 *
 * Hand-written rather than taken from a formatting package: the reader needs three facts about
 * the section a value is shown through — percent, date, text — not the formatted text, and a
 * parser of sections and tokens is small enough to test whole here (tests/workbook/number-format.test.ts).
 *
 * What is literal, never a format character: `"quoted text"`, a character after `\`, the
 * character after `_` (a space as wide as it) and after `*` (a fill), and everything inside
 * brackets except an elapsed-time unit (`[h]`, `[mm]`, `[ss]`). So `0\%` and `0"%"` show the
 * number followed by a percent sign, without multiplying it by 100.
 */

/** A comparison a section is chosen by: `[>=100]`, `[<0]`. */
export interface FormatCondition {
  operator: '<' | '<=' | '>' | '>=' | '=' | '<>';
  value: number;
}

/** What one section (between `;`) of a format code does to a number. */
export interface FormatSection {
  /** A `%` outside literals: the number is shown multiplied by 100. */
  percent: boolean;
  /** Date or time parts (`d`, `m`, `y`, `h`, `s`, `AM/PM`, `[h]`): the number is a serial date. */
  date: boolean;
  /** An `@`: the section shows text. */
  text: boolean;
  /** A digit placeholder (`0`, `#`, `?`) or `General`: the section shows the number. */
  digits: boolean;
  /** The section's condition, when it has one. */
  condition?: FormatCondition;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i;
const ELAPSED = /^(h+|m+|s+)$/i;

/**
 * Where a quoted text (`"%"`) or an escaped, padding or fill character (`\%`, `_)`, `*-`) that
 * starts at `i` ends, or `undefined` when none starts there: such characters are shown as they
 * are and mean nothing to the format.
 */
function literalEnd(code: string, i: number): number | undefined {
  const c = code[i];
  if (c === '"') {
    const end = code.indexOf('"', i + 1);
    return end < 0 ? code.length : end;
  }
  return c === '\\' || c === '_' || c === '*' ? i + 1 : undefined;
}

/** Where a bracketed part (`[Red]`, `[>=100]`, `[$-F800]`) that starts at `i` ends. */
function bracketEnd(code: string, i: number): number {
  const end = code.indexOf(']', i + 1);
  return end < 0 ? code.length : end;
}

/** One section's tokens read into a {@link FormatSection}. */
function readSection(code: string): FormatSection {
  const s: FormatSection = { percent: false, date: false, text: false, digits: false };
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    const skip = literalEnd(code, i);
    if (skip !== undefined) i = skip;
    else if (c === '[') {
      const end = bracketEnd(code, i);
      const inner = code.slice(i + 1, end).trim();
      i = end;
      const cond = CONDITION.exec(inner);
      if (cond) s.condition = { operator: cond[1] as FormatCondition['operator'], value: Number(cond[2]) };
      else if (ELAPSED.test(inner)) s.date = true;
      // A system date format (`[$-F800]`, `[$-F400]`) shows a date in the reader's locale.
      else if (/^\$-F[48]00$/i.test(inner)) s.date = true;
    } else if (c === '%') s.percent = true;
    else if (c === '@') s.text = true;
    else if (c === '0' || c === '#' || c === '?') s.digits = true;
    else if (/^general/i.test(code.slice(i))) {
      s.digits = true;
      i += 'general'.length - 1;
    } else if (/^(am\/pm|a\/p)/i.test(code.slice(i))) {
      s.date = true;
      i += code[i + 1] === '/' ? 2 : 4;
    } else if (c === 'E' || c === 'e') {
      // `E+` / `E-` is an exponent; `e` alone is a year in some locales.
      if (code[i + 1] === '+' || code[i + 1] === '-') i++;
      else s.date = true;
    } else if (/[dmyhsbg]/i.test(c)) {
      // `b` (Buddhist year) and `g` (era) are date parts too; `m` is a month or a minute.
      s.date = true;
    }
  }
  return s;
}

/** The sections of a format code, split at `;` outside quotes, escapes and brackets. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    const skip = literalEnd(code, i);
    if (skip !== undefined) i = skip;
    else if (c === '[') i = bracketEnd(code, i);
    else if (c === ';') {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

// Files repeat a handful of codes over thousands of cells: each is parsed once.
const parsed = new Map<string, readonly FormatSection[]>();

/**
 * The sections of an Excel number format code.
 *
 * @example parseNumberFormat('0%;-0%;"-"').map((s) => s.percent) // [true, true, false]
 */
export function parseNumberFormat(code: string): readonly FormatSection[] {
  let sections = parsed.get(code);
  if (sections === undefined) {
    sections = Object.freeze(splitSections(code).map(readSection));
    if (parsed.size < 10_000) parsed.set(code, sections);
  }
  return sections;
}

const holds = (c: FormatCondition, v: number): boolean => {
  switch (c.operator) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '=':
      return v === c.value;
    case '<>':
      return v !== c.value;
  }
};

/**
 * The section Excel shows a number through: with conditions (`[>=100]…;[<0]…;…`) the first whose
 * condition holds, else the section after them; without, positive;negative;zero (two sections:
 * zero shows through the first). A fourth section is for text only. `undefined` when the code
 * has no section for the number (Excel then shows `####`).
 *
 * @example numberFormatSection('0%;-0%;"-"', 0)?.percent // false
 */
export function numberFormatSection(code: string, value: number): FormatSection | undefined {
  const all = parseNumberFormat(code);
  // A text section (with `@` and no digits) never shows a number.
  const sections = all.length > 3 ? all.slice(0, 3) : all.filter((s, i) => !(i > 0 && s.text && !s.digits));
  if (sections.some((s) => s.condition)) {
    const [a, b, c] = sections;
    if (a?.condition ? holds(a.condition, value) : a && value > 0) return a;
    if (b?.condition ? holds(b.condition, value) : b && !a?.condition && value < 0) return b;
    if (b && !b.condition && a?.condition) return b;
    return c;
  }
  if (sections.length === 1) return sections[0];
  if (value > 0 || (value === 0 && sections.length === 2)) return sections[0];
  if (value < 0) return sections[1];
  return sections[2];
}

/**
 * Whether an Excel number format shows a number as a percentage — for `value`, through the
 * section that shows it; without a value, through the first section. A `%` that is quoted
 * (`0"%"`), escaped (`0\%`), a fill or a space width, or inside brackets is text, not a percentage.
 *
 * @example isPercentFormat('0.0%') // true
 * @example isPercentFormat('0\\%') // false
 */
export function isPercentFormat(numFmt: string | undefined, value?: number): boolean {
  if (!numFmt) return false;
  const s = value === undefined ? parseNumberFormat(numFmt)[0] : numberFormatSection(numFmt, value);
  return s?.percent === true;
}

/**
 * Whether an Excel number format shows a number as a date or time (for `value`, through the
 * section that shows it; without, through any section), ignoring literals and `General`.
 *
 * @example isDateFormat('dd/mm/yyyy') // true
 * @example isDateFormat('0.0 "ngày"') // false
 */
export function isDateFormat(numFmt: string | undefined, value?: number): boolean {
  if (!numFmt) return false;
  if (value !== undefined) return numberFormatSection(numFmt, value)?.date === true;
  return parseNumberFormat(numFmt).some((s) => s.date);
}
