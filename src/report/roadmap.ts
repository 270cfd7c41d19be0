import type { Lang } from '../requirement/format.js';
import { nameIn, t as say, textIn } from '../messages/index.js';
import type { Roadmap, RoadmapCommune, RoadmapItem, WhatIfResult } from '../schema/roadmap.js';
import type { RecognitionNote, RecognitionResult, RevocationRisk } from '../schema/recognition.js';
import { csvField } from './csv.js';
import { documentHtml, documentMarkdown, documentText, type Block, type ReportDocument } from './document.js';
import { formatValue, requirementText, requirementUnit, shortfallCell } from './gaps.js';
import { byLang, indicatorName, COMMUNE_STATUS_TEXT, CRITERION_STATUS_TEXT, INDICATOR_STATUS_TEXT, REPORT_TEXT } from './labels.js';

/** Every fixed phrase of the roadmap reports, per language (from the catalogue). */
export const ROADMAP_TEXT = byLang((say) => ({
  title: say('roadmap.title'),
  byCommune: say('roadmap.byCommune'),
  byAgency: say('roadmap.byAgency'),
  unowned: say('roadmap.unowned'),
  order: say('roadmap.order'),
  must: say('roadmap.must'),
  mustWords: { change: say('roadmap.must.change'), decide: say('roadmap.must.decide') },
  decidedBy: say('roadmap.decidedBy'),
  decidedByWords: { 'from-data': say('roadmap.decidedBy.from-data'), 'needs-verdict': say('roadmap.decidedBy.needs-verdict') },
  item: say('roadmap.item'),
  basicallyMet: say('roadmap.basicallyMet'),
  verdictNeeded: say('roadmap.verdictNeeded'),
  verdictNotMet: say('roadmap.verdictNotMet'),
  conflict: say('roadmap.conflict'),
  nothing: say('roadmap.nothing'),
  notMet: say('roadmap.notMet'),
  basicallyMetList: say('roadmap.basicallyMetList'),
  undecided: say('roadmap.undecided'),
  none: say('roadmap.none'),
  recognition: say('roadmap.recognition'),
  recognitionStatus: {
    recognisable: say('roadmap.recognition.recognisable'),
    'not-recognisable': say('roadmap.recognition.not-recognisable'),
    undetermined: say('roadmap.recognition.undetermined'),
  },
  condition: say('roadmap.condition'),
  conditionStatus: { met: say('roadmap.condition.met'), 'not-met': say('roadmap.condition.not-met'), undetermined: say('roadmap.condition.undetermined') },
  revocation: say('roadmap.revocation'),
  whyWords: {
    missing: say('roadmap.why.missing'),
    'threshold-unknown': say('roadmap.why.threshold-unknown'),
    'needs-verdict': say('roadmap.why.needs-verdict'),
    'undetermined-results': say('roadmap.why.undetermined-results'),
    'listed-criteria-unknown': say('roadmap.why.listed-criteria-unknown'),
  },
  whatIf: say('roadmap.whatIf'),
  before: say('roadmap.before'),
  after: say('roadmap.after'),
  criteriaChanged: say('roadmap.criteriaChanged'),
  skipped: say('roadmap.skipped'),
  note: say('roadmap.note'),
}));

/** Extra content of a roadmap report. */
export interface RoadmapReportOptions {
  lang?: Lang;
  /** The what-if changes applied before the roadmap was drawn. */
  whatIf?: readonly WhatIfResult[];
  /** Lines printed under the title (e.g. that the data are illustrative). */
  notes?: readonly string[];
}

/** What an item's status column says. */
export function roadmapItemStatus(i: RoadmapItem, lang: Lang): string {
  const t = ROADMAP_TEXT[lang];
  const base =
    i.kind === 'verdict-not-met' ? (i.basicallyMet ? t.basicallyMet : t.verdictNotMet) : i.kind === 'verdict-needed' ? t.verdictNeeded : INDICATOR_STATUS_TEXT[lang][i.kind];
  return i.conflict ? `${base} (${t.conflict})` : base;
}

function itemLabel(i: RoadmapItem, lang: Lang): string {
  const criterion = `${REPORT_TEXT[lang].criterion} ${i.criterion}`;
  if (i.code === null) return `${criterion} ${nameIn({ nameVi: i.criterionNameVi, nameEn: i.criterionNameEn }, lang)}`;
  return `${i.code} ${indicatorName({ code: i.code, nameVi: i.nameVi, nameEn: i.nameEn }, lang)}`;
}

