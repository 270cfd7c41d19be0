import { NtmError, issuesFromZod, type NtmIssue, issue } from '../errors.js';
import { compareRequirement, resolveRequirement, shortfall, mergeReasons } from '../requirement/index.js';
import { bundledDataFiles } from '../rules/bundled-data.js';
import { parseDecimal } from '../evaluate/index.js';
import type { CommuneOutcome, ConditionResult } from '../district/index.js';
import { againstOrBelow, reasonIn, shareBody, withVerdict } from '../district/compute.js';
import { bothLangs, t, textIn, type Lang } from '../messages/index.js';
import { noUnits, reasonAbout, shareOfCount, shareOfUnits, verdictOf, type Units } from '../mechanisms/index.js';
import type { Reason } from '../schema/result.js';
import { isoDateOf } from '../versions/index.js';
import { ProvinceInputSchema, ProvinceRulesSchema, type ProvinceCondition, type ProvinceResult, type ProvinceRules } from './schema.js';
import { FILES as PROVINCE_RULE_FILES } from '../rules/manifest/province-completion.js';

const files = bundledDataFiles(ProvinceRulesSchema, PROVINCE_RULE_FILES, 'province-rules');

/** The bundled province-completion rules of 51/2025/QĐ-TTg (Phụ lục III). */
export const DEFAULT_PROVINCE_RULES = 'national/province-ntm/2026';

/**
 * Province-completion rules by id (bundled) or your own object, validated.
 *
 * @example getProvinceRules().conditions.map((c) => c.id) // ['P1', 'P2', 'P3']
 */
export function getProvinceRules(rulesOrId: string | ProvinceRules | unknown = DEFAULT_PROVINCE_RULES): ProvinceRules {
  return files.get(rulesOrId);
}

/**
 * Which roll-up applies to a year's results: district roll-ups (320/QĐ-TTg) up to 2025, province
 * roll-ups (51/2025/QĐ-TTg Phụ lục III) from 2026 — districts were abolished on 01/07/2025.
 *
 * @example rollUpLevelFor(2025) // 'district'
 * rollUpLevelFor(2026) // 'province'
 */
export function rollUpLevelFor(year: number): 'district' | 'province' {
  return year >= Number(getProvinceRules().effectiveFrom.slice(0, 4)) ? 'province' : 'district';
}

/** Options of {@link evaluateProvince}. */
export interface ProvinceEvaluationOptions {
  /** Refuse rules not yet in force on this date (`yyyy-MM-dd`). */
  asOf?: string | Date;
}

type Body = Omit<ConditionResult, 'id' | 'kind' | 'nameVi' | 'nameEn' | 'basis' | 'verdict' | 'source'>;

const WORDS = {
  commune: bothWords('province.level.commune'),
  'commune-modern': bothWords('province.level.commune-modern'),
} as const;

function bothWords(code: 'province.level.commune' | 'province.level.commune-modern'): { vi: string; en: string } {
  const { textVi, textEn } = bothLangs((lang) => t(code, {}, lang));
  return { vi: textVi, en: textEn };
}

interface ContentsUnit {
  id: string;
  name?: string;
  kind: 'ward' | 'special-zone';
  inScope: boolean | null;
  contents?: { met: number; total: number };
  named: Record<string, 'met' | 'not-met'>;
}

