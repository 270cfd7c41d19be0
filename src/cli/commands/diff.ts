/**
 * `ntm diff`: what changed between two versions of a criterion set.
 */
import type { Lang } from '../../requirement/format.js';
import { RegionCodeSchema } from '../../schema/common.js';
import { diffCriterionSets, type CriterionSetDiff, type RequirementChange } from '../../versions/diff.js';
import { mdCell } from '../../report/markdown.js';
import { openSink, type CliIo } from '../io.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, UsageError, yearOf, type Command } from '../args.js';
import { setOf } from '../set-argument.js';

/** One line per requirement change, in the language asked for. */
function changeLines(changes: readonly RequirementChange[], lang: Lang): string[] {
  return changes.map((c) => `  ${lang === 'vi' ? c.textVi : c.textEn}   [${c.beforeSource.decision} → ${c.afterSource.decision}]`);
}

/** A diff as text (terminal) — every list the library returns, empty ones left out. */
export function diffText(d: CriterionSetDiff, lang: Lang): string {
  const vi = lang === 'vi';
  const lines = [
    `${d.from.id} (${d.from.effectiveFrom}, ${d.from.fingerprint.slice(0, 12)}) → ${d.to.id} (${d.to.effectiveFrom}, ${d.to.fingerprint.slice(0, 12)})`,
    `${vi ? 'So sánh ở cột vùng' : 'Compared for region'} ${d.context.region ?? '—'}, ${vi ? 'năm' : 'year'} ${d.context.year}`,
  ];
  if (d.series && !d.series.samePeriod) lines.push(`${vi ? 'Giai đoạn' : 'Periods'}: ${vi ? d.series.textVi : d.series.textEn}`);
  if (d.identical) return [...lines, vi ? 'Giống hệt nhau.' : 'Identical.'].join('\n');
  const section = (title: string, body: string[]): void => {
    if (body.length > 0) lines.push('', `${title} (${body.length}):`, ...body);
  };
  const r = d.requirements;
  section(vi ? 'Yêu cầu chặt hơn' : 'Requirements tightened', changeLines(r.tightened, lang));
  section(vi ? 'Yêu cầu nới lỏng' : 'Requirements loosened', changeLines(r.loosened, lang));
  section(vi ? 'Nay đã có ngưỡng' : 'Requirements now known', changeLines(r.nowKnown, lang));
  section(vi ? 'Nay chưa rõ ngưỡng' : 'Requirements now unknown', changeLines(r.nowUnknown, lang));
  section(vi ? 'Yêu cầu thay đổi khác' : 'Requirements otherwise changed', changeLines(r.changed, lang));
  const presence = (p: CriterionSetDiff['indicators']['added'][number]): string =>
    `  ${p.code} ${(vi ? p.nameVi : null) ?? p.nameEn}: ${vi ? p.requirement.textVi : p.requirement.textEn}${p.reason ? ` (${p.reason})` : ''}`;
  section(vi ? 'Chỉ tiêu thêm' : 'Indicators added', d.indicators.added.map(presence));
  section(vi ? 'Chỉ tiêu bỏ' : 'Indicators removed', d.indicators.removed.map(presence));
  // The names in the run's language, unless those are the same on both sides: then the other
  // language's wording is what changed, and is shown, labelled (an arrow between two identical
  // texts says nothing).
  const rename = (x: { code: string; before: { nameVi: string | null; nameEn: string }; after: { nameVi: string | null; nameEn: string } }): string => {
    const b = (vi ? x.before.nameVi : null) ?? x.before.nameEn;
    const a = (vi ? x.after.nameVi : null) ?? x.after.nameEn;
    if (b !== a) return `  ${x.code}: ${b} → ${a}`;
    const none = vi ? '(chưa có)' : '(none)';
    return vi
      ? `  ${x.code}: ${x.before.nameEn} → ${x.after.nameEn} (tên tiếng Anh)`
      : `  ${x.code}: ${x.before.nameVi ?? none} → ${x.after.nameVi ?? none} (Vietnamese name)`;
  };
  section(vi ? 'Chỉ tiêu đổi tên' : 'Indicators renamed', d.indicators.renamed.map(rename));
  const field = (f: { code: string; field: string }): string => `  ${f.code}: ${f.field}`;
  section(vi ? 'Chỉ tiêu đổi trường khác' : 'Indicator fields changed', d.indicators.changed.map(field));
  section(vi ? 'Tiêu chí thêm / bỏ' : 'Criteria added / removed', [...d.criteria.added.map((c) => `  + ${c}`), ...d.criteria.removed.map((c) => `  - ${c}`)]);
  section(vi ? 'Tiêu chí đổi tên' : 'Criteria renamed', d.criteria.renamed.map(rename));
  section(vi ? 'Tiêu chí đổi trường khác' : 'Criterion fields changed', d.criteria.changed.map(field));
  section(vi ? 'Điều kiện' : 'Conditions', [...d.conditions.added.map((c) => `  + ${c}`), ...d.conditions.removed.map((c) => `  - ${c}`), ...d.conditions.renamed.map(rename), ...d.conditions.changed.map(field)]);
  section(vi ? 'Lớp xã dùng cột vùng khác' : 'Region-override classes', [...d.regionOverrides.added.map((c) => `  + ${c}`), ...d.regionOverrides.removed.map((c) => `  - ${c}`), ...d.regionOverrides.changed.map(field)]);
  section(vi ? 'Trường của bộ tiêu chí' : 'Set fields', d.set.map((f) => `  ${f.field}`));
  return lines.join('\n');
}

