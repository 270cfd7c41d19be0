/**
 * In a real browser (a system Chromium, or the one the `@sparticuz/chromium` devDependency ships:
 * see chromium.ts), driven by playwright-core: the HTML report renders its matrix, also with no
 * network, Vietnamese text is drawn with its diacritics, and examples/web evaluates a commune
 * entered in its form using the browser bundle of the library as `npm run build` makes it.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, ntm, repo, SET } from '../cli/helpers.js';
import { findChromium, npmChromiumRuns } from './chromium.js';

const found = await findChromium();
if ('reason' in found) {
  // Loud, never silent: the banner names what is missing, and every test below shows as skipped.
  const line = '!'.repeat(100);
  console.warn(`\n${line}\nBROWSER TESTS NOT RUN: no Chromium can be had on this machine: ${found.reason}\n${line}\n`);
}
// Where the npm package's Chromium runs (Linux on x64, as CI), lacking a browser is a failure.
const runBrowser = !('reason' in found) || npmChromiumRuns;
// The flags that work on these machines (see the README): no sandbox as root, no background traffic.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.json': 'application/json' };

const tmp = mkdtempSync(join(tmpdir(), 'ntm-browser-'));
const reportFile = join(tmp, 'report.html');
let server: Server;
let base: string;
let context: BrowserContext;

/** Serves the report, examples/web and the freshly built bundle; nothing else. */
function serve(): Promise<Server> {
  const roots: Array<[string, string]> = [
    ['/report/', tmp],
    ['/examples/web/', repo('examples/web')],
    ['/dist/browser/', built().browserDir],
  ];
  const s = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hit = roots.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = hit ? normalize(join(hit[1], decodeURIComponent(url.pathname.slice(hit[0].length)) || 'index.html')) : null;
    if (!hit || !file || !(file + sep).startsWith(hit[1] + sep.replace(/.$/, '')) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  if (!runBrowser) return;
  if ('reason' in found) throw new Error(`no Chromium: ${found.reason}`);
  console.info(`browser tests: Chromium from ${found.from} (${found.path})`);
  // With the plan and a date inside the plan year, the report also has lead agencies, targets and deadlines.
  const r = await ntm(['evaluate', repo('examples/dak-song-2023.json'), '--set', SET, '--plan', 'dak-song/2023', '--as-of', '2023-06-05', '--format', 'html', '--out', reportFile]);
  expect(r.code).toBe(0);
  server = await serve();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: found.path, headless: true, args: FLAGS });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe.runIf(runBrowser)('the HTML report in Chromium', () => {
  it('renders the matrix of 8 communes × 19 criteria, coloured by status, and loads nothing but itself', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(`${base}/report/report.html`);
    const rows = page.locator('table.matrix tbody tr');
    await expect.poll(() => rows.count()).toBe(8);
    for (let i = 0; i < 8; i++) expect(await rows.nth(i).locator('td[data-status]').count()).toBe(19);
    const colour = (status: string) => page.locator(`table.matrix td[data-status="${status}"]`).first().evaluate((td) => getComputedStyle(td).backgroundColor);
    const [met, notMet, undetermined] = [await colour('met'), await colour('not-met'), await colour('undetermined')];
    expect(new Set([met, notMet, undetermined]).size).toBe(3);
    expect(met).toBe('rgb(200, 230, 201)');
    expect(await page.locator('.legend .swatch').count()).toBe(4);
    expect(await page.locator('table.matrix tr[data-commune="truong-xuan"] th').textContent()).toBe('Trường Xuân');
    // Gaps with lead agency, requirement and shortfall; targets; the next deadlines.
    const gap = page.locator('section[data-commune="truong-xuan"] table.gaps tr', { hasText: '15.3' }).locator('td');
    expect(await gap.allTextContents()).toEqual(['15', expect.stringMatching(/^15\.3 /), 'Chưa đạt', '28,2 %', '≤ 26,5 %', '1,7 %', 'Phòng Y tế']);
    expect(await page.locator('table.targets tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('table.deadlines tbody tr').first().locator('td').nth(2).textContent()).toBe('2023-06-12');
    expect(await page.locator('table.gaps').first().isVisible()).toBe(true);
    expect(requests.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([`${base}/report/report.html`]);
    await page.close();
  });

  it('draws Vietnamese letters with their diacritics (no missing-glyph boxes)', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/report/report.html`);
    // Each letter drawn alone on a canvas: a font without the glyph draws the same box for all of
    // them, so distinct pictures mean real glyphs, and each differs from its bare base letter.
    const letters = ['a', 'ắ', 'ặ', 'ầ', 'o', 'ở', 'ơ', 'u', 'ư', 'D', 'Đ', 'y', 'ỷ'];
    const pictures = await page.evaluate((chars) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.font = '40px sans-serif';
      return chars.map((ch) => {
        ctx.clearRect(0, 0, 48, 64);
        ctx.fillText(ch, 4, 50);
        return Array.from(ctx.getImageData(0, 0, 48, 64).data.filter((_, i) => i % 4 === 3)).join(',');
      });
    }, letters);
    expect(new Set(pictures).size).toBe(letters.length);
    const heading = await page.locator('table.matrix tr[data-commune="dak-mol"] th').boundingBox();
    expect(heading?.width ?? 0).toBeGreaterThan(20);
    await page.close();
  });

  it('opens from a file with the network off', async () => {
    const page = await context.newPage();
    await context.setOffline(true);
    try {
      await page.goto(pathToFileURL(reportFile).href);
      expect(await page.locator('table.matrix td[data-status]').count()).toBe(8 * 19);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });
});

describe.runIf(runBrowser)('examples/web in Chromium', () => {
  it('evaluates the commune entered in the form with the browser bundle and shows the result', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForSelector('#ntm-form[data-ready="true"]');
    expect(await page.locator('fieldset.criterion').count()).toBe(19);
    await page.fill('#communeId', 'thu-nghiem');
    await page.fill('#name', 'Xã thử nghiệm');
    await page.fill('input[name="indicator:15.3"]', '30');
    await page.selectOption('select[name="indicator:3.2"]', 'Đạt');
    await page.selectOption('select[name="criterion:10"]', 'Không đạt');
    await page.click('#evaluate');
    await page.waitForSelector('#status');
    expect(await page.locator('#status').getAttribute('data-status')).toBe('not-met');
    expect(await page.locator('#status').textContent()).toContain('Xã thử nghiệm: Chưa đạt chuẩn');
    const gap = page.locator('#gaps tr[data-code="15.3"] td');
    expect(await gap.allTextContents()).toEqual(['15', '15.3', 'Chưa đạt', '30 %', '≤ 26,5 %', '3,5 %']);
    expect(await page.locator('#criteria-row td[data-status]').count()).toBe(19);
    expect(await page.locator('#criteria-row td').nth(9).getAttribute('data-status')).toBe('not-met');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the library’s error, with its path, for bad input', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForSelector('#ntm-form[data-ready="true"]');
    await page.fill('input[name="indicator:15.3"]', 'abc');
    await page.click('#evaluate');
    await page.waitForSelector('#error');
    expect(await page.locator('#error').textContent()).toMatch(/^indicators\.15\.3: 15\.3: expected a number/);
    await page.close();
  });
});