function contentsBody(c: Extract<ProvinceCondition, { kind: 'contents-of-units' }>, units: ContentsUnit[] | null, year: number): Body {
  const req = resolveRequirement(c.requirement, { region: null, year }, '%');
  const empty = { value: null, numerator: null, denominator: null, requirement: req, shortfall: null };
  if (units === null) {
    return {
      ...empty,
      status: 'undetermined',
      ...bothLangs((lang) => t('province.noUnits', { requirement: textIn(req, lang) }, lang)),
      undeterminedBecause: [reasonIn('missing', (lang) => t('province.why.noUnits', {}, lang))],
      why: [{ code: 'missing-data', items: [c.id] }],
    };
  }
  const relevant = units.filter((u) => u.inScope !== false);
  if (relevant.length === 0) {
    return {
      ...empty,
      status: 'not-applicable',
      ...bothLangs((lang) => t('province.noUnitInScope', {}, lang)),
    };
  }
  const out: Units = noUnits();
  const reasons: NonNullable<ConditionResult['undeterminedBecause']> = [];
  const why: Reason[][] = [];
  const parts: Array<(lang: Lang) => string> = [];
  let lowest: number | null = null;
  for (const u of relevant) {
    const label = (lang: Lang): string => t(`province.unit.${u.kind}`, { id: u.name ?? u.id }, lang);
    if (!u.contents) {
      (u.inScope === null ? out.undetermined : out.notAssessed).push(u.id);
      reasons.push(reasonIn('missing', (lang) => t('province.why.unitNoCount', { unit: label(lang) }, lang)));
      why.push(reasonAbout('missing-data', [u.id]));
      parts.push((lang) => t('province.unit.noData', { unit: label(lang) }, lang));
      continue;
    }
    const contents = u.contents;
    const o = shareOfCount.evaluate({ requirement: req, met: u.contents.met, total: u.contents.total, subject: c.id });
    const share = o.exact;
    lowest = lowest === null ? share : Math.min(lowest, share);
    const ok = o.ok;
    const namedNotMet = c.namedContents.filter((n) => u.named[n.id] === 'not-met').map((n) => n.id);
    const namedMissing = c.namedContents.filter((n) => u.named[n.id] === undefined).map((n) => n.id);
    let status: 'met' | 'not-met' | 'undetermined';
    if (ok === false || namedNotMet.length > 0) status = 'not-met';
    else if (ok === null || namedMissing.length > 0) status = 'undetermined';
    else status = 'met';
    // A ward whose scope is unknown matters only if it would fail.
    if (u.inScope === null && status !== 'met') {
      status = 'undetermined';
      reasons.push(reasonIn('missing', (lang) => t('province.why.unitScope', { unit: label(lang), date: c.scope.agriculturalLandDate }, lang)));
      why.push(reasonAbout('missing-data', [u.id]));
    }
    ({ met: out.met, 'not-met': out.notMet, undetermined: out.undetermined })[status].push(u.id);
    if (namedMissing.length && ok !== false && namedNotMet.length === 0) {
      reasons.push(reasonIn('missing', (lang) => t('province.why.unitNoVerdict', { unit: label(lang), contents: namedMissing }, lang)));
      why.push(reasonAbout('missing', [u.id]));
    }
    if (ok === null) {
      reasons.push(reasonIn('threshold-unknown', (lang) => t('province.why.thresholdUnknown', { requirement: textIn(req, lang) }, lang)));
      why.push([...o.why]);
    }
    parts.push((lang) =>
      t('province.unit.contents', { unit: label(lang), met: contents.met, total: contents.total, share: o.shown, against: againstOrBelow(req, ok, lang), notMet: namedNotMet, noVerdict: namedMissing }, lang),
    );
  }
  const status = out.notMet.length > 0 ? 'not-met' : out.undetermined.length + out.notAssessed.length > 0 ? 'undetermined' : 'met';
  return {
    ...empty,
    status,
    value: lowest === null ? null : Math.round(lowest * 1e4) / 1e4,
    shortfall: lowest === null ? null : shortfall(req, lowest),
    ...bothLangs((lang) => t('province.contents', { parts: parts.map((p) => p(lang)) }, lang)),
    ...(status === 'undetermined' ? { undeterminedBecause: reasons, why: mergeReasons(...why) } : {}),
    units: out,
  };
}

