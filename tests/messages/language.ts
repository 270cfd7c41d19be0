/**
 * What makes a line English or Vietnamese, for the tests that keep a run in one language. A
 * Vietnamese text must not contain these English words; an English text must not contain a
 * Vietnamese letter. Quoted text ("Đạt", what a cell held) is a word a person types or data, the
 * same in both languages, and is left out.
 */
export const ENGLISH_WORD = /(?<![\p{L}\d])(the|is|not|expected|got|row|rows|cells?|header|missing|met|value|unknown|cannot|with|and|of|file|must|error|commune|communes|criteria|criterion|indicator|indicators|threshold|target|status|data|wording|level|note|verdict|formula|percentage|quote|column|agency|known|needs?|should|no|for|from|in|on|at|or|by|to|which|has|have|are|was|be|this|that|these|given|set|year|years|option|options|command|usage|help|sheet|plan|report|deadline|due|submit|district|province)(?![\p{L}\d])/iu;
/** Letters only Vietnamese uses (with its tones and marks), beyond plain ASCII. */
export const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

/** A text without its quoted parts. */
export function unquoted(text: string): string {
  return text.replace(/"[^"\n]*"/g, ' ').replace(/“[^”\n]*”/g, ' ');
}

/** The words of `text` that belong to the other language than `lang`. */
export function otherLanguage(text: string, lang: 'vi' | 'en'): string[] {
  const plain = unquoted(text);
  if (lang === 'vi') return [...plain.matchAll(new RegExp(ENGLISH_WORD.source, 'giu'))].map((m) => m[0]);
  return [...plain.matchAll(new RegExp(VIETNAMESE_LETTER.source, 'giu'))].map((m) => m[0]);
}
