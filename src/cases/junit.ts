import type { Lang } from '../requirement/format.js';
import type { CaseOutcome, CaseRun } from './run.js';
import { problemText } from './problems.js';

/** Escapes text for XML content and attributes; characters XML 1.0 cannot hold are left out. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Why a case failed, one line per difference or problem, in a language. */
export function caseFailureLines(c: CaseOutcome, lang: Lang): string[] {
  if (c.error) return c.error.problems.map((p) => problemText(p, lang));
  return c.differences.map((d) => (lang === 'vi' ? d.textVi : d.textEn));
}

/**
 * A run as JUnit XML, the report CI services read: one `<testsuite>` per case file, one
 * `<testcase>` per case; a case whose expectations do not hold has a `<failure>`, one that could
 * not be run (unknown set, invalid input) an `<error>`.
 *
 * @example writeFileSync('cases.xml', casesJunit(runCases(cases), 'en'))
 */
export function casesJunit(run: CaseRun, lang: Lang = 'vi'): string {
  const files = new Map<string, CaseOutcome[]>();
  for (const c of run.cases) {
    const key = c.file ?? 'cases';
    (files.get(key) ?? files.set(key, []).get(key)!).push(c);
  }
  const count = (cs: readonly CaseOutcome[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => !c.passed && !c.error).length,
    errors: cs.filter((c) => c.error).length,
  });
  const all = count(run.cases);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="ntm test" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}">`];
  for (const [file, cases] of files) {
    const n = count(cases);
    out.push(`  <testsuite name="${xml(file)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="0">`);
    for (const c of cases) {
      const head = `    <testcase name="${xml(c.name)}" classname="${xml(file)}"${c.where ? ` file="${xml(c.where.replace(/:\d+:\d+.*$/, ''))}"` : ''}`;
      if (c.passed) {
        out.push(`${head}/>`);
        continue;
      }
      const lines = caseFailureLines(c, lang);
      const tag = c.error ? 'error' : 'failure';
      const detail = [...(c.where ? [c.where] : []), ...(c.setId ? [c.setId] : []), ...lines].join('\n');
      out.push(`${head}>`, `      <${tag} message="${xml(lines[0] ?? '')}" type="${c.error ? xml(c.error.code) : 'expectation'}">${xml(detail)}</${tag}>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
