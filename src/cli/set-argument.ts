/**
 * `--set`: a bundled set by id or decision number, or a rule file, with its errors located.
 */
import type { Lang } from '../requirement/format.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError, printable, type NtmIssue } from '../errors.js';
import { getCriterionSet, listCriterionSets } from '../rules/registry.js';
import { bundledSetAmends, findByDecision, isBundledSetId } from '../rules/bundled-sets.js';
import { fingerprint } from '../versions/fingerprint.js';
import { loadCriterionSet } from '../rules/registry.js';
import { FileError, readUserText } from './inputs.js';
import { locateJsonPaths } from './json-locate.js';
import { UsageError, sayingIn } from './args.js';

/** Resolves `--set`: a bundled id, or a rule file (`.json`) to evaluate against. */
export async function setOf(v: unknown, lang: Lang = 'vi'): Promise<CriterionSet> {
  if (typeof v !== 'string' || v === '') throw new UsageError('missing --set <id or rule file> (see: ntm sets)', 'thiếu --set <mã bộ tiêu chí hoặc tệp quy tắc> (xem: ntm sets)');
  if (v.endsWith('.json')) {
    const text = await readUserText(v, lang);
    let set: CriterionSet;
    try {
      set = loadCriterionSet(text, { file: v });
    } catch (e) {
      if (e instanceof NtmError) throw new FileError(locatedIssues(v, text, e).join('\n'));
      throw e;
    }
    refuseImpostor(v, set, lang);
    return set;
  }
  return sayingIn(() => getCriterionSet(isBundledSetId(v) ? v : (setOfDecision(v) ?? v)), {
    'unknown-set': () => `không có bộ tiêu chí "${printable(v)}" đi kèm; có sẵn: ${listCriterionSets().map((s) => s.id).join(', ')}`,
  });
}

/**
 * A set named by its decision number (`1037/QĐ-UBND`): the set that decision issued, or the one
 * version it amended; a decision that amends several sets is refused with their ids.
 */
function setOfDecision(decision: string): string | undefined {
  const found = findByDecision(decision);
  const issued = found.filter((id) => !bundledSetAmends(id));
  const pick = issued.length === 1 ? issued : found;
  if (pick.length <= 1) return pick[0];
  throw new UsageError(
    `decision "${printable(decision)}" names ${pick.length} bundled sets: ${pick.join(', ')}; give the set id`,
    `quyết định "${printable(decision)}" ứng với ${pick.length} bộ tiêu chí có sẵn: ${pick.join(', ')}; hãy ghi mã bộ tiêu chí`,
  );
}

/**
 * A rule file that keeps a bundled set's `id` but not its content would pass, in every report,
 * as the decision it no longer is: refused unless it is the bundled set unchanged (same
 * fingerprint). An edited copy needs an id of its own.
 */
function refuseImpostor(file: string, set: CriterionSet, lang: Lang): void {
  if (!listCriterionSets().some((s) => s.id === set.id)) return;
  if (fingerprint(set) === fingerprint(getCriterionSet(set.id))) return;
  const id = printable(set.id);
  throw new FileError(
    lang === 'vi'
      ? `${printable(file)}: "id": "${id}" là mã của một bộ tiêu chí có sẵn nhưng nội dung khác (dấu vân tay khác); hãy đặt cho bản sửa một mã riêng, ví dụ "${id}-ban-sua"`
      : `${printable(file)}: "id": "${id}" is a bundled set's id but the content differs (another fingerprint); give the edited copy an id of its own, e.g. "${id}-modified"`,
  );
}

/** Each issue of an error on a JSON file, as `file:line:column: $.path: message`. */
export function locatedIssues(file: string, text: string, e: NtmError): string[] {
  if (e.issues.length === 0) return [`${file}: ${e.message}`];
  // One pass over the text for all issues: a large broken file is located in linear time.
  const positions = locateJsonPaths(text, e.issues.map((i) => i.path));
  return e.issues.map((i, k) => {
    const at = positions[k];
    return `${file}${at ? `:${at.line}:${at.column}` : ''}: ${formatIssuePath(i)}${i.message}`;
  });
}

function formatIssuePath(i: NtmIssue): string {
  if (i.path.length === 0) return '';
  return `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')}: `;
}
