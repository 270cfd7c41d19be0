import { summaryLine } from './rollup.js';
import type { BatchEntry } from '../evaluate/commune.js';
import type { Lang } from '../requirement/format.js';
import { formatDate } from '../messages/index.js';
import {
  communeLabel,
  criterionNumbers,
  resultsOf,
  type ReportContext,
} from './gaps.js';
import { COMMUNE_STATUS_TEXT, REPORT_TEXT, STATUS_MARK } from './labels.js';
import { stateOf } from '../evaluate/status.js';
import { basicallyMetOf } from './csv.js';
import { printable } from '../errors.js';
import { buildReport, conflictHead, conflictRows, gapHead, gapRows } from './model.js';
import { setNotes } from './set-notes.js';

/**
 * Escapes text for a Markdown table cell or inline text: control characters shown as escapes,
 * line breaks as spaces, and every character Markdown or HTML could read as markup (`|`, `#`,
 * `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`) backslash-escaped — a commune name cannot add a
 * heading, a column or a link.
 *
 * @example mdCell('a | b\n# c') // 'a \\| b \\# c'
 */
export function mdCell(s: string): string {
  return printable(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/\t/g, ' ')).replace(/[\\|#*_`[\]<>!~]/g, (c) => `\\${c}`);
}

function mdTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${head.map(mdCell).join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

/**
 * A Markdown report: heading and set, the commune × criteria matrix with a legend, each commune's
 * gaps (owner, requirement, shortfall), targets, next deadlines, and rows with errors.
 *
 * @example writeFileSync('bao-cao.md', resultsMarkdown(entries, { lang: 'vi', set }))
 */
export function resultsMarkdown(entries: readonly BatchEntry[], context: ReportContext & { lang?: Lang } = {}): string {
  const lang = context.lang ?? 'vi';
  const t = REPORT_TEXT[lang];
  const results = resultsOf(entries);
  const numbers = criterionNumbers(results);
  const errors = entries.filter((e) => 'error' in e);
  const out: string[] = [`# ${t.title}`, ''];
  if (context.set) {
    const s = context.set;
    out.push(`${t.set}: **${mdCell(lang === 'vi' ? s.nameVi : s.nameEn)}** (${mdCell(s.id)}) — ${t.legalBasis}: ${mdCell(`${s.legalBasis.number}, ${formatDate(s.legalBasis.date, lang)}`)}`, '');
  }
  for (const note of [...setNotes(context.set, lang), ...(context.notes ?? [])]) out.push(`> ${mdCell(note)}`, '');
  out.push(summaryLine(results, errors.length, lang), '');

  out.push(`## ${t.matrix}`, '');
  out.push(
    ...mdTable(
      [t.commune, ...numbers, ...t.countsShort, t.status],
      results.map((r) => {
        const byNumber = new Map(r.criteria.map((c) => [c.number, stateOf(c)]));
        return [
          communeLabel(r),
          ...numbers.map((n) => {
            const s = byNumber.get(n);
            return s === undefined ? '' : STATUS_MARK[s];
          }),
          String(r.criteriaMet),
          String(r.criteriaNotMet),
          String(basicallyMetOf(r)),
          String(r.criteriaUndetermined),
          COMMUNE_STATUS_TEXT[lang][r.status],
        ];
      }),
    ),
  );
  out.push('', `${t.legend}: ${STATUS_MARK.met} ${t.legendMet} · ${STATUS_MARK['basically-met']} ${t.legendBasicallyMet} · ${STATUS_MARK['not-met']} ${t.legendNotMet} · ${STATUS_MARK.undetermined} ${t.legendUndetermined}`, '', t.legendCounts, '');

  const model = buildReport(entries, { ...context, lang });
  out.push(`## ${t.gaps}`, '');
  for (const { result: r, gaps } of model.communes) {
    out.push(`### ${mdCell(communeLabel(r))} — ${COMMUNE_STATUS_TEXT[lang][r.status]} (${r.criteriaMet}/${r.criteria.length})`, '');
    if (gaps.length === 0) {
      out.push(t.noGaps, '');
      continue;
    }
    for (const line of mdTable(gapHead(lang), gapRows(gaps, lang, context))) out.push(line);
    out.push('');
  }
  if (model.conflicts.length > 0) {
    out.push(`## ${t.conflicts}`, '');
    // One line at a time: spreading a table of 125,000 rows into push() overflows the stack.
    for (const line of mdTable(conflictHead(lang), conflictRows(model.conflicts, lang))) out.push(line);
    out.push('');
  }

  if (context.targets && context.targets.length > 0) {
    out.push(`## ${t.targets}`, '');
    out.push(
      ...mdTable(
        [t.commune, t.target, t.status, t.detail],
        context.targets.map((x) => [x.communeId ?? '—', x.label, t.targetStatus[x.status], x.detail]),
      ),
      '',
    );
  }
  if (context.deadlines && context.deadlines.length > 0) {
    out.push(`## ${t.deadlines}`, '');
    out.push(
      ...mdTable(
        [t.report, t.dueBefore, t.lastDay, t.submitTo],
        context.deadlines.map((d) => [d.label, formatDate(d.dueBefore, lang), formatDate(d.lastDay, lang), d.submitTo ?? '—']),
      ),
      '',
    );
  }
  if (errors.length > 0) {
    out.push(`## ${t.errors}`, '');
    for (const e of errors) if ('error' in e) for (const line of e.error.message.split('\n')) out.push(`- #${e.index}${e.communeId ? ` ${mdCell(e.communeId)}` : ''}: ${mdCell(line)}`);
    out.push('');
  }
  return out.join('\n');
}
