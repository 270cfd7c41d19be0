import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCommuneSync, roadToStandard } from '../../src/index.js';
import { built, nodeProcess, repo } from '../cli/helpers.js';

const criteria = (met: number) => Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), i < met ? 'Đạt' : 'Không đạt']));

describe('revocation risk for any commune the facts file marks recognised', () => {
  const result = evaluateCommuneSync('national/commune-ntm/2024', { communeId: 'chieng-so', year: 2024, region: 'TDMNPB', criteria: criteria(8) });

  it('is given for a commune outside the plan, on results after the year it was recognised for', () => {
    const road = roadToStandard([result], { plan: 'dak-song/2023', facts: { 'chieng-so': { recognised: true, recognisedYear: 2022 } } });
    expect(road.communes[0]!.revocation).toMatchObject({ status: 'revocable' });
    const same = roadToStandard([result], { facts: { 'chieng-so': { recognised: true, recognisedYear: 2024 } } });
    expect(same.communes[0]!.revocation).toBeUndefined();
    expect(roadToStandard([result], { facts: { 'chieng-so': { security: 'safe' } } }).communes[0]!.revocation).toBeUndefined();
  });

  it('ntm roadmap --facts accepts "recognised": true and prints the risk', async () => {
    const facts = join(mkdtempSync(join(tmpdir(), 'ntm-recognised-')), 'facts.json');
    writeFileSync(facts, JSON.stringify({ communes: { 'chieng-so': { recognised: true, recognisedYear: 2022 } } }));
    const r = await nodeProcess([built().cli, 'roadmap', repo('examples/dien-bien-2024-appraisal.csv'), '--set', 'national/commune-ntm/2024', '--facts', facts, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const road = (JSON.parse(r.stdout) as { roadmap: { communes: Array<{ communeId: string; revocation?: { status: string } }> } }).roadmap;
    expect(road.communes.find((c) => c.communeId === 'chieng-so')!.revocation!.status).toBe('revocable');
    expect(road.communes.find((c) => c.communeId === 'quai-nua')!.revocation).toBeUndefined();
  });
});
