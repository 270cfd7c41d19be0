/**
 * What the data reader learns from an XLSX file before streaming its cells: the sheets in tab
 * order with their visibility, the number format codes as written, and the merged ranges of the
 * sheet it will read (which exceljs's streaming reader skips, and which the sheet's XML declares
 * only after its rows). Read after {@link zipProblem} has bounded every part.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { mergedRanges, numberFormatCodes, sheetEntries, type MergedRange, type SheetEntry } from '../workbook/xlsx-parts.js';
import { zipEntries, type ZipEntry } from './zip-guard.js';

/** The sheets and format codes of an XLSX file. */
export interface XlsxOutline {
  sheets: SheetEntry[];
  formats: Map<number, string>;
  /** The merged ranges of a sheet's part (an empty list for a part the file lacks). */
  merges(part: string): Promise<MergedRange[]>;
}

/** Streams one part's text through `each` (decoded UTF-8, in chunks). */
function streamPart(file: string, e: ZipEntry, each: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (e.compressed === 0) return resolve();
    const input = createReadStream(file, { start: e.localOffset, end: e.localOffset + e.compressed - 1 });
    const decoder = new StringDecoder('utf8');
    const out = e.method === 8 ? input.pipe(createInflateRaw()) : input;
    out.on('data', (chunk: Buffer) => each(decoder.write(chunk)));
    out.on('end', () => {
      each(decoder.end());
      resolve();
    });
    out.on('error', reject);
    input.on('error', reject);
  });
}

async function partText(file: string, e: ZipEntry | undefined): Promise<string> {
  if (!e) return '';
  let text = '';
  await streamPart(file, e, (t) => (text += t));
  return text;
}

/**
 * The outline of the XLSX file at `file`, or null when its parts cannot be found.
 *
 * @example (await xlsxOutline('tong-hop.xlsx'))?.sheets // [{ name: 'Tổng hợp', state: 'visible', part: 'xl/worksheets/sheet1.xml' }]
 */
export async function xlsxOutline(file: string): Promise<XlsxOutline | null> {
  const entries = await zipEntries(file);
  if (entries === null) return null;
  const byName = new Map(entries.map((e) => [e.name, e] as const));
  const sheets = sheetEntries(await partText(file, byName.get('xl/workbook.xml')), await partText(file, byName.get('xl/_rels/workbook.xml.rels')));
  const formats = numberFormatCodes(await partText(file, byName.get('xl/styles.xml')));
  return {
    sheets,
    formats,
    async merges(part) {
      const e = byName.get(part);
      if (!e) return [];
      // Only the merge elements are kept: a sheet's XML can be hundreds of megabytes.
      const found: MergedRange[] = [];
      let carry = '';
      await streamPart(file, e, (t) => {
        const text = carry + t;
        const cut = text.lastIndexOf('<');
        found.push(...mergedRanges(cut < 0 ? text : text.slice(0, cut)));
        carry = cut < 0 ? '' : text.slice(cut);
      });
      found.push(...mergedRanges(carry));
      return found;
    },
  };
}
