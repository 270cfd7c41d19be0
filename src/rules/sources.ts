import { issuesFromZod, type NtmIssue } from '../errors.js';
import { DocumentSchema, SourceCitationSchema, SourceSchema, type SourceDocument } from '../schema/common.js';

/** A source id as rule files declare it in `sources` and refer to it: `318-annex-i-c15`. */
export const SOURCE_ID = /^[a-z0-9][a-z0-9.-]{0,79}$/;

/** Whether a value is written as a citation of a declared document (`{ "document": id, … }`). */
function isCitation(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'document');
}

/**
 * Reads a file's `documents` table: each document declared once, checked where it is declared.
 * Documents `inherited` from elsewhere may also be cited.
 */
function readDocuments(own: unknown, issues: NtmIssue[], inherited: Readonly<Record<string, SourceDocument>>): Record<string, SourceDocument> {
  const documents: Record<string, SourceDocument> = { ...inherited };
  if (own === undefined) return documents;
  if (typeof own !== 'object' || own === null || Array.isArray(own)) {
    issues.push({ code: 'invalid-documents', path: ['documents'], message: 'expected "documents" to map document ids to documents' });
    return documents;
  }
  for (const [id, d] of Object.entries(own as Record<string, unknown>)) {
    if (!SOURCE_ID.test(id)) issues.push({ code: 'invalid-document-id', path: ['documents', id], message: `document ids are lower-case words with - and . (e.g. "1038-qd-ubnd"), got "${id}"` });
    const parsed = DocumentSchema.safeParse(d);
    if (!parsed.success) for (const issue of issuesFromZod(parsed.error.issues)) issues.push({ ...issue, path: ['documents', id, ...issue.path] });
    else documents[id] = parsed.data;
  }
  return documents;
}

/**
 * A citation expanded into the source it stands for: the document's decision, url, confidence and
 * note, with the citation's provision (and its own confidence or note, which win). An unknown
 * document or a malformed citation is an issue at `path`; the citation is then returned as written.
 *
 * @example citedSource({ document: 'd', provision: 'criterion 15' }, { d: { decision: '1038/QĐ-UBND', confidence: 'single-source' } }, [], [])
 * // { decision: '1038/QĐ-UBND', provision: 'criterion 15', confidence: 'single-source' }
 */
