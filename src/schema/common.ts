import * as z from 'zod';

/**
 * The seven regional columns of 318/QĐ-TTg Annex I (a national column aside).
 * Đắk Nông lies in Tây Nguyên (`TN`); especially-difficult and safe-zone communes use `TDMNPB`.
 */
export const RegionCodeSchema = z.enum(['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']);
export type RegionCode = z.infer<typeof RegionCodeSchema>;

/** Region names, for display. Source: 318/QĐ-TTg as summarised by thuvienphapluat.vn. */
export const REGIONS: Readonly<Record<RegionCode, { nameVi: string; nameEn: string }>> = Object.freeze({
  TDMNPB: { nameVi: 'Trung du miền núi phía Bắc', nameEn: 'Northern midlands and mountains' },
  DBSH: { nameVi: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta' },
  BTB: { nameVi: 'Bắc Trung Bộ', nameEn: 'North Central Coast' },
  DHNTB: { nameVi: 'Duyên hải Nam Trung Bộ', nameEn: 'South Central Coast' },
  TN: { nameVi: 'Tây Nguyên', nameEn: 'Central Highlands' },
  DNB: { nameVi: 'Đông Nam Bộ', nameEn: 'Southeast' },
  DBSCL: { nameVi: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong Delta' },
});

/** A calendar date as written in rule files: `yyyy-MM-dd`, checked to exist. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-MM-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/**
 * A number a rule file may hold: finite and of plausible size. 1e308 is finite but is never a
 * legal threshold; bounding it keeps arithmetic on shortfalls exact enough and rejects junk.
 */
export const RuleNumberSchema = z.number().min(-1e12).max(1e12);

/** How sure the project is of a value: read in the legal text or two sources, one source, or deduced. */
export const ConfidenceSchema = z.enum(['verified', 'single-source', 'inferred']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** Non-empty, trimmed-looking text. */
export const TextSchema = z.string().min(1).max(2000);

/** An http(s) address. */
export const UrlSchema = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');

/**
 * Where a value comes from: the decision (or document) that states it, the provision within it,
 * where a copy was read, and how sure we are.
 */
const sourceObject = z.strictObject({
  /** Decision number or document name, e.g. `318/QĐ-TTg` or `Kế hoạch NTM 2023 huyện Đắk Song`. */
  decision: TextSchema,
  /** Annex, article, criterion within the decision, e.g. `Annex I, criterion 15`. */
  provision: TextSchema.optional(),
  /** Where the text (or a summary of it) was read. */
  url: UrlSchema.optional(),
  confidence: ConfidenceSchema,
  note: TextSchema.optional(),
});
/**
 * Where a value comes from: the decision (or document) that states it, the provision within it,
 * where a copy was read, and how sure we are.
 */
export interface Source {
  /** Decision number or document name, e.g. `318/QĐ-TTg` or `Kế hoạch NTM 2023 huyện Đắk Song`. */
  decision: string;
  /** Annex, article, criterion within the decision, e.g. `Annex I, criterion 15`. */
  provision?: string;
  /** Where the text (or a summary of it) was read. */
  url?: string;
  confidence: Confidence;
  note?: string;
}
/**
 * The schema of {@link Source}. Typed by the interface so that the declarations of the many
 * schemas holding a source name it instead of repeating its shape.
 */
export const SourceSchema: z.ZodType<Source, Source> = sourceObject;
/** @internal The unannotated schema, for the type test that pins {@link Source} to it. */
export const sourceShape = sourceObject;

/**
 * A document a rule file cites many times, declared once in the file's `documents` table: a
 * {@link Source} without its provision. Sources then cite it by id with the provision they rest
 * on ({@link SourceCitationSchema}); loading expands each citation into the full source.
 *
 * @example { "decision": "1038/QĐ-UBND", "url": "http://…", "confidence": "single-source" }
 */
export const DocumentSchema = z.strictObject({
  decision: TextSchema,
  url: UrlSchema.optional(),
  confidence: ConfidenceSchema,
  note: TextSchema.optional(),
});
export type SourceDocument = z.infer<typeof DocumentSchema>;

/**
 * A source written as a citation of a declared document: the document's id and the provision
 * cited. `confidence` and `note` given here replace the document's for this citation.
 *
 * @example { "document": "1038-qd-ubnd", "provision": "criterion 15" }
 */
export const SourceCitationSchema = z.strictObject({
  document: z.string().min(1).max(80),
  provision: TextSchema.optional(),
  confidence: ConfidenceSchema.optional(),
  note: TextSchema.optional(),
});
export type SourceCitation = z.infer<typeof SourceCitationSchema>;

/** A legal instrument: number, date, issuer. */
export const LegalReferenceSchema = z.strictObject({
  number: TextSchema,
  date: IsoDateSchema,
  issuer: TextSchema,
  url: UrlSchema.optional(),
  note: TextSchema.optional(),
});
export type LegalReference = z.infer<typeof LegalReferenceSchema>;
