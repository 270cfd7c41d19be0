import type { CommuneResult, EvaluationErrorRecord } from '../schema/result.js';
import type { Plan } from '../schema/plan.js';
import type { RecognitionFacts, RecognitionRules } from '../schema/recognition.js';
import type { Roadmap, RoadmapCommune, RoadmapItem } from '../schema/roadmap.js';
import { NtmError, issue } from '../errors.js';
import { foldText } from '../evaluate/words.js';
import { stateOf } from '../evaluate/status.js';
import { findCommune } from '../plan/communes.js';
import { ownersOf } from '../plan/owners.js';
import { resolvePlan } from '../plan/registry.js';
import { setSeries } from '../plan/work-list.js';
import { checkRecognition } from '../recognition/recognition.js';
import { revocationRisk } from '../recognition/revocation.js';
import { communeGaps, type Gap } from '../report/gaps.js';

/** Options of {@link roadToStandard}. */
export interface RoadmapOptions {
  /** The district plan whose ownership table names the lead agency of each item (and whose communes are known by name and alias). */
  plan?: string | Plan;
  /** Only this commune (id, name, or with a plan an alias). */
  commune?: string;
  /** Recognition facts by commune id: each such commune gets its recognition check. */
  facts?: Readonly<Record<string, RecognitionFacts>>;
  /** Communes already recognised, which get their revocation risk; default: the plan's communes recognised in 2016-2021. */
  recognised?: readonly string[];
  /** Recognition rules (default: the bundled 18/2022 rules). */
  rules?: string | RecognitionRules;
}

/**
 * The road to the standard: for each commune, the ordered work list of what must change — each
 * criterion not met or not decided, down to its indicators with value, requirement, shortfall,
 * lead agency and whether data can decide it or only a verdict can — then the same items by lead
 * agency. Items are the report's gaps ({@link communeGaps}); what must change comes first, then
 * what must be decided, each in the set's order. With `facts`, each commune's recognition check;
 * for recognised communes, the revocation risk.
 *
 * @example
 * const road = roadToStandard(entries, { plan: 'dak-song/2023', commune: 'dak-mol' });
 * road.communes[0].items[0] // { criterion: '10', kind: 'verdict-not-met', must: 'change', owners: ['statistics'], … }
 */
export function roadToStandard(entries: ReadonlyArray<CommuneResult | EvaluationErrorRecord>, options: RoadmapOptions = {}): Roadmap {
  if (!Array.isArray(entries)) {
    throw new NtmError('INVALID_ARGUMENT', [issue('not-an-array', ['entries'], { field: 'entries', of: 'evaluation results' })]);
  }
  const plan = options.plan === undefined ? undefined : resolvePlan(options.plan);
  const idOf = (key: string): string => (plan ? (findCommune(key, plan)?.id ?? key) : key);
  const wanted = options.commune === undefined ? undefined : communeKey(options.commune, plan);
  const recognised = new Set(
    (options.recognised ?? plan?.communes.filter((c) => c.statusAtStart === 'recognised-2016-2021').map((c) => c.id) ?? []).map(idOf),
  );
  const facts = new Map(Object.entries(options.facts ?? {}).map(([k, v]) => [idOf(k), v]));

  const out: Roadmap = { planId: plan?.id ?? null, communes: [], byAgency: [], unowned: [], skipped: [] };
  let matched = false;
  entries.forEach((entry, index) => {
    if ('error' in entry) {
      if (wanted === undefined) out.skipped.push({ index, ...(entry.communeId === undefined ? {} : { communeId: entry.communeId }), reason: `not evaluated: ${entry.error.code}` });
      return;
    }
    const key = resultKey(entry, plan);
    if (wanted !== undefined && key !== wanted) return;
    matched = true;
    // The plan's ownership table numbers one set series; under another its items have no lead agency (they are `unowned`).
    const owned = plan !== undefined && setSeries(entry.setId) === plan.ownership.setKind;
    const commune = communeRoad(entry, owned ? plan : undefined);
    const f = facts.get(key);
    if (f !== undefined) commune.recognition = checkRecognition(entry, f, options.rules === undefined ? {} : { rules: options.rules });
    // A facts file may mark any commune recognised (with the year it was recognised for).
    const recognisedByFacts = f?.recognised === true && (f.recognisedYear === undefined || entry.year > f.recognisedYear);
    if ((recognised.has(key) && f?.recognised !== false) || recognisedByFacts) commune.revocation = revocationRisk(entry, options.rules === undefined ? {} : { rules: options.rules });
    out.communes.push(commune);
  });
  if (wanted !== undefined && !matched) {
    throw new NtmError('INVALID_ARGUMENT', [issue('unknown-commune', ['commune'], { commune: String(options.commune) })]);
  }

  const items = out.communes.flatMap((c) => c.items);
  for (const a of plan?.agencies ?? []) {
    const mine = items.filter((i) => i.owners.includes(a.id));
    if (mine.length > 0) out.byAgency.push({ agencyId: a.id, nameVi: a.nameVi, nameEn: a.nameEn, items: mine });
  }
  out.unowned = items.filter((i) => i.owners.length === 0);
  return out;
}

