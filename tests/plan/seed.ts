/**
 * Reads the Đắk Song 2023 plan's text (a copy of the seed in fixtures/) so tests can pin the
 * plan file against what the document says, section by section.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_TEXT = readFileSync(fileURLToPath(new URL('./fixtures/dak-song-ntm-plan-2023.txt', import.meta.url)), 'utf8');

/** Collapses whitespace and markdown emphasis, lower-cases: for "does the plan say this" checks. */
export function normText(s: string): string {
  return s.replace(/\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `quote` appears in the plan's text (modulo whitespace, emphasis and case). */
export function seedSays(quote: string): boolean {
  return normText(SEED_TEXT).includes(normText(quote));
}

/**
 * Section III.2 ("Nhiệm vụ, giải pháp cụ thể"), split into its numbered subsections:
 * `{ '2.3': { heading: 'Phòng Kinh tế và Hạ tầng:', body: '…' }, … }`.
 */
export function tasksSections(): Record<string, { heading: string; body: string }> {
  const start = SEED_TEXT.indexOf('2. Nhiệm vụ, giải pháp cụ thể');
  const end = SEED_TEXT.indexOf('IV. TỔ CHỨC THỰC HIỆN');
  if (start < 0 || end < start) throw new Error('section III.2 not found in the seed');
  const text = SEED_TEXT.slice(start, end);
  const out: Record<string, { heading: string; body: string }> = {};
  const re = /^(2\.\d+)\.\s*(.*)$/gm;
  const heads = [...text.matchAll(re)];
  heads.forEach((m, i) => {
    const bodyStart = m.index! + m[0].length;
    const bodyEnd = i + 1 < heads.length ? heads[i + 1]!.index! : text.length;
    out[m[1]!] = { heading: m[2]!.trim(), body: text.slice(bodyStart, bodyEnd) };
  });
  return out;
}

/**
 * The codes a III.2 subsection assigns: whole criteria ("Tiêu chí số 01 về Quy hoạch" → "1")
 * and indicators ("17.10", "9.2"). "thuộc / của tiêu chí số 17 về …" names the parent of an
 * indicator, not an assignment.
 */
export function codesAssigned(body: string): string[] {
  const flat = body.replace(/\s+/g, ' ');
  const codes: string[] = [];
  for (const m of flat.matchAll(/(thuộc |của )?[Tt]iêu chí số (\d+) về/g)) {
    if (!m[1]) codes.push(String(Number(m[2])));
  }
  for (const m of flat.matchAll(/\b(\d{1,2}\.\d{1,2})\b/g)) codes.push(m[1]!);
  return codes;
}
