import type { CommuneResult, Reason, Requirement } from '../schema/result.js';
import {
  RecognitionFactsSchema,
  type RecognitionConditionResult,
  type RecognitionConditionSpec,
  type RecognitionFacts,
  type RecognitionResult,
  type RecognitionRules,
  type RecognitionStatus,
  type RecognitionNote,
} from '../schema/recognition.js';
import { NtmError, issuesFromZod, type NtmIssue, issue } from '../errors.js';
import { formatQuantity } from '../requirement/format.js';
import { resolveRequirement, dateOfYear, type RequirementContext } from '../requirement/resolve.js';
import { mergeReasons } from '../requirement/reasons.js';
import { listCriterionSets } from '../rules/registry.js';
import { parseDecimal } from '../evaluate/words.js';
import { allCriteria, noDebt, security, surveySatisfaction, verdictOf } from '../mechanisms/index.js';
import type { DistrictResult } from '../district/schema.js';
import { setSeries } from '../rules/set-series.js';
import { periodOn } from '../series/lineage.js';
import { recognitionRulesIdFor, resolveRecognitionRules } from './rules.js';
import { reasonsOfNotes } from './notes.js';

/** Options of {@link checkRecognition}. */
export interface RecognitionOptions {
  /** Recognition rules: the bundled 18/2022 rules (default), or a calibration of them ({@link calibrateRecognition}). */
  rules?: string | RecognitionRules;
}

/**
 * Whether a commune can be recognised as meeting the standard under 18/2022/QĐ-TTg: R1 every
 * criterion met, R2 residents' satisfaction at the required level, R3 no outstanding
 * capital-construction debt, R4 not "complex" in security and order — each with its source and
 * what is missing. The commune percentage for R2 is unknown in the bundled rules, so a share alone
 * leaves R2 undetermined; the survey's verdict (`satisfactionVerdict`) or a calibration decides it.
 *
 * Given a district result ({@link evaluateDistrict}), the check reads the district set's own
 * recognition conditions (D1–D5 of 320/QĐ-TTg) the same way; `facts` are then not used.
 *
 * @example
 * checkRecognition(dakMol2023, { satisfactionVerdict: 'Đạt', constructionDebt: 0, security: 'not-complex' }).status
 * // 'not-recognisable' while criterion 10 is not met
 */
export function checkRecognition(
  result: CommuneResult | DistrictResult,
  facts: RecognitionFacts = {},
  options: RecognitionOptions = {},
): RecognitionResult {
  if (typeof result !== 'object' || result === null || !Array.isArray((result as { criteria?: unknown }).criteria)) {
    throw new NtmError('INVALID_ARGUMENT', [issue('invalid-data', ['result'], { expected: 'a commune result (evaluateCommune) or a district result (evaluateDistrict)' })]);
  }
  if ('districtId' in result) return districtRecognition(result);
  const rules = resolveRecognitionRules(options.rules ?? recognitionRulesIdFor(result.year));
  const bundled = listCriterionSets().find((s) => s.id === result.setId);
  // A national kind spans periods (1980, 318, 51/2025): the rules name the period they belong to.
  const period = bundled && rules.appliesToPeriod !== undefined ? periodOn(bundled.effectiveFrom, bundled.kind)?.period.id : undefined;
  if (bundled && (!rules.appliesTo.includes(setSeries(result.setId)) || (rules.appliesToPeriod !== undefined && period !== rules.appliesToPeriod))) {
    throw new NtmError('INVALID_ARGUMENT', [
      issue('wrong-set-level', ['result', 'setId'], { set: result.setId, decision: rules.decision.number, sets: rules.appliesTo }),
    ]);
  }
  const parsed = RecognitionFactsSchema.safeParse(facts);
  if (!parsed.success) throw new NtmError('INVALID_INPUT', issuesFromZod(parsed.error.issues, ['facts']));
  const f = parsed.data;
  const conditions = rules.commune.conditions.map((c) => communeCondition(c, result, f));
  return {
    level: 'commune',
    id: result.communeId,
    ...(result.name === undefined ? {} : { name: result.name }),
    setId: result.setId,
    year: result.year,
    status: overall(conditions),
    rulesId: rules.id,
    conditions,
    why: mergeReasons(...conditions.map((c) => c.why)),
    notes: conditions.flatMap((c) => c.notes),
  };
}

