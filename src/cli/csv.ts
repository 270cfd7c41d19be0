/**
 * A CSV reader for files people type: linear in the size of the file, streamed, and forgiving
 * where spreadsheets are (a `"` inside an unquoted cell is text, spaces after a closing quote are
 * ignored, CRLF and LF lines may be mixed). A record it cannot read is one record with a problem
 * at its true line, and reading goes on at the next line: nothing after it is lost.
 */
import { createReadStream } from 'node:fs';
import { LIMITS } from './limits.js';

/** A physical line of a text file, 1-based, without its line break. */
export interface TextLine {
  text: string;
  line: number;
}

/**
 * The lines of a text file, decoded as UTF-8 (or UTF-16 when it starts with a UTF-16 byte-order
 * mark), BOM removed. CRLF, LF and lone CR all end a line.
 */
export async function* textLines(file: string): AsyncGenerator<TextLine, void, undefined> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let decoder: TextDecoder | null = null;
  let rest = '';
  let line = 0;
  let pendingCR = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      if (decoder === null) {
        const le = bytes[0] === 0xff && bytes[1] === 0xfe;
        const be = bytes[0] === 0xfe && bytes[1] === 0xff;
        decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
        if (le || be) bytes = bytes.subarray(2);
      }
      let text = rest + decoder.decode(bytes, { stream: true });
      if (line === 0 && rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (pendingCR && text.charCodeAt(0) === 10) text = text.slice(1);
      pendingCR = false;
      let start = 0;
      // Where the next CR is, found once per chunk and again only when passed: searching for a CR
      // from every line of a file without one would scan the rest of the chunk for each line.
      let cr = text.indexOf('\r');
      for (;;) {
        const lf = text.indexOf('\n', start);
        if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
        const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (end < 0) break;
        yield { text: text.slice(start, end), line: ++line };
        if (text.charCodeAt(end) === 13) {
          if (end + 1 === text.length) {
            pendingCR = true;
            start = end + 1;
            break;
          }
          start = text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
        } else start = end + 1;
      }
      rest = text.slice(start);
      // A "line" longer than any row could be is a binary or hostile file: stop at once.
      if (rest.length > LIMITS.lineChars) throw new LineTooLong(line + 1);
    }
    if (decoder) rest += decoder.decode();
    if (line === 0 && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
    if (rest !== '') yield { text: rest, line: ++line };
  } finally {
    stream.destroy();
  }
}

/** Thrown by {@link textLines} for a line longer than a row could ever be. */
export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is too long`);
  }
}

/** Why a record could not be read, at a 1-based cell. */
export type CsvProblem =
  | { kind: 'text-after-quote'; column: number; line: number }
  | { kind: 'quote-not-closed'; column: number; line: number }
  | { kind: 'cell-too-long'; column: number; line: number }
  | { kind: 'too-many-cells'; column: number; line: number };

/** One record: its cells, the line it starts at, and a problem when it could not be read. */
export interface CsvRecord {
  cells: string[];
  line: number;
  problem?: CsvProblem;
}

/**
 * Splits records out of lines. Quote-free lines are split directly (the common case, and the fast
 * one); lines with quotes go through a resumable state machine, so a cell spanning lines costs
 * its length once. A quote never closed (by the end of the file, or within a cell's maximum
 * length) is a problem at the line where it opened, and the lines after that one are read again
 * as records of their own.
 */
export async function* csvRecords(lines: AsyncIterable<TextLine>, delimiter: string, options: { comment?: string } = {}): AsyncGenerator<CsvRecord, void, undefined> {
  const comment = options.comment ?? '#';
  const iterator = lines[Symbol.asyncIterator]();
  const replay: TextLine[] = [];
  const next = async (): Promise<TextLine | null> => {
    if (replay.length > 0) return replay.shift()!;
    const r = await iterator.next();
    return r.done ? null : r.value;
  };
  // `#` marks a comment only above the first record: below it, a row whose first cell starts with
  // `#` is data (a commune id "#12"), never dropped.
  let started = false;
  try {
    for (;;) {
      const first = await next();
      if (first === null) return;
      const { text, line } = first;
      if (text.trim() === '' || (!started && text.startsWith(comment))) continue;
      started = true;
      if (!text.includes('"')) {
        yield splitPlain(text, line, delimiter);
        continue;
      }
      const parser = new QuotedRecordParser(delimiter);
      let state = parser.feed(text);
      const spanned: TextLine[] = [];
      while (state === 'open') {
        const more = await next();
        if (more === null) break;
        spanned.push(more);
        state = parser.feed(more.text, true);
      }
      if (state === 'too-many') {
        yield { cells: parser.cells().slice(0, LIMITS.columns), line, problem: { kind: 'too-many-cells', column: LIMITS.columns + 1, line } };
        continue;
      }
      if (state === 'open' || state === 'too-long') {
        // Unclosed: this record is the problem; the lines it swallowed are records of their own.
        replay.unshift(...spanned);
        yield { cells: parser.cellsSoFar(), line, problem: { kind: state === 'open' ? 'quote-not-closed' : 'cell-too-long', column: parser.column(), line } };
        continue;
      }
      if (typeof state === 'object') {
        yield { cells: parser.cellsSoFar(), line, problem: { ...state, line: line + state.lineOffset } };
        continue;
      }
      const cells = parser.cells();
      if (cells.length > LIMITS.columns) yield { cells: cells.slice(0, LIMITS.columns), line, problem: { kind: 'too-many-cells', column: LIMITS.columns + 1, line } };
      else if (parser.tooLong) yield { cells, line, problem: { kind: 'cell-too-long', column: cells.findIndex((c) => c.length > LIMITS.cellChars) + 1, line } };
      else yield { cells, line };
    }
  } finally {
    await iterator.return?.();
  }
}

