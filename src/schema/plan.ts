import * as z from 'zod';
import { ConfidenceSchema, IsoDateSchema, LegalReferenceSchema, SourceSchema, TextSchema } from './common.js';
import { OperatorSchema } from './requirement.js';
import { criterionResultShape, ReasonSchema, RequirementSchema } from './result.js';
import { RevocationRiskSchema } from './recognition.js';

/** A kebab-case id: `economy-infrastructure`, `dak-mol`. */
const KebabIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
/** A criterion number as the commune sets write it: "1"…"19". */
const CriterionNumberSchema = z.string().regex(/^[1-9]\d?$/, 'expected a criterion number like "15"');
/** An indicator code: "17.10". */
const IndicatorCodeSchema = z.string().regex(/^[1-9]\d?\.\d{1,2}$/, 'expected an indicator code like "17.10"');
/** A set id (`dak-nong/commune-ntm/2022`) or a set series (`dak-nong/commune-ntm`). */
const SetRefSchema = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/, 'expected an id like "dak-nong/commune-ntm/2022"');

/** A district unit the plan gives a role: an office, a branch, a mass organisation, the commune committees. */
export const PlanAgencySchema = z.strictObject({
  id: KebabIdSchema,
  nameVi: TextSchema,
  nameEn: TextSchema,
  /** The short name the plan also uses, e.g. "Văn phòng nông thôn mới". */
  shortNameVi: TextSchema.optional(),
  /** Bodies the plan names as its partners on its duties, as written ("Bảo hiểm xã hội huyện"). */
  partnersVi: z.array(TextSchema).default([]),
  /** The same partners in English, in the same order (empty when not given). */
  partnersEn: z.array(TextSchema).default([]),
  /**
   * The recognition conditions (18/2022/QĐ-TTg) whose facts the agency provides: the residents'
   * satisfaction survey (the Fatherland Front), the construction-debt report (finance), security.
   */
  recognition: z.array(z.enum(['satisfaction', 'no-construction-debt', 'security-order'])).default([]),
  /** Duties other than owning criteria, in the plan's words and in English. */
  dutiesVi: z.array(TextSchema).default([]),
  dutiesEn: z.array(TextSchema).default([]),
  source: SourceSchema,
});
export type PlanAgency = z.infer<typeof PlanAgencySchema>;

/** One side of a split indicator: the aspect (17.9) or sector (17.10) one owner is responsible for. */
export const OwnershipPartSchema = z.strictObject({
  id: KebabIdSchema,
  /** The plan's wording. */
  nameVi: TextSchema,
  nameEn: TextSchema,
});
export type OwnershipPart = z.infer<typeof OwnershipPartSchema>;

/** An agency owns (chủ trì) a whole criterion: every indicator of it, listed by a set or not. */
export const CriterionOwnershipSchema = z.strictObject({
  agency: KebabIdSchema,
  criterion: CriterionNumberSchema,
  source: SourceSchema,
});

/** An agency owns one indicator, or one aspect / sector of it when ownership is split. */
export const IndicatorOwnershipSchema = z
  .strictObject({
    agency: KebabIdSchema,
    indicator: IndicatorCodeSchema,
    /** The plan's gloss of the indicator, e.g. "mai táng, hỏa táng" for 17.5. */
    wordingVi: TextSchema.optional(),
    aspect: OwnershipPartSchema.optional(),
    sector: OwnershipPartSchema.optional(),
    source: SourceSchema,
  })
  .refine((o) => !(o.aspect && o.sector), { message: 'an assignment names an aspect or a sector, not both', path: ['sector'] });

/** One ownership assignment of the plan: a criterion, or an indicator (with its aspect or sector). */
export const OwnershipSchema = z.union([CriterionOwnershipSchema, IndicatorOwnershipSchema]);
export type Ownership = z.infer<typeof OwnershipSchema>;
export type CriterionOwnership = z.infer<typeof CriterionOwnershipSchema>;
export type IndicatorOwnership = z.infer<typeof IndicatorOwnershipSchema>;

