#!/usr/bin/env node
/**
 * What a web app pays for the library: each line bundles a one-line entry that imports some
 * functions from the built package (dist/, after `npm run build`) with esbuild — minified, for the
 * browser, tree-shaken as any bundler would — and prints the size, minified and gzipped, with the
 * largest inputs. `node scripts/bundle-size.mjs [--json]`.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The imports measured: a name, then what the entry imports from the package. */
export const CASES = [
  ['evaluateCommune', "import { evaluateCommune } from 'ntm-rules'; globalThis.x = evaluateCommune;"],
  ['evaluateCommune + getCriterionSet + listCriterionSets', "import { evaluateCommune, getCriterionSet, listCriterionSets } from 'ntm-rules'; globalThis.x = [evaluateCommune, getCriterionSet, listCriterionSets];"],
  ['parseDecimal', "import { parseDecimal } from 'ntm-rules'; globalThis.x = parseDecimal;"],
  ['everything (import *)', "import * as ntm from 'ntm-rules'; globalThis.x = ntm;"],
];

/** Bundles one entry; returns its minified and gzipped sizes and the inputs that weigh most. */
export async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
    // The package resolves to itself (exports map), as in a user's app.
    alias: {},
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .map(([path, { bytesInOutput }]) => [path.replace(/^.*node_modules\//, '').replace(/^dist\//, 'ntm-rules dist/'), bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  const groups = new Map();
  for (const [path, bytes] of inputs) {
    const key = path.startsWith('ntm-rules dist/') ? 'ntm-rules' : path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
    groups.set(key, (groups.get(key) ?? 0) + bytes);
  }
  return { minified: code.length, gzip: gzipSync(code).length, byPackage: [...groups].sort((a, b) => b[1] - a[1]) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = [];
  for (const [name, contents] of CASES) rows.push({ name, ...(await measure(contents)) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log('| import | minified | gzip | largest parts |\n|---|---:|---:|---|');
    for (const r of rows) console.log(`| \`${r.name}\` | ${kb(r.minified)} | ${kb(r.gzip)} | ${r.byPackage.slice(0, 4).map(([p, b]) => `${p} ${kb(b)}`).join(', ')} |`);
  }
}
