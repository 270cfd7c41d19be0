/**
 * `ntm sets`: the bundled criterion sets.
 */
import { listCriterionSets } from '../../rules/registry.js';
import { listSetKindsWithoutVersions } from '../../versions/kinds.js';
import { LEVEL_TEXT } from '../../report/labels.js';
import { openSink, type CliIo } from '../io.js';
import { parseCommandArgs, COMMON, NO_POSITIONALS, langOf, formatOf, type Command } from '../args.js';
import { textTable } from '../text-table.js';

async function setsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, COMMON, NO_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json'] as const, 'table');
  const sets = listCriterionSets();
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(sets, null, 2) + '\n');
  else {
    const rows = sets.map((s) => [
      s.id,
      LEVEL_TEXT[lang][s.level] ?? s.level,
      `${s.legalBasis.number} (${s.legalBasis.date})`,
      `${s.effectiveFrom} → ${s.effectiveTo ?? (lang === 'vi' ? 'nay' : 'now')}`,
      `${s.counts.encodedIndicators}/${s.counts.declaredIndicators ?? '?'}`,
      lang === 'vi' ? s.nameVi : s.nameEn,
    ]);
    const head = lang === 'vi' ? ['Mã bộ tiêu chí', 'Cấp', 'Căn cứ', 'Hiệu lực', 'Chỉ tiêu', 'Tên'] : ['Set id', 'Level', 'Legal basis', 'In force', 'Indicators', 'Name'];
    const named = listSetKindsWithoutVersions();
    const footnote = named.length === 0 ? '' : `\n\n${lang === 'vi' ? 'Loại bộ tiêu chí chưa có phiên bản nào được mã hóa (chỉ dùng được qua hiệu chỉnh: ntm template <loại>)' : 'Kinds with no encoded version (usable only through calibration: ntm template <kind>)'}:\n${named.map((k) => `  ${k.kind}  ${lang === 'vi' ? k.nameVi : k.nameEn}`).join('\n')}`;
    await sink.write(textTable(head, rows) + footnote + '\n');
  }
  await sink.close();
  return 0;
}

export const sets: Command = { options: COMMON, positionals: NO_POSITIONALS, run: setsCommand };