/** A commune of the district, under its official name, with the other spellings documents use. */
export const PlanCommuneSchema = z.strictObject({
  id: KebabIdSchema,
  nameVi: TextSchema,
  /** Spellings met in sources (the plan's own among them) that mean this commune. */
  aliases: z.array(TextSchema).default([]),
  /** Standing at the start of the plan year. */
  statusAtStart: z.enum(['not-recognised', 'recognised-2016-2021']),
  source: SourceSchema,
});
export type PlanCommune = z.infer<typeof PlanCommuneSchema>;

const TargetBase = {
  id: KebabIdSchema,
  /** The plan's wording of the target. */
  textVi: TextSchema,
  textEn: TextSchema,
  /** What the plan asks beyond what evaluation results can show. */
  noteEn: TextSchema.optional(),
  source: SourceSchema,
};

/** The commune meets every criterion of the set in the plan year (not recognised before). */
export const ReachStandardTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal('reach-standard'),
  communeId: KebabIdSchema,
  setId: SetRefSchema,
});

/** A recognised commune keeps meeting every criterion of the set. */
export const KeepStandardTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal('keep-standard'),
  communeId: KebabIdSchema,
  setId: SetRefSchema,
});

/** The commune meets at least `minGain` more criteria of the set than in `baselineYear`. */
export const GainCriteriaTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal('gain-criteria'),
  communeId: KebabIdSchema,
  setId: SetRefSchema,
  minGain: z.number().int().min(1).max(100),
  baselineYear: z.number().int().min(1990).max(2100),
});

/** The commune meets at least `minCriteria` criteria of the advanced set. */
export const AdvancedCriteriaTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal('advanced-criteria'),
  communeId: KebabIdSchema,
  setId: SetRefSchema,
  minCriteria: z.number().int().min(1).max(100),
});

/**
 * A district-wide figure must compare to a value by a date (health insurance ≥ 93 % by the end
 * of 2023). It is judged on the district's own figure, or, when the plan names the commune
 * indicator that measures it, estimated from the communes' values weighted by population.
 */
export const DistrictFigureTargetSchema = z.strictObject({
  ...TargetBase,
  kind: z.literal('district-figure'),
  measure: z.strictObject({
    nameVi: TextSchema,
    nameEn: TextSchema,
    unit: z.string().max(100).nullable(),
    type: z.enum(['percent', 'count', 'amount']),
  }),
  operator: OperatorSchema,
  value: z.number().min(-1e12).max(1e12),
  /** The day by which the figure must be reached. */
  by: IsoDateSchema,
  /** The commune indicator whose values, weighted by population, estimate the figure. */
  fromCommunes: z
    .strictObject({
      setId: SetRefSchema,
      indicator: IndicatorCodeSchema,
      weight: z.literal('population'),
      source: SourceSchema,
    })
    .optional(),
});

/** Any plan target. */
export const PlanTargetSchema = z.discriminatedUnion('kind', [
  ReachStandardTargetSchema,
  KeepStandardTargetSchema,
  GainCriteriaTargetSchema,
  AdvancedCriteriaTargetSchema,
  DistrictFigureTargetSchema,
]);
export type PlanTarget = z.infer<typeof PlanTargetSchema>;
export type TargetKind = PlanTarget['kind'];
/** The targets that concern one commune. */
export type CommuneTarget = Extract<PlanTarget, { communeId: string }>;

/** Where reports go: the bodies named, the office they pass through, the mailbox for soft copies. */
export const SubmitToSchema = z.strictObject({
  recipients: z.array(z.strictObject({ nameVi: TextSchema, nameEn: TextSchema })).min(1),
  /** Agency id of the office reports pass through ("thông qua …"). */
  via: KebabIdSchema.optional(),
  email: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'expected an e-mail address').optional(),
});
export type SubmitTo = z.infer<typeof SubmitToSchema>;

