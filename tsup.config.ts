import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
  // The other builds below write into dist/ at the same time: leave their files alone.
  clean: ['!cli.js*', '!browser/**', '!**/*.cjs', '!**/*.d.cts'],
  target: 'node20',
  platform: 'neutral',
  // Rule JSON is bundled so the library needs no file system (browser-safe).
  loader: { '.json': 'json' },
  external: ['json-rules-engine', 'zod', 'date-fns', 'exceljs'],
  esbuildPlugins: [ruleFilesOnDemand()],
};

/**
 * The library for `require`: one CommonJS file per entry (CommonJS has no code splitting), with
 * declarations of its own (dist/index.d.cts, dist/workbook/index.d.cts, dist/words/index.d.cts and
 * their shared `.d.cts` chunks). A copy of the ES declarations would not do: a `.d.cts` that
 * imports a `.d.ts` chunk of this `"type": "module"` package imports an ES module, which a
 * CommonJS project under `moduleResolution: node16` refuses (TS1479).
 */
export const commonJsBuild: Options = {
  // `ntm-rules/workbook` (spreadsheets, exceljs) stays out of the main entry.
  entry: { index: 'src/index.ts', 'workbook/index': 'src/workbook/index.ts', 'words/index': 'src/words/index.ts' },
  format: ['cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  clean: false,
  target: 'node20',
  platform: 'neutral',
  loader: { '.json': 'json' },
  external: ['json-rules-engine', 'zod', 'date-fns', 'exceljs'],
};

/**
 * Writes, beside the output, the licence of every package bundled into it (`<name>.LICENSES.txt`):
 * a bundle carries their code, so it carries their notices.
 */
export function bundledLicences(name: string): EsbuildPlugin {
  return {
    name: 'bundled-licences',
    setup(build) {
      build.initialOptions.metafile = true;
      build.onEnd((result) => {
        const packages = new Set<string>();
        for (const input of Object.keys(result.metafile?.inputs ?? {})) {
          const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
          if (m) packages.add(m[1]!);
        }
        if (packages.size === 0) return;
        const parts = [...packages].sort().map((dir) => {
          const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
          const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
          const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file in the package; its package.json says: ${pkg.license ?? 'nothing'})`;
          return `${pkg.name} ${pkg.version} (${pkg.license ?? 'licence not stated'})\n\n${text}\n`;
        });
        const outdir = resolve(build.initialOptions.outdir ?? 'dist');
        mkdirSync(outdir, { recursive: true });
        writeFileSync(join(outdir, `${name}.LICENSES.txt`), `Packages bundled into ${name}.js and its chunks, with their licences.\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`);
      });
    },
  };
}

/**
 * The `ntm` command (package `bin`): the only Node-only code. The tests run this build too.
 * exceljs, with what it imports, is bundled in (a chunk loaded when a workbook is first read or
 * written): `ntm` is a tool for spreadsheets and reads XLSX right after `npm install ntm-rules`,
 * while a project that only evaluates does not install the spreadsheet stack (exceljs is an
 * optional peer dependency of the library). exceljs is CommonJS: `require` inside this ES module
 * is Node's own. Whitespace and syntax are minified, names are kept (stack traces stay readable).
 */
export const cliBuild: Options = {
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  clean: false,
  target: 'node20',
  platform: 'node',
  loader: { '.json': 'json' },
  noExternal: ['exceljs'],
  banner: { js: "import { createRequire as ntmCreateRequire } from 'node:module';\nconst require = ntmCreateRequire(import.meta.url);" },
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
  esbuildPlugins: [bundledLicences('cli')],
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
