import type { Lang } from '../requirement/format.js';
import { escapeHtml } from './html.js';
import { mdCell } from './markdown.js';
import { displayWidth, plainText } from './table.js';

/** A block of a report document: a heading, a paragraph, a list or a table. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; rowStatus?: Array<'met' | 'not-met' | 'undetermined' | null> };

/** A report as blocks, rendered to text, Markdown or HTML so every format says the same thing. */
export interface ReportDocument {
  lang: Lang;
  title: string;
  blocks: Block[];
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The document as terminal text: headings underlined, tables padded. */
export function documentText(doc: ReportDocument): string {
  // Every text of the document may come from a file: shown with its control characters escaped.
  const title = plainText(doc.title);
  const out: string[] = [title, '='.repeat(displayWidth(title))];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      const text = plainText(b.text);
      out.push('', text, (b.level === 1 ? '=' : '-').repeat(displayWidth(text)));
    } else if (b.kind === 'paragraph') out.push(plainText(b.text));
    else if (b.kind === 'list') out.push(...b.items.map((i) => `  - ${plainText(i)}`));
    else {
      const head = b.head.map(plainText);
      const rows = b.rows.map((r) => r.map(plainText));
      const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
      out.push(head.map((h, i) => pad(h, widths[i]!)).join('  ').trimEnd());
      out.push(widths.map((w) => '-'.repeat(w)).join('  '));
      for (const r of rows) out.push(r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd());
    }
  }
  return out.join('\n') + '\n';
}

/** The document as Markdown. */
export function documentMarkdown(doc: ReportDocument): string {
  // Every text is escaped: a name from a file cannot add a heading, a link or an image.
  const out: string[] = [`# ${mdCell(doc.title)}`];
  for (const b of doc.blocks) {
    out.push('');
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level + 1)} ${mdCell(b.text)}`);
    else if (b.kind === 'paragraph') out.push(b.note ? `> ${mdCell(b.text)}` : mdCell(b.text));
    else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${mdCell(i)}`));
    else out.push(`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`));
  }
  return out.join('\n') + '\n';
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-top:1.4rem}h4{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top}th{background:#f2f2f2;text-align:left}
tr.met td{background:#e8f5e9}tr.not-met td{background:#ffebee}tr.undetermined td{background:#fff8e1}
.note{background:#eef3fb;border-left:4px solid #4a78c2;padding:.4rem .8rem}@media print{body{margin:0}}
`;

/** The document as one self-contained HTML page (inline CSS, no script, no external asset). */
export function documentHtml(doc: ReportDocument): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(`<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`);
    else if (b.kind === 'paragraph') out.push(`<p${b.note ? ' class="note"' : ''}>${escapeHtml(b.text)}</p>`);
    else if (b.kind === 'list') out.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    else {
      const rows = b.rows.map((r, i) => {
        const s = b.rowStatus?.[i];
        return `<tr${s ? ` class="${s}"` : ''}>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
      });
      out.push(`<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`, ...rows, '</tbody></table>');
    }
  }
  out.push('</body></html>');
  return out.join('\n') + '\n';
}
