import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../schemas/generate.js';

const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));

describe('schemas/*.schema.json', () => {
  const generated = jsonSchemaFiles();

  it('are up to date with the zod schemas (run `npm run schemas` after changing one)', () => {
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
    expect(onDisk).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) {
      expect(readFileSync(`${dir}${file}`, 'utf8'), `schemas/${file} is stale: run npm run schemas`).toBe(text);
    }
  });

  it('describe the formats people write: required fields, enums and limits carried over from zod', () => {
    const set = JSON.parse(generated['criterion-set.schema.json']!) as { $schema: string; required: string[]; additionalProperties: boolean };
    expect(set.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(set.required).toEqual(expect.arrayContaining(['id', 'kind', 'level', 'legalBasis', 'effectiveFrom', 'criteria', 'counts']));
    expect(set.additionalProperties).toBe(false);
    const input = JSON.parse(generated['commune-input.schema.json']!) as { required: string[]; properties: { year: { minimum: number }; region: { enum: string[] } } };
    // `indicators` has a default, so a file may leave it out.
    expect(input.required).toEqual(['communeId', 'year']);
    expect(input.properties.year.minimum).toBe(1990);
    expect(input.properties.region.enum).toContain('TN');
    // An overlay may add indicators to a criterion and declare its list complete, with its source.
    type Node = { $ref?: string; enum?: string[]; properties?: Record<string, Node>; additionalProperties?: Node };
    const overlay = JSON.parse(generated['calibration-overlay.schema.json']!) as Node & { $defs: Record<string, Node> };
    const deref = (n: Node): Node => (n.$ref ? deref(overlay.$defs[n.$ref.split('/').pop()!]!) : n);
    const criterion = deref(deref(overlay.properties!.criteria!).additionalProperties!).properties!;
    expect(Object.keys(criterion)).toEqual(expect.arrayContaining(['addIndicators', 'indicatorList', 'indicatorListSource']));
    expect(deref(criterion.indicatorList!).enum).toEqual(['complete', 'partial']);
    const result = JSON.parse(generated['commune-result.schema.json']!) as { required: string[] };
    expect(result.required).toEqual(expect.arrayContaining(['communeId', 'setId', 'year', 'status', 'criteriaMet', 'criteriaNotMet', 'criteriaUndetermined', 'criteria']));
  });
});