function ownersLabel(owners: readonly string[], road: Roadmap, lang: Lang): string {
  if (owners.length === 0) return '—';
  const names = new Map(road.byAgency.map((a) => [a.agencyId, nameIn(a, lang)]));
  return owners.map((o) => names.get(o) ?? o).join('; ');
}

function itemRow(i: RoadmapItem, road: Roadmap, lang: Lang, withCommune?: string): string[] {
  const t = ROADMAP_TEXT[lang];
  const unit = requirementUnit(i.requirement);
  return [
    ...(withCommune === undefined ? [String(i.order)] : [withCommune]),
    itemLabel(i, lang),
    t.mustWords[i.must],
    roadmapItemStatus(i, lang),
    formatValue(i.value, unit, lang),
    requirementText(i.requirement, lang),
    i.shortfall === null ? '—' : shortfallCell(i.shortfall, i.requirement, lang),
    t.decidedByWords[i.decidedBy],
    ownersLabel(i.owners, road, lang),
  ];
}

function head(lang: Lang, first: string): string[] {
  const r = REPORT_TEXT[lang];
  const t = ROADMAP_TEXT[lang];
  return [first, t.item, t.must, r.status, r.value, r.requirement, r.shortfall, t.decidedBy, r.owners];
}

function whyText(why: readonly RecognitionNote[], lang: Lang): string {
  if (why.length === 0) return '';
  const words = ROADMAP_TEXT[lang].whyWords;
  const by = new Map<string, string[]>();
  for (const w of why) by.set(words[w.code], [...(by.get(words[w.code]) ?? []), w.subject]);
  return ` (${[...by].map(([k, v]) => `${k}: ${[...new Set(v)].join(', ')}`).join('; ')})`;
}

function recognitionBlocks(r: RecognitionResult, lang: Lang): Block[] {
  const t = ROADMAP_TEXT[lang];
  return [
    { kind: 'paragraph', text: `${t.recognition}: ${t.recognitionStatus[r.status]}` },
    {
      kind: 'table',
      head: [t.condition, REPORT_TEXT[lang].status, REPORT_TEXT[lang].detail],
      rows: r.conditions.map((c) => [`${c.id} ${nameIn(c, lang)}`, t.conditionStatus[c.status], `${textIn(c, lang)}${whyText(c.notes, lang)}`]),
      rowStatus: r.conditions.map((c) => c.status),
    },
  ];
}

/** The revocation risk in one line of the report's language. */
export function revocationLine(r: RevocationRisk, lang: Lang): string {
  return `${ROADMAP_TEXT[lang].revocation}: ${textIn(r, lang)}${whyText(r.notes, lang)}`;
}

function communeHeading(c: RoadmapCommune, lang: Lang): string {
  const t = ROADMAP_TEXT[lang];
  const total = c.criteriaMet + c.criteriaNotMet + c.criteriaUndetermined;
  return `${c.name ?? c.communeId} (${c.year}) — ${COMMUNE_STATUS_TEXT[lang][c.status]} (${c.criteriaMet}/${total}); ${t.notMet}: ${c.notMet.join(', ') || t.none}${(c.basicallyMet ?? []).length > 0 ? ` (${t.basicallyMetList}: ${c.basicallyMet.join(', ')})` : ''}; ${t.undecided}: ${c.undecided.join(', ') || t.none}`;
}

/**
 * The roadmap as a document (title, commune sections with their ordered items, recognition and
 * revocation, then the items by lead agency), for {@link roadmapText}, {@link roadmapMarkdown}
 * and {@link roadmapHtml}.
 */
