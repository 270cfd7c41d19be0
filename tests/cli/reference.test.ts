import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliReference } from '../../src/cli/reference.js';
import { COMMANDS } from '../../src/cli/command-table.js';
import { repo } from './helpers.js';

describe('docs/cli.md', () => {
  it('is up to date with the commands’ help (run `npm run cli-reference` after changing one)', () => {
    expect(readFileSync(repo('docs/cli.md'), 'utf8')).toBe(cliReference());
  });

  it('has its Vietnamese twin, docs/cli.vi.md, from the same help texts in Vietnamese, and packed', () => {
    const vi = readFileSync(repo('docs/cli.vi.md'), 'utf8');
    expect(vi).toBe(cliReference('vi'));
    for (const name of Object.keys(COMMANDS)) expect(vi).toContain(`## ntm ${name}\n`);
    expect(vi).toContain('Cách dùng: ntm <lệnh>');
    const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs/cli.vi.md');
  });

  it('documents every command, the issue’s ten among them', () => {
    const text = cliReference();
    for (const name of ['sets', 'show', 'evaluate', 'owners', 'worklist', 'targets', 'calendar', 'diff', 'check', 'template']) {
      expect(Object.keys(COMMANDS)).toContain(name);
      expect(text).toContain(`## ntm ${name}\n`);
    }
  });

  it('is linked from the README with an absolute link (the README is shown on the registry page), and packed', () => {
    const readme = readFileSync(repo('README.md'), 'utf8');
    expect(readme).toMatch(/\]\(https:\/\/[^)\s]+\/docs\/cli\.md\)/);
    // No relative link anywhere in the README: only absolute addresses and anchors in the page.
    expect([...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^(https:\/\/|#)/.test(href!))).toEqual([]);
    const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs/cli.md');
  });
});
