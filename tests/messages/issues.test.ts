/**
 * Library errors carry their code and parameters: every issue the library words itself is built
 * by `issue(code, path, params)` from the catalogue entry `issue.<code>`, so a caller can say it in
 * its own language (`issueText`, `ntmErrorText`) while `NtmError.message` stays English. Issues of
 * the schemas (zod) are the exception: zod words them, and they carry no parameters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { issue, issueText, ntmErrorText, NtmError, type NtmIssue } from '../../src/errors.js';
import { CATALOGUE, isMessageCode } from '../../src/messages/index.js';
import {
  agencyOf,
  communeGroupOf,
  criterionSetInForce,
  evaluateCommune,
  evaluateProvince,
  getCriterionSet,
  getPlan,
  loadCriterionSet,
  roadToStandard,
  upcomingDeadlines,
} from '../../src/index.js';
import { ENGLISH_WORD, unquoted, VIETNAMESE_LETTER, withoutData } from './language.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
function sourceFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(`${dir}${d.name}/`, `${prefix}${d.name}/`) : d.name.endsWith('.ts') ? [`${prefix}${d.name}`] : [],
  );
}

/** Object literals shaped as an issue (`code`, `path`, `message`) written by hand, and the codes given to `issue(…)`. */
function scan(file: string, text: string): { handBuilt: string[]; codes: string[] } {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const handBuilt: string[] = [];
  const codes: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map((p) => (p.name !== undefined && ts.isIdentifier(p.name) ? p.name.text : ''));
      const inAddIssue = ts.isCallExpression(node.parent) && /\.addIssue$/.test(node.parent.expression.getText(sf));
      if (['code', 'path', 'message'].every((n) => names.includes(n)) && !inAddIssue) handBuilt.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'issue') {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) codes.push(first.text);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return { handBuilt, codes };
}

// The library's folders: errors.ts builds issues (issue(), issuesFromZod), schema/ declares their shape, cli/ is
// the shell (its row issues are worded by its own messages). Case files report their problems in both languages of their own (messageVi), beside the YAML they read.
const files = sourceFiles(src).filter((f) => !f.startsWith('messages/') && !f.startsWith('cases/') && !f.startsWith('schema/') && !f.startsWith('cli/') && f !== 'errors.ts');
const scanned = files.map((f) => scan(f, readFileSync(`${src}${f}`, 'utf8')));

/** A Vietnamese text has Vietnamese letters and no English word outside data; an English one no Vietnamese letter. */
function inOneLanguage(vi: string, en: string): void {
  expect(vi, vi).toMatch(VIETNAMESE_LETTER);
  expect(withoutData(unquoted(vi)), vi).not.toMatch(ENGLISH_WORD);
  expect(unquoted(en), en).not.toMatch(VIETNAMESE_LETTER);
  expect(`${vi} ${en}`).not.toMatch(/undefined|\[object/);
}

async function thrown(f: () => unknown): Promise<NtmError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected an NtmError');
}

describe('library issues carry their code and parameters', () => {
  it('no issue is written by hand outside the catalogue', () => {
    expect(scanned.flatMap((s) => s.handBuilt)).toEqual([]);
  });

  it('every code the library gives an issue is in the catalogue, in both languages', () => {
    const codes = [...new Set(scanned.flatMap((s) => s.codes))];
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      expect(isMessageCode(`issue.${code}`), code).toBe(true);
      const entry = CATALOGUE[`issue.${code}` as keyof typeof CATALOGUE];
      expect(entry.vi, code).toBeDefined();
      expect(entry.en, code).toBeDefined();
    }
  });

  it('an issue keeps its English message and says itself in Vietnamese from its parameters', () => {
    const i = issue('unknown-agency', ['agencyId'], { agency: 'nobody', plan: 'dak-song/2023', known: ['health', 'education'] });
    expect(i).toEqual({ code: 'unknown-agency', path: ['agencyId'], message: 'no agency "nobody" in dak-song/2023; known: health, education', params: { agency: 'nobody', plan: 'dak-song/2023', known: ['health', 'education'] } });
    expect(issueText(i, 'vi')).toBe('không có cơ quan "nobody" trong dak-song/2023; có: health, education');
    expect(issueText(i, 'en')).toBe(i.message);
    // A schema issue has no parameters: its message is all there is.
    const schema: NtmIssue = { code: 'invalid_type', path: ['year'], message: 'Invalid input' };
    expect(issueText(schema, 'vi')).toBe('Invalid input');
  });

  it('the errors callers meet, said in each language (NtmError.message stays English)', async () => {
    const set = getCriterionSet('dak-nong/commune-ntm/2022');
    const errors = await Promise.all([
      thrown(() => getCriterionSet('no/such/set' as never)),
      thrown(() => criterionSetInForce('dak-nong/commune-ntm', '2010-01-01')),
      thrown(() => criterionSetInForce('no/such-kind', '2024-01-01')),
      thrown(() => getPlan('no-such-plan')),
      thrown(() => agencyOf('nobody', 'dak-song/2023')),
      thrown(() => upcomingDeadlines('dak-song/2023', 'soon', 3)),
      thrown(() => evaluateCommune(set, { communeId: 'a', year: 2023, indicators: { '99.9': 1 }, criteria: { '2': 'có lẽ' } })),
      thrown(() => evaluateCommune(set, { communeId: 'a', year: 2030, indicators: {} })),
      thrown(() => roadToStandard([], { commune: 'nobody' })),
      thrown(() => communeGroupOf({ group: 'nhóm 7' })),
      thrown(() => evaluateProvince({ provinceId: 'p', year: 2026, communes: [{ communeId: 'a', setId: 's', year: 2025, status: 'met' }, { communeId: 'a', setId: 's', year: 2026, status: 'met' }] })),
      thrown(() => loadCriterionSet('{"id": 1, "id": 2}')),
    ]);
    for (const e of errors) {
      expect(e.issues.every((i) => i.params !== undefined), e.message).toBe(true);
      const vi = ntmErrorText(e, 'vi');
      expect(ntmErrorText(e, 'en')).toBe(e.message.replace(/\$: /g, ''));
      inOneLanguage(vi.replace(/^[A-Z_]+: /, '').replace(/\$[\w.[\]"'-]*: /g, ''), e.message.replace(/^[A-Z_]+: /, ''));
    }
  });
});
