import { NtmError, issuesFromZod, type NtmIssue } from '../errors.js';
import { compareRequirement, formatQuantity, resolveRequirement, shortfall, mergeReasons } from '../requirement/index.js';
import { bundledDataFiles } from '../rules/bundled-data.js';
import { parseDecimal } from '../evaluate/index.js';
import type { CommuneOutcome, ConditionResult } from '../district/index.js';
import { againstOrBelow, shareBody, withVerdict } from '../district/compute.js';
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
  commune: { vi: 'xã đạt chuẩn nông thôn mới', en: 'communes meeting the NTM set' },
  'commune-modern': { vi: 'xã nông thôn mới hiện đại', en: 'modern NTM communes' },
} as const;

interface ContentsUnit {
  id: string;
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
      textVi: `chưa có danh sách phường và đặc khu (yêu cầu ${req.textVi} số nội dung tiêu chí)`,
      textEn: `wards and special zones not given (required ${req.textEn} of the criterion contents)`,
      undeterminedBecause: [{ code: 'missing', message: 'wards and special zones not given' }],
      why: [{ code: 'missing-data', items: [c.id] }],
    };
  }
  const relevant = units.filter((u) => u.inScope !== false);
  if (relevant.length === 0) {
    return {
      ...empty,
      status: 'not-applicable',
      textVi: 'không có phường thuộc diện (hình thành từ xã, đất nông nghiệp từ 70%) và không có đặc khu: không áp dụng',
      textEn: 'no ward in scope (formed with communes, ≥ 70% agricultural land) and no special zone: not applicable',
    };
  }
  const out: Units = noUnits();
  const reasons: NonNullable<ConditionResult['undeterminedBecause']> = [];
  const why: Reason[][] = [];
  const parts: { vi: string[]; en: string[] } = { vi: [], en: [] };
  let lowest: number | null = null;
  for (const u of relevant) {
    const label = { vi: `${u.kind === 'ward' ? 'phường' : 'đặc khu'} ${u.id}`, en: `${u.kind === 'ward' ? 'ward' : 'special zone'} ${u.id}` };
    if (!u.contents) {
      (u.inScope === null ? out.undetermined : out.notAssessed).push(u.id);
      reasons.push({ code: 'missing', message: `${label.en}: no count of criterion contents met` });
      why.push(reasonAbout('missing-data', [u.id]));
      parts.vi.push(`${label.vi}: thiếu số liệu`);
      parts.en.push(`${label.en}: no data`);
      continue;
    }
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
      reasons.push({ code: 'missing', message: `${label.en}: whether it was formed with communes and had ≥ 70% agricultural land on ${c.scope.agriculturalLandDate} is not known` });
      why.push(reasonAbout('missing-data', [u.id]));
    }
    ({ met: out.met, 'not-met': out.notMet, undetermined: out.undetermined })[status].push(u.id);
    if (namedMissing.length && ok !== false && namedNotMet.length === 0) {
      reasons.push({ code: 'missing', message: `${label.en}: no verdict on named contents ${namedMissing.join(', ')}` });
      why.push(reasonAbout('missing', [u.id]));
    }
    if (ok === null) {
      reasons.push({ code: 'threshold-unknown', message: req.textEn });
      why.push([...o.why]);
    }
    const namedVi = namedNotMet.length ? `; chưa đạt nội dung ${namedNotMet.join(', ')}` : namedMissing.length ? `; chưa có đánh giá nội dung ${namedMissing.join(', ')}` : '';
    const namedEn = namedNotMet.length ? `; named contents not met: ${namedNotMet.join(', ')}` : namedMissing.length ? `; no verdict on named contents ${namedMissing.join(', ')}` : '';
    parts.vi.push(`${label.vi} ${u.contents.met}/${u.contents.total} = ${formatQuantity(o.shown, '%', 'vi')}${againstOrBelow(req, ok, 'vi')}${namedVi}`);
    parts.en.push(`${label.en} ${u.contents.met}/${u.contents.total} = ${formatQuantity(o.shown, '%', 'en')}${againstOrBelow(req, ok, 'en')}${namedEn}`);
  }
  const status = out.notMet.length > 0 ? 'not-met' : out.undetermined.length + out.notAssessed.length > 0 ? 'undetermined' : 'met';
  return {
    ...empty,
    status,
    value: lowest === null ? null : Math.round(lowest * 1e4) / 1e4,
    shortfall: lowest === null ? null : shortfall(req, lowest),
    textVi: `nội dung tiêu chí: ${parts.vi.join('; ')}`,
    textEn: `criterion contents: ${parts.en.join('; ')}`,
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
      throw new NtmError('NO_SET_IN_FORCE', [{ code: 'not-yet-in-force', path: [], message: `${rules.id} takes effect on ${rules.effectiveFrom}; before it, districts were rolled up under 320/QĐ-TTg (evaluateDistrict)` }]);
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
      if (seen.has(c.communeId)) issues.push({ code: 'duplicate-commune', path: [field, i, 'communeId'], message: `commune "${c.communeId}" appears twice` });
      seen.add(c.communeId);
      if (mustBeKnown && !ids.has(c.communeId)) issues.push({ code: 'unknown-commune', path: [field, i, 'communeId'], message: `"${c.communeId}" is not among the province's communes` });
      if (c.year !== data.year) issues.push({ code: 'wrong-year', path: [field, i, 'year'], message: `result for ${c.year}, the evaluation is for ${data.year}` });
    });
  };
  data.communes.forEach((c) => ids.add(c.communeId));
  checkList(data.communes, 'communes', false);
  if (data.modernCommunes) checkList(data.modernCommunes, 'modernCommunes', true);
  const total = data.communeCount ?? data.communes.length;
  if (total === 0) issues.push({ code: 'no-communes', path: ['communes'], message: 'a province needs its communes (or communeCount)' });
  if (data.communeCount !== undefined && data.communeCount < data.communes.length) {
    issues.push({ code: 'count-too-small', path: ['communeCount'], message: `communeCount ${data.communeCount} is below the ${data.communes.length} communes listed` });
  }
  const p3 = rules.conditions.find((c): c is Extract<ProvinceCondition, { kind: 'contents-of-units' }> => c.kind === 'contents-of-units');
  const named = (raw: Record<string, string | boolean> | undefined, path: Array<string | number>): Record<string, 'met' | 'not-met'> => {
    const out: Record<string, 'met' | 'not-met'> = {};
    for (const [k, v] of Object.entries(raw ?? {})) {
      if (p3 && !p3.namedContents.some((n) => n.id === k)) {
        issues.push({ code: 'unknown-content', path: [...path, k], message: `"${k}" is not a named content; known: ${p3.namedContents.map((n) => n.id).join(', ')}` });
        continue;
      }
      const verdict = verdictOf(v, [...path, k], issues);
      if (verdict) out[k] = verdict;
    }
    return out;
  };
  const contentsCheck = (u: { contents?: { met: number; total: number } }, path: Array<string | number>) => {
    if (u.contents && u.contents.met > u.contents.total) issues.push({ code: 'more-met-than-total', path: [...path, 'contents', 'met'], message: `${u.contents.met} contents met of ${u.contents.total}` });
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
        if (n === null || n < 0 || n > 100) issues.push({ code: 'out-of-range', path: ['wards', i, 'agriculturalLandShare'], message: `expected a percentage in 0–100, got ${JSON.stringify(w.agriculturalLandShare)}` });
        else land = n;
      }
      const landOk = land === null || landReq === null ? null : compareRequirement(landReq, land);
      const inScope = w.formedWithCommunes === false || landOk === false ? false : w.formedWithCommunes === true && landOk === true ? true : null;
      contentUnits!.push({ id: w.id, kind: 'ward', inScope, ...(w.contents ? { contents: w.contents } : {}), named: named(w.namedContents, ['wards', i, 'namedContents']) });
    });
    (data.specialZones ?? []).forEach((z, i) => {
      contentsCheck(z, ['specialZones', i]);
      contentUnits!.push({ id: z.id, kind: 'special-zone', inScope: p3?.scope.specialZones ?? true, ...(z.contents ? { contents: z.contents } : {}), named: named(z.namedContents, ['specialZones', i, 'namedContents']) });
    });
  }
  const verdicts: Record<string, 'met' | 'not-met'> = {};
  for (const [id, v] of Object.entries(data.conditions ?? {})) {
    if (!rules.conditions.some((c) => c.id === id)) {
      issues.push({ code: 'unknown-condition', path: ['conditions', id], message: `condition "${id}" is not in ${rules.id}` });
      continue;
    }
    const verdict = verdictOf(v, ['conditions', id], issues);
    if (verdict) verdicts[id] = verdict;
  }
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', issues);

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
      body = { ...shareBody(share, WORDS[c.level], { unlisted, communes: true, negate: true }), ...(share.status === 'undetermined' ? { why: [...share.why] } : {}) };
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