export function roadmapDocument(road: Roadmap, options: RoadmapReportOptions = {}): ReportDocument {
  const lang = options.lang ?? 'vi';
  const t = ROADMAP_TEXT[lang];
  const blocks: Block[] = [...(options.notes ?? []).map((n): Block => ({ kind: 'paragraph', text: n, note: true })), { kind: 'paragraph', text: t.note, note: true }];
  if (options.whatIf && options.whatIf.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: t.whatIf });
    blocks.push({
      kind: 'table',
      head: [REPORT_TEXT[lang].commune, t.before, t.after, t.criteriaChanged],
      rows: options.whatIf.map((w) => [
        w.after.name ?? w.communeId,
        COMMUNE_STATUS_TEXT[lang][w.statusBefore],
        COMMUNE_STATUS_TEXT[lang][w.statusAfter],
        w.criteria.map((c) => `${c.number}: ${CRITERION_STATUS_TEXT[lang][c.before]} → ${CRITERION_STATUS_TEXT[lang][c.after]}`).join('; ') || t.none,
      ]),
      rowStatus: options.whatIf.map((w) => w.statusAfter),
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: t.byCommune });
  for (const c of road.communes) {
    blocks.push({ kind: 'heading', level: 2, text: communeHeading(c, lang) });
    if (c.items.length === 0) blocks.push({ kind: 'paragraph', text: t.nothing });
    else blocks.push({ kind: 'table', head: head(lang, t.order), rows: c.items.map((i) => itemRow(i, road, lang)), rowStatus: c.items.map((i) => (i.must === 'change' ? 'not-met' : 'undetermined')) });
    if (c.recognition) blocks.push(...recognitionBlocks(c.recognition, lang));
    if (c.revocation) blocks.push({ kind: 'paragraph', text: revocationLine(c.revocation, lang) });
  }
  if (road.byAgency.length > 0 || road.unowned.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: t.byAgency });
    const names = new Map(road.communes.map((c) => [c.communeId, c.name ?? c.communeId]));
    const group = (title: string, items: readonly RoadmapItem[]): void => {
      blocks.push({ kind: 'heading', level: 2, text: `${title} (${items.length})` });
      blocks.push({ kind: 'table', head: head(lang, REPORT_TEXT[lang].commune), rows: items.map((i) => itemRow(i, road, lang, names.get(i.communeId) ?? i.communeId)) });
    };
    for (const a of road.byAgency) group(nameIn(a, lang), a.items);
    if (road.unowned.length > 0) group(t.unowned, road.unowned);
  }
  if (road.skipped.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: t.skipped });
    blocks.push({ kind: 'list', items: road.skipped.map((s) => `#${s.index}${s.communeId ? ` ${s.communeId}` : ''}: ${s.reason}`) });
  }
  return { lang, title: t.title, blocks };
}

/**
 * The roadmap as terminal text.
 *
 * @example console.log(roadmapText(roadToStandard(entries, { plan: 'dak-song/2023' }), { lang: 'vi' }))
 */
export function roadmapText(road: Roadmap, options: RoadmapReportOptions = {}): string {
  return documentText(roadmapDocument(road, options));
}

/** The roadmap as Markdown. */
export function roadmapMarkdown(road: Roadmap, options: RoadmapReportOptions = {}): string {
  return documentMarkdown(roadmapDocument(road, options));
}

/** The roadmap as one self-contained HTML page. */
export function roadmapHtml(road: Roadmap, options: RoadmapReportOptions = {}): string {
  return documentHtml(roadmapDocument(road, options));
}

/** The roadmap CSV's columns, in order. */
const CSV_COLUMNS = ['communeId', 'name', 'year', 'setId', 'status', 'order', 'criterion', 'indicator', 'item', 'must', 'itemStatus', 'value', 'requirement', 'shortfall', 'decidedBy', 'owners', 'revocation'] as const;

/**
 * The roadmap as CSV: one row per item (a commune with nothing left to do has one row with its
 * status), with the lead agencies by name (official names, as the plan gives them).
 *
 * @example writeFileSync('lo-trinh.csv', '\ufeff' + roadmapCsv(road, 'vi'))
 */
export function roadmapCsv(road: Roadmap, lang: Lang = 'vi'): string {
  const t = ROADMAP_TEXT[lang];
  // English headers are the field names scripts read; Vietnamese ones are the report's words.
  const header = CSV_COLUMNS.map((c) => say(`roadmap.csv.${c}`, {}, lang));
  const lines = [header.map(csvField).join(',')];
  for (const c of road.communes) {
    const base = [c.communeId, c.name ?? '', String(c.year), c.setId, COMMUNE_STATUS_TEXT[lang][c.status]];
    const revocation = c.revocation ? textIn(c.revocation, lang) : '';
    if (c.items.length === 0) lines.push([...base, '', '', '', '', '', '', '', '', '', '', '', '', revocation].map(csvField).join(','));
    for (const i of c.items) {
      const unit = requirementUnit(i.requirement);
      lines.push(
        [
          ...base,
          String(i.order),
          i.criterion,
          i.code ?? '',
          itemLabel(i, lang),
          t.mustWords[i.must],
          roadmapItemStatus(i, lang),
          i.value === null ? '' : formatValue(i.value, unit, lang),
          i.requirement === null ? '' : requirementText(i.requirement, lang),
          i.shortfall === null ? '' : shortfallCell(i.shortfall, i.requirement, lang),
          t.decidedByWords[i.decidedBy],
          i.owners.length === 0 ? '' : ownersLabel(i.owners, road, lang),
          revocation,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}