function splitPlain(text: string, line: number, delimiter: string): CsvRecord {
  const cells = text.split(delimiter, LIMITS.columns + 1);
  if (cells.length > LIMITS.columns) return { cells: cells.slice(0, LIMITS.columns), line, problem: { kind: 'too-many-cells', column: LIMITS.columns + 1, line } };
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]!.length > LIMITS.cellChars) return { cells, line, problem: { kind: 'cell-too-long', column: i + 1, line } };
  }
  return { cells, line };
}

type FeedState = 'done' | 'open' | 'too-long' | 'too-many' | { kind: 'text-after-quote'; column: number; lineOffset: number };

/** Reads one record, line by line; a quote is special only at the start of a cell. */
class QuotedRecordParser {
  private readonly out: string[] = [];
  private field = '';
  private inQuotes = false;
  private afterQuote = false;
  private lineOffset = 0;

  constructor(private readonly delimiter: string) {}

  column(): number {
    return this.out.length + 1;
  }

  cellsSoFar(): string[] {
    return [...this.out, this.field];
  }

  cells(): string[] {
    return this.out;
  }

  feed(text: string, continued = false): FeedState {
    const d = this.delimiter;
    if (continued) {
      this.lineOffset++;
      this.field += '\n';
    }
    let i = 0;
    let atStart = !continued;
    for (;;) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          break;
        }
        this.field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          this.field += '"';
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        this.afterQuote = true;
        i = q + 1;
        continue;
      }
      if (this.afterQuote) {
        if (i >= text.length) break;
        const ch = text[i];
        if (ch === d) {
          this.endField();
          this.afterQuote = false;
          i++;
          atStart = true;
          continue;
        }
        // Spaces after a closing quote ("Đắk Môl" ,2023) are how people type: ignored.
        if (ch === ' ' || ch === '\t') {
          i++;
          continue;
        }
        return { kind: 'text-after-quote', column: this.out.length + 1, lineOffset: this.lineOffset };
      }
      if (atStart) {
        atStart = false;
        let j = i;
        while (text.charCodeAt(j) === 32) j++;
        if (text.charCodeAt(j) === 34) {
          this.inQuotes = true;
          i = j + 1;
          continue;
        }
      }
      // Unquoted text up to the next delimiter: a `"` inside it is part of the text.
      const next = text.indexOf(d, i);
      if (next < 0) {
        this.field += text.slice(i);
        break;
      }
      this.field += text.slice(i, next);
      this.endField();
      if (this.out.length > LIMITS.columns) return 'too-many';
      i = next + 1;
      atStart = true;
    }
    if (this.field.length > LIMITS.cellChars) return 'too-long';
    if (this.inQuotes) return 'open';
    this.endField();
    return 'done';
  }

  private endField(): void {
    if (this.field.length > LIMITS.cellChars) this.tooLong = true;
    this.out.push(this.field);
    this.field = '';
  }

  /** A closed cell was longer than {@link LIMITS.cellChars}. */
  tooLong = false;
}
