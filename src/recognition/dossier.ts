import type { CommuneResult } from '../schema/result.js';

type CriterionStatus = CommuneResult['criteria'][number]['status'];
import type { Plan } from '../schema/plan.js';
import type { RecognitionFacts, RecognitionResult, RecognitionRules, RecognitionStatus } from '../schema/recognition.js';
import type { Source } from '../schema/common.js';
import { checkRecognition } from './recognition.js';
import { recognitionRulesIdFor, resolveRecognitionRules } from './rules.js';

/** One indicator in the dossier: its verdict and the evidence for it. */
export interface DossierIndicator {
  code: string;
  nameVi: string | null;
  nameEn: string;
  status: string;
  value: number | boolean | null;
  /** Unit of the value and the requirement (`%`), `null` when none. */
  unit: string | null;
  requirementVi: string;
  requirementEn: string;
  source: Source;
  owners: string[];
}

/** One criterion in the dossier, with its indicators. */
export interface DossierCriterion {
  number: string;
  nameVi: string;
  nameEn: string;
  status: CriterionStatus;
  basicallyMet: boolean;
  owners: string[];
  indicators: DossierIndicator[];
}

/** One recognition condition with its facts and the agencies that provide them. */
export interface DossierCondition {
  id: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  status: string;
  textVi: string;
  textEn: string;
  owners: string[];
  source: Source;
}

/** Something the dossier still lacks, and who must provide it. */
export interface DossierMissing {
  /** A criterion number or a condition id. */
  subject: string;
  /** For a criterion: the indicator codes lacking a value or verdict (empty: a criterion-level verdict). */
  codes: string[];
  nameVi: string;
  nameEn: string;
  textVi?: string;
  textEn?: string;
  owners: string[];
}

/** A commune's recognition dossier under 18/2022/QĐ-TTg (as amended): criteria, conditions, what is missing. */
export interface RecognitionDossier {
  communeId: string;
  name?: string;
  setId: string;
  year: number;
  rulesId: string;
  rulesDecision: string;
  status: RecognitionStatus;
  decidedBy?: { vi: string; en: string; source: Source };
  resultsYear?: { vi: string; en: string; source: Source };
  criteria: DossierCriterion[];
  conditions: DossierCondition[];
  missing: DossierMissing[];
  /** The recognition check the dossier rests on. */
  recognition: RecognitionResult;
}

/**
 * The agencies a plan makes lead a criterion (its own assignment, or one of its indicators') or an
 * indicator (its own assignment, else its criterion's). Read from the plan data here: the plan
 * folder builds on recognition, so recognition does not import it.
 */
function planOwners(plan: Plan, code: string): string[] {
  const [criterion] = code.split('.');
  const all = plan.ownership.assignments;
  const of = (keep: (o: (typeof all)[number]) => boolean) => [...new Set(all.filter(keep).map((o) => o.agency))];
  if (!code.includes('.')) return of((o) => ('criterion' in o ? o.criterion === code : o.indicator.startsWith(`${code}.`)));
  const own = of((o) => 'indicator' in o && o.indicator === code);
  return own.length > 0 ? own : of((o) => 'criterion' in o && o.criterion === criterion);
}

/** The plan kinds of recognition facts, by condition kind (the amended security condition is the police's too). */
const FACT_KIND: Readonly<Record<string, string>> = { satisfaction: 'satisfaction', 'no-construction-debt': 'no-construction-debt', 'security-order': 'security-order', 'security-standard': 'security-order' };

/**
 * The dossier a commune's recognition is decided on (18/2022/QĐ-TTg, as amended by 03/2024/QĐ-TTg
 * for results of 2024 on): every criterion with its verdict and evidence (value, requirement,
 * source, owning agency), the four conditions with their facts and the agencies that provide them
 * (the plan's: survey → the Fatherland Front, construction debt → Finance and Planning, security →
 * police), and what is still missing with who must provide it.
 *
 * @example recognitionDossier(dakMol2023, { satisfactionVerdict: 'Đạt' }, { plan: getPlan('dak-song/2023') }).missing
 */
export function recognitionDossier(
  result: CommuneResult,
  facts: RecognitionFacts = {},
  options: { plan?: Plan; rules?: string | RecognitionRules } = {},
): RecognitionDossier {
  const rules = resolveRecognitionRules(options.rules ?? recognitionRulesIdFor(result.year));
  const recognition = checkRecognition(result, facts, { rules });
  const plan = options.plan;
  const owners = (code: string): string[] => (plan ? planOwners(plan, code) : []);
  const factOwners = (kind: string): string[] => (plan ? plan.agencies.filter((a) => (a.recognition as readonly string[]).includes(FACT_KIND[kind] ?? kind)).map((a) => a.id) : []);
  const criteria: DossierCriterion[] = result.criteria.map((c) => ({
    number: c.number,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    status: c.status,
    basicallyMet: c.verdict === 'basically-met',
    owners: owners(c.number),
    indicators: c.indicators.map((i) => ({
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      status: i.status,
      value: i.value,
      unit: i.requirement.kind === 'compare' ? i.requirement.unit : null,
      requirementVi: i.requirement.textVi,
      requirementEn: i.requirement.textEn,
      source: i.requirement.kind === 'unknown' ? i.source : i.requirement.source,
      owners: [...(i.owners ?? owners(i.code))],
    })),
  }));
  const conditions: DossierCondition[] = recognition.conditions.map((c) => ({
    id: c.id,
    kind: c.kind,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    status: c.status,
    textVi: c.textVi,
    textEn: c.textEn,
    // R1 rests on the criteria: its owners are those of the criteria not yet met.
    owners: c.kind === 'all-criteria' ? [...new Set(criteria.filter((k) => k.status !== 'met').flatMap((k) => k.owners))] : factOwners(c.kind),
    source: c.source,
  }));
  const missing: DossierMissing[] = [
    ...criteria
      .filter((c) => c.status === 'undetermined')
      .map((c) => ({
        subject: c.number,
        codes: c.indicators.filter((i) => i.status === 'missing' || i.status === 'threshold-unknown').map((i) => i.code),
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        owners: c.owners,
      })),
    ...conditions
      .filter((c) => c.kind !== 'all-criteria' && c.status === 'undetermined')
      .map((c) => ({ subject: c.id, codes: [], nameVi: c.nameVi, nameEn: c.nameEn, textVi: c.textVi, textEn: c.textEn, owners: c.owners })),
  ];
  return {
    communeId: result.communeId,
    ...(result.name === undefined ? {} : { name: result.name }),
    setId: result.setId,
    year: result.year,
    rulesId: rules.id,
    rulesDecision: rules.amendment ? `${rules.decision.number}, ${rules.amendment.number}` : rules.decision.number,
    status: recognition.status,
    ...(rules.commune.decidedBy ? { decidedBy: rules.commune.decidedBy } : {}),
    ...(rules.commune.resultsYear ? { resultsYear: rules.commune.resultsYear } : {}),
    criteria,
    conditions,
    missing,
    recognition,
  };
}
