import { rollUp, rollUpText } from './rollup.js';
import type { CommuneResult } from '../schema/result.js';
import type { BatchEntry } from '../evaluate/commune.js';
import type { Lang } from '../requirement/format.js';
import { COMMUNE_STATUS_TEXT, REPORT_TEXT, STATUS_MARK } from './labels.js';
import { stateOf } from '../evaluate/status.js';
import { basicallyMetOf } from './csv.js';
import { printable } from '../errors.js';
import { buildReport, conflictRows } from './model.js';
import { setNotes } from './set-notes.js';
import {
  communeGaps,
  communeLabel,
  formatValue,
  gapKindText,
  ownersText,
  requirementText,
  requirementUnit,
  shortfallPhrase,
  type ReportContext,
} from './gaps.js';

/**
 * Text as a terminal may print it: control characters (escape sequences, line breaks, bidi
 * overrides) shown as `\u001b` escapes, so a name from a file cannot drive the terminal or
 * forge a line of the report.
 *
 * @example plainText('Đắk\u001b[2J') // 'Đắk\\u001b[2J'
 */
export function plainText(s: string): string {
  return printable(s).replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Display width of a string in a monospace terminal (combining marks take no column). */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * A plain-text commune × criteria matrix: one row per commune (its name, else its id), one
 * column per criterion (✓ met, ✗ not met, ? undetermined), then the counts and the status.
 *
 * @example console.log(criteriaMatrixTable(results, 'vi'))
 */
export function criteriaMatrixTable(results: readonly CommuneResult[], lang: Lang = 'vi'): string {
  if (results.length === 0) return '';
  const numbers = results[0]!.criteria.map((c) => c.number);
  const labels = results.map((r) => plainText(r.name ?? r.communeId));
  const nameHead = lang === 'vi' ? 'Xã' : 'Commune';
  // A loop, not Math.max(...labels): spreading 125,000 arguments overflows the stack.
  let nameWidth = displayWidth(nameHead);
  for (const label of labels) nameWidth = Math.max(nameWidth, displayWidth(label));
  const cell = Math.max(2, ...numbers.map((n) => n.length));
  const counts = REPORT_TEXT[lang].countsShort;
  const statusHead = lang === 'vi' ? 'Kết quả' : 'Status';
  const head = [pad(nameHead, nameWidth), ...numbers.map((n) => n.padStart(cell)), ...counts.map((c) => c.padStart(4)), statusHead].join(' ');
  const lines = [head, '-'.repeat(displayWidth(head) + 10)];
  results.forEach((r, i) => {
    const byNumber = new Map(r.criteria.map((c) => [c.number, stateOf(c)]));
    lines.push(
      [
        pad(labels[i]!, nameWidth),
        ...numbers.map((n) => {
          const s = byNumber.get(n);
          return (s === undefined ? '' : STATUS_MARK[s]).padStart(cell);
        }),
        String(r.criteriaMet).padStart(4),
        String(r.criteriaNotMet).padStart(4),
        String(basicallyMetOf(r)).padStart(4),
        String(r.criteriaUndetermined).padStart(4),
        COMMUNE_STATUS_TEXT[lang][r.status],
      ].join(' '),
    );
  });
  const t = REPORT_TEXT[lang];
  const legend = `${STATUS_MARK.met} ${t.legendMet}  ${STATUS_MARK['basically-met']} ${t.legendBasicallyMet}  ${STATUS_MARK['not-met']} ${t.legendNotMet}  ${STATUS_MARK.undetermined} ${t.legendUndetermined}`;
  lines.push('', legend, t.legendCounts, '', rollUpText(rollUp(results), lang));
  return lines.join('\n');
}

/**
 * Each commune's gaps as indented terminal lines: criterion, indicator, outcome, value against
 * requirement, shortfall and lead agency.
 *
 * @example console.log(gapsText(results, 'vi'))
 */
export function gapsText(results: readonly CommuneResult[], lang: Lang = 'vi', context: ReportContext = {}): string {
  const t = REPORT_TEXT[lang];
  const lines: string[] = [];
  for (const r of results) {
    const gaps = communeGaps(r, context.criterionOwners);
    lines.push(`${plainText(communeLabel(r))} — ${COMMUNE_STATUS_TEXT[lang][r.status]} (${r.criteriaMet}/${r.criteria.length})`);
    if (gaps.length === 0) lines.push(`  ${t.noGaps}`);
    for (const g of gaps) {
      const what = g.code === null ? `${t.criterion} ${g.criterion}` : `${g.code}`;
      const facts: string[] = [];
      if (g.value !== null) facts.push(`${t.value.toLowerCase()} ${formatValue(g.value, requirementUnit(g.requirement), lang)}`);
      if (g.requirement !== null && g.requirement.kind !== 'unknown') facts.push(`${t.requirement.toLowerCase()} ${requirementText(g.requirement, lang)}`);
      if (g.shortfall !== null) facts.push(shortfallPhrase(g.shortfall, g.requirement, lang));
      const detail = facts.length > 0 ? ` — ${facts.join(', ')}` : '';
      const owners = g.owners.length > 0 ? ` [${ownersText(g.owners, lang, context.agencies)}]` : '';
      lines.push(`  ${what}: ${gapKindText(g, lang)}${detail}${owners}`);
    }
  }
  return lines.join('\n');
}

/**
 * The terminal report of a batch: the matrix, each commune's gaps, then the entries that failed.
 *
 * @example console.log(resultsText(entries, 'en'))
 */
export function resultsText(entries: readonly BatchEntry[], lang: Lang = 'vi', context: ReportContext = {}): string {
  const results = entries.filter((e): e is CommuneResult => !('error' in e));
  const errors = entries.filter((e) => 'error' in e);
  const t = REPORT_TEXT[lang];
  const parts = [...setNotes(context.set, lang).flatMap((n) => [plainText(n), '']), criteriaMatrixTable(results, lang), '', gapsText(results, lang, context)];
  const model = buildReport(entries, { ...context, lang });
  if (model.conflicts.length > 0) {
    parts.push('', `${t.conflicts}:`);
    for (const row of conflictRows(model.conflicts, lang)) {
      const [commune, criterion, indicator, value, requirement, verdict, valueSays] = row.map(plainText);
      parts.push(`  ${commune} — ${t.criterion} ${criterion}, ${indicator}: ${t.verdictGiven.toLowerCase()} ${verdict}; ${t.valueSays.toLowerCase()} ${valueSays}${value === '—' ? '' : ` (${value}${requirement === '—' ? '' : `, ${t.requirement.toLowerCase()} ${requirement}`})`}`);
    }
  }
  if (errors.length > 0) {
    parts.push('', `${t.errors}:`);
    for (const e of errors) if ('error' in e) for (const line of e.error.message.split('\n')) parts.push(`  #${e.index}${e.communeId ? ` ${plainText(e.communeId)}` : ''}: ${plainText(line)}`);
  }
  return parts.join('\n');
}
