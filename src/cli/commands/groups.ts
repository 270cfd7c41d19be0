/**
 * `ntm groups`: each commune's group (nhóm 1/2/3) under 51/2025/QĐ-TTg, explained.
 */
import type { Lang } from '../../requirement/format.js';
import type { CommuneGroupResult } from '../../groups/index.js';
import { FileError } from '../inputs.js';
import { openSink, type CliIo } from '../io.js';
import { type PositionalDecl, parseCommandArgs, COMMON, langOf, formatOf, UsageError, type Command } from '../args.js';
import { groupsOf } from '../commune-groups.js';
import { readJson } from '../json-file.js';
import { textTable } from '../text-table.js';

const GROUPS_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<file> (a JSON file with "groups")', input: 'groups' };

/**
 * Each commune's group with the rule that placed it (or why it is undetermined) and its source.
 *
 * @example groupsText([{ communeId: 'x', result: communeGroupOf({ group: 2 }) }], 'en')
 */
export function groupsText(rows: ReadonlyArray<{ communeId: string; name?: string; result: CommuneGroupResult }>, lang: Lang): string {
  const head = lang === 'vi' ? ['Xã', 'Nhóm', 'Căn cứ xác định', 'Giải thích', 'Nguồn'] : ['Commune', 'Group', 'Basis', 'Explanation', 'Source'];
  const basis = { vi: { given: 'đã cho', derived: 'suy ra', undetermined: 'chưa xác định' }, en: { given: 'given', derived: 'derived', undetermined: 'undetermined' } }[lang];
  const body = rows.map(({ communeId, name, result }) => [
    name ?? communeId,
    result.group === null ? '?' : String(result.group),
    basis[result.basis],
    lang === 'vi' ? result.textVi : result.textEn,
    result.rule ? `${result.rule.source.decision}${result.rule.source.provision ? `, ${result.rule.source.provision}` : ''}` : '',
  ]);
  return textTable(head, body) + '\n';
}

async function groupsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, COMMON, GROUPS_POSITIONALS);
  const file = positionals[0]!;
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const { text, data } = await readJson(file, lang);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new FileError(`${file}: expected a JSON object with "groups"`);
  const rows = groupsOf(file, text, data as Record<string, unknown>);
  if (rows.length === 0) throw new UsageError(`${file} has no "groups" section ({ "groups": { "<communeId>": { "group"?: 2, "facts": { … } } } })`, `${file} không có mục "groups" ({ "groups": { "<communeId>": { "group"?: 2, "facts": { … } } } })`);
  const names = new Map(((data as { communes?: Array<{ communeId?: string; name?: string }> }).communes ?? []).map((c) => [c.communeId, c.name]));
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(rows, null, 2) + '\n');
  else await sink.write(groupsText(rows.map((r) => ({ ...r, ...(names.get(r.communeId) ? { name: names.get(r.communeId)! } : {}) })), lang));
  await sink.close();
  return 0;
}

export const groups: Command = { options: COMMON, positionals: GROUPS_POSITIONALS, run: groupsCommand };
