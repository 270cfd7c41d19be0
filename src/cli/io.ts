/** Where a command writes: its standard output and error, abstracted so tests can run commands in-process. */
import { createWriteStream } from 'node:fs';
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

/** The process's own channels. */
export function processIo(): CliIo {
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
  close(): Promise<void>;
}

/**
 * Opens `--out <file>` (created or replaced), or standard output when no file is given. Writes
 * are gathered into blocks of about 64 KB: one write per row of a large file costs more than
 * evaluating the row.
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
      if (size >= 65536) await flush();
    },
    async close() {
      await flush();
      await target.close();
    },
  };
}

function stdoutTarget(io: CliIo): Sink {
  return { write: (t) => io.out(t), close: async () => {} };
}

function fileTarget(file: string): Sink {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return {
    async write(text) {
      await opened;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      await opened;
      stream.end();
      await once(stream, 'finish');
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
