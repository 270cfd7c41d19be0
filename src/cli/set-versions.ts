/**
 * What `--as-of` and `--overlay` need from the versions module: the version in force on a date,
 * a calibration overlay applied to a set.
 */
import type { Lang } from '../requirement/format.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { listCriterionSets } from '../rules/registry.js';
import { criterionSetInForce, criterionSetVersions, isInForce } from '../versions/in-force.js';
import { calibrate } from '../versions/calibrate.js';
import { NtmError, printable } from '../errors.js';
import { FileError, readUserText } from './inputs.js';
import type { CliIo } from './io.js';
import { UsageError, sayingIn } from './args.js';
import { setOf, locatedIssues } from './set-argument.js';

const isBundled = (id: string): boolean => listCriterionSets().some((s) => s.id === id);

/**
 * `--as-of`: a set id switches to the version of its kind in force on the date (said on standard
 * error); a kind (`dak-nong/commune-ntm`) picks it; a rule file must itself be in force.
 */
export const setInForceOn = async (setArg: unknown, date: string, io: CliIo, lang: Lang = 'vi'): Promise<CriterionSet> => {
  if (typeof setArg === 'string' && !setArg.endsWith('.json') && !isBundled(setArg)) return inForceSaid(setArg, date);
  const set = await setOf(setArg, lang);
  if (!isBundled(set.id)) {
    if (!isInForce(set, date)) throw new UsageError(`${set.id} is not in force on ${date} (${set.effectiveFrom} – ${set.effectiveTo ?? 'open'})`, `${set.id} không có hiệu lực ngày ${date} (${set.effectiveFrom} – ${set.effectiveTo ?? 'chưa hết hiệu lực'})`);
    return set;
  }
  const chosen = inForceSaid(set.kind, date);
  if (chosen.id !== set.id) io.err(lang === 'vi' ? `dùng ${chosen.id}, phiên bản của ${set.kind} có hiệu lực ngày ${date}\n` : `using ${chosen.id}, the version of ${set.kind} in force on ${date}\n`);
  return chosen;
};

/** {@link criterionSetInForce}, its errors about the kind and the date said in Vietnamese too. */
function inForceSaid(kind: string, date: string): CriterionSet {
  const spans = (): string =>
    criterionSetVersions(kind)
      .map((v) => `${v.id} (${v.effectiveFrom} – ${v.effectiveTo ?? 'chưa hết hiệu lực'})`)
      .join(', ');
  return sayingIn(() => criterionSetInForce(kind, date), {
    'no-set-in-force': () => `không có phiên bản nào của ${kind} có hiệu lực ngày ${date}; các phiên bản: ${spans()}`,
    'no-version': () => `${kind} chưa có phiên bản nào được mã hoá`,
    'unknown-kind': () => `không có bộ tiêu chí hay loại bộ tiêu chí "${printable(kind)}"; có sẵn: ${listCriterionSets().map((s) => s.id).join(', ')}`,
  });
}

/** `--overlay`: the set with a calibration overlay file applied; errors at the overlay's line and column. */
export const calibrateWithFile = async (set: CriterionSet, overlayFile: string, lang: Lang = 'vi'): Promise<CriterionSet> => {
  const text = await readUserText(overlayFile, lang);
  let overlay: unknown;
  try {
    overlay = JSON.parse(text);
  } catch (e) {
    const shown = printable(overlayFile);
    throw new FileError(lang === 'vi' ? `${shown}: không phải JSON hợp lệ (${printable((e as Error).message)})` : `${shown}: not valid JSON: ${printable((e as Error).message)}`);
  }
  try {
    return calibrate(set, overlay);
  } catch (e) {
    if (e instanceof NtmError) throw new FileError(locatedIssues(overlayFile, text, e).join('\n'));
    throw e;
  }
};
