/**
 * `ntm province`: completion of a province under 51/2025/QĐ-TTg (Phụ lục III).
 */
import type { Lang } from '../../requirement/format.js';
import { NtmError, printable, type NtmErrorCode } from '../../errors.js';
import { isEvaluationError } from '../../evaluate/index.js';
import { evaluateCommunes } from '../../plan/index.js';
import { CRITERION_STATUS_TEXT, STATUS_MARK } from '../../report/index.js';
import { withCommuneGroup, type CommuneGroupInput } from '../../groups/index.js';
import { evaluateProvince, type ProvinceResult } from '../../province/index.js';
import type { CommuneResult } from '../../schema/result.js';
import type { CommuneInput } from '../../schema/input.js';
import { FileError } from '../inputs.js';
import { dataSetMismatch } from '../data-set-guard.js';
import { rollUp, rollUpText } from '../../report/rollup.js';
import { t } from '../../messages/index.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, dateOf, type Command } from '../args.js';
import { collectEvaluation } from '../batch.js';
import { groupsOf } from '../commune-groups.js';
import { readJson } from '../json-file.js';
import { setOf, locatedIssues } from '../set-argument.js';
import { setInForceOn } from '../set-versions.js';

const PROVINCE_OPTIONS = { ...COMMON, set: { type: 'string', input: 'set' }, 'as-of': { type: 'string' } } as const satisfies OptionDecls;
const PROVINCE_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<file> (a province JSON file)', input: 'province' };

const CONDITION_WORD: Record<Lang, Record<string, string>> = {
  vi: { ...CRITERION_STATUS_TEXT.vi, 'not-applicable': 'Không áp dụng' },
  en: { ...CRITERION_STATUS_TEXT.en, 'not-applicable': 'not applicable' },
};
const MARK: Record<string, string> = { ...STATUS_MARK, 'not-applicable': '–' };

/**
 * A province result as text: each condition with its mark, status and numbers, then the status.
 *
 * @example provinceText(evaluateProvince(input), 'en') // 'Province lam-dong, 2026 (national/province-ntm/2026) …'
 */
export function provinceText(r: ProvinceResult, lang: Lang): string {
  const name = r.name ?? r.provinceId;
  const lines = [lang === 'vi' ? `Tỉnh ${name}, năm ${r.year} (${r.rulesId}, 51/2025/QĐ-TTg Phụ lục III)` : `Province ${name}, ${r.year} (${r.rulesId}, 51/2025/QĐ-TTg Annex III)`];
  for (const c of r.conditions) {
    lines.push(`${MARK[c.status]} ${c.id} ${CONDITION_WORD[lang][c.status]!.padEnd(lang === 'vi' ? 14 : 14)} ${lang === 'vi' ? c.textVi : c.textEn}${c.basis === 'verdict' ? (lang === 'vi' ? ' [theo kết luận chính thức]' : ' [official verdict]') : ''}`);
    for (const u of c.undeterminedBecause ?? []) lines.push(`      ${lang === 'vi' ? 'vì' : 'because'}: ${u.message}`);
  }
  const status = { vi: { met: 'Hoàn thành', 'not-met': 'Chưa hoàn thành', undetermined: 'Chưa xác định' }, en: { met: 'completed', 'not-met': 'not completed', undetermined: 'undetermined' } }[lang][r.status];
  lines.push(
    lang === 'vi'
      ? `Kết quả: ${status} (${r.conditionsMet} điều kiện đạt, ${r.conditionsNotMet} chưa đạt, ${r.conditionsUndetermined} chưa xác định)`
      : `Result: ${status} (${r.conditionsMet} conditions met, ${r.conditionsNotMet} not met, ${r.conditionsUndetermined} undetermined)`,
  );
  return lines.join('\n') + '\n';
}

