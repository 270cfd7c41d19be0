/**
 * `ntm calibrate`: a filled template (XLSX or CSV) to a validated calibration overlay.
 */
import { t } from '../../messages/index.js';
import { calibrationFromWorkbook } from '../../workbook/calibration.js';
import { fingerprint } from '../../versions/fingerprint.js';
import { diffCriterionSets } from '../../versions/diff.js';
import type { CliIo } from '../io.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, UsageError, type Command } from '../args.js';
import { setOf } from '../set-argument.js';
import { readWorkbookFile, writeFileSafely, FILE_TEXT, report } from '../workbook-files.js';

const CALIBRATE_OPTIONS = {
  base: { type: 'string', input: 'set' },
  out: COMMON.out,
  'set-out': { type: 'string', output: true },
  check: { type: 'boolean' },
  lang: { type: 'string' },
  id: { type: 'string' },
} as const satisfies OptionDecls;
const CALIBRATE_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<filled.xlsx|csv>', input: 'filled-template' };

async function calibrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CALIBRATE_OPTIONS, CALIBRATE_POSITIONALS);
  const lang = langOf(values.lang);
  if (values.base === undefined) throw new UsageError('missing --base <set id or rule file> (the set the template was made from)', 'thiếu --base <mã bộ tiêu chí hoặc tệp quy tắc> (bộ tiêu chí đã dùng để lập mẫu)');
  const base = await setOf(values.base);
  const file = positionals[0]!;
  const read = await readWorkbookFile(file, lang);
  for (const note of read.notes) io.err(`${note}\n`);
  if (read.problems.length > 0) {
    report(io, read.problems, lang, file);
    return 1;
  }
  const r = calibrationFromWorkbook(read.book, base, { lang, locate: read.locate, ...(values.id === undefined ? {} : { id: String(values.id) }) });
  if (r.problems.length > 0 || r.set === null) {
    report(io, r.problems, lang, file);
    return 1;
  }
  const known = diffCriterionSets(base, r.set).requirements.nowKnown.length;
  const declared = r.set.counts.declaredIndicators;
  const summary = t(
    'workbook.cli.calibrated',
    { requirements: r.filled.requirements, names: r.filled.names, added: r.filled.indicators, id: r.set.id, fingerprint: fingerprint(r.set).slice(0, 12), known, encoded: r.set.counts.encodedIndicators, ...(declared === null ? {} : { declared }) },
    lang,
  );
  const json = JSON.stringify(r.overlay, null, 2) + '\n';
  const out = values.out as string | undefined;
  const setOut = values['set-out'] as string | undefined;
  if (values.check) {
    await io.out(`${file}: ${summary}\n`);
    return 0;
  }
  if (setOut !== undefined) await writeFileSafely(setOut, JSON.stringify(r.set, null, 2) + '\n', io);
  const wrote = [out, setOut].filter((f): f is string => f !== undefined).map((f) => FILE_TEXT[lang].wrote(f)).join('; ');
  if (out === undefined) {
    await io.out(json);
    io.err(`${file}: ${summary}${wrote ? `; ${wrote}` : ''}\n`);
  } else {
    await writeFileSafely(out, json, io);
    await io.out(`${file}: ${summary}; ${wrote}\n`);
  }
  return 0;
}

export const calibrate: Command = { options: CALIBRATE_OPTIONS, positionals: CALIBRATE_POSITIONALS, run: calibrateCommand };
