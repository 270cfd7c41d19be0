import type { Lang } from '../requirement/format.js';
import type { Panel } from '../schema/panel.js';
import type { RevocationRisk } from '../schema/recognition.js';
import { csvField } from './csv.js';
import { documentHtml, documentMarkdown, documentText, type Block, type ReportDocument } from './document.js';
import { COMMUNE_STATUS_TEXT, CRITERION_STATUS_TEXT, REPORT_TEXT } from './labels.js';

/** Every fixed phrase of the panel reports, per language. */
export const PANEL_TEXT = {
  vi: {
    title: 'So sánh kết quả qua các năm',
    byCommune: 'Theo xã',
    byCriterion: 'Theo tiêu chí',
    fellOut: 'Xã không còn đạt chuẩn',
    noneFell: 'Không có xã nào từ đạt chuẩn chuyển sang không đạt chuẩn.',
    gained: 'Tiêu chí đạt thêm',
    lost: 'Tiêu chí không còn đạt',
    uncertain: 'Thay đổi chưa chắc chắn',
    revocation: 'Thu hồi (18/2022/QĐ-TTg)',
    revocationStatus: { revocable: 'thuộc trường hợp thu hồi', 'not-revocable': 'chưa thuộc trường hợp thu hồi', undetermined: 'chưa xác định' },
    notRecognised: 'chưa được công nhận',
    definite: 'chắc chắn',
    possible: 'có thể, chưa xác định',
    counts: 'đạt / chưa đạt (trong đó cơ bản đạt) / chưa xác định',
    notComparable: 'khác bộ tiêu chí, không so sánh',
    more: (n: number) => `thêm ${n} tiêu chí không đạt thì bị thu hồi`,
  },
  en: {
    title: 'Results over the years',
    byCommune: 'By commune',
    byCriterion: 'By criterion',
    fellOut: 'Communes that fell out of standard',
    noneFell: 'No commune went from meeting the set to not meeting it.',
    gained: 'Criteria gained',
    lost: 'Criteria lost',
    uncertain: 'Uncertain changes',
    revocation: 'Revocation (18/2022/QĐ-TTg)',
    revocationStatus: { revocable: 'meets the revocation rule', 'not-revocable': 'does not meet the revocation rule', undetermined: 'undetermined' },
    notRecognised: 'not recognised',
    definite: 'definite',
    possible: 'possible, undetermined',
    counts: 'met / not met (of which basically met) / undetermined',
    notComparable: 'different set series, not compared',
    more: (n: number) => `${n} more below standard would meet it`,
  },
} as const;

function revocationCell(r: RevocationRisk | undefined, lang: Lang): string {
  const t = PANEL_TEXT[lang];
  if (!r) return t.notRecognised;
  const range = r.belowStandard.min === r.belowStandard.max ? `${r.belowStandard.min}/${r.criteriaTotal}` : `${r.belowStandard.min}–${r.belowStandard.max}/${r.criteriaTotal}`;
  const more = r.moreToRevoke !== null && r.moreToRevoke > 0 ? `; ${t.more(r.moreToRevoke)}` : '';
  return `${t.revocationStatus[r.status]} (${range})${more}`;
}

/** The rows of the commune table: one per commune and year, with the changes since its previous year. */
function communeRows(panel: Panel, lang: Lang): { rows: string[][]; status: Array<'met' | 'not-met' | 'undetermined'> } {
  const t = PANEL_TEXT[lang];
  const rows: string[][] = [];
  const status: Array<'met' | 'not-met' | 'undetermined'> = [];
  for (const c of panel.communes) {
    c.years.forEach((y, i) => {
      const change = i === 0 ? undefined : c.changes[i - 1];
      const total = y.criteriaMet + y.criteriaNotMet + y.criteriaUndetermined;
      rows.push([
        c.name ?? c.communeId,
        String(y.year),
        COMMUNE_STATUS_TEXT[lang][y.status],
        `${y.criteriaMet}/${y.criteriaNotMet} (${y.criteriaBasicallyMet ?? 0})/${y.criteriaUndetermined} (${total})`,
        change ? (change.comparable ? change.gained.join(', ') || '—' : t.notComparable) : '—',
        change && change.comparable ? change.lost.join(', ') || '—' : '—',
        change && change.comparable ? change.uncertain.map((u) => `${u.number}: ${CRITERION_STATUS_TEXT[lang][u.before]} → ${CRITERION_STATUS_TEXT[lang][u.after]}`).join('; ') || '—' : '—',
        c.recognised ? revocationCell(y.revocation, lang) : t.notRecognised,
      ]);
      status.push(y.status);
    });
  }
  return { rows, status };
}