const Day = z.number().int().min(1).max(31);
const Month = z.number().int().min(1).max(12);
const PeriodicBase = { textVi: TextSchema, source: SourceSchema };

/** A periodic report rule as the plan writes it: due before `day` (of `month`). */
export const PeriodicRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...PeriodicBase, kind: z.literal('monthly'), day: Day }),
  /** `monthOfQuarter` 3 = the quarter's last month. */
  z.strictObject({ ...PeriodicBase, kind: z.literal('quarterly'), monthOfQuarter: z.number().int().min(1).max(3), day: Day }),
  z.strictObject({ ...PeriodicBase, kind: z.literal('six-month'), month: Month, day: Day }),
  z.strictObject({ ...PeriodicBase, kind: z.literal('nine-month'), month: Month, day: Day }),
  z.strictObject({ ...PeriodicBase, kind: z.literal('annual'), month: Month, day: Day }),
  /** Reports on request: no date, so no calendar entry. */
  z.strictObject({ ...PeriodicBase, kind: z.literal('ad-hoc') }),
]);
export type PeriodicRule = z.infer<typeof PeriodicRuleSchema>;

/** A one-off deadline, e.g. each commune's own plan before 30/3/2023. */
export const PlanDeadlineSchema = z.strictObject({
  kind: z.literal('commune-plan'),
  /** Who must submit: an agency id (`commune-committees` = each commune). */
  from: KebabIdSchema,
  /** The date the plan writes after "trước" (before). */
  dueBefore: IsoDateSchema,
  submitTo: SubmitToSchema,
  textVi: TextSchema,
  textEn: TextSchema,
  source: SourceSchema,
});
export type PlanDeadline = z.infer<typeof PlanDeadlineSchema>;

/**
 * How "trước ngày 13" (before the 13th) is read: `exclusive` — the last day to submit is the
 * 12th; `inclusive` — the 13th itself still counts.
 */
export const BeforeReadingSchema = z.enum(['exclusive', 'inclusive']);
export type BeforeReading = z.infer<typeof BeforeReadingSchema>;

/** The reporting regime of the plan. */
export const ReportingSchema = z.strictObject({
  /** Who must report, in the plan's words. */
  reportersVi: TextSchema,
  /** The same as data: the agencies whose heads report, and whether every commune does. */
  reporters: z.strictObject({
    agencies: z.array(KebabIdSchema),
    communes: z.boolean(),
    source: SourceSchema,
  }),
  submitTo: SubmitToSchema,
  before: z.strictObject({ reading: BeforeReadingSchema, source: SourceSchema }),
  periodic: z.array(PeriodicRuleSchema),
  deadlines: z.array(PlanDeadlineSchema),
});
export type Reporting = z.infer<typeof ReportingSchema>;

