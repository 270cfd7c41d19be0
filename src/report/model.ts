/**
 * One report model, built once from a batch and rendered as table, CSV, Markdown and HTML, so
 * the formats cannot disagree: the matrix, each commune's gaps, the verdicts that contradict
 * their values, the missing data, targets and deadlines are computed here and only laid out by
 * the renderers. "Missing" means the same everywhere: an indicator without data in a criterion
 * that is not met and not judged as a whole by a verdict (status.ts `openKind`).
 */
import type { BatchEntry } from '../evaluate/commune.js';
import type { CommuneResult, Requirement } from '../schema/result.js';
import type { Verdict } from '../schema/input.js';
import type { Lang } from '../requirement/format.js';
import { communeGaps, communeLabel, criterionNumbers, formatValue, gapKindText, ownersText, requirementText, requirementUnit, resultsOf, shortfallText, type Gap, type ReportContext } from './gaps.js';
import { indicatorName, REPORT_TEXT } from './labels.js';
import { openKind } from '../evaluate/status.js';

/** A verdict that contradicts what the value (or the indicators) say; the verdict stands. */
export interface Conflict {
  communeId: string;
  label: string;
  criterion: string;
  /** Indicator code, or `null` for a criterion verdict against its indicators. */
  code: string | null;
  nameVi: string | null;
  nameEn: string;
  value: number | boolean | null;
  requirement: Requirement | null;
  /** The verdict given; `basically-met` ("cơ bản đạt") is a criterion verdict that does not count as met. */
  verdict: Verdict | 'basically-met';
  /** What the value alone (or the indicators) would give. */
  valueOutcome: 'met' | 'not-met';
}

/** One commune's part of the report. */
export interface CommuneReport {
  result: CommuneResult;
  gaps: Gap[];
  /** Codes by gap kind, in set order: the same lists in every format. */
  notMet: string[];
  missing: string[];
  thresholdUnknown: string[];
  conflicts: Conflict[];
}

/** The whole report, before layout. */
export interface ReportModel {
  lang: Lang;
  context: ReportContext;
  criteria: string[];
  communes: CommuneReport[];
  conflicts: Conflict[];
  errors: Array<{ index: number; communeId?: string; lines: string[] }>;
  summary: { total: number; met: number; errors: number };
}

/**
 * A commune's gaps, code lists and conflicts, computed once (the CSV writer calls it per row).
 *
 * @example communeReport(result).missing // ['17.2', '17.3']
 */
export function communeReport(result: CommuneResult, criterionOwners?: ReportContext['criterionOwners']): CommuneReport {
  return { result, gaps: communeGaps(result, criterionOwners), ...communeCodes(result) };
}

/**
 * A commune's open indicator codes by kind and its conflicts — the lists of {@link communeReport}
 * without building the gaps (the CSV writer calls this once per row of large files). An
 * indicator is open only in a criterion that is not met, as {@link communeGaps} has it.
 *
 * @example communeCodes(result).notMet // ['15.3']
 */
export function communeCodes(result: CommuneResult): Pick<CommuneReport, 'notMet' | 'missing' | 'thresholdUnknown' | 'conflicts'> {
  const notMet: string[] = [];
  const missing: string[] = [];
  const thresholdUnknown: string[] = [];
  const conflicts: Conflict[] = [];
  const label = communeLabel(result);
  for (const c of result.criteria) {
    if (c.conflict) {
      conflicts.push({ communeId: result.communeId, label, criterion: c.number, code: null, nameVi: c.nameVi, nameEn: c.nameEn, value: null, requirement: null, verdict: c.conflict.verdict, valueOutcome: c.conflict.indicatorsOutcome });
    }
    for (const i of c.indicators) {
      const open = openKind(c.status, c.basis, i.status);
      if (open === 'notMet') notMet.push(i.code);
      else if (open === 'missing') missing.push(i.code);
      else if (open === 'thresholdUnknown') thresholdUnknown.push(i.code);
      if (i.conflict) {
        conflicts.push({ communeId: result.communeId, label, criterion: c.number, code: i.code, nameVi: i.nameVi, nameEn: i.nameEn, value: i.value, requirement: i.requirement, verdict: i.conflict.verdict, valueOutcome: i.conflict.valueOutcome });
      }
    }
  }
  return { notMet, missing, thresholdUnknown, conflicts };
}

/**
 * The report model of a batch.
 *
 * @example buildReport(entries, { lang: 'vi', set }).conflicts.length // 1
 */
export function buildReport(entries: readonly BatchEntry[], context: ReportContext & { lang?: Lang } = {}): ReportModel {
  const lang = context.lang ?? 'vi';
  const results = resultsOf(entries);
  const communes = results.map((r) => communeReport(r, context.criterionOwners));
  const errors = entries.flatMap((e) => ('error' in e ? [{ index: e.index, ...(e.communeId === undefined ? {} : { communeId: e.communeId }), lines: e.error.message.split('\n') }] : []));
  return {
    lang,
    context,
    criteria: criterionNumbers(results),
    communes,
    conflicts: communes.flatMap((c) => c.conflicts),
    errors,
    summary: { total: results.length, met: results.filter((r) => r.status === 'met').length, errors: errors.length },
  };
}

/** Words of a verdict or an outcome, in the report's language. */
function outcomeText(v: Verdict | 'basically-met', lang: Lang): string {
  const t = REPORT_TEXT[lang];
  if (v === 'basically-met') return lang === 'vi' ? 'Cơ bản đạt (không tính là đạt)' : 'basically met (does not count as met)';
  return v === 'met' ? t.yes : v === 'not-met' ? t.no : lang === 'vi' ? 'Không áp dụng' : 'not applicable';
}

/** Column heads of the conflicts table. */
export function conflictHead(lang: Lang): string[] {
  const t = REPORT_TEXT[lang];
  return [t.commune, t.criterion, t.indicator, t.value, t.requirement, t.verdictGiven, t.valueSays];
}

/** One row per conflict, in the order of {@link conflictHead}. */
export function conflictRows(conflicts: readonly Conflict[], lang: Lang): string[][] {
  const t = REPORT_TEXT[lang];
  return conflicts.map((c) => [
    c.label,
    c.criterion,
    c.code === null ? t.criterionLevel : `${c.code} ${indicatorName({ code: c.code, nameVi: c.nameVi, nameEn: c.nameEn }, lang)}`,
    c.code === null ? '—' : formatValue(c.value, requirementUnit(c.requirement), lang),
    requirementText(c.requirement, lang),
    outcomeText(c.verdict, lang),
    outcomeText(c.valueOutcome, lang),
  ]);
}

/** Column heads of a commune's gaps table. */
export function gapHead(lang: Lang): string[] {
  const t = REPORT_TEXT[lang];
  return [t.criterion, t.indicator, t.status, t.value, t.requirement, t.shortfall, t.owners];
}

/** One row per gap, in the order of {@link gapHead}. */
export function gapRows(gaps: readonly Gap[], lang: Lang, context: ReportContext): string[][] {
  const t = REPORT_TEXT[lang];
  return gaps.map((g) => [
    g.criterion,
    g.code === null ? t.criterionLevel : `${g.code} ${indicatorName({ code: g.code, nameVi: g.nameVi, nameEn: g.nameEn }, lang)}`,
    gapKindText(g, lang),
    formatValue(g.value, requirementUnit(g.requirement), lang),
    requirementText(g.requirement, lang),
    shortfallText(g, lang),
    ownersText(g.owners, lang, context.agencies),
  ]);
}
