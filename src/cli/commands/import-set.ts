/**
 * `ntm import-set`: a whole criterion set from a workbook (XLSX or CSV) to a rule file.
 */
import { setFromWorkbook } from '../../workbook/annex.js';
import { fingerprint } from '../../versions/fingerprint.js';
import type { CliIo } from '../io.js';
import { COMMON, type OptionDecls, type PositionalDecl, parseCommandArgs, langOf, type Command } from '../args.js';
import { readWorkbookFile, FILE_TEXT, writeFileSafely, report } from '../workbook-files.js';

const IMPORT_OPTIONS = { out: COMMON.out, check: { type: 'boolean' }, lang: { type: 'string' } } as const satisfies OptionDecls;
const IMPORT_POSITIONALS: PositionalDecl = { min: 1, max: 1, names: '<workbook.xlsx|csv>', input: 'set-workbook' };

async function importSetCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, IMPORT_OPTIONS, IMPORT_POSITIONALS);
  const lang = langOf(values.lang);
  const file = positionals[0]!;
  const read = await readWorkbookFile(file, lang);
  for (const note of read.notes) io.err(`${note}\n`);
  if (read.problems.length > 0) {
    report(io, read.problems, lang, file);
    return 1;
  }
  const r = setFromWorkbook(read.book, { lang, locate: read.locate });
  if (r.problems.length > 0 || r.set === null) {
    report(io, r.problems, lang, file);
    return 1;
  }
  const summary = FILE_TEXT[lang].imported(r.set.id, r.set.criteria.length, r.set.counts.encodedIndicators, fingerprint(r.set));
  const json = JSON.stringify(r.data, null, 2) + '\n';
  const out = values.out as string | undefined;
  if (values.check) await io.out(`${file}: ${summary}\n`);
  else if (out === undefined) {
    await io.out(json);
    io.err(`${file}: ${summary}\n`);
  } else {
    await writeFileSafely(out, json, io);
    await io.out(`${file}: ${summary}; ${FILE_TEXT[lang].wrote(out)}\n`);
  }
  return 0;
}

export const importSet: Command = { options: IMPORT_OPTIONS, positionals: IMPORT_POSITIONALS, run: importSetCommand };
