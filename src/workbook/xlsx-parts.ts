/**
 * The parts of an XLSX file the reader needs as the file states them, where exceljs reads them
 * otherwise: the sheets in tab order with their visibility, number format codes as written (exceljs
 * drops every backslash, so `0\%` — a number followed by a percent sign — would read as the
 * percentage `0%`), and merged ranges (exceljs's streaming reader skips them). Plain text in,
 * plain data out; `zipText` finds a part in the bytes of a file, in Node and in browsers alike.
 */

/** A sheet as the workbook lists it, in tab order. */
export interface SheetEntry {
  name: string;
  /** `visible`, or hidden by the user (`hidden`) or by a program (`veryHidden`). */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The part holding its cells, `xl/worksheets/sheet1.xml`. */
  part: string;
}

/** A merged range, 1-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities resolved. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? _m;
  });
}

/** The attributes of each `<name …>` element (any namespace prefix), in document order. */
function elements(xml: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(\\s[^>]*)?/?>`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      // Namespace prefixes differ between writers (`r:id`, `ns1:id`): keep the local name.
      attrs[a[1]!.replace(/^[\w.-]+:/, '')] = unescapeXml(a[2] ?? a[3] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/**
 * The sheets of `xl/workbook.xml`, in tab order, with the parts `xl/_rels/workbook.xml.rels` maps them to.
 *
 * @example sheetEntries('<sheet name="Cũ" sheetId="1" state="hidden" r:id="rId1"/>', '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>')
 * // [{ name: 'Cũ', state: 'hidden', part: 'xl/worksheets/sheet1.xml' }]
 */
export function sheetEntries(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map(elements(relsXml, 'Relationship').map((r) => [r.Id ?? '', r.Target ?? ''] as const));
  return elements(workbookXml, 'sheet').map((s) => {
    const target = targets.get(s.id ?? '') ?? '';
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const state = s.state === 'hidden' || s.state === 'veryHidden' ? s.state : 'visible';
    return { name: s.name ?? '', state, part };
  });
}

/**
 * The custom number format codes of `xl/styles.xml` as written, by id.
 *
 * @example numberFormatCodes('<numFmt numFmtId="164" formatCode="0\\%"/>').get(164) // '0\\%'
 */
export function numberFormatCodes(stylesXml: string): Map<number, string> {
  return new Map(elements(stylesXml, 'numFmt').map((n) => [Number(n.numFmtId), n.formatCode ?? ''] as const));
}

/** A cell reference (`C12`) as 1-based row and column. */
function cellRef(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/**
 * The merged ranges a sheet's XML declares (`<mergeCell ref="C2:C4"/>`).
 *
 * @example mergedRanges('<mergeCell ref="C2:C4"/>') // [{ top: 2, left: 3, bottom: 4, right: 3 }]
 */
export function mergedRanges(sheetXml: string): MergedRange[] {
  const out: MergedRange[] = [];
  for (const m of elements(sheetXml, 'mergeCell')) {
    const [a, b] = (m.ref ?? '').split(':');
    const from = cellRef(a ?? '');
    const to = cellRef(b ?? a ?? '');
    if (!from || !to) continue;
    out.push({ top: Math.min(from.row, to.row), left: Math.min(from.column, to.column), bottom: Math.max(from.row, to.row), right: Math.max(from.column, to.column) });
  }
  return out;
}

/**
 * The text of one part of a zip held in memory (`xl/styles.xml`), or null when the zip has no
 * such part or it cannot be read. Inflates with the platform's `DecompressionStream`.
 */
export async function zipText(bytes: Uint8Array, name: string): Promise<string | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const entry = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (entry !== name) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) return decoder.decode(data);
    if (method !== 8) return null;
    try {
      const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return await new Response(stream).text();
    } catch {
      return null;
    }
  }
  return null;
}
