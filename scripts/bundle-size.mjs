#!/usr/bin/env node
/**
 * What a web app pays for the library: each line bundles a one-line entry that imports some
 * functions from the built package (dist/, after `npm run build`) with esbuild — minified, for the
 * browser, tree-shaken as any bundler would — and prints the size, minified and gzipped, with the
 * largest inputs. `node scripts/bundle-size.mjs [--json]`.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The imports measured: a name, the names imported (`*` for all) and where from — the package, or
 * its browser entry as a bundler resolves it (the `module` condition: the same ES build).
 */
export const CASES = [
  ['parseDecimal', ['parseDecimal']],
  ['evaluateCommune', ['evaluateCommune']],
  ['evaluateCommune from ntm-rules/browser', ['evaluateCommune'], 'ntm-rules/browser'],
  ['evaluateCommune + importCriterionSet', ['evaluateCommune', 'importCriterionSet']],
  ['evaluateCommuneSync', ['evaluateCommuneSync']],
  ['evaluateCommune + getCriterionSet + listCriterionSets', ['evaluateCommune', 'getCriterionSet', 'listCriterionSets']],
  ['everything (import *)', '*'],
];

/** A one-line app that imports `names` from `from` (the package name, or a built entry file). */
export function entryOf(names, from = 'ntm-rules') {
  const spec = JSON.stringify(from);
  return names === '*' ? `import * as ntm from ${spec}; globalThis.x = ntm;` : `import { ${names.join(', ')} } from ${spec}; globalThis.x = [${names.join(', ')}];`;
}

/**
 * Bundles one entry as an app's bundler would, with code splitting: what the page loads first (the
 * entry and the chunks it imports statically), apart from the chunks esbuild splits off for a
 * dynamic `import()` — one per bundled rule file (loaded when a set is asked for by id, or is
 * needed to find the set in force) and the json-rules-engine path (loaded only when the reference
 * engine is asked for); esbuild emits them even where the importing code is shaken away. Returns
 * the initial code's minified and gzipped sizes, its bytes per package and input files, the bytes
 * split off, and the minified size of each rule file's chunk.
 */
export async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    splitting: true,
    outdir: join(tmpdir(), 'ntm-bundle-size'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  // The app's own entry (the chunks of an `import()` are entry points too).
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint === 'entry.js');
  const initial = new Set();
  const visit = (o) => {
    if (initial.has(o)) return;
    initial.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  // Metafile paths are relative to the working directory; output files carry absolute paths.
  const wanted = new Set([...initial].map((o) => resolve(o)));
  const code = Buffer.concat(result.outputFiles.filter((f) => wanted.has(f.path)).map((f) => Buffer.from(f.contents)));
  const split = Object.keys(outputs).filter((o) => o.endsWith('.js') && !initial.has(o));
  const lazy = split.reduce((n, o) => n + outputs[o].bytes, 0);
  const sets = Object.fromEntries(split.filter((o) => /^rules\/sets\/.*\.json$/.test(outputs[o].entryPoint ?? '')).map((o) => [outputs[o].entryPoint, outputs[o].bytes]));
  const inputs = [...initial].flatMap((o) => Object.entries(outputs[o].inputs))
    .map(([path, { bytesInOutput }]) => [path.replace(/^.*node_modules\//, '').replace(/^dist\//, 'ntm-rules dist/'), bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  const groups = new Map();
  for (const [path, bytes] of inputs) {
    const key = path.startsWith('ntm-rules dist/') ? 'ntm-rules' : path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
    groups.set(key, (groups.get(key) ?? 0) + bytes);
  }
  return { minified: code.length, gzip: gzipSync(code).length, onDemand: lazy, sets, byPackage: [...groups].sort((a, b) => b[1] - a[1]), inputs: inputs.map(([path]) => path) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = [];
  // The package resolves to itself (its exports map, dist/), as in a user's app.
  for (const [name, names, from] of CASES) rows.push({ name, ...(await measure(entryOf(names, from))) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows.map(({ inputs: _, ...r }) => r), null, 2));
  else {
    console.log('| import | minified | gzip | separate chunks (`import()` only) | largest parts |\n|---|---:|---:|---:|---|');
    for (const r of rows) console.log(`| \`${r.name}\` | ${kb(r.minified)} | ${kb(r.gzip)} | ${kb(r.onDemand)} | ${r.byPackage.filter(([p]) => p !== 'entry.js').slice(0, 4).map(([p, b]) => `${p} ${kb(b)}`).join(', ')} |`);
    const sets = Object.entries(rows.find((r) => r.name === 'evaluateCommune').sets);
    console.log(`\nRule files, one chunk each, loaded on demand by evaluateCommune (minified):`);
    for (const [file, bytes] of sets.sort((a, b) => a[0].localeCompare(b[0]))) console.log(`- ${file}: ${kb(bytes)}`);
  }
}
