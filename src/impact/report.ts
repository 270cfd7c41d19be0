import type { Lang } from '../requirement/format.js';
import { sayer } from '../messages/index.js';
import { csvField } from '../report/csv.js';
import { documentHtml, documentMarkdown, documentText, type Block, type ReportDocument } from '../report/document.js';
import { communeStateText, stateText, type CriterionState } from '../cases/words.js';
import type { CommuneImpact, Impact, IndicatorFlip } from './impact.js';

const label = (c: { communeId: string; name?: string }): string => c.name ?? c.communeId;

function standingText(c: CommuneImpact, side: 'before' | 'after', lang: Lang): string {
  const s = c[side];
  const say = sayer(lang);
  if (s.status === null) return say('impact.notEvaluated');
  return `${communeStateText(s.status, lang)} (${s.criteriaMet}/${s.criteriaMet + s.criteriaNotMet + s.criteriaUndetermined})`;
}

const state = (s: CriterionState | null, lang: Lang): string => (s === null ? sayer(lang)('impact.absent') : stateText(s, lang));

function indicatorLine(f: IndicatorFlip, lang: Lang): string {
  // The requirement is said where it is a threshold; "met" of a verdict-only indicator says nothing more.
  const side = (o: IndicatorFlip['before']): string => (o === null ? sayer(lang)('impact.absent') : `${stateText(o.status, lang)}${o.requirement.kind === 'compare' ? ` (${lang === 'vi' ? o.requirement.textVi : o.requirement.textEn})` : ''}`);
  return `${f.code}: ${side(f.before)} → ${side(f.after)}`;
}

/** The impact as a document: the sets, communes before and after, what flipped and why, totals, notes. */
export function impactDocument(impact: Impact, lang: Lang = 'vi'): ReportDocument {
  const say = sayer(lang);
  const blocks: Block[] = [
    { kind: 'paragraph', text: say('impact.sets', { from: impact.from.id, fromDecision: impact.from.decision, fromDate: impact.from.effectiveFrom, to: impact.to.id, toDecision: impact.to.decision, toDate: impact.to.effectiveFrom }) },
  ];
  if (impact.compared === 'status' && impact.series) {
    const s = impact.series;
    blocks.push({ kind: 'paragraph', note: true, text: say('impact.statusOnly', { fromPeriod: s.from.id, toPeriod: s.to.id, fromCriteria: s.from.criteria, toCriteria: s.to.criteria }) });
  }
  const notes = new Set<string>();
  for (const c of impact.communes) {
    for (const side of [c.before, c.after]) {
      if (side.year !== c.year) notes.add(say('impact.yearMoved', { set: side.setId, year: side.year, dataYear: c.year }));
      if (side.valueLeftOut.length > 0) notes.add(say('impact.valueLeftOut', { set: side.setId, codes: side.valueLeftOut }));
      if (side.leftOut.length > 0 && impact.compared === 'criteria') notes.add(say('impact.leftOut', { set: side.setId, codes: side.leftOut }));
    }
  }
  for (const n of notes) blocks.push({ kind: 'paragraph', note: true, text: n });

  blocks.push({ kind: 'heading', level: 1, text: say('impact.byCommune') });
  blocks.push({
    kind: 'table',
    head: [say('report.commune'), say('impact.before'), say('impact.after'), say('impact.change'), say('impact.criteriaFlipped')],
    rows: impact.communes.map((c) => [
      label(c),
      standingText(c, 'before', lang),
      standingText(c, 'after', lang),
      say(`impact.change.${c.change}`),
      c.criteria.map((f) => say('impact.criterionFlip', { number: f.number, before: state(f.before, lang), after: state(f.after, lang) })).join('; ') || '—',
    ]),
    rowStatus: impact.communes.map((c) => (c.change === 'gains' ? 'met' : c.change === 'loses' ? 'not-met' : c.change === 'changed' ? 'undetermined' : null)),
  });

  if (impact.compared === 'criteria') {
    blocks.push({ kind: 'heading', level: 1, text: say('impact.flips') });
    const rows: string[][] = [];
    for (const c of impact.communes) {
      for (const f of c.criteria) {
        const why = f.indicators.length > 0 ? f.indicators.map((i) => `${indicatorLine(i, lang)} — ${lang === 'vi' ? i.cause.textVi : i.cause.textEn}`) : [f.cause ? (lang === 'vi' ? f.cause.textVi : f.cause.textEn) : '—'];
        rows.push([label(c), f.number, `${state(f.before, lang)} → ${state(f.after, lang)}`, why.join('; ')]);
      }
    }
    if (rows.length === 0) blocks.push({ kind: 'paragraph', text: say('impact.noFlips') });
    else blocks.push({ kind: 'table', head: [say('report.commune'), say('report.criterion'), `${say('impact.before')} → ${say('impact.after')}`, say('impact.ruleChange')], rows });
    const conflictRows = impact.communes.flatMap((c) =>
      c.conflicts.map((i) => [label(c), i.code, i.after?.valueOutcome ? say('impact.nowContradicts', { value: stateText(i.after.valueOutcome, lang), verdict: stateText(i.after.status, lang) }) : say('impact.noLongerContradicts'), lang === 'vi' ? i.cause.textVi : i.cause.textEn]),
    );
    if (conflictRows.length > 0) {
      blocks.push({ kind: 'heading', level: 1, text: say('impact.conflicts') });
      blocks.push({ kind: 'table', head: [say('report.commune'), say('report.indicator'), say('impact.change'), say('impact.ruleChange')], rows: conflictRows });
    }
  }

  const t = impact.totals;
  blocks.push({ kind: 'heading', level: 1, text: say('impact.totals') });
  blocks.push({
    kind: 'list',
    items: [
      say('impact.total.communes', { n: t.communes }),
      say('impact.total.gain', { n: t.gain }),
      say('impact.total.lose', { n: t.lose }),
      say('impact.total.changed', { n: t.changed }),
      say('impact.total.unchanged', { n: t.unchanged }),
      ...(t.notCompared > 0 ? [say('impact.total.notCompared', { n: t.notCompared })] : []),
      ...(t.notEvaluated > 0 ? [say('impact.total.notEvaluated', { n: t.notEvaluated })] : []),
      ...(impact.compared === 'criteria' ? [say('impact.total.criteriaFlipped', { n: t.criteriaFlipped }), ...t.byCriterion.map((b) => say('impact.total.byCriterion', b))] : []),
    ],
  });
  return { lang, title: say('impact.title', { from: impact.from.id, to: impact.to.id }), blocks };
}

