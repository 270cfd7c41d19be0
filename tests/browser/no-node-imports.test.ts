import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from '../cli/helpers.js';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('the library outside src/cli', () => {
  it('imports no Node-only module, so it runs in a browser (file reading lives in the CLI)', () => {
    const src = repo('src');
    const offenders: string[] = [];
    for (const file of sources(src)) {
      const rel = relative(src, file);
      if (rel.startsWith(`cli`)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3]!;
        if (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!)) offenders.push(`${rel}: ${spec}`);
      }
      if (/\bprocess\.(env|argv|stdout|stderr|exit)/.test(text)) offenders.push(`${rel}: uses process`);
    }
    expect(offenders).toEqual([]);
  });

  it('is caught by the check: a Node import is recognised', () => {
    expect(BUILTINS.has('node:fs') && BUILTINS.has('fs') && BUILTINS.has('path')).toBe(true);
  });
});
