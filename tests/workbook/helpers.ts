import ExcelJS from 'exceljs';

/**
 * Values filled in here come from a HYPOTHETICAL decision: they exercise the mechanics and are
 * never legal values. The bundled rule files stay free of them.
 */
export const HYPOTHETICAL = 'QĐ giả định 99/QĐ-TEST (hypothetical decision, not a legal value)';

/** The threshold sheet of a template, opened with exceljs as a user's spreadsheet program would. */
export async function openTemplate(bytes: Uint8Array): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; col: (prefix: string) => number; row: (code: string, from?: number) => ExcelJS.Row }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet('Ngưỡng (Thresholds)')!;
  const header = ws.getRow(3);
  const col = (prefix: string): number => {
    let found = 0;
    header.eachCell((c, n) => {
      if (!found && String(c.value).startsWith(prefix)) found = n;
    });
    if (!found) throw new Error(`no column ${prefix}`);
    return found;
  };
  const row = (code: string, from?: number): ExcelJS.Row => {
    const codeCol = col('Mã / Code');
    for (let r = 4; r <= ws.rowCount; r++) {
      const x = ws.getRow(r);
      if (x.getCell(codeCol).value === code && (from === undefined || x.getCell(col('Từ ngày')).value === from)) return x;
    }
    throw new Error(`no row ${code}`);
  };
  return { wb, ws, col, row };
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
