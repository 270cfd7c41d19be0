/** Where a command writes: its standard output and error, abstracted so tests can run commands in-process. */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

/** A command's output channels. */
export interface CliIo {
  /** Writes to standard output (awaits drain for large outputs). */
  out(text: string): Promise<void>;
  /** Writes to standard error. */
  err(text: string): void;
  /** True when standard error is a terminal (progress is shown only then). */
  errIsTTY: boolean;
}

let pipeGuarded = false;

/**
 * Ends the process quietly when standard output is closed by its reader (`ntm … | head`): the
 * reader has what it wanted, and a stack trace would be noise.
 */
function guardClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

/** The process's own channels. */
export function processIo(): CliIo {
  guardClosedPipe();
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

/** A sink for a command's main output: standard output, or the file of `--out`. */
export interface Sink {
  write(text: string): Promise<void>;
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
 * 100,000 rows, against 64 KB blocks).
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
  return {
    async write(text) {
      buffer.push(text);
      size += text.length;
      if (size >= SINK_CHUNK) await flush();
    },
    async close() {
      await flush();
      await target.close();
    },
    async abort() {
      buffer = [];
      size = 0;
      await target.abort?.();
    },
  };
}

function stdoutTarget(io: CliIo): Sink {
  return { write: (t) => io.out(t), close: async () => {} };
}

/**
 * A file written beside its target under a temporary name and renamed over it only when the
 * command completes: a failed run, a typo in the input path or a crash never empties yesterday's report.
 */
function fileTarget(file: string): Sink {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const stream = createWriteStream(temp, { encoding: 'utf8', flags: 'wx' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  // A write error is raised by the write or close that meets it, not as an unhandled rejection.
  opened.catch(() => {});
  let done = false;
  return {
    async write(text) {
      await opened;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      if (done) return;
      done = true;
      await opened;
      stream.end();
      await once(stream, 'finish');
      await rename(temp, file);
    },
    async abort() {
      if (done) return;
      done = true;
      stream.destroy();
      await unlink(temp).catch(() => {});
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
      if (last > 0) io.err('\r\x1b[K');
    },
  };
}
