/**
 * Limits of what `ntm` reads, checked before the work: a file beyond one is refused with a clear
 * error (exit code 2) instead of filling the disk or the memory. Documented in the README.
 */
export const LIMITS = {
  /** A CSV file (streamed) — larger files are refused before reading. */
  csvBytes: 1024 * 1024 * 1024,
  /** A JSON data file (read whole, as JSON cannot be read in part). */
  jsonBytes: 256 * 1024 * 1024,
  /** An XLSX file as stored (compressed). */
  xlsxBytes: 256 * 1024 * 1024,
  /** The XLSX parts together once inflated, as the zip declares them (zip bombs). */
  xlsxUncompressedBytes: 1024 * 1024 * 1024,
  /** One XLSX part inflated to more than this many times its stored size is refused. */
  xlsxRatio: 200,
  /** Entries in the XLSX zip. */
  xlsxEntries: 10_000,
  /**
   * Strings of an XLSX file's shared-string table: a reader holds each as an object, so millions
   * of tiny strings cost far more memory than their bytes (Excel files of 100,000 rows hold well
   * under this).
   */
  xlsxSharedStrings: 2_000_000,
  /** Bytes of text in the shared-string table, between its tags. */
  xlsxSharedTextBytes: 100 * 1024 * 1024,
  /** How deep the elements of an XLSX part may nest (a sheet nests 7; rich text nested thousands deep is a bomb). */
  xlsxXmlDepth: 64,
  /** Columns of a header (Excel's own maximum is 16,384). */
  columns: 16_384,
  /** Characters of one cell (Excel's own maximum is 32,767). */
  cellChars: 32_767,
  /** Characters of one line of a CSV file. */
  lineChars: 16 * 1024 * 1024,
  /** Cells of a whole file. */
  cells: 100_000_000,
  /**
   * Nesting of a JSON data file (communes, province, groups): checked on the text before it is
   * parsed, so no command walks a 10,000-deep file into a stack overflow. Rule, overlay and plan
   * files keep their own, stricter limit (32).
   */
  jsonDepth: 64,
  /**
   * Rows of a report that is rendered whole (the table and Markdown formats of `evaluate`, and
   * every command that gathers results before writing them): more are refused, before the
   * report is rendered, with a pointer to the csv and json formats, which stream any number.
   */
  reportRows: 100_000,
  /** Rows of an HTML report: about 3.3 KB each, kept under 1 GB of memory while it is written. */
  htmlRows: 20_000,
  /** Problems printed for one header or one rule file; the rest are counted. */
  printedProblems: 50,
} as const;
