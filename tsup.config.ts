import { defineConfig, type Options } from 'tsup';

/** The library for Node and bundlers: ESM + CJS with declarations. */
export const libraryBuild: Options = {
  // `ntm-rules/workbook`: spreadsheets (exceljs), kept out of the main entry.
  entry: { index: 'src/index.ts', workbook: 'src/workbook/index.ts' },
  format: ['esm', 'cjs'],
  // TypeScript 6 deprecates `baseUrl`, which tsup's d.ts pass sets internally.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  // The other builds below write into dist/ at the same time: leave their files alone.
  clean: ['!cli.js*', '!browser/**'],
  target: 'node20',
  platform: 'neutral',
  // Rule JSON is bundled so the library needs no file system (browser-safe).
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

/** `ntm-rules/workbook/browser`: the workbook functions with exceljs's own browser build inside. */
export const workbookBrowserBuild: Options = {
  ...browserBuild,
  entry: { 'ntm-rules-workbook': 'src/workbook/index.ts' },
  format: ['esm'],
};

export default defineConfig([libraryBuild, cliBuild, browserBuild, workbookBrowserBuild]);
