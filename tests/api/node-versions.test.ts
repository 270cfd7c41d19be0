/**
 * The supported Node.js versions are one statement, kept true: package.json `engines` (the active
 * LTS lines, 22 and 24), the README's words, and every installed package's own `engines` — so that
 * `npm ci` on the oldest supported version (and on 24.0.0) warns no `EBADENGINE`. (The suite itself
 * runs on whatever Node the machine has; see docs/development.md.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repo } from '../cli/helpers.js';

// npm's own range semantics (the package npm itself uses), typed here for the two calls made.
const semver = createRequire(import.meta.url)('semver') as { minVersion(range: string): { version: string } | null; satisfies(version: string, range: string): boolean };
const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(repo('package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; os?: string[] }> };
const oldest = semver.minVersion(pkg.engines.node)!.version;

describe('supported Node.js versions', () => {
  it('are Node 22 (from 22.17) and 24, the active LTS lines', () => {
    expect(pkg.engines.node).toBe('^22.17.0 || >=24.0.0');
    expect(oldest).toBe('22.17.0');
    for (const v of ['22.17.0', '22.20.0', '24.0.0', '24.11.0']) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
    for (const v of ['20.20.0', '22.16.0', '23.11.0']) expect(semver.satisfies(v, pkg.engines.node), v).toBe(false);
  });

  it('are the ones the README states', () => {
    const readme = readFileSync(repo('README.md'), 'utf8');
    expect(readme).toMatch(/Node\.js 22 \(22\.17 or later\) and 24/);
  });

  it('satisfy every installed package’s engines, so npm ci warns no EBADENGINE on the oldest (and on 24.0.0)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, p]) => {
        const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
        if (range === undefined) return [];
        return [oldest, '24.0.0'].filter((v) => !semver.satisfies(v, range)).map((v) => `${path} wants node ${range}; ${v} does not satisfy it`);
      });
    expect(refusing).toEqual([]);
  });
});