/** The key a commune is matched by: its plan id when a plan knows it, else its folded id. */
function communeKey(key: string, plan: Plan | undefined): string {
  return plan ? (findCommune(key, plan)?.id ?? foldText(key)) : foldText(key);
}

function resultKey(r: CommuneResult, plan: Plan | undefined): string {
  if (plan) {
    const c = findCommune(r.communeId, plan) ?? (r.name === undefined ? undefined : findCommune(r.name, plan));
    if (c) return c.id;
  }
  return foldText(r.communeId);
}

const MUST_CHANGE = new Set<Gap['kind']>(['not-met', 'verdict-not-met']);

/** One commune's status and ordered items. */
export function communeRoad(r: CommuneResult, plan?: Plan): RoadmapCommune {
  const criterionOwners = plan ? (n: string) => ownersOf(n, plan) : undefined;
  const gaps = communeGaps(r, criterionOwners);
  const basicallyMet = r.criteria.filter((c) => stateOf(c) === 'basically-met').map((c) => c.number);
  const ranked = gaps.map((g, i) => ({ g, i, rank: MUST_CHANGE.has(g.kind) ? 0 : 1 })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const items: RoadmapItem[] = ranked.map(({ g }, order) => {
    const owners = g.owners.length > 0 || !plan ? g.owners : ownersOf(g.code ?? g.criterion, plan);
    return {
      order: order + 1,
      communeId: r.communeId,
      criterion: g.criterion,
      criterionNameVi: g.criterionNameVi,
      criterionNameEn: g.criterionNameEn,
      code: g.code,
      nameVi: g.nameVi,
      nameEn: g.nameEn,
      kind: g.kind,
      must: MUST_CHANGE.has(g.kind) ? 'change' : 'decide',
      value: g.value,
      requirement: g.requirement,
      shortfall: g.shortfall,
      decidedBy: decidedBy(g),
      conflict: g.conflict,
      basicallyMet: basicallyMet.includes(g.criterion),
      owners: [...owners],
    };
  });
  return {
    communeId: r.communeId,
    ...(r.name === undefined ? {} : { name: r.name }),
    setId: r.setId,
    year: r.year,
    status: r.status,
    criteriaMet: r.criteriaMet,
    criteriaNotMet: r.criteriaNotMet,
    criteriaUndetermined: r.criteriaUndetermined,
    criteriaBasicallyMet: basicallyMet.length,
    notMet: r.criteria.filter((c) => c.status === 'not-met').map((c) => c.number),
    undecided: r.criteria.filter((c) => c.status === 'undetermined').map((c) => c.number),
    basicallyMet,
    items,
  };
}

/**
 * Whether data can decide an item: a value against a known requirement can; an unknown threshold,
 * an incomplete indicator list or a verdict already given can only be changed by a verdict.
 */
function decidedBy(g: Gap): RoadmapItem['decidedBy'] {
  const known = g.requirement !== null && g.requirement.kind !== 'unknown';
  if (g.kind === 'missing') return known ? 'from-data' : 'needs-verdict';
  if (g.kind === 'not-met') return known && g.value !== null ? 'from-data' : 'needs-verdict';
  return 'needs-verdict';
}
