import { summaryLine } from './rollup.js';
import type { BatchEntry } from '../evaluate/commune.js';
import type { Lang } from '../requirement/format.js';
import { formatDate } from '../messages/index.js';
import type { VerdictState } from '../schema/result.js';
import {
  communeLabel,
  criterionNumbers,
  resultsOf,
  type ReportContext,
} from './gaps.js';
import { COMMUNE_STATUS_TEXT, CRITERION_STATUS_TEXT, REPORT_TEXT, STATUS_MARK } from './labels.js';
import { stateOf } from '../evaluate/status.js';
import { basicallyMetOf } from './csv.js';
import { buildReport, conflictHead, conflictRows, gapHead, gapRows } from './model.js';
import { setNotes } from './set-notes.js';

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example escapeHtml('<b> & "x"') // '&lt;b&gt; &amp; &quot;x&quot;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Inline styles only: the report must open from a file or an e-mail attachment with no network.
const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-top:1.4rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top}
th{background:#f2f2f2;text-align:left}.matrix td.c,.matrix th.c{text-align:center;min-width:1.6rem;font-weight:600}
.met{background:#c8e6c9;color:#1b5e20}.basically-met{background:#ffe0b2;color:#8a4b00}.not-met{background:#ffcdd2;color:#b71c1c}.undetermined{background:#fff3c4;color:#7a5a00}
.legend span.swatch{display:inline-block;padding:0 .5rem;margin-right:.3rem;border:1px solid #999}.legend{margin:.4rem 0 1rem}
.note{background:#eef3fb;border-left:4px solid #4a78c2;padding:.4rem .8rem}.num{text-align:right}.errors li{color:#b71c1c}
@media print{body{margin:0}h2{break-after:avoid}}
`;

function cellClass(s: VerdictState): string {
  return s === 'met' ? 'met' : s === 'basically-met' ? 'basically-met' : s === 'not-met' ? 'not-met' : 'undetermined';
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, cls = ''): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A self-contained HTML report (inline CSS, no script, no external asset): the commune × criteria
 * matrix coloured met / not met / undetermined with a legend, each commune's gaps with owner,
 * requirement and shortfall, targets, next deadlines, and rows with errors. Vietnamese by default.
 *
 * @example writeFileSync('bao-cao.html', resultsHtml(entries, { lang: 'vi', set, deadlines }))
 */
export function resultsHtml(entries: readonly BatchEntry[], context: ReportContext & { lang?: Lang } = {}): string {
  const lang = context.lang ?? 'vi';
  const t = REPORT_TEXT[lang];
  const results = resultsOf(entries);
  const numbers = criterionNumbers(results);
  const errors = entries.filter((e) => 'error' in e);
  const parts: string[] = [];

  parts.push(`<h1>${escapeHtml(t.title)}</h1>`);
  if (context.set) {
    const s = context.set;
    parts.push(
      `<p class="set">${escapeHtml(t.set)}: <strong>${escapeHtml(lang === 'vi' ? s.nameVi : s.nameEn)}</strong> (<code>${escapeHtml(s.id)}</code>) — ${escapeHtml(t.legalBasis)}: ${escapeHtml(`${s.legalBasis.number}, ${formatDate(s.legalBasis.date, lang)}`)}</p>`,
    );
  }
  for (const note of [...setNotes(context.set, lang), ...(context.notes ?? [])]) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  parts.push(`<p class="summary">${escapeHtml(summaryLine(results, errors.length, lang))}</p>`);

  // Matrix
  parts.push(`<h2 id="matrix">${escapeHtml(t.matrix)}</h2>`);
  const head = `<tr><th>${escapeHtml(t.commune)}</th>${numbers.map((n) => `<th class="c" scope="col">${escapeHtml(n)}</th>`).join('')}${t.countsShort.map((c) => `<th class="c">${escapeHtml(c)}</th>`).join('')}<th>${escapeHtml(t.status)}</th></tr>`;
  const rows = results.map((r) => {
    const cells = numbers.map((n) => {
      const c = r.criteria.find((x) => x.number === n);
      if (!c) return '<td class="c"></td>';
      const state = stateOf(c);
      const title = `${n}. ${lang === 'vi' ? c.nameVi : c.nameEn}: ${CRITERION_STATUS_TEXT[lang][state]}`;
      return `<td class="c ${cellClass(state)}" data-criterion="${escapeHtml(n)}" data-status="${c.status}" data-state="${state}" title="${escapeHtml(title)}">${STATUS_MARK[state]}</td>`;
    });
    return `<tr data-commune="${escapeHtml(r.communeId)}"><th scope="row">${escapeHtml(communeLabel(r))}</th>${cells.join('')}<td class="num">${r.criteriaMet}</td><td class="num">${r.criteriaNotMet}</td><td class="num">${basicallyMetOf(r)}</td><td class="num">${r.criteriaUndetermined}</td><td class="${cellClass(r.status)}">${escapeHtml(COMMUNE_STATUS_TEXT[lang][r.status])}</td></tr>`;
  });
  parts.push(`<table class="matrix"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
  parts.push(
    `<p class="legend">${escapeHtml(t.legend)}: <span class="swatch met">${STATUS_MARK.met}</span>${escapeHtml(t.legendMet)} &nbsp; <span class="swatch basically-met">${STATUS_MARK['basically-met']}</span>${escapeHtml(t.legendBasicallyMet)} &nbsp; <span class="swatch not-met">${STATUS_MARK['not-met']}</span>${escapeHtml(t.legendNotMet)} &nbsp; <span class="swatch undetermined">${STATUS_MARK.undetermined}</span>${escapeHtml(t.legendUndetermined)}</p>`,
    `<p class="legend">${escapeHtml(t.legendCounts)}</p>`,
  );

  // Gaps
  const model = buildReport(entries, { ...context, lang });
  parts.push(`<h2 id="gaps">${escapeHtml(t.gaps)}</h2>`);
  for (const { result: r, gaps } of model.communes) {
    parts.push(`<section class="commune" data-commune="${escapeHtml(r.communeId)}"><h3><span class="${cellClass(r.status)}">${escapeHtml(COMMUNE_STATUS_TEXT[lang][r.status])}</span> ${escapeHtml(communeLabel(r))} (${r.criteriaMet}/${r.criteria.length})</h3>`);
    if (gaps.length === 0) parts.push(`<p>${escapeHtml(t.noGaps)}</p>`);
    else parts.push(table(gapHead(lang), gapRows(gaps, lang, context), 'gaps'));
    parts.push('</section>');
  }
  if (model.conflicts.length > 0) {
    parts.push(`<h2 id="conflicts">${escapeHtml(t.conflicts)}</h2>`);
    parts.push(table(conflictHead(lang), conflictRows(model.conflicts, lang), 'conflicts'));
  }

  if (context.targets && context.targets.length > 0) {
    parts.push(`<h2 id="targets">${escapeHtml(t.targets)}</h2>`);
    parts.push(table([t.commune, t.target, t.status, t.detail], context.targets.map((x) => [x.communeId ?? '—', x.label, t.targetStatus[x.status], x.detail]), 'targets'));
  }
  if (context.deadlines && context.deadlines.length > 0) {
    parts.push(`<h2 id="deadlines">${escapeHtml(t.deadlines)}</h2>`);
    parts.push(table([t.report, t.dueBefore, t.lastDay, t.submitTo], context.deadlines.map((d) => [d.label, formatDate(d.dueBefore, lang), formatDate(d.lastDay, lang), d.submitTo ?? '—']), 'deadlines'));
  }
  if (errors.length > 0) {
    parts.push(`<h2 id="errors">${escapeHtml(t.errors)}</h2><ul class="errors">`);
    for (const e of errors) if ('error' in e) parts.push(`<li>#${e.index}${e.communeId ? ` <code>${escapeHtml(e.communeId)}</code>` : ''}: ${escapeHtml(e.error.message)}</li>`);
    parts.push('</ul>');
  }

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
