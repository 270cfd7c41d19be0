import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { built, repo } from './helpers.js';

describe('examples/analyst-script.ts', () => {
  it('writes the reports with owners, targets and deadlines, and prints the agencies’ open items', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ntm-analyst-'));
    const { stdout } = await promisify(execFile)(process.execPath, [built().scripts.analyst, out], { cwd: repo('.') });
    expect(stdout).toMatch(/health\s+5 in 2 commune\(s\)/);
    expect(stdout).toContain('District: 3/8 communes meet dak-nong/commune-ntm/2022');
    const html = readFileSync(join(out, 'bao-cao.html'), 'utf8');
    expect(html).toContain('<h2 id="deadlines">');
    expect(html).toContain('Phòng Y tế');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## Targets');
  });
});