/** A district NTM plan for one year: agencies and ownership, communes and targets, reporting. */
export const PlanSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    /** `district/year`, e.g. `dak-song/2023`. */
    id: z.string().regex(/^[a-z0-9-]+\/\d{4}$/, 'expected an id like "dak-song/2023"'),
    year: z.number().int().min(1990).max(2100),
    nameVi: TextSchema,
    nameEn: TextSchema,
    document: z.strictObject({
      kindVi: TextSchema,
      /** The number, `null` when the copy leaves it blank. */
      number: TextSchema.nullable(),
      /** Number and date exactly as the copy prints them. */
      numberAsWritten: TextSchema,
      dateAsWritten: TextSchema,
      /** The month of issue, `yyyy-MM` (the day is blank in the copy). */
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected yyyy-MM'),
      issuer: TextSchema,
      signedVi: TextSchema.optional(),
      source: SourceSchema,
    }),
    district: z.strictObject({ id: KebabIdSchema, nameVi: TextSchema, nameEn: TextSchema, provinceVi: TextSchema }),
    /** Decisions and resolutions the plan cites. */
    legalFrame: z.array(LegalReferenceSchema),
    agencies: z.array(PlanAgencySchema).min(1),
    ownership: z.strictObject({
      /** The criterion-set series (`issuer/kind`) whose numbering the assignments use. */
      setKind: SetRefSchema,
      assignments: z.array(OwnershipSchema),
    }),
    communes: z.array(PlanCommuneSchema),
    targets: z.array(PlanTargetSchema),
    reporting: ReportingSchema,
    notes: z.array(TextSchema).default([]),
  })
  .superRefine((plan, ctx) => {
    const agencyIds = new Set<string>();
    plan.agencies.forEach((a, i) => {
      if (agencyIds.has(a.id)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'id'], message: `duplicate agency id "${a.id}"` });
      agencyIds.add(a.id);
    });
    const agencyRef = (id: string, path: Array<string | number>): void => {
      if (!agencyIds.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown agency "${id}"` });
    };

    const wholeCriteria = new Set<string>();
    const byIndicator = new Map<string, Array<{ o: IndicatorOwnership; i: number }>>();
    const seen = new Set<string>();
    plan.ownership.assignments.forEach((o, i) => {
      const path = ['ownership', 'assignments', i];
      agencyRef(o.agency, [...path, 'agency']);
      const code = 'criterion' in o ? o.criterion : o.indicator;
      const part = 'indicator' in o ? (o.aspect ?? o.sector)?.id ?? '' : '';
      const key = `${o.agency}|${code}|${part}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: `"${code}" is assigned to "${o.agency}" twice` });
      seen.add(key);
      if ('criterion' in o) wholeCriteria.add(o.criterion);
      else byIndicator.set(o.indicator, [...(byIndicator.get(o.indicator) ?? []), { o, i }]);
    });
    for (const [code, list] of byIndicator) {
      const criterion = code.split('.')[0]!;
      // Assigning an indicator of a criterion that is owned whole would leave two readings of who leads it.
      if (wholeCriteria.has(criterion)) {
        ctx.addIssue({ code: 'custom', path: ['ownership', 'assignments', list[0]!.i, 'indicator'], message: `criterion ${criterion} is owned as a whole; "${code}" cannot be assigned again` });
      }
      if (list.length > 1) {
        // A split is only meaningful when each owner's share is named.
        const by = list[0]!.o.aspect ? 'aspect' : 'sector';
        list.forEach(({ o, i }) => {
          if (!o[by]) ctx.addIssue({ code: 'custom', path: ['ownership', 'assignments', i], message: `"${code}" has ${list.length} owners; each must name its ${by}` });
        });
      }
    }

    const names = new Map<string, string>();
    const ids = new Set<string>();
    plan.communes.forEach((c, i) => {
      // The name check below lets a commune repeat its own id, so a second entry with the same id needs its own check.
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['communes', i, 'id'], message: `duplicate commune id "${c.id}"` });
      ids.add(c.id);
      for (const [j, n] of [c.id, c.nameVi, ...c.aliases].entries()) {
        const prev = names.get(n);
        if (prev !== undefined && prev !== c.id) {
          ctx.addIssue({ code: 'custom', path: ['communes', i, ...(j === 0 ? ['id'] : j === 1 ? ['nameVi'] : ['aliases', j - 2])], message: `"${n}" already names commune "${prev}"` });
        }
        names.set(n, c.id);
      }
    });
    const communeIds = new Set(plan.communes.map((c) => c.id));

    const targetIds = new Set<string>();
    plan.targets.forEach((t, i) => {
      if (targetIds.has(t.id)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'id'], message: `duplicate target id "${t.id}"` });
      targetIds.add(t.id);
      if ('communeId' in t && !communeIds.has(t.communeId)) {
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'communeId'], message: `unknown commune "${t.communeId}"` });
      }
      if (t.kind === 'gain-criteria' && t.baselineYear >= plan.year) {
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'baselineYear'], message: `the baseline year must precede the plan year ${plan.year}` });
      }
      if (t.kind === 'district-figure' && t.measure.type === 'percent' && (t.value < 0 || t.value > 100)) {
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'value'], message: `a percentage target must lie in 0–100, got ${t.value}` });
      }
    });

    const r = plan.reporting;
    r.reporters.agencies.forEach((a, i) => agencyRef(a, ['reporting', 'reporters', 'agencies', i]));
    if (r.submitTo.via !== undefined) agencyRef(r.submitTo.via, ['reporting', 'submitTo', 'via']);
    const kinds = new Set<string>();
    r.periodic.forEach((p, i) => {
      if (kinds.has(p.kind)) ctx.addIssue({ code: 'custom', path: ['reporting', 'periodic', i, 'kind'], message: `a second "${p.kind}" rule` });
      kinds.add(p.kind);
      // Days beyond 28 do not exist in every month; the calendar would have to invent a rule for them.
      if ('day' in p && p.day > 28) ctx.addIssue({ code: 'custom', path: ['reporting', 'periodic', i, 'day'], message: 'a reporting day after the 28th is not supported' });
    });
    r.deadlines.forEach((d, i) => {
      agencyRef(d.from, ['reporting', 'deadlines', i, 'from']);
      if (d.submitTo.via !== undefined) agencyRef(d.submitTo.via, ['reporting', 'deadlines', i, 'submitTo', 'via']);
    });
  });