/** The panel as a document: communes year by year, falls out of standard, criteria year by year. */
export function panelDocument(panel: Panel, options: { lang?: Lang; notes?: readonly string[] } = {}): ReportDocument {
  const lang = options.lang ?? 'vi';
  const t = PANEL_TEXT[lang];
  const r = REPORT_TEXT[lang];
  const blocks: Block[] = (options.notes ?? []).map((n) => ({ kind: 'paragraph', text: n, note: true }));
  const names = new Map(panel.communes.map((c) => [c.communeId, c.name ?? c.communeId]));
  blocks.push({ kind: 'heading', level: 1, text: t.byCommune });
  const { rows, status } = communeRows(panel, lang);
  blocks.push({ kind: 'table', head: [r.commune, r.year, r.status, t.counts, t.gained, t.lost, t.uncertain, t.revocation], rows, rowStatus: status });
  blocks.push({ kind: 'heading', level: 1, text: t.fellOut });
  if (panel.fellOutOfStandard.length === 0) blocks.push({ kind: 'paragraph', text: t.noneFell });
  else blocks.push({ kind: 'list', items: panel.fellOutOfStandard.map((f) => `${names.get(f.communeId) ?? f.communeId}: ${f.from} → ${f.to} (${f.definite ? t.definite : t.possible})`) });
  blocks.push({ kind: 'heading', level: 1, text: t.byCriterion });
  blocks.push({
    kind: 'table',
    head: [r.criterion, ...panel.years.map((y) => `${y} (${t.counts})`), t.gained, t.lost],
    rows: panel.criteria.map((c) => [
      `${c.number} ${lang === 'vi' ? c.nameVi : c.nameEn}`,
      ...c.byYear.map((b) => `${b.met}/${b.notMet} (${b.basicallyMet ?? 0})/${b.undetermined}`),
      c.gained.map((g) => `${names.get(g.communeId) ?? g.communeId} (${g.to})`).join(', ') || '—',
      c.lost.map((g) => `${names.get(g.communeId) ?? g.communeId} (${g.to})`).join(', ') || '—',
    ]),
  });
  return { lang, title: t.title, blocks };
}

/** The panel as terminal text. */
export function panelText(panel: Panel, options: { lang?: Lang; notes?: readonly string[] } = {}): string {
  return documentText(panelDocument(panel, options));
}

/**
 * The panel as Markdown.
 *
 * @example writeFileSync('qua-cac-nam.md', panelMarkdown(comparePanel(entries, { plan }), { lang: 'vi' }))
 */
export function panelMarkdown(panel: Panel, options: { lang?: Lang; notes?: readonly string[] } = {}): string {
  return documentMarkdown(panelDocument(panel, options));
}

/** The panel as one self-contained HTML page. */
export function panelHtml(panel: Panel, options: { lang?: Lang; notes?: readonly string[] } = {}): string {
  return documentHtml(panelDocument(panel, options));
}

/** The panel as CSV: one row per commune and year, with the changes since its previous year and the revocation risk. */
export function panelCsv(panel: Panel, lang: Lang = 'vi'): string {
  const t = PANEL_TEXT[lang];
  const r = REPORT_TEXT[lang];
  const header =
    lang === 'vi'
      ? [r.communeId, r.communeName, r.year, r.set, r.status, r.criteriaMet, r.criteriaNotMet, r.criteriaUndetermined, r.criteriaBasicallyMet, t.gained, t.lost, t.uncertain, 'Ra khỏi chuẩn', t.revocation]
      : ['communeId', 'name', 'year', 'setId', 'status', 'criteriaMet', 'criteriaNotMet', 'criteriaUndetermined', 'criteriaBasicallyMet', 'gained', 'lost', 'uncertain', 'fellOut', 'revocation'];
  const lines = [header.map(csvField).join(',')];
  for (const c of panel.communes) {
    c.years.forEach((y, i) => {
      const change = i === 0 ? undefined : c.changes[i - 1];
      const fell = c.fellOut.find((f) => f.to === y.year);
      lines.push(
        [
          c.communeId,
          c.name ?? '',
          String(y.year),
          y.setId,
          COMMUNE_STATUS_TEXT[lang][y.status],
          String(y.criteriaMet),
          String(y.criteriaNotMet),
          String(y.criteriaUndetermined),
          String(y.criteriaBasicallyMet ?? 0),
          change?.comparable ? change.gained.join(' ') : '',
          change?.comparable ? change.lost.join(' ') : '',
          change?.comparable ? change.uncertain.map((u) => u.number).join(' ') : '',
          fell ? (fell.definite ? t.definite : t.possible) : '',
          c.recognised ? revocationCell(y.revocation, lang) : t.notRecognised,
        ]
          .map(csvField)
          .join(','),
      );
    });
  }
  return lines.join('\r\n') + '\r\n';
}
