/**
 * What a web app's bundler keeps of the library (esbuild, minified, tree-shaken), from the ES build
 * the global setup made with `npm run build`'s options. Sizes are bytes, not time, so they are
 * stable: a test fails when a change makes a small import pull in the schemas, zod's locales or
 * the reference engine again. `node scripts/bundle-size.mjs` prints the figures.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without declarations
import { entryOf, measure } from '../../scripts/bundle-size.mjs';
import { built } from '../cli/helpers.js';

type Measured = { minified: number; gzip: number; inputs: string[] };
const bundle = (names: string[]): Promise<Measured> => (measure as (c: string) => Promise<Measured>)((entryOf as (n: string[], f: string) => string)(names, built().library));

describe('the library as a bundler sees it', () => {
  it('keeps parseDecimal alone small (under 8 KB): no schemas, rules, zod or evaluator', async () => {
    const { minified, inputs } = await bundle(['parseDecimal']);
    expect(minified).toBeLessThan(8_192);
    expect(inputs.filter((p) => p.startsWith('zod') || p.includes('json-rules-engine') || p.endsWith('.json'))).toEqual([]);
  });

  it('brings no zod locale but English, and not the reference engine, into evaluateCommune', async () => {
    const { inputs } = await bundle(['evaluateCommune']);
    // json-rules-engine is loaded by import() only when { engine: 'json-rules-engine' } is asked for.
    expect(inputs.filter((p) => /json-rules-engine|jsonpath-plus|engine-path/.test(p))).toEqual([]);
    const locales = inputs.filter((p) => p.includes('/locales/'));
    expect(locales.filter((p) => !/\/locales\/(en|index)\.js$/.test(p))).toEqual([]);
  });
});
