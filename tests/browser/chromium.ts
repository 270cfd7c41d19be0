/**
 * The Chromium the browser tests drive through playwright-core (which never downloads a browser):
 * `CHROMIUM_PATH` when given, else a system Chromium, else the one the `@sparticuz/chromium`
 * devDependency ships inside its npm package (compressed; unpacked once into
 * node_modules/.cache/ntm-chromium/). So `npm ci && npm test` needs nothing else installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Where a system package puts Chromium (Debian, Ubuntu, Fedora, Google's packages). */
const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** A Chromium to launch, and where it came from (printed by the tests). */
export interface ChromiumFound {
  path: string;
  from: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

/** Whether the Chromium inside `@sparticuz/chromium` can run here (it is built for Linux on x64). */
export const npmChromiumRuns = platform() === 'linux' && arch() === 'x64';

/**
 * Finds a Chromium, or says why there is none (`reason`). The npm package's browser is unpacked
 * into the repository's cache rather than the shared temporary folder, so that parallel runs and
 * other programs never see a half-written binary.
 */
export async function findChromium(): Promise<ChromiumFound | { reason: string }> {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? { path: given, from: 'CHROMIUM_PATH' } : { reason: `CHROMIUM_PATH=${given} does not exist` };
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return { path: system, from: 'system' };
  if (!npmChromiumRuns) return { reason: `no system Chromium (${SYSTEM.join(', ')}) and @sparticuz/chromium ships a browser for linux-x64 only (this is ${platform()}-${arch()}); set CHROMIUM_PATH` };
  const cache = fileURLToPath(new URL('../../node_modules/.cache/ntm-chromium', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const { default: packaged } = await import('@sparticuz/chromium');
  // The package unpacks into os.tmpdir(), which follows TMPDIR: point it at the cache meanwhile.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = cache;
  try {
    return { path: await packaged.executablePath(), from: '@sparticuz/chromium' };
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
}
