/**
 * Writing a report in the format asked for (`roadmap`, `panel`).
 */
import type { Lang } from '../requirement/format.js';
import { openSink, type CliIo } from './io.js';

export const REPORT_FORMATS = ['table', 'csv', 'md', 'html', 'json'] as const;

export const ILLUSTRATIVE: Record<Lang, string> = {
  vi: 'Kết quả chỉ đúng với số liệu đã nhập; ngưỡng "chưa rõ" chưa được mã hóa từ văn bản gốc.',
  en: 'Results are only as good as the data entered; "threshold unknown" means the source text has not been encoded.',
};

/** Renders the chosen format and writes it to standard output or `--out`. */
export async function writeReport(io: CliIo, out: string | undefined, format: (typeof REPORT_FORMATS)[number], render: Record<(typeof REPORT_FORMATS)[number], () => string>): Promise<void> {
  const text = render[format]();
  const sink = openSink(io, out);
  // Excel reads a UTF-8 CSV file's accents only with a BOM; standard output stays plain.
  await sink.write(format === 'csv' && out !== undefined ? `\ufeff${text}` : text);
  await sink.close();
}