/**
 * Evaluates a province under the completion rules of 51/2025/QĐ-TTg (Phụ lục III), from its
 * communes' results: (P1) 100 % of communes meet the commune set; (P2) ≥ 10 % are modern NTM
 * communes; (P3) wards formed with communes with ≥ 70 % agricultural land on 01/07/2025, and
 * special zones, meet ≥ 70 % of the criterion contents. Each condition comes with its numbers
 * ("modern NTM communes 9/103 = 8.7% < 10%") and is honest about undecided communes. An official
 * verdict on a condition stands over the data (a disagreement is flagged). Throws `INVALID_INPUT`
 * naming the path of bad data.
 *
 * @example
 * const r = evaluateProvince({ provinceId: 'lam-dong', year: 2026, communes, communeCount: 103, modernCommunes, wards: [], specialZones: [] });
 * r.conditions[1].textEn // 'modern NTM communes 9/103 = 8.7% < 10%'
 */
export function evaluateProvince(input: unknown, rulesOrId: string | ProvinceRules = DEFAULT_PROVINCE_RULES, options: ProvinceEvaluationOptions = {}): ProvinceResult {
  const rules = getProvinceRules(rulesOrId);
  if (options.asOf !== undefined) {
    const day = isoDateOf(options.asOf);
    if (day < rules.effectiveFrom) {
      throw new NtmError('NO_SET_IN_FORCE', [issue('not-yet-in-force', [], { rules: rules.id, from: rules.effectiveFrom })]);
    }
  }
  const parsed = ProvinceInputSchema.safeParse(input);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues));
  const data = parsed.data;
  const issues: NtmIssue[] = [];
  const ids = new Set<string>();
  const checkList = (list: readonly CommuneOutcome[], field: string, mustBeKnown: boolean) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.communeId)) issues.push(issue('duplicate-commune', [field, i, 'communeId'], { commune: c.communeId }));
      seen.add(c.communeId);
      if (mustBeKnown && !ids.has(c.communeId)) issues.push(issue('unknown-commune', [field, i, 'communeId'], { commune: c.communeId, among: 'the province' }));
      if (c.year !== data.year) issues.push(issue('wrong-year', [field, i, 'year'], { year: c.year, wanted: data.year }));
    });
  };
  data.communes.forEach((c) => ids.add(c.communeId));
  checkList(data.communes, 'communes', false);
  if (data.modernCommunes) checkList(data.modernCommunes, 'modernCommunes', true);
  const total = data.communeCount ?? data.communes.length;
  if (total === 0) issues.push(issue('no-communes', ['communes'], {}));
  if (data.communeCount !== undefined && data.communeCount < data.communes.length) {
    issues.push(issue('count-too-small', ['communeCount'], { count: data.communeCount, listed: data.communes.length }));
  }
  const p3 = rules.conditions.find((c): c is Extract<ProvinceCondition, { kind: 'contents-of-units' }> => c.kind === 'contents-of-units');
  const named = (raw: Record<string, string | boolean> | undefined, path: Array<string | number>): Record<string, 'met' | 'not-met'> => {
    const out: Record<string, 'met' | 'not-met'> = {};
    for (const [k, v] of Object.entries(raw ?? {})) {
      if (p3 && !p3.namedContents.some((n) => n.id === k)) {
        issues.push(issue('unknown-content', [...path, k], { content: k, known: p3.namedContents.map((n) => n.id) }));
        continue;
      }
      const verdict = verdictOf(v, [...path, k], issues);
      if (verdict) out[k] = verdict;
    }
    return out;
  };
  const contentsCheck = (u: { contents?: { met: number; total: number } }, path: Array<string | number>) => {
    if (u.contents && u.contents.met > u.contents.total) issues.push(issue('more-met-than-total', [...path, 'contents', 'met'], { met: u.contents.met, total: u.contents.total }));
  };
  let contentUnits: ContentsUnit[] | null = null;
  if (data.wards !== undefined || data.specialZones !== undefined) {
    contentUnits = [];
    const landReq = p3 ? resolveRequirement(p3.scope.agriculturalLand, { region: null, year: data.year }, '%') : null;
    (data.wards ?? []).forEach((w, i) => {
      contentsCheck(w, ['wards', i]);
      let land: number | null = null;
      if (w.agriculturalLandShare !== null) {
        const n = typeof w.agriculturalLandShare === 'number' ? w.agriculturalLandShare : parseDecimal(w.agriculturalLandShare, { allowPercentSign: true });
        if (n === null || n < 0 || n > 100) issues.push(issue('out-of-range', ['wards', i, 'agriculturalLandShare'], { got: JSON.stringify(w.agriculturalLandShare) }));
        else land = n;
      }
      const landOk = land === null || landReq === null ? null : compareRequirement(landReq, land);
      const inScope = w.formedWithCommunes === false || landOk === false ? false : w.formedWithCommunes === true && landOk === true ? true : null;
      contentUnits!.push({ id: w.id, ...(w.name === undefined ? {} : { name: w.name }), kind: 'ward', inScope, ...(w.contents ? { contents: w.contents } : {}), named: named(w.namedContents, ['wards', i, 'namedContents']) });
    });
    (data.specialZones ?? []).forEach((z, i) => {
      contentsCheck(z, ['specialZones', i]);
      contentUnits!.push({ id: z.id, ...(z.name === undefined ? {} : { name: z.name }), kind: 'special-zone', inScope: p3?.scope.specialZones ?? true, ...(z.contents ? { contents: z.contents } : {}), named: named(z.namedContents, ['specialZones', i, 'namedContents']) });
    });
  }
  const verdicts: Record<string, 'met' | 'not-met'> = {};
  for (const [id, v] of Object.entries(data.conditions ?? {})) {
    if (!rules.conditions.some((c) => c.id === id)) {
      issues.push(issue('unknown-condition', ['conditions', id], { condition: id, set: rules.id }));
      continue;
    }
    const verdict = verdictOf(v, ['conditions', id], issues);
    if (verdict) verdicts[id] = verdict;
  }
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);

  const names = new Map(data.communes.filter((c) => c.name !== undefined).map((c) => [c.communeId, c.name!]));
  const listed = [...ids];
  const unlisted = Math.max(0, total - listed.length);
  const conditions = rules.conditions.map((c): ConditionResult => {
    let body: Body;
    if (c.kind === 'share-of-communes') {
      const req = resolveRequirement(c.requirement, { region: null, year: data.year }, '%');
      const pool = c.level === 'commune' ? data.communes : (data.modernCommunes ?? []);
      const byId = new Map(pool.map((o) => [o.communeId, o]));
      const units = noUnits();
      for (const id of listed) {
        const o = byId.get(id);
        if (!o) (c.level === 'commune-modern' && data.modernCommunesComplete ? units.notMet : units.notAssessed).push(id);
        else ({ met: units.met, 'not-met': units.notMet, undetermined: units.undetermined })[o.status].push(id);
      }
      const share = shareOfUnits.evaluate({ requirement: req, units, total, unlisted, subject: c.id });
      body = { ...shareBody(share, WORDS[c.level], { unlisted, communes: true, negate: true, nameOf: (id) => names.get(id) }), ...(share.status === 'undetermined' ? { why: [...share.why] } : {}) };
    } else {
      body = contentsBody(c, contentUnits, data.year);
    }
    const computed: ConditionResult = { id: c.id, kind: c.kind, nameVi: c.nameVi, nameEn: c.nameEn, basis: 'computed', verdict: null, source: c.source, ...body };
    const verdict = verdicts[c.id];
    return verdict ? withVerdict(computed, verdict) : computed;
  });
  const count = (s: string) => conditions.filter((c) => c.status === s).length;
  return {
    provinceId: data.provinceId,
    ...(data.name === undefined ? {} : { name: data.name }),
    rulesId: rules.id,
    year: data.year,
    status: count('not-met') > 0 ? 'not-met' : count('undetermined') > 0 ? 'undetermined' : 'met',
    conditionsMet: count('met') + count('not-applicable'),
    conditionsNotMet: count('not-met'),
    conditionsUndetermined: count('undetermined'),
    conditions,
  };
}