function overall(conditions: readonly RecognitionConditionResult[]): RecognitionStatus {
  if (conditions.some((c) => c.status === 'not-met')) return 'not-recognisable';
  if (conditions.some((c) => c.status === 'undetermined')) return 'undetermined';
  return 'recognisable';
}

type ConditionBody = Pick<RecognitionConditionResult, 'status' | 'basis' | 'value' | 'requirement' | 'textVi' | 'textEn' | 'notes' | 'why'>;

/** The dimension values a commune's result was evaluated with; `{ region, year }` for results of earlier versions without them. */
function communeContext(r: CommuneResult): RequirementContext {
  return r.dimensions !== undefined && Object.keys(r.dimensions).length > 0 ? { ...r.dimensions, date: dateOfYear(r.year) } : { region: r.region, year: r.year };
}

/**
 * One commune condition: its mechanism decides (status, value, why); the notes say the same in
 * words for reports.
 */
function communeCondition(c: RecognitionConditionSpec, r: CommuneResult, f: ReturnType<typeof RecognitionFactsSchema.parse>): RecognitionConditionResult {
  const body = ((): ConditionBody => {
    switch (c.kind) {
      case 'all-criteria':
        return allCriteriaBody(r);
      case 'satisfaction':
        // The commune's own context (its dimensions as evaluated, the date of its year).
        return satisfaction(c.id, resolveRequirement(c.requirement, communeContext(r), '%'), f.satisfaction, f.satisfactionVerdict);
      case 'no-construction-debt': {
        const o = noDebt.evaluate({ debt: f.constructionDebt, subject: c.id });
        const d = f.constructionDebt;
        if (d === undefined) return missing(o.why, c.id, 'no figure on outstanding capital-construction debt (constructionDebt)', 'chưa có số liệu nợ đọng xây dựng cơ bản', 'no figure on capital-construction debt');
        const amount = typeof d === 'number' ? ` (${formatQuantity(d, null, 'vi')})` : '';
        const amountEn = typeof d === 'number' ? ` (${formatQuantity(d, null, 'en')})` : '';
        return o.status === 'not-met'
          ? { ...computed('not-met', d), textVi: `còn nợ đọng xây dựng cơ bản${amount}`, textEn: `outstanding capital-construction debt${amountEn}` }
          : { ...computed('met', d), textVi: 'không còn nợ đọng xây dựng cơ bản', textEn: 'no outstanding capital-construction debt' };
      }
      case 'security-order': {
        const o = security.evaluate({ assessment: f.security, asks: 'not-complex', subject: c.id });
        if (o.value === null) return missing(o.why, c.id, 'no security-and-order assessment (security)', 'chưa có đánh giá an ninh, trật tự', 'no security-and-order assessment');
        if (!o.answers) return standardAnswerToOldCondition(o.why, c.id, o.value as 'safe' | 'not-safe');
        return o.status === 'not-met'
          ? { ...computed('not-met', o.value), textVi: 'có tình trạng phức tạp về an ninh, trật tự', textEn: '"complex" in security and order' }
          : { ...computed('met', o.value), textVi: 'không phức tạp về an ninh, trật tự', textEn: 'not "complex" in security and order' };
      }
      case 'security-standard': {
        const o = security.evaluate({ assessment: f.security, asks: 'safe', subject: c.id });
        if (o.value === null) return missing(o.why, c.id, 'no assessment against the "An toàn về an ninh, trật tự" standard (security: "safe" or "not-safe")', 'chưa có đánh giá theo tiêu chuẩn “An toàn về an ninh, trật tự”', 'no assessment against the "An toàn về an ninh, trật tự" standard');
        if (!o.answers) {
          // "Not complex" answered 18/2022 as issued; the amended condition asks whether the standard is met.
          return {
            status: 'undetermined',
            basis: 'computed',
            value: o.value,
            requirement: null,
            textVi: 'đánh giá “phức tạp / không phức tạp” là điều kiện cũ; cần kết luận xã đạt tiêu chuẩn “An toàn về an ninh, trật tự” hay không',
            textEn: 'a "complex / not complex" assessment answers the earlier condition; the standard "An toàn về an ninh, trật tự" must be assessed',
            notes: [{ code: 'missing', subject: c.id, message: 'the police assessment against the "An toàn về an ninh, trật tự" standard (security: "safe" or "not-safe")' }],
            why: [...o.why],
          };
        }
        return o.status === 'met'
          ? { ...computed('met', o.value), textVi: 'xã đạt tiêu chuẩn “An toàn về an ninh, trật tự”', textEn: 'meets the "An toàn về an ninh, trật tự" standard' }
          : { ...computed('not-met', o.value), textVi: 'xã chưa đạt tiêu chuẩn “An toàn về an ninh, trật tự”', textEn: 'does not meet the "An toàn về an ninh, trật tự" standard' };
      }
    }
  })();
  return { id: c.id, kind: c.kind, nameVi: c.nameVi, nameEn: c.nameEn, ...body, source: c.source };
}

