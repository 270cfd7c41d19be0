import type { Lang } from '../requirement/format.js';
import type { RecognitionDossier } from '../recognition/dossier.js';
import type { Source } from '../schema/common.js';
import type { Workbook, Cell } from '../workbook/sheet.js';
import { sayer } from '../messages/index.js';
import { CRITERION_STATUS_TEXT, INDICATOR_STATUS_TEXT, indicatorName } from './labels.js';
import { formatValue } from './gaps.js';
import type { Block, ReportDocument } from './document.js';

type Agencies = ReadonlyMap<string, { nameVi: string; nameEn: string }>;

/** A source as one cell: decision, provision, and how sure the value is, in the report's language. */
function sourceCell(s: Source, lang: Lang): string {
  return [s.decision, s.provision, sayer(lang)(`dossier.confidence.${s.confidence}`)].filter((x) => x !== undefined && x !== '').join(' — ');
}

function agencyNames(ids: readonly string[], agencies: Agencies | undefined, lang: Lang): string[] {
  return ids.map((id) => {
    const a = agencies?.get(id);
    return a ? (lang === 'vi' ? a.nameVi : a.nameEn) : id;
  });
}

const CONDITION_STATUS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: CRITERION_STATUS_TEXT.vi,
  en: CRITERION_STATUS_TEXT.en,
};

/** The tables of the dossier, shared by every format (text, Markdown, HTML, XLSX). */
function dossierTables(d: RecognitionDossier, lang: Lang, agencies?: Agencies) {
  const say = sayer(lang);
  const head = [say('dossier.col.code'), say('dossier.col.name'), say('dossier.col.status'), say('dossier.col.value'), say('dossier.col.requirement'), say('dossier.col.source'), say('dossier.col.owner')];
  const rows: string[][] = [];
  const rowStatus: Array<'met' | 'not-met' | 'undetermined' | null> = [];
  for (const c of d.criteria) {
    const status = c.basicallyMet ? say('dossier.basicallyMet') : CRITERION_STATUS_TEXT[lang][c.status];
    rows.push([c.number, lang === 'vi' ? c.nameVi : c.nameEn, status, '', '', '', agencyNames(c.owners, agencies, lang).join('; ')]);
    rowStatus.push(c.status);
    for (const i of c.indicators) {
      const unit = i.unit;
      rows.push([
        i.code,
        indicatorName(i, lang),
        INDICATOR_STATUS_TEXT[lang][i.status as keyof (typeof INDICATOR_STATUS_TEXT)['vi']] ?? i.status,
        i.value === null ? '—' : formatValue(i.value, unit, lang),
        lang === 'vi' ? i.requirementVi : i.requirementEn,
        sourceCell(i.source, lang),
        agencyNames(i.owners, agencies, lang).join('; '),
      ]);
      rowStatus.push(null);
    }
  }
  const condHead = [say('dossier.col.code'), say('dossier.col.name'), say('dossier.col.status'), say('dossier.col.facts'), say('dossier.col.owner'), say('dossier.col.source')];
  const condRows = d.conditions.map((c) => [
    c.id,
    lang === 'vi' ? c.nameVi : c.nameEn,
    CONDITION_STATUS[lang][c.status] ?? c.status,
    lang === 'vi' ? c.textVi : c.textEn,
    agencyNames(c.owners, agencies, lang).join('; '),
    sourceCell(c.source, lang),
  ]);
  const missing = d.missing.map((m) => {
    const text =
      m.textVi !== undefined
        ? `${m.subject} ${lang === 'vi' ? m.nameVi : m.nameEn}: ${lang === 'vi' ? m.textVi : m.textEn}`
        : say('dossier.missing.criterion', { number: m.subject, name: lang === 'vi' ? m.nameVi : m.nameEn, codes: m.codes });
    return say('dossier.missing.line', { text, owners: agencyNames(m.owners, agencies, lang) });
  });
  return { head, rows, rowStatus, condHead, condRows, missing };
}

/** The heading paragraphs: set, rules and conclusion; who recognises; which year's results. */
function dossierIntro(d: RecognitionDossier, lang: Lang): string[] {
  const say = sayer(lang);
  const out = [say('dossier.about', { set: d.setId, rules: d.rulesDecision, status: say(`dossier.status.${d.status}`) })];
  if (d.decidedBy) out.push(say('dossier.decidedBy', { text: lang === 'vi' ? d.decidedBy.vi : d.decidedBy.en }));
  if (d.resultsYear) out.push(say('dossier.resultsYear', { text: lang === 'vi' ? d.resultsYear.vi : d.resultsYear.en }));
  return out;
}

/**
 * The dossier as a report document (rendered to text, Markdown or HTML by the document sinks).
 * `agencies` names the owners (a plan's agencies); ids are shown otherwise.
 */
export function dossierDocument(d: RecognitionDossier, lang: Lang, agencies?: Agencies): ReportDocument {
  const say = sayer(lang);
  const t = dossierTables(d, lang, agencies);
  const blocks: Block[] = [
    ...dossierIntro(d, lang).map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'paragraph', text: say('dossier.hypothetical'), note: true },
    { kind: 'heading', level: 1, text: say('dossier.criteria') },
    { kind: 'table', head: t.head, rows: t.rows, rowStatus: t.rowStatus },
    { kind: 'heading', level: 1, text: say('dossier.conditions') },
    { kind: 'table', head: t.condHead, rows: t.condRows },
    { kind: 'heading', level: 1, text: say('dossier.missing') },
    t.missing.length > 0 ? { kind: 'list', items: t.missing } : { kind: 'paragraph', text: say('dossier.nothingMissing') },
  ];
  return { lang, title: say('dossier.title', { name: d.name ?? d.communeId, year: d.year }), blocks };
}

/** The dossier as a workbook: an overview sheet, then one sheet per table, headers bold and frozen. */
export function dossierWorkbook(d: RecognitionDossier, lang: Lang, agencies?: Agencies): Workbook {
  const say = sayer(lang);
  const t = dossierTables(d, lang, agencies);
  const text = (v: string): Cell => ({ value: v, wrap: true });
  const bold = (v: string): Cell => ({ value: v, bold: true });
  const table = (name: string, head: string[], rows: string[][]) => ({
    name,
    rows: [head.map(bold), ...rows.map((r) => r.map(text))],
    widths: head.map((_, i) => (i === 1 ? 50 : i === 0 ? 8 : 24)),
    frozenRows: 1,
  });
  const overview = [[bold(say('dossier.title', { name: d.name ?? d.communeId, year: d.year }))], ...dossierIntro(d, lang).map((p) => [text(p)]), [text(say('dossier.hypothetical'))]];
  return {
    sheets: [
      { name: lang === 'vi' ? 'Tổng quan' : 'Overview', rows: overview, widths: [120] },
      table(lang === 'vi' ? 'Tiêu chí' : 'Criteria', t.head, t.rows),
      table(lang === 'vi' ? 'Điều kiện' : 'Conditions', t.condHead, t.condRows),
      table(lang === 'vi' ? 'Còn thiếu' : 'Missing', [say('dossier.missing')], t.missing.length > 0 ? t.missing.map((m) => [m]) : [[say('dossier.nothingMissing')]]),
    ],
  };
}