/** The impact as terminal text. */
export const impactText = (impact: Impact, lang: Lang = 'vi'): string => documentText(impactDocument(impact, lang));
/** The impact as Markdown. */
export const impactMarkdown = (impact: Impact, lang: Lang = 'vi'): string => documentMarkdown(impactDocument(impact, lang));
/** The impact as one self-contained HTML page. */
export const impactHtml = (impact: Impact, lang: Lang = 'vi'): string => documentHtml(impactDocument(impact, lang));

/**
 * The impact as CSV: one row per commune and flipped criterion (a commune with none has one row),
 * with both statuses, the criterion's states, the indicators that flipped it and the rule change.
 */
export function impactCsv(impact: Impact, lang: Lang = 'vi'): string {
  const say = sayer(lang);
  const head = [say('report.communeId'), say('report.communeName'), `${say('report.status')} (${say('impact.before')})`, `${say('report.status')} (${say('impact.after')})`, say('impact.change'), say('report.criterion'), say('impact.before'), say('impact.after'), say('report.indicator'), say('impact.ruleChange')];
  const lines = [head.map(csvField).join(',')];
  const status = (c: CommuneImpact, side: 'before' | 'after') => (c[side].status === null ? say('impact.notEvaluated') : communeStateText(c[side].status!, lang));
  for (const c of impact.communes) {
    const common = [c.communeId, c.name ?? '', status(c, 'before'), status(c, 'after'), say(`impact.change.${c.change}`)];
    if (c.criteria.length === 0) lines.push([...common, '', '', '', '', ''].map(csvField).join(','));
    for (const f of c.criteria) {
      const inds = f.indicators.map((i) => indicatorLine(i, lang)).join('; ');
      const why = f.indicators.length > 0 ? f.indicators.map((i) => (lang === 'vi' ? i.cause.textVi : i.cause.textEn)).join('; ') : f.cause ? (lang === 'vi' ? f.cause.textVi : f.cause.textEn) : '';
      lines.push([...common, f.number, state(f.before, lang), state(f.after, lang), inds, why].map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