async function provinceCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, PROVINCE_OPTIONS, PROVINCE_POSITIONALS);
  const file = positionals[0]!;
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const asOf = dateOf(values['as-of'], '--as-of');
  const { text, data } = await readJson(file, lang);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new FileError(`${file}: expected a JSON object`);
  const obj = data as Record<string, unknown>;
  let input: unknown = obj;
  let errors = 0;
  let rollUpLine: string | undefined;
  // A province input (provinceId, communes' statuses) goes to evaluateProvince as it is.
  if (obj.province !== undefined || (Array.isArray(obj.communes) && obj.provinceId === undefined)) {
    // A data file of communes (with a "province" section for Phụ lục III): evaluate the communes first.
    const setArg = values.set ?? obj.set;
    const set = asOf === undefined ? await setOf(setArg) : await setInForceOn(setArg, asOf, io, lang);
    const mismatch = dataSetMismatch(printable(file), obj.set, set, lang);
    if (mismatch !== undefined) throw new FileError(mismatch);
    let results: CommuneResult[];
    const groups = obj.groups as Record<string, CommuneGroupInput> | undefined;
    if (groups !== undefined && Array.isArray(obj.communes)) {
      // Each commune's group (given, else derived from its facts) feeds the set's communeGroup dimension.
      groupsOf(file, text, obj);
      const inputs = (obj.communes as CommuneInput[]).map((c) => withCommuneGroup(c, (typeof c.communeId === 'string' ? groups[c.communeId] : undefined) ?? {}).input);
      const entries = await evaluateCommunes(set, inputs);
      for (const e of entries) {
        if (!isEvaluationError(e)) continue;
        errors++;
        for (const line of locatedIssues(file, text, new NtmError(e.error.code as NtmErrorCode, e.error.issues.map((i) => ({ ...i, path: ['communes', e.index, ...i.path] }))))) io.err(`${line}\n`);
      }
      results = entries.filter((e): e is CommuneResult => !isEvaluationError(e));
    } else {
      const collected = await collectEvaluation(file, set, { lang }, io);
      errors = collected.errors;
      results = collected.entries.filter((e): e is CommuneResult => !isEvaluationError(e));
    }
    rollUpLine = rollUpText(rollUp(results), lang);
    if (!isProvinceSetPeriod(set.effectiveFrom)) {
      // 2021-2025 results: the province's counts as its reports state them; Phụ lục III needs 2026 results.
      const sink = openSink(io, values.out as string | undefined);
      if (format === 'json') await sink.write(JSON.stringify({ setId: set.id, ...rollUp(results) }, null, 2) + '\n');
      else await sink.write(`${t('rollup.provinceHead', { set: set.id }, lang)}\n${rollUpLine}\n`);
      await sink.close();
      return errors > 0 ? 1 : 0;
    }
    input = { ...(obj.province as object), communes: results.map((r) => ({ communeId: r.communeId, ...(r.name ? { name: r.name } : {}), setId: r.setId, year: r.year, status: r.status })) };
  }
  let result: ProvinceResult;
  try {
    result = evaluateProvince(input, undefined, asOf === undefined ? {} : { asOf });
  } catch (e) {
    if (e instanceof NtmError && e.code === 'INVALID_INPUT') {
      const prefix = obj.province !== undefined ? ['province'] : [];
      const shifted = new NtmError(e.code, e.issues.map((i) => ({ ...i, path: i.path[0] === 'communes' ? i.path : [...prefix, ...i.path] })));
      for (const line of locatedIssues(file, text, shifted)) io.err(`${line}\n`);
      return 1;
    }
    throw e;
  }
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(result, null, 2) + '\n');
  else await sink.write(provinceText(result, lang) + (rollUpLine === undefined ? '' : `${rollUpLine}\n`));
  await sink.close();
  return errors > 0 ? 1 : 0;
}

/** Phụ lục III of 51/2025/QĐ-TTg judges provinces on results of sets in force from 15/02/2026. */
function isProvinceSetPeriod(effectiveFrom: string): boolean {
  return effectiveFrom >= '2026-02-15';
}

export const province: Command = { options: PROVINCE_OPTIONS, positionals: PROVINCE_POSITIONALS, run: provinceCommand };
