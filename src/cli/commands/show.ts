/**
 * `ntm show`: a criterion set with its requirements and sources, as text, Markdown or JSON, or as
 * the workbook `ntm import-set` reads back (xlsx, csv).
 */
import type { Lang } from '../../requirement/format.js';
import { resolveRequirement } from '../../requirement/resolve.js';
import { RegionCodeSchema, type RegionCode } from '../../schema/common.js';
import type { Indicator } from '../../schema/criterion-set.js';
import type { RequirementSpec } from '../../schema/requirement.js';
import { fingerprint } from '../../versions/fingerprint.js';
import { defaultRegion } from '../../rules/dimensions.js';
import { visitRequirement } from '../../schema/requirement.js';
import { mdCell } from '../../report/markdown.js';
import { indicatorName } from '../../report/labels.js';
import { openSink, type CliIo } from '../io.js';
import { setWorkbook } from '../../workbook/annex.js';
import { workbookToCsv } from '../../workbook/csv.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, formatOf, UsageError, type Command } from '../args.js';
import { setOf } from '../set-argument.js';
import { writeWorkbook } from '../workbook-files.js';

const SHOW_OPTIONS = { ...COMMON, region: { type: 'string' } } as const satisfies OptionDecls;
const SHOW_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<set id or rule file>', input: 'set' };

/**
 * A requirement as written in a rule file, in words, for one region: values on other dimensions
 * the context leaves open (dates, commune groups) are listed case by case.
 */
export function describeSpec(spec: RequirementSpec, unit: string | null, region: RegionCode | null, lang: Lang): string {
  const text = (r: ReturnType<typeof resolveRequirement>): string => (lang === 'vi' ? r.textVi : r.textEn);
  const open = new Map<string, Set<string>>();
  visitRequirement(spec, ({ steps }) => {
    for (const step of steps) if (step.key !== null && !(step.dimension === 'region' && region !== null)) (open.get(step.dimension) ?? open.set(step.dimension, new Set()).get(step.dimension)!).add(step.key);
  });
  let contexts: Array<{ label: string[]; values: Record<string, string | null> }> = [{ label: [], values: { region } }];
  for (const [dimension, keys] of open) {
    contexts = contexts.flatMap((c) =>
      [...keys].sort().map((key) => ({
        label: [...c.label, dimension === 'date' ? `${lang === 'vi' ? 'từ' : 'from'} ${key}` : `${dimension} ${key}`],
        values: { ...c.values, [dimension]: key },
      })),
    );
  }
  return contexts.map((c) => (c.label.length > 0 ? `${c.label.join(', ')}: ` : '') + text(resolveRequirement(spec, c.values, unit))).join('; ');
}

const CONFIDENCE_VI: Record<string, string> = { verified: 'đã kiểm chứng', 'single-source': 'một nguồn', inferred: 'suy luận' };

function indicatorLine(ind: Indicator, region: RegionCode | null, lang: Lang): string[] {
  const name = indicatorName(ind, lang);
  const req = describeSpec(ind.requirement, ind.measure.unit, region, lang);
  const spec = ind.requirement;
  const conf = (c: string): string => (lang === 'vi' ? (CONFIDENCE_VI[c] ?? c) : c);
  const src = 'source' in spec && spec.source ? `${spec.source.decision} (${conf(spec.source.confidence)})` : spec.kind === 'unknown' ? '—' : `${ind.source.decision} (${conf(ind.source.confidence)})`;
  return [ind.code, name, req + (ind.applicability === 'if-any' ? (lang === 'vi' ? ' (nếu có)' : ' (if any)') : ''), src];
}