export type Plan = z.infer<typeof PlanSchema>;
/** A plan as written in a file, before defaults are applied. */
export type PlanInput = z.input<typeof PlanSchema>;

/** Outcome of a target. `undetermined`: the data given cannot decide it (the detail says which is missing). */
export const TargetStatusSchema = z.enum(['achieved', 'not-achieved', 'undetermined']);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/** One target's outcome, with the figures that decided it. */
export const TargetOutcomeSchema = z.strictObject({
  targetId: z.string(),
  kind: z.enum(['reach-standard', 'keep-standard', 'gain-criteria', 'advanced-criteria', 'district-figure']),
  communeId: z.string().optional(),
  target: PlanTargetSchema,
  status: TargetStatusSchema,
  detail: z.strictObject({
    /** One English sentence explaining the status. */
    textEn: z.string(),
    /** The data that would decide an `undetermined` target, in words; empty otherwise (reports print it; `why` is the machine-readable reason). */
    missing: z.array(z.string()),
    /**
     * Why an `undetermined` target is undetermined (present then): the reasons merged up from the
     * results' undecided criteria, or `missing-data` about the target id when the data it needs
     * (a result, a district figure, populations) was not given.
     */
    why: z.array(ReasonSchema).optional(),
    /** Set id of the result(s) used. */
    resultSetId: z.string().optional(),
    criteriaMet: z.number().optional(),
    criteriaUndetermined: z.number().optional(),
    criteriaTotal: z.number().optional(),
    /** The criteria not met, by number (`reach-standard`, `keep-standard`). */
    notMet: z.array(z.string()).optional(),
    baselineCriteriaMet: z.number().optional(),
    baselineCriteriaUndetermined: z.number().optional(),
    /** Range the gain can still take, given undetermined criteria. */
    gain: z.strictObject({ min: z.number(), max: z.number() }).optional(),
    required: z.number().optional(),
    value: z.number().optional(),
    method: z.enum(['district-figure', 'population-weighted']).optional(),
    /** `population-weighted`: the commune indicator read as the figure, and how sure that reading is. */
    reading: z.strictObject({ indicator: z.string(), confidence: ConfidenceSchema }).optional(),
    communesUsed: z.array(z.string()).optional(),
    /** `keep-standard`: whether the commune meets the revocation rule of 18/2022/QĐ-TTg. */
    revocation: RevocationRiskSchema.optional(),
  }),
});
export type TargetOutcome = z.infer<typeof TargetOutcomeSchema>;

