/**
 * `--set`: a bundled set by id or decision number, or a rule file, with its errors located.
 */
import type { Lang } from '../requirement/format.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError, issueText, printable, type NtmIssue } from '../errors.js';
import { getCriterionSet, listCriterionSets } from '../rules/registry.js';
import { bundledSetAmends, findByDecision, isBundledSetId } from '../rules/bundled-sets.js';
import { t } from '../messages/index.js';
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
      if (e instanceof NtmError) throw new FileError(locatedIssues(v, text, e, lang).join('\n'));
      throw e;
    }
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

/** Each issue of an error on a JSON file, as `file:line:column: $.path: message`. */
export function locatedIssues(file: string, text: string, e: NtmError, lang?: Lang): string[] {
  if (e.issues.length === 0) return [`${file}: ${e.message}`];
  // One pass over the text for all issues: a large broken file is located in linear time.
  const positions = locateJsonPaths(text, e.issues.map((i) => i.path));
  return e.issues.map((i, k) => {
    const at = positions[k];
    return `${file}${at ? `:${at.line}:${at.column}` : ''}: ${formatIssuePath(i)}${lang === undefined ? i.message : issueInLanguage(i, lang)}`;
  });
}

/** An issue in the run's language, from its code and parameters (the catalogue's issue texts). */
function issueInLanguage(i: NtmIssue, lang: Lang): string {
  if (i.code === 'bundled-id' && i.params !== undefined) {
    const { id, fingerprint, bundled } = i.params;
    if (typeof id === 'string' && typeof fingerprint === 'string' && typeof bundled === 'string') return t('issue.bundled-id', { id, fingerprint, bundled }, lang);
  }
  return issueText(i, lang);
}

function formatIssuePath(i: NtmIssue): string {
  if (i.path.length === 0) return '';
  return `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')}: `;
}
