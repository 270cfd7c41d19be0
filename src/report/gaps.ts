import type { CommuneResult, IndicatorResult, IndicatorStatus, Requirement } from '../schema/result.js';
import type { BatchEntry } from '../evaluate/commune.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { formatQuantity, type Lang } from '../requirement/format.js';
import { INDICATOR_STATUS_TEXT, REPORT_TEXT } from './labels.js';
import { openKind } from '../evaluate/status.js';

/**
 * Something a commune still has to do for one criterion: an indicator that is not met, has no
 * data or cannot be judged yet — or, where the criterion has no such indicator, the criterion itself.
 */
export interface Gap {
  criterion: string;
  criterionNameVi: string;
  criterionNameEn: string;
  /** Indicator code, or `null` for a criterion-level gap. */
  code: string | null;
  nameVi: string | null;
  nameEn: string;
  /**
   * An indicator outcome; `verdict-not-met` when a criterion-level verdict says not met;
   * `verdict-needed` when only a criterion-level verdict could decide (incomplete indicator list).
   */
  kind: Extract<IndicatorStatus, 'not-met' | 'missing' | 'threshold-unknown'> | 'verdict-not-met' | 'verdict-needed';
  value: number | boolean | null;
  requirement: Requirement | null;
  shortfall: number | null;
  /** The value and the agency's verdict disagree (the verdict stands). */
  conflict: boolean;
  /** Recorded "cơ bản đạt" (basically met), which does not count as met: the indicator's verdict, or for a criterion-level gap the criterion's. */
  basicallyMet: boolean;
  /** Lead agencies, when known (results evaluated with a plan, or criterion owners given). */
  owners: string[];
}

/** Extra facts a report may show beside the results (all optional). */
export interface ReportContext {
  /** The set evaluated, for the heading. */
  set?: Pick<CriterionSet, 'id' | 'nameVi' | 'nameEn' | 'legalBasis'>;
  /** Agency names by id, to print owners by name. */
  agencies?: Readonly<Record<string, { nameVi: string; nameEn: string }>>;
  /** Lead agencies of a whole criterion, for criterion-level gaps. */
  criterionOwners?: (criterion: string) => readonly string[];
  /** Targets and whether they were reached. */
  targets?: readonly TargetLine[];
  /** The next reporting deadlines. */
  deadlines?: readonly DeadlineLine[];
  /** Lines printed under the heading, e.g. that the data are illustrative. */
  notes?: readonly string[];
}

/** One target and its outcome, as a report prints it. */
export interface TargetLine {
  communeId?: string;
  label: string;
  status: 'achieved' | 'not-achieved' | 'undetermined';
  detail: string;
}

/** One reporting obligation, as a report prints it. Dates are `yyyy-MM-dd`. */
export interface DeadlineLine {
  label: string;
  dueBefore: string;
  lastDay: string;
  submitTo?: string;
}

/**
 * Every gap of a commune, criterion by criterion: within each criterion that is not met or not
 * decided, its not-met, missing and threshold-unknown indicators; a criterion with none of those
 * gets one criterion-level gap saying why it is not met (a verdict) or what would decide it.
 *
 * @example communeGaps(result).filter((g) => g.kind === 'not-met').map((g) => g.code) // ['15.3']
 */