/** Kinds of calendar obligations. */
export const ObligationKindSchema = z.enum(['monthly', 'quarterly', 'six-month', 'nine-month', 'annual', 'commune-plan']);
export type ObligationKind = z.infer<typeof ObligationKindSchema>;

/** One dated obligation of the reporting calendar. Dates are `yyyy-MM-dd` calendar days, no time zone. */
export const ObligationSchema = z.strictObject({
  /** `kind:period`, e.g. `monthly:2023-06`. */
  id: z.string(),
  kind: ObligationKindSchema,
  /** `2023-06`, `2023-Q2`, `2023-H1`, `2023-9M`, `2023`. */
  period: z.string(),
  /** The date the plan writes after "trước" (before). */
  dueBefore: z.string(),
  /** The last day a report is on time, under the reading in force (`before.reading` of the deadline: `exclusive` or `inclusive`). */
  lastDay: z.string(),
  /** Who owes it: `all-reporters` (every agency head and commune the plan lists), `each-commune`, or one agency id. */
  from: z.string(),
  submitTo: SubmitToSchema,
  source: SourceSchema,
});
export type Obligation = z.infer<typeof ObligationSchema>;

/** A report handed in: who, which obligation, when. */
export const SubmissionSchema = z.strictObject({
  /** An agency id or a commune id of the plan. */
  from: z.string().min(1).max(200),
  kind: ObligationKindSchema,
  period: z.string().min(1).max(20),
  submittedOn: IsoDateSchema,
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** One thing an agency has to fix or find out in one commune. */
export const WorkItemSchema = z.strictObject({
  /** `criterion`: a criterion the agency owns whole is not met (or undecided); `indicator`: one indicator. */
  level: z.enum(['criterion', 'indicator']),
  criterion: z.string(),
  /** The criterion number or the indicator code. */
  code: z.string(),
  nameVi: z.string().nullable(),
  nameEn: z.string(),
  status: z.enum(['not-met', 'undetermined', 'missing', 'threshold-unknown']),
  value: z.union([z.number(), z.boolean()]).nullable().optional(),
  verdict: z.string().nullable().optional(),
  requirement: RequirementSchema.optional(),
  /** Distance to the threshold in the indicator's unit, `null` when not numeric. */
  shortfall: z.number().nullable().optional(),
  /** For a split indicator: the aspect or sector this agency owns. */
  part: z.strictObject({ by: z.enum(['aspect', 'sector']), id: z.string(), nameVi: z.string(), nameEn: z.string() }).optional(),
  /** The other agencies owning the same code. */
  coOwners: z.array(z.string()),
  undeterminedBecause: criterionResultShape.shape.undeterminedBecause,
});
export type WorkItem = z.infer<typeof WorkItemSchema>;

/** An agency's open items across communes. */
export const WorkListSchema = z.strictObject({
  planId: z.string(),
  agencyId: z.string(),
  /** Results looked at (under the plan's set series). */
  communesChecked: z.number(),
  /** Communes with at least one item, in input order. */
  communes: z.array(
    z.strictObject({
      communeId: z.string(),
      name: z.string().optional(),
      setId: z.string(),
      year: z.number(),
      items: z.array(WorkItemSchema),
    }),
  ),
  /** Entries not looked at, and why (an evaluation error, another set series). */
  skipped: z.array(z.strictObject({ index: z.number(), communeId: z.string().optional(), reason: z.string() })),
});
export type WorkList = z.infer<typeof WorkListSchema>;

/** District-level data for {@link evaluateTargets}: official district figures and commune populations. */
export const DistrictDataSchema = z.strictObject({
  /** Official district figures by target id, e.g. `{ 'health-insurance-coverage': 93.4 }`. */
  figures: z.record(z.string().max(200), z.number().min(-1e12).max(1e12)).optional(),
  /** Population by commune id (or name/alias), to weight commune figures. */
  population: z.record(z.string().max(200), z.number().int().min(0).max(1e9)).optional(),
});
export type DistrictData = z.infer<typeof DistrictDataSchema>;