export function citedSource(
  citation: unknown,
  documents: Readonly<Record<string, SourceDocument>>,
  path: Array<string | number>,
  issues: NtmIssue[],
): unknown {
  const parsed = SourceCitationSchema.safeParse(citation);
  if (!parsed.success) {
    for (const issue of issuesFromZod(parsed.error.issues)) issues.push({ ...issue, path: [...path, ...issue.path] });
    return citation;
  }
  const c = parsed.data;
  const d = Object.hasOwn(documents, c.document) ? documents[c.document] : undefined;
  if (!d) {
    const known = Object.keys(documents);
    issues.push({
      code: 'unknown-document',
      path: [...path, 'document'],
      message: `no document "${c.document}" in this file's "documents"${known.length ? ` (declared: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : ''}`,
    });
    return citation;
  }
  // Keys in the order of a source, so an expanded citation reads like one written in full.
  const note = c.note ?? d.note;
  return {
    decision: d.decision,
    ...(c.provision === undefined ? {} : { provision: c.provision }),
    ...(d.url === undefined ? {} : { url: d.url }),
    confidence: c.confidence ?? d.confidence,
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * Replaces every `"source": "<id>"` (and `"nameSource": "<id>"`) with the
 * source the file declares under that id in its top-level `sources` registry, and every source
 * written as a citation (`{ "document": "<id>", "provision": "…" }`) with the document of that id
 * in the file's `documents` table, cited at that provision; then drops both tables. A document is
 * declared once and cited with its provision; a source is declared once and pointed to. Sources
 * written in full keep loading as they are. `inherited` holds sources declared elsewhere that the
 * file may also use. Unknown ids and malformed declarations are issues at their paths.
 *
 * @example resolveSourceRefs({ sources: { a: src }, criteria: [{ source: 'a' }] }).data // { criteria: [{ source: src }] }
 * @example resolveSourceRefs({ documents: { d: doc }, criteria: [{ source: { document: 'd', provision: 'criterion 1' } }] }).data
 * // { criteria: [{ source: { ...doc, provision: 'criterion 1' } }] }
 */
export function resolveSourceRefs(
  data: unknown,
  inherited: Readonly<Record<string, unknown>> = {},
): { data: unknown; issues: NtmIssue[]; registry: Record<string, unknown> } {
  const issues: NtmIssue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { data, issues, registry: { ...inherited } };
  const { sources: own, documents: ownDocuments, ...rest } = data as Record<string, unknown>;
  const documents = readDocuments(ownDocuments, issues, {});
  if (own !== undefined && (typeof own !== 'object' || own === null || Array.isArray(own))) {
    issues.push({ code: 'invalid-sources', path: ['sources'], message: 'expected "sources" to map source ids to sources' });
    return { data: rest, issues, registry: { ...inherited } };
  }
  const registry: Record<string, unknown> = { ...inherited };
  for (const [id, written] of Object.entries((own ?? {}) as Record<string, unknown>)) {
    if (!SOURCE_ID.test(id)) issues.push({ code: 'invalid-source-id', path: ['sources', id], message: `source ids are lower-case words with - and . (e.g. "318-annex-i"), got "${id}"` });
    const s = isCitation(written) ? citedSource(written, documents, ['sources', id], issues) : written;
    // Checked where it is declared, so a problem is reported once, at the declaration.
    if (!isCitation(s)) {
      const parsed = SourceSchema.safeParse(s);
      if (!parsed.success) for (const issue of issuesFromZod(parsed.error.issues)) issues.push({ ...issue, path: ['sources', id, ...issue.path] });
    }
    registry[id] = s;
  }
  const lookup = (id: string, path: Array<string | number>): unknown => {
    if (!Object.hasOwn(registry, id)) {
      issues.push({ code: 'unknown-source', path, message: `no source "${id}" in this file's "sources"${Object.keys(registry).length ? ` (declared: ${Object.keys(registry).slice(0, 8).join(', ')}${Object.keys(registry).length > 8 ? ', …' : ''})` : ''}` });
      return id;
    }
    return registry[id];
  };
  const walk = (v: unknown, path: Array<string | number>): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'source' || k === 'nameSource') && typeof x === 'string') out[k] = lookup(x, [...path, k]);
      else if ((k === 'source' || k === 'nameSource') && isCitation(x)) out[k] = citedSource(x, documents, [...path, k], issues);
      else out[k] = walk(x, [...path, k]);
    }
    return out;
  };
  const resolved = walk(rest, []);
  return { data: resolved, issues, registry };
}

/** Whether a key holds a source: `source`, `nameSource`, `effectiveFromSource`, … */
const SOURCE_KEY = /^(?:source|[a-z][A-Za-z]*Source)$/;

/**
 * A rule file other than a set (recognition, province, group rules, plans, reorganisations,
 * series, set kinds) with its documents cited: the top-level `documents` table read, every source
 * written as a citation (`{ "document": "<id>", "provision": "…" }`, under `source`, a key ending
 * in `Source`, or in a `sources` list) expanded into the full source, and the table dropped. A
 * file without `documents` is returned as it is.
 *
 * @example citeDocuments({ documents: { d: doc }, conditions: [{ source: { document: 'd', provision: 'Art. 3' } }] }).data
 * // { conditions: [{ source: { ...doc, provision: 'Art. 3' } }] }
 */
export function citeDocuments(data: unknown): { data: unknown; issues: NtmIssue[] } {
  const issues: NtmIssue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.hasOwn(data, 'documents')) return { data, issues };
  const { documents: own, ...rest } = data as Record<string, unknown>;
  const documents = readDocuments(own, issues, {});
  const walk = (v: unknown, path: Array<string | number>): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (SOURCE_KEY.test(k) && isCitation(x)) out[k] = citedSource(x, documents, [...path, k], issues);
      else if (k === 'sources' && Array.isArray(x)) out[k] = x.map((e, i) => (isCitation(e) ? citedSource(e, documents, [...path, k, i], issues) : walk(e, [...path, k, i])));
      else out[k] = walk(x, [...path, k]);
    }
    return out;
  };
  return { data: walk(rest, []), issues };
}
