/**
 * The one writer of `ntm`: standard output and error, and every file a command writes. A file is
 * written under a temporary name beside its target and renamed over it only when the command
 * completes; the temporary file is removed on failure and when the run is interrupted (SIGINT,
 * SIGTERM). A write that fails (disk full, no permission, standard output unwritable) ends the run
 * with a message and exit code 3, never a stack trace.
 */
import { createWriteStream, statSync, unlinkSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import type { Lang } from '../requirement/format.js';
import { SaidInBoth } from './said.js';
import { printable } from '../errors.js';
import { t, tryT } from '../messages/index.js';

/** A command's output channels. */
export interface CliIo {
  /** Writes to standard output (awaits drain for large outputs). */
  out(text: string): Promise<void>;
  /** Writes to standard error. */
  err(text: string): void;
  /** True when standard error is a terminal (progress is shown only then). */
  errIsTTY: boolean;
}

/** The exit code of a run whose output could not be written. */
export const OUTPUT_FAILED = 3;

/**
 * An output that could not be written (a file or standard output): disk full, no permission, a
 * folder in the way. Said in the run's language; exit code {@link OUTPUT_FAILED}.
 */
export class OutputError extends SaidInBoth {
  override readonly name = 'OutputError';
}

/** Why a write failed, in words and with the system's code (`no space left on the device (ENOSPC)`). */
function reasonOf(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const words = code === undefined ? undefined : tryT(`io.reason.${code}`, {}, lang);
  if (words !== undefined) return `${words} (${code})`;
  return printable(code ?? (e instanceof Error ? e.message : String(e)));
}

/** The error of a failed write to a file. */
export function fileWriteError(file: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const shown = printable(file);
  return new OutputError(t('io.write.file', { file: shown, reason: reasonOf(e, 'en') }, 'en'), t('io.write.file', { file: shown, reason: reasonOf(e, 'vi') }, 'vi'));
}

/** The error of a failed write to standard output. */
export function stdoutWriteError(e: unknown): OutputError {
  return new OutputError(t('io.write.stdout', { reason: reasonOf(e, 'en') }, 'en'), t('io.write.stdout', { reason: reasonOf(e, 'vi') }, 'vi'));
}

// ---------------------------------------------------------------------------------------------
// The terminal's safety, for every text output.

/**
 * Characters a terminal or an editor acts on rather than shows: C0 controls other than tab, line
 * feed and carriage return (ESC starts colour, cursor, screen-clear and OSC 52 clipboard
 * sequences), DEL, C1 controls, and the bidirectional marks and overrides that reorder what is
 * shown.
 */
const UNSAFE_TEST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE = new RegExp(UNSAFE_TEST.source, 'g');

/**
 * Text as `ntm` writes it, to a terminal or a file: every character a terminal would act on is
 * shown as a `\u` escape. Applied by the one writer to every text output of every command — the
 * renderers escape for their own format (Markdown, CSV, HTML); this is the floor under all of
 * them. In JSON such characters only occur inside strings, where `\u` escapes mean the same.
 *
 * @example safeOutputText('Đắk\u001b]52;c;ZXZpbA==\u0007') // 'Đắk\\u001b]52;c;ZXZpbA==\\u0007'
 */
export function safeOutputText(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/** The line a progress display clears itself with: the one escape sequence `ntm` writes on purpose. */
const CLEAR_PROGRESS = '\r\x1b[K';

/**
 * The channels of a run as the shell hands them to a command: everything written is made safe
 * for a terminal ({@link safeOutputText}).
 */
export function safeIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(safeOutputText(text)),
    err: (text) => io.err(text === CLEAR_PROGRESS ? text : safeOutputText(text)),
    errIsTTY: io.errIsTTY,
  };
}

// ---------------------------------------------------------------------------------------------
// Temporary files: removed whatever happens to the run.

const pending = new Set<string>();
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const onSignal: Partial<Record<keyof typeof SIGNAL_EXIT, () => void>> = {};

function removePending(): void {
  for (const f of pending) {
    try {
      unlinkSync(f);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

/** Tracks a temporary file; while any is pending, an interrupted run removes them before it ends. */
function track(temp: string): void {
  if (pending.size === 0) {
    for (const signal of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
      const handler = (): void => {
        removePending();
        process.exit(SIGNAL_EXIT[signal]);
      };
      onSignal[signal] = handler;
      process.once(signal, handler);
    }
    process.once('exit', removePending);
  }
  pending.add(temp);
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size > 0) return;
  for (const signal of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
    const handler = onSignal[signal];
    if (handler) process.removeListener(signal, handler);
    delete onSignal[signal];
  }
  process.removeListener('exit', removePending);
}

// ---------------------------------------------------------------------------------------------
// Standard output.

let pipeGuarded = false;
let runLang: Lang = 'vi';

/** The language the process's own output failures are said in (set by the shell for each run). */
export function setOutputLanguage(lang: Lang): void {
  runLang = lang;
}

/**
 * A closed pipe (`ntm … | head`) ends the process quietly with the run's code so far: the reader
 * has what it wanted. Any other failure of standard output (`ntm sets > /dev/full`) ends it with
 * a message and exit code {@link OUTPUT_FAILED}.
 */
function guardStandardStreams(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
    try {
      process.stderr.write(`ntm: ${stdoutWriteError(e).text(runLang)}\n`);
    } catch {
      // Standard error is gone too: the exit code says it.
    }
    process.exit(OUTPUT_FAILED);
  });
  process.stderr.on('error', () => {
    // Nothing can be said when standard error cannot be written; standard output still decides.
  });
}