export function communeGaps(result: CommuneResult, criterionOwners?: (criterion: string) => readonly string[]): Gap[] {
  const gaps: Gap[] = [];
  for (const c of result.criteria) {
    if (c.status === 'met') continue;
    const basicallyMet = c.verdict === 'basically-met';
    let open = 0;
    for (const i of c.indicators) {
      if (openKind(c.status, c.basis, i.status) === null) continue;
      open++;
      // One object literal of one shape: spreading two objects per gap made large reports slow.
      gaps.push({
        criterion: c.number,
        criterionNameVi: c.nameVi,
        criterionNameEn: c.nameEn,
        code: i.code,
        nameVi: i.nameVi,
        nameEn: i.nameEn,
        kind: i.status as Gap['kind'],
        value: i.value,
        requirement: i.requirement,
        // A verdict over a value that meets the requirement leaves nothing to make up: no "0 %" shortfall.
        shortfall: i.status === 'not-met' && i.conflict === undefined ? i.shortfall : null,
        conflict: i.conflict !== undefined,
        basicallyMet: i.verdict === 'basically-met',
        owners: i.owners ? [...i.owners] : [],
      });
    }
    if (open === 0) {
      gaps.push({
        criterion: c.number,
        criterionNameVi: c.nameVi,
        criterionNameEn: c.nameEn,
        code: null,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        kind: c.status === 'not-met' ? 'verdict-not-met' : 'verdict-needed',
        value: null,
        requirement: null,
        shortfall: null,
        conflict: c.conflict !== undefined,
        basicallyMet,
        owners: criterionOwners ? [...criterionOwners(c.number)] : unionOwners(c.indicators),
      });
    }
  }
  return gaps;
}

function unionOwners(indicators: readonly IndicatorResult[]): string[] {
  return [...new Set(indicators.flatMap((i) => i.owners ?? []))];
}

/** The results of a batch, without its error entries. */
export function resultsOf(entries: readonly BatchEntry[]): CommuneResult[] {
  return entries.filter((e): e is CommuneResult => !('error' in e));
}

/**
 * A value as a report prints it: `24,9 %` / `24.9%`, `Đạt` / `Không đạt` for yes/no, `—` for none.
 *
 * @example formatValue(24.9, '%', 'vi') // '24,9 %'
 */
export function formatValue(value: number | boolean | null, unit: string | null, lang: Lang): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return lang === 'vi' ? (value ? 'Đạt' : 'Không đạt') : value ? 'yes' : 'no';
  return formatQuantity(value, unit, lang);
}

/** A gap's requirement text in the report's language (`—` for criterion-level gaps). */
export function requirementText(req: Requirement | null, lang: Lang): string {
  if (req === null) return '—';
  return lang === 'vi' ? req.textVi : req.textEn;
}

/** The unit a requirement is measured in, if any. */
export function requirementUnit(req: Requirement | null): string | null {
  return req !== null && req.kind === 'compare' ? req.unit : null;
}

/** Owners by name when the names are known, else by id; `—` when there are none. */
export function ownersText(owners: readonly string[], lang: Lang, agencies?: ReportContext['agencies']): string {
  if (owners.length === 0) return '—';
  return owners.map((id) => (agencies?.[id] ? (lang === 'vi' ? agencies[id].nameVi : agencies[id].nameEn) : id)).join('; ');
}

/** The label of a commune: its name, else its id. */
export function communeLabel(r: { communeId: string; name?: string }): string {
  return r.name ?? r.communeId;
}

/** Criterion numbers in the order of the first result (every result of a set has the same). */
export function criterionNumbers(results: readonly CommuneResult[]): string[] {
  return results.length === 0 ? [] : results[0]!.criteria.map((c) => c.number);
}

/** What a gap's status column says. */
export function gapKindText(gap: Gap, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const base =
    gap.kind === 'verdict-not-met'
      ? gap.basicallyMet
        ? t.verdictBasicallyMet
        : t.verdictNotMet
      : gap.kind === 'verdict-needed'
        ? t.criterionVerdictNeeded
        : gap.kind === 'not-met' && gap.basicallyMet
          ? t.legendBasicallyMet
          : INDICATOR_STATUS_TEXT[lang][gap.kind];
  return gap.conflict ? `${base} (${t.conflict})` : base;
}

/** How much is missing, with its unit (`3,5 %`), or `—` when the gap is not numeric. */
export function shortfallText(gap: Gap, lang: Lang): string {
  return gap.shortfall === null ? '—' : formatQuantity(gap.shortfall, requirementUnit(gap.requirement), lang);
}