/** A standard assessment (safe / not safe) given where the rules ask whether the commune is "complex". */
function standardAnswerToOldCondition(why: readonly Reason[], id: string, s: 'safe' | 'not-safe'): ConditionBody {
  return {
    status: 'undetermined',
    basis: 'computed',
    value: s,
    requirement: null,
    textVi: 'đánh giá theo tiêu chuẩn “An toàn về an ninh, trật tự” không trả lời điều kiện “không phức tạp về an ninh, trật tự” của Quyết định 18/2022/QĐ-TTg trước khi sửa đổi',
    textEn: 'an assessment against the "An toàn về an ninh, trật tự" standard does not answer the "not complex" condition of 18/2022/QĐ-TTg as issued',
    notes: [{ code: 'missing', subject: id, message: 'the police assessment of whether the commune is "complex" in security and order (security: "complex" or "not-complex")' }],
    why: [...why],
  };
}

function computed(status: RecognitionConditionResult['status'], value: RecognitionConditionResult['value']): Omit<ConditionBody, 'textVi' | 'textEn'> {
  return { status, basis: 'computed', value, requirement: null, notes: [], why: [] };
}

function missing(why: readonly Reason[], subject: string, message: string, textVi: string, textEn: string): ConditionBody {
  return { status: 'undetermined', basis: 'computed', value: null, requirement: null, textVi, textEn, notes: [{ code: 'missing', subject, message }], why: [...why] };
}

/** R1: the commune result itself. "Cơ bản đạt" criteria are not met. */
function allCriteriaBody(r: CommuneResult): ConditionBody {
  const o = allCriteria.evaluate(r);
  const total = o.total;
  const basically = o.basicallyMet.filter((n) => o.notMet.includes(n));
  const bVi = basically.length ? `; cơ bản đạt (không tính là đạt): ${basically.join(', ')}` : '';
  const bEn = basically.length ? `; basically met (does not count as met): ${basically.join(', ')}` : '';
  const head = { basis: 'computed' as const, value: r.criteriaMet, requirement: null, why: [...o.why] };
  if (o.status === 'met') return { ...head, status: 'met', textVi: `đạt ${total}/${total} tiêu chí`, textEn: `${total}/${total} criteria met`, notes: [] };
  if (o.status === 'not-met') {
    const list = o.notMet.join(', ');
    return { ...head, status: 'not-met', textVi: `đạt ${r.criteriaMet}/${total} tiêu chí; chưa đạt: ${list}${bVi}`, textEn: `${r.criteriaMet}/${total} criteria met; not met: ${list}${bEn}`, notes: [] };
  }
  const notes: RecognitionNote[] = r.criteria
    .filter((c) => c.status === 'undetermined')
    .flatMap((c): RecognitionNote[] => {
      const b = c.undeterminedBecause;
      const out: RecognitionNote[] = [];
      if (b && b.missing.length) out.push({ code: 'missing', subject: c.number, message: `criterion ${c.number}: a value or verdict for ${b.missing.join(', ')}` });
      if (b && b.thresholdUnknown.length) out.push({ code: 'threshold-unknown', subject: c.number, message: `criterion ${c.number}: a verdict for ${b.thresholdUnknown.join(', ')} (threshold unknown)` });
      if (!b || b.indicatorListIncomplete) out.push({ code: 'needs-verdict', subject: c.number, message: `criterion ${c.number}: a criterion-level verdict (the set does not list all its indicators)` });
      return out;
    });
  return {
    ...head,
    status: 'undetermined',
    textVi: `đạt ${r.criteriaMet}/${total} tiêu chí, ${r.criteriaUndetermined} chưa xác định`,
    textEn: `${r.criteriaMet}/${total} criteria met, ${r.criteriaUndetermined} undetermined`,
    notes,
  };
}