const DIFF_OPTIONS = { ...COMMON, region: { type: 'string' }, year: { type: 'string' } } as const satisfies OptionDecls;
const DIFF_POSITIONALS: PositionalDecl = { min: 2, max: 2, names: '<setA> <setB> (ids or rule files)', input: 'set' };

async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DIFF_OPTIONS, DIFF_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  let region;
  if (values.region !== undefined) {
    const r = RegionCodeSchema.safeParse(values.region);
    if (!r.success) throw new UsageError(`--region must be one of ${RegionCodeSchema.options.join(', ')}`, `--region phải là một trong ${RegionCodeSchema.options.join(', ')}`);
    region = r.data;
  }
  const year = yearOf(values.year);
  const d = diffCriterionSets(await setOf(positionals[0]), await setOf(positionals[1]), { ...(region === undefined ? {} : { region }), ...(year === undefined ? {} : { year }) });
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') await sink.write(JSON.stringify(d, null, 2) + '\n');
  else if (format === 'md') {
    const all = Object.values(d.requirements).flat();
    const head = lang === 'vi' ? ['Mã', 'Thay đổi', 'Trước', 'Sau', 'Nguồn trước', 'Nguồn sau'] : ['Code', 'Change', 'Before', 'After', 'Source before', 'Source after'];
    await sink.write(
      [
        `# ${mdCell(d.from.id)} → ${mdCell(d.to.id)}`,
        '',
        // An indented code block: no fence a name could close, nothing in it read as Markdown.
        ...diffText(d, lang).split('\n').map((l) => `    ${l}`),
        '',
        `| ${head.join(' | ')} |`,
        `|${head.map(() => ' --- ').join('|')}|`,
        ...all.map((c) => `| ${[c.code, c.change, lang === 'vi' ? c.before.textVi : c.before.textEn, lang === 'vi' ? c.after.textVi : c.after.textEn, c.beforeSource.decision, c.afterSource.decision].map(mdCell).join(' | ')} |`),
      ].join('\n') + '\n',
    );
  } else await sink.write(diffText(d, lang) + '\n');
  await sink.close();
  return 0;
}

export const diff: Command = { options: DIFF_OPTIONS, positionals: DIFF_POSITIONALS, run: diffCommand };
