/**
 * Vitest global setup: builds what users run — the `ntm` command and the browser bundle from the
 * same tsup options as `npm run build` (tsup.config.ts), the library's ES module, and the example
 * scripts — once per `vitest run`, into .test-build/ (inside the repository, so the builds resolve
 * the installed dependencies; not under node_modules/, which several checkouts of the repository
 * may share through a link, so that two test runs in two checkouts never overwrite each other's build). Tests start these files with plain `node`,
 * which is faster than a TypeScript loader and runs the code as it ships. A fresh clone needs only
 * `npm ci` before `npm test`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as tsup } from 'tsup';
import type { TestProject } from 'vitest/node';
import { browserBuild, cliBuild, libraryBuild } from '../../tsup.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** What the global setup built, by absolute path (see `built()` in tests/cli/helpers.ts). */
export interface BuiltFiles {
  /** The `ntm` command as the package's `bin` (dist/cli.js). */
  cli: string;
  /** The browser bundle (dist/browser/ntm-rules.js). */
  browserDir: string;
  /** The library as an ES module (dist/index.js). */
  library: string;
  /** examples/demo.ts, examples/analyst-script.ts and tests/plan/fixtures/calendar-snapshot.ts as plain ES modules. */
  scripts: { demo: string; analyst: string; calendarSnapshot: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    built: BuiltFiles;
  }
}

/** A TypeScript script as one ES module that still finds its neighbours through `import.meta.url`. */
async function script(source: string, outfile: string): Promise<string> {
  await esbuild({
    entryPoints: [join(root, source)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    loader: { '.json': 'json' },
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, source)).href) },
    logLevel: 'error',
  });
  return outfile;
}

export default async function setup(project: TestProject): Promise<void> {
  const out = join(root, '.test-build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const quiet = { config: false, silent: true, sourcemap: false } as const;
  const [, , , demo, analyst, calendarSnapshot] = await Promise.all([
    tsup({ ...cliBuild, ...quiet, outDir: out }),
    tsup({ ...browserBuild, ...quiet, format: ['esm'], outDir: join(out, 'browser') }),
    tsup({ ...libraryBuild, ...quiet, dts: false, format: ['esm'], clean: false, outDir: join(out, 'lib') }),
    script('examples/demo.ts', join(out, 'scripts/demo.mjs')),
    script('examples/analyst-script.ts', join(out, 'scripts/analyst-script.mjs')),
    script('tests/plan/fixtures/calendar-snapshot.ts', join(out, 'scripts/calendar-snapshot.mjs')),
  ]);
  project.provide('built', {
    cli: join(out, 'cli.js'),
    browserDir: join(out, 'browser'),
    library: join(out, 'lib/index.js'),
    scripts: { demo: demo!, analyst: analyst!, calendarSnapshot: calendarSnapshot! },
  });
}
