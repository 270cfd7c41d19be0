import { describe, expect, it } from 'vitest';
import { evaluateCommune } from '../../src/index.js';

describe('evaluateCommune (smoke)', () => {
  it('judges 15.3 against the Tây Nguyên column on both paths', async () => {
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'x', year: 2023, indicators: { '15.3': 26.6 } }, { engine });
      const i = r.criteria[14]!.indicators[2]!;
      expect(i.code).toBe('15.3');
      expect(i.status).toBe('not-met');
      expect(i.shortfall).toBe(0.1);
    }
  });
});
