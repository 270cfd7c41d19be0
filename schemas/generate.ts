/**
 * The JSON Schema files shipped in schemas/, generated from the zod schemas (the single source of
 * truth) with `z.toJSONSchema`. Run `npm run schemas` after changing a schema; a test fails while
 * a file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  CalibrationOverlaySchema,
  CommuneInputSchema,
  CommuneResultSchema,
  CriterionSetSchema,
  EvaluationErrorRecordSchema,
  RecognitionFactsFileSchema,
  SetPatchSchema,
  DocumentSchema,
  SourceCitationSchema,
  SourceSchema,
  WhatIfFileSchema,
} from '../src/schema/index.js';
import { SOURCE_ID } from '../src/rules/sources.js';
import { CaseFileSchema } from '../src/cases/schema.js';

/** Base of the `$id`s: a name, not an address (the files travel in the package, under schemas/). */
const ID_BASE = 'urn:ntm-rules:schemas:';

/** The data file `ntm evaluate` reads as JSON: the communes, and optionally the set they are for. */
const CommuneDataFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  set: z.string().optional().describe('Criterion set id, e.g. dak-nong/commune-ntm/2022'),
  communes: z.array(CommuneInputSchema),
});

/** What each schema file describes, and whether it describes written files (input) or results (output). */
/**
 * A rule file declares its sources once, in `sources`, and refers to them by id; it declares the
 * documents it cites once, in `documents`, and cites them with a provision. The file schema is the
 * set schema with every source also accepted as such an id or citation, and both tables added.
 */
const SourcesRegistrySchema = z
  .record(z.string().regex(SOURCE_ID), z.union([SourceSchema, SourceCitationSchema]))
  .describe('Sources declared once, by id (in full, or as a citation of a document); values elsewhere in the file refer to them.');
/** Documents declared once, by id; a source cites one with its provision (`{ "document": id, "provision": … }`). */
const DocumentsTableSchema = z.record(z.string().regex(SOURCE_ID), DocumentSchema).describe('Documents declared once, by id; sources cite them with the provision cited.');
/** A citation as files write it: the document id follows the id pattern. */
const CitationFileSchema = SourceCitationSchema.extend({ document: z.string().regex(SOURCE_ID).describe('The id of a document declared in the file\'s "documents".') }).describe(
  'A citation of a document declared in the file\'s "documents", with the provision cited.',
);
const citationJson = (io: 'input' | 'output'): Record<string, unknown> => {
  const json = z.toJSONSchema(CitationFileSchema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

const SCHEMAS: ReadonlyArray<{ file: string; title: string; schema: z.ZodType; io: 'input' | 'output'; sourceRefs?: boolean }> = [
  { file: 'criterion-set.schema.json', title: 'ntm-rules criterion set (rule file)', schema: CriterionSetSchema, io: 'input', sourceRefs: true },
  { file: 'set-patch.schema.json', title: 'ntm-rules amendment (a patch on the set version it amends)', schema: SetPatchSchema, io: 'input', sourceRefs: true },
  { file: 'commune-input.schema.json', title: 'ntm-rules commune input (one commune, one year)', schema: CommuneInputSchema, io: 'input' },
  { file: 'commune-data.schema.json', title: 'ntm-rules commune data file (ntm evaluate)', schema: CommuneDataFileSchema, io: 'input' },
  { file: 'commune-result.schema.json', title: 'ntm-rules commune evaluation result', schema: CommuneResultSchema, io: 'output' },
  { file: 'evaluation-error.schema.json', title: 'ntm-rules batch error entry', schema: EvaluationErrorRecordSchema, io: 'output' },
  { file: 'what-if.schema.json', title: 'ntm-rules what-if changes (ntm roadmap --what-if)', schema: WhatIfFileSchema, io: 'input' },
  { file: 'case-file.schema.json', title: 'ntm-rules case file (ntm test): communes, the set they are judged by, the outcomes expected', schema: CaseFileSchema, io: 'input' },
  { file: 'calibration-overlay.schema.json', title: 'ntm-rules calibration overlay (ntm calibrate writes it; ntm evaluate --overlay reads it)', schema: CalibrationOverlaySchema, io: 'input' },
  { file: 'recognition-facts.schema.json', title: 'ntm-rules recognition facts (ntm roadmap --facts)', schema: RecognitionFactsFileSchema, io: 'input' },
];

/**
 * Every JSON Schema file, by file name, as the text written to schemas/.
 *
 * @example Object.keys(jsonSchemaFiles()) // ['criterion-set.schema.json', …]
 */
export function jsonSchemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { file, title, schema, io, sourceRefs } of SCHEMAS) {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      reused: 'ref',
      ...(sourceRefs
        ? {
            override: (ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) => {
              if (ctx.zodSchema !== SourceSchema) return;
              const inline = { ...ctx.jsonSchema };
              for (const k of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[k];
              ctx.jsonSchema.anyOf = [inline, { type: 'string', pattern: SOURCE_ID.source, description: 'The id of a source declared in the file\'s "sources".' }, citationJson(io)];
            },
          }
        : {}),
    }) as Record<string, unknown>;
    if (schema === CriterionSetSchema) {
      // The set schema (refined, so not extendable) describes a resolved set; files add the registry.
      const registry = z.toJSONSchema(SourcesRegistrySchema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
      delete registry.$schema;
      (json.properties as Record<string, unknown>).sources = registry;
      const documents = z.toJSONSchema(DocumentsTableSchema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
      delete documents.$schema;
      (json.properties as Record<string, unknown>).documents = documents;
    }
    const { $schema, ...rest } = json;
    out[file] = JSON.stringify({ $schema, $id: `${ID_BASE}${file}`, title, ...rest }, null, 2) + '\n';
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of Object.entries(jsonSchemaFiles())) {
    writeFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), text);
    console.log(`schemas/${file}`);
  }
}
