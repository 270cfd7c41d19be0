/**
 * Every user-facing text is written in the catalogue (src/messages/catalogue/): a string literal
 * with Vietnamese letters, or a branch on the language (`lang === 'vi' ? … : …`), outside it is a
 * text the catalogue does not know — its other language can go missing, and the one-language
 * rule holds only where a test happens to look.
 *
 * Texts are moved into the catalogue file by file. Until a file is done, it may hold no more such
 * literals and branches than {@link REMAINING} records (the count only goes down: lower it when you
 * move texts); every other file holds none. To add a text: an entry in the catalogue file of your
 * domain, then `t(code, params, lang)` — see docs/messages.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { VIETNAMESE_LETTER } from '../messages/language.js';

const DECISION = /\d+(?:\/\d+)*\/QĐ-[A-Z]+/g;
const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(`${dir}${d.name}/`, `${prefix}${d.name}/`) : d.name.endsWith('.ts') ? [`${prefix}${d.name}`] : [],
  );
}

/** The Vietnamese string literals (comments are not literals) and the language branches of a file. */
export function textsOutsideCatalogue(file: string, text: string): { literals: string[]; branches: number } {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const literals: string[] = [];
  let branches = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // A decision number (51/2025/QĐ-TTg) is an identifier, the same in both languages.
      if (VIETNAMESE_LETTER.test(node.text.replace(DECISION, ''))) literals.push(node.text);
    }
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)) {
      const sides = [node.left, node.right];
      if (sides.some((s) => ts.isStringLiteral(s) && (s.text === 'vi' || s.text === 'en')) && sides.some((s) => /\blang\b|\bvi\b/i.test(s.getText(sf)) && !ts.isStringLiteral(s))) branches++;
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return { literals, branches };
}

/**
 * Files whose texts are still to be moved, with the count of Vietnamese literals + language
 * branches they hold today. Some of them hold words people *write* (verdict words, column headers
 * such as "Mã xã"), read from their files and never printed: those stay where the readers are.
 */
const REMAINING: Readonly<Record<string, number>> = {
  'cases/junit.ts': 1,
  'cases/parse.ts': 6,
  'cases/problems.ts': 10,
  'cases/run.ts': 3,
  'cases/schema.ts': 12,
  'cases/sheet.ts': 18,
  'cases/words.ts': 13,
  'cli/args.ts': 19,
  'cli/batch.ts': 8,
  'cli/commands/by-current-commune.ts': 4,
  'cli/commands/calendar.ts': 2,
  'cli/commands/calibrate.ts': 1,
  'cli/commands/diff.ts': 32,
  'cli/commands/dossier.ts': 4,
  'cli/commands/evaluate.ts': 8,
  'cli/commands/groups.ts': 10,
  'cli/commands/impact.ts': 9,
  'cli/commands/owners.ts': 17,
  'cli/commands/province.ts': 19,
  'cli/commands/roadmap.ts': 2,
  'cli/commands/sets.ts': 12,
  'cli/commands/show.ts': 26,
  'cli/commands/targets.ts': 1,
  'cli/commands/template.ts': 3,
  'cli/commands/worklist.ts': 14,
  'cli/inputs.ts': 65,
  'cli/messages.ts': 41,
  'cli/plan-context.ts': 10,
  'cli/report-writer.ts': 1,
  'cli/rows.ts': 12,
  'cli/set-argument.ts': 7,
  'cli/set-versions.ts': 15,
  'cli/workbook-files.ts': 13,
  'district/compute.ts': 27,
  'evaluate/normalize.ts': 4,
  'groups/derive.ts': 10,
  'impact/report.ts': 6,
  'mechanisms/verdict.ts': 1,
  'province/evaluate.ts': 11,
  'recognition/recognition.ts': 34,
  'recognition/revocation.ts': 10,
  'report/csv.ts': 2,
  'report/dossier.ts': 18,
  'report/gaps.ts': 5,
  'report/html.ts': 2,
  'report/labels.ts': 1,
  'report/markdown.ts': 1,
  'report/model.ts': 4,
  'report/panel.ts': 22,
  'report/roadmap.ts': 50,
  'report/table.ts': 4,
  'report/targets.ts': 1,
  'requirement/resolve.ts': 2,
  'rules/legacy.ts': 2,
  'schema/common.ts': 7,
  'series/lineage.ts': 4,
  'versions/diff.ts': 11,
  'workbook/annex.ts': 35,
  'workbook/dimensions.ts': 3,
  'workbook/messages.ts': 73,
  'workbook/template.ts': 37,
  'workbook/values.ts': 2,
};

describe('user-facing texts are written in the catalogue', () => {

  const files = sourceFiles(src).filter((f) => !f.startsWith('messages/'));
  const counts = Object.fromEntries(
    files.map((f) => {
      const r = textsOutsideCatalogue(f, readFileSync(`${src}${f}`, 'utf8'));
      return [f, r.literals.length + r.branches];
    }),
  );

  it.each(files)('%s', (file) => {
    const allowed = REMAINING[file] ?? 0;
    const found = counts[file]!;
    expect(found, `${file} writes ${found} text(s) outside the catalogue (${allowed} allowed): put them in src/messages/catalogue/ and use t()`).toBeLessThanOrEqual(allowed);
  });

  it('records no count higher than what a file still holds (lower it when texts move)', () => {
    const stale = Object.entries(REMAINING).filter(([f, n]) => (counts[f] ?? 0) < n);
    expect(stale.map(([f, n]) => `${f}: ${n} recorded, ${counts[f] ?? 0} left`)).toEqual([]);
  });

  it('the scan finds a literal, a template part and a branch, and no comment', () => {
    const r = textsOutsideCatalogue('x.ts', "// Chưa đạt\nconst a = lang === 'vi' ? 'Chưa đạt' : `not ${1} đạt`;\n/** Đạt */");
    expect(r).toEqual({ literals: ['Chưa đạt', ' đạt'], branches: 1 });
  });
});
