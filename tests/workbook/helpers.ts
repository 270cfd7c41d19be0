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

/**
 * Filling a template of 51/2025/QĐ-TTg (national/commune-ntm/2026) as a provincial office would: two
 * indicators of criterion 6 with values per commune group, and criterion 6's list declared
 * complete. Every value is HYPOTHETICAL.
 */
export type Template = Awaited<ReturnType<typeof openTemplate>>;

/** The n-th empty row offered to add an indicator to a criterion. */
export function newRow(t: Template, criterion: string, n = 0): ExcelJS.Row {
  const found: ExcelJS.Row[] = [];
  for (let r = 4; r <= t.ws.rowCount; r++) {
    const row = t.ws.getRow(r);
    if (String(row.getCell(t.col('Tiêu chí')).value) === criterion && (row.getCell(t.col('Mã / Code')).value ?? null) === null) found.push(row);
  }
  if (!found[n]) throw new Error(`no empty row ${n} for criterion ${criterion}`);
  return found[n]!;
}

/** A criterion's own row (code TCn). */
export function criterionRow(t: Template, criterion: string): ExcelJS.Row {
  return t.row(`TC${criterion}`);
}

export function cite(row: ExcelJS.Row, t: Template): void {
  row.getCell(t.col('Văn bản')).value = HYPOTHETICAL;
  row.getCell(t.col('Điều khoản')).value = 'Phụ lục I (giả định)';
  row.getCell(t.col('Độ tin cậy')).value = 'verified';
}

/** The template of 51/2025 with two indicators of criterion 6 added and its list declared complete. */
export async function filled51(template: Uint8Array): Promise<{ t: Template; bytes: () => Promise<Uint8Array> }> {
  const t = await openTemplate(template);
  const a = newRow(t, '6', 0);
  a.getCell(t.col('Mã / Code')).value = '6.1';
  a.getCell(t.col('Nội dung (VI)')).value = 'Tỷ lệ thử nghiệm (giả định)';
  a.getCell(t.col('Nội dung (EN)')).value = 'Test share (hypothetical)';
  a.getCell(t.col('Đơn vị')).value = '%';
  a.getCell(t.col('Loại')).value = 'percent';
  a.getCell(t.col('Toán tử')).value = '≥';
  a.getCell(t.col('1 — ')).value = 90;
  a.getCell(t.col('2 — ')).value = '85';
  // A percentage cell, as Excel keeps it.
  a.getCell(t.col('3 — ')).value = 0.8;
  // Its own style: exceljs shares a loaded style object between cells.
  a.getCell(t.col('3 — ')).style = { ...a.getCell(t.col('3 — ')).style, numFmt: '0%' };
  cite(a, t);
  const b = newRow(t, '6', 1);
  b.getCell(t.col('Mã / Code')).value = '6.2';
  b.getCell(t.col('Nội dung (VI)')).value = 'Có mô hình thử nghiệm (giả định)';
  b.getCell(t.col('Loại')).value = 'Đạt / Không đạt';
  for (const g of ['1 — ', '2 — ', '3 — ']) b.getCell(t.col(g)).value = 'Đạt';
  cite(b, t);
  const c = criterionRow(t, '6');
  c.getCell(t.col('Danh sách chỉ tiêu')).value = 'đủ';
  cite(c, t);
  return { t, bytes: () => bytesOf(t.wb) };
}