/** R2: the survey's verdict decides; otherwise the share against the required level, if known. */
function satisfaction(id: string, req: Requirement, share: number | string | undefined, verdictRaw: string | boolean | undefined): ConditionBody {
  const value = share === undefined ? null : typeof share === 'number' ? share : parseDecimal(share, { allowPercentSign: true });
  if (share !== undefined && (value === null || value < 0 || value > 100)) {
    throw new NtmError('INVALID_INPUT', [issue('out-of-range', ['facts', 'satisfaction'], { got: JSON.stringify(share) })]);
  }
  const issues: NtmIssue[] = [];
  const verdict = verdictOf(verdictRaw, ['facts', 'satisfactionVerdict'], issues);
  if (issues.length > 0) throw new NtmError('INVALID_INPUT', [{ ...issues[0]!, message: `expected Đạt / Không đạt, got "${String(verdictRaw)}"` }]);
  const o = surveySatisfaction.evaluate({ requirement: req, share: value, verdict, subject: id });
  const shareVi = value === null ? '' : `tỷ lệ hài lòng ${formatQuantity(value, '%', 'vi')}; `;
  const shareEn = value === null ? '' : `satisfaction ${formatQuantity(value, '%', 'en')}; `;
  const head = { basis: o.basis, value, requirement: req, why: [...o.why] };
  if (verdict !== null) {
    return { ...head, status: verdict, textVi: `${shareVi}kết luận khảo sát: ${verdict === 'met' ? 'đạt' : 'không đạt'}`, textEn: `${shareEn}survey verdict: ${verdict === 'met' ? 'met' : 'not met'}`, notes: [] };
  }
  if (value === null) {
    return {
      ...head,
      status: 'undetermined',
      textVi: `chưa có kết quả khảo sát sự hài lòng (yêu cầu ${req.textVi})`,
      textEn: `no satisfaction survey result (required ${req.textEn})`,
      notes: [{ code: 'missing', subject: id, message: 'the satisfaction share (satisfaction) or the survey verdict (satisfactionVerdict)' }],
    };
  }
  if (o.status === 'undetermined') {
    return {
      ...head,
      status: 'undetermined',
      textVi: `${shareVi}mức yêu cầu chưa rõ`,
      textEn: `${shareEn}the required level is unknown`,
      notes: [{ code: 'threshold-unknown', subject: id, message: 'the required satisfaction level is unknown: give the survey verdict (satisfactionVerdict) or calibrate the level (calibrateRecognition)' }],
    };
  }
  return { ...head, status: o.status, textVi: `${shareVi}yêu cầu ${req.textVi}`, textEn: `${shareEn}required ${req.textEn}`, notes: [] };
}

/** D1–D5 of the district set, as {@link evaluateDistrict} computed them. */
function districtRecognition(r: DistrictResult): RecognitionResult {
  const conditions: RecognitionConditionResult[] = r.conditions.map((c) => {
    const notes = (c.undeterminedBecause ?? []).map((u): RecognitionNote => ({ code: u.code === 'not-assessed' ? 'missing' : u.code, subject: c.id, message: u.message }));
    return {
    id: c.id,
    kind: c.kind,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    status: c.status === 'not-applicable' ? 'met' : c.status,
    basis: c.basis,
    value: c.value,
    requirement: c.requirement,
    textVi: c.textVi,
    textEn: c.textEn,
    // The district's own reasons when it gives them (they name the criteria and communes below).
    why: c.why ?? reasonsOfNotes(notes),
    notes,
    source: c.source,
  };
  });
  return {
    level: 'district',
    id: r.districtId,
    ...(r.name === undefined ? {} : { name: r.name }),
    setId: r.setId,
    year: r.year,
    status: overall(conditions),
    rulesId: r.setId,
    conditions,
    why: mergeReasons(...conditions.map((c) => c.why)),
    notes: conditions.flatMap((c) => c.notes),
  };
}