/** The process's own channels. */
export function processIo(): CliIo {
  guardStandardStreams();
  return {
    async out(text) {
      if (!process.stdout.write(text)) await once(process.stdout, 'drain');
    },
    err(text) {
      process.stderr.write(text);
    },
    errIsTTY: process.stderr.isTTY === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Sinks.

/** A sink for a command's main output: standard output, or the file of `--out`. */
export interface Sink {
  write(data: string | Uint8Array): Promise<void>;
  /** Ends the output; for a file, puts it in place of the old one (until then the old one is untouched). */
  close(): Promise<void>;
  /** Drops what was written to a file: the old file, if any, stays as it was. */
  abort?(): Promise<void>;
}

/** Text gathered before one write: a write is a system call, and on some file systems a slow one. */
const SINK_CHUNK = 1 << 20;

/**
 * Opens `--out <file>` (created or replaced), or standard output when no file is given. Writes
 * are gathered into blocks of about 1 MB: one write per row of a large file costs more than
 * evaluating the row (measured: 1 MB blocks took about a quarter off `ntm evaluate`'s CPU time on
 * 100,000 rows, against 64 KB blocks). A failed write is an {@link OutputError}; the file's
 * temporary is then removed.
 */
export function openSink(io: CliIo, file: string | undefined): Sink {
  const target = file === undefined ? stdoutTarget(io) : fileTarget(file);
  let buffer: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const text = buffer.join('');
    buffer = [];
    size = 0;
    await target.write(text);
  };
  const guarded = async (step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (e) {
      await target.abort?.();
      throw file === undefined ? (e instanceof OutputError ? e : stdoutWriteError(e)) : fileWriteError(file, e);
    }
  };
  return {
    async write(data) {
      if (typeof data !== 'string') {
        await guarded(async () => {
          await flush();
          await target.write(data);
        });
        return;
      }
      buffer.push(data);
      size += data.length;
      if (size >= SINK_CHUNK) await guarded(flush);
    },
    async close() {
      await guarded(async () => {
        await flush();
        await target.close();
      });
    },
    async abort() {
      buffer = [];
      size = 0;
      await target.abort?.();
    },
  };
}

/**
 * Writes a whole file through the one writer (temporary file, then rename).
 *
 * @example await writeOutput(io, 'set.json', JSON.stringify(set))
 */
export async function writeOutput(io: CliIo, file: string | undefined, data: string | Uint8Array): Promise<void> {
  const sink = openSink(io, file);
  await sink.write(data);
  await sink.close();
}

function stdoutTarget(io: CliIo): Sink {
  return {
    write: async (t) => {
      // Binary formats (XLSX) need --out: the commands refuse them on standard output first.
      if (typeof t !== 'string') throw new Error('binary output needs a file');
      await io.out(t);
    },
    close: async () => {},
  };
}

/**
 * A file written beside its target under a temporary name and renamed over it only when the
 * command completes: a failed run, a typo in the input path or a crash never empties yesterday's
 * report. A target that exists and is not a regular file (`/dev/stdout`, a named pipe) is written
 * in place: renaming over it would replace the device, not write to it.
 */
function fileTarget(file: string): Sink {
  let special = false;
  try {
    const s = statSync(file);
    special = !s.isFile() && !s.isDirectory();
  } catch {
    // A new file.
  }
  const temp = special ? file : join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  if (!special) track(temp);
  const stream = createWriteStream(temp, special ? { flags: 'w' } : { flags: 'wx' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  // A write error is raised by the write or close that meets it, not as an unhandled rejection.
  opened.catch(() => {});
  let failure: unknown;
  stream.on('error', (e) => {
    failure ??= e;
  });
  let done = false;
  const check = (): void => {
    if (failure !== undefined) throw failure;
  };
  const drop = async (): Promise<void> => {
    stream.destroy();
    if (!special) {
      await unlink(temp).catch(() => {});
      untrack(temp);
    }
  };
  return {
    async write(data) {
      await opened;
      check();
      if (!stream.write(typeof data === 'string' ? safeOutputText(data) : data)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
      check();
    },
    async close() {
      if (done) return;
      done = true;
      try {
        await opened;
        check();
        stream.end();
        await Promise.race([once(stream, 'finish'), once(stream, 'error').then(([e]) => Promise.reject(e as Error))]);
        check();
        if (!special) await rename(temp, file);
      } catch (e) {
        await drop();
        throw e;
      }
      if (!special) untrack(temp);
    },
    async abort() {
      if (done) return;
      done = true;
      await drop();
    },
  };
}

/**
 * A progress line on standard error, redrawn in place, only when standard error is a terminal:
 * redirected or piped runs (scripts, CI) get clean output.
 */
export function progress(io: CliIo, label: string): { tick(n: number): void; done(): void } {
  if (!io.errIsTTY) return { tick() {}, done() {} };
  let last = 0;
  return {
    tick(n) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      io.err(`\r${label} ${n.toLocaleString('en-US')}…`);
    },
    done() {
      if (last > 0) io.err(CLEAR_PROGRESS);
    },
  };
}
