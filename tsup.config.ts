import { dirname, relative, resolve, sep } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Keeps the rule files that the library imports on demand (`import()` in
 * src/rules/manifest/index.ts) as imports of the package's own `rules/*.json`, relative to the
 * output, instead of copying them into chunks of the build. An app's bundler then makes each set
 * a chunk of its own, loaded when asked for; a chunk of this build holding a set would be
 * imported by every entry that reaches the registry, and so land in every app's first load.
 * Static imports (the registry's synchronous lookups) are still bundled. The relative path is
 * computed from the output folder, so the build fails if the importing code is not at its top.
 */
export function ruleFilesOnDemand(): EsbuildPlugin {
  return {
    name: 'rule-files-on-demand',
    setup(build) {
      build.initialOptions.metafile = true;
      const outdir = resolve(build.initialOptions.outdir ?? 'dist');
      const externals = new Set<string>();
      build.onResolve({ filter: /\.json$/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const path = relative(outdir, resolve(args.resolveDir, args.path)).split(sep).join('/');
        externals.add(path);
        return { path, external: true };
      });
      build.onEnd((result) => {
        for (const [output, { imports }] of Object.entries(result.metafile?.outputs ?? {})) {
          const misplaced = imports.some((i) => i.external && externals.has(i.path)) && resolve(dirname(output)) !== outdir;
          if (misplaced) result.errors.push({ id: '', pluginName: 'rule-files-on-demand', text: `${output} imports rule files relative to ${outdir}, but is not in that folder`, location: null, notes: [], detail: undefined });
        }
      });
    },
  };
}

/**
 * The library as ES modules for Node and bundlers: one output file per source module (shared code
 * in chunks), so that a bundler keeps only the modules an app imports (`sideEffects: false`):
 * `parseDecimal` alone does not bring the schemas, the rules or the evaluator. Declarations for
 * the public entry.
 */
export const libraryBuild: Options = {
  entry: ['src/**/*.ts', '!src/cli/**'],
  format: ['esm'],
  splitting: true,
  // TypeScript 6 deprecates `baseUrl`, which tsup's d.ts pass sets internally.
  dts: { entry: ['src/index.ts', 'src/workbook/index.ts', 'src/words/index.ts'], compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  // The other builds below write into dist/ at the same time: leave their files alone.
  clean: ['!cli.js*', '!browser/**', '!index.cjs*', '!index.d.cts', '!workbook/index.cjs*', '!workbook/index.d.cts', '!words/index.cjs*', '!words/index.d.cts'],
  target: 'node20',
  platform: 'neutral',
  // Rule JSON is bundled so the library needs no file system (browser-safe).
  loader: { '.json': 'json' },
  external: ['json-rules-engine', 'zod', 'date-fns', 'exceljs'],
  esbuildPlugins: [ruleFilesOnDemand()],
};

/**
 * The library for `require`: one CommonJS file per entry (CommonJS has no code splitting). Its
 * declarations, dist/index.d.cts, dist/workbook/index.d.cts and dist/words/index.d.cts, are the .d.ts files copied by `npm run build` (one declaration pass, not two:
 * tsup writes the same text for both).
 */
export const commonJsBuild: Options = {
  // `ntm-rules/workbook` (spreadsheets, exceljs) stays out of the main entry.
  entry: { index: 'src/index.ts', 'workbook/index': 'src/workbook/index.ts', 'words/index': 'src/words/index.ts' },
  format: ['cjs'],
  sourcemap: true,
  clean: false,
  target: 'node20',
  platform: 'neutral',
  loader: { '.json': 'json' },
  external: ['json-rules-engine', 'zod', 'date-fns', 'exceljs'],
};

/** The `ntm` command (package `bin`): the only Node-only code. The tests run this build too. */
export const cliBuild: Options = {
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  sourcemap: true,
  clean: false,
  target: 'node20',
  platform: 'node',
  loader: { '.json': 'json' },
};

/**
 * One file with every dependency inside (`ntm-rules/browser`): an ES module for a page to import
 * without a bundler (examples/web, the browser tests), and its CommonJS twin for `require`.
 * Building it for the browser platform fails on any Node-only import.
 */
export const browserBuild: Options = {
  entry: { 'ntm-rules': 'src/index.ts' },
  outDir: 'dist/browser',
  format: ['esm', 'cjs'],
  sourcemap: true,
  clean: false,
  target: 'es2022',
  platform: 'browser',
  minify: true,
  loader: { '.json': 'json' },
  noExternal: [/.*/],
};

/** `ntm-rules/workbook/browser`: the workbook functions with exceljs's own browser build inside (ESM and its CommonJS twin). */
export const workbookBrowserBuild: Options = {
  ...browserBuild,
  entry: { 'ntm-rules-workbook': 'src/workbook/index.ts' },
};

export default defineConfig([libraryBuild, commonJsBuild, cliBuild, browserBuild, workbookBrowserBuild]);