async function showCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, SHOW_OPTIONS, SHOW_POSITIONALS);
  const lang = langOf(values.lang);
  const format = formatOf(values.format, ['table', 'json', 'md'] as const, 'table');
  const set = await setOf(positionals[0]);
  let region: RegionCode | null = defaultRegion(set);
  if (values.region !== undefined) {
    const r = RegionCodeSchema.safeParse(values.region);
    if (!r.success) throw new UsageError(`--region must be one of ${RegionCodeSchema.options.join(', ')}`, `--region phải là một trong ${RegionCodeSchema.options.join(', ')}`);
    region = r.data;
  }
  const sink = openSink(io, values.out as string | undefined);
  if (format === 'json') {
    await sink.write(JSON.stringify(set, null, 2) + '\n');
    await sink.close();
    return 0;
  }
  const t = lang === 'vi'
    ? { head: ['Mã', 'Chỉ tiêu', 'Yêu cầu', 'Nguồn'], region: 'Cột vùng', basis: 'Căn cứ', from: 'Hiệu lực từ', count: 'Chỉ tiêu đã mã hóa', listed: { complete: '', partial: ' — chưa liệt kê đủ chỉ tiêu', unknown: ' — chưa rõ danh sách chỉ tiêu' } }
    : { head: ['Code', 'Indicator', 'Requirement', 'Source'], region: 'Region column', basis: 'Legal basis', from: 'In force from', count: 'Indicators encoded', listed: { complete: '', partial: ' — indicator list incomplete', unknown: ' — indicator list unknown' } };
  const title = lang === 'vi' ? set.nameVi : set.nameEn;
  const meta = [
    `${t.basis}: ${set.legalBasis.number}, ${set.legalBasis.date}, ${set.legalBasis.issuer}`,
    `${t.from}: ${set.effectiveFrom}${set.effectiveTo ? ` → ${set.effectiveTo}` : ''}`,
    `${t.region}: ${region ?? '—'}`,
    `${t.count}: ${set.counts.encodedIndicators}/${set.counts.declaredIndicators ?? '?'}`,
    `${lang === 'vi' ? 'Dấu vân tay (SHA-256)' : 'Fingerprint (SHA-256)'}: ${fingerprint(set)}`,
  ];
  if (format === 'md') {
    // Names and ids come from a rule file: escaped, so they cannot add headings, links or images.
    const out = [`# ${mdCell(title)} (${mdCell(set.id)})`, '', ...meta.map((m) => `- ${mdCell(m)}`), ''];
    for (const c of set.criteria) {
      out.push(`## ${mdCell(`${c.number}. ${lang === 'vi' ? c.nameVi : c.nameEn}${t.listed[c.indicatorList]}`)}`, '');
      if (c.indicators.length > 0) {
        out.push(`| ${t.head.join(' | ')} |`, `|${t.head.map(() => ' --- ').join('|')}|`);
        for (const ind of c.indicators) out.push(`| ${indicatorLine(ind, region, lang).map(mdCell).join(' | ')} |`);
        out.push('');
      }
    }
    await sink.write(out.join('\n'));
  } else {
    const out = [`${title} (${set.id})`, ...meta, ''];
    for (const c of set.criteria) {
      out.push(`${c.number}. ${lang === 'vi' ? c.nameVi : c.nameEn}${t.listed[c.indicatorList]}`);
      for (const ind of c.indicators) {
        const [code, name, req, src] = indicatorLine(ind, region, lang);
        out.push(`   ${code!.padEnd(6)}${req}  — ${name} [${src}]`);
      }
    }
    await sink.write(out.join('\n') + '\n');
  }
  await sink.close();
  return 0;
}

/** `ntm show` in every format: xlsx and csv are the workbook, the others the views above. */
async function showAnyFormat(args: readonly string[], io: CliIo): Promise<number> {
  const i = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const format = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  if (format !== 'xlsx' && format !== 'csv') {
    return showCommand(args, io);
  }
  const { values, positionals } = parseCommandArgs(args, SHOW_OPTIONS, SHOW_POSITIONALS);
  langOf(values.lang);
  const set = await setOf(positionals[0]);
  const book = setWorkbook(set);
  await writeWorkbook(io, book, format, values.out as string | undefined, () => workbookToCsv(book));
  return 0;
}

export const show: Command = { options: SHOW_OPTIONS, positionals: SHOW_POSITIONALS, run: showAnyFormat };
