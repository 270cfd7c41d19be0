import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type BatchEntry } from '../../src/index.js';
import { evaluateCommuneStream, evaluateCommunes } from './untyped.js';

const SET = 'dak-nong/commune-ntm/2022';

async function collect(it: AsyncIterable<BatchEntry>): Promise<BatchEntry[]> {
  const out: BatchEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('evaluateCommuneStream', () => {
  it('yields the first result before the input is read further (rows need not all be in memory)', async () => {
    let pulled = 0;
    async function* rows() {
      for (let i = 0; i < 100_000; i++) {
        pulled++;
        yield { communeId: `c${i}`, year: 2023, indicators: { '15.3': 20 + (i % 10) } };
      }
    }
    const stream = evaluateCommuneStream(SET, rows());
    const first = await stream.next();
    expect(first.done).toBe(false);
    expect(pulled).toBe(1);
    await stream.return(undefined);
    expect(pulled).toBe(1);
  });

  it('gives exactly what evaluateCommunes gives — duplicates, bad rows and all — on both engines (property)', async () => {
    const row = fc.record({
      communeId: fc.constantFrom('a', 'b', 'c', 'd'),
      year: fc.constantFrom(2023, 2019, 2024),
      indicators: fc.record({ '15.3': fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('26,5', 'abc', 'Đạt', 101)) }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(row, fc.constant(null), fc.constant({ year: 2023 })), { maxLength: 12 }), fc.constantFrom('compiled', 'json-rules-engine'), async (inputs, engine) => {
        const batch = await evaluateCommunes(SET, inputs, { engine: engine as 'compiled' });
        const streamed = await collect(evaluateCommuneStream(SET, inputs, { engine: engine as 'compiled' }));
        expect(streamed).toEqual(batch);
      }),
      { seed: 20231213, numRuns: 60 },
    );
  });

  it('accepts sync iterables and reports a set error before reading anything', async () => {
    const out = await collect(evaluateCommuneStream(SET, [{ communeId: 'x', year: 2023 }]));
    expect(out).toHaveLength(1);
    await expect(collect(evaluateCommuneStream('no/such/set' as string, [{}]))).rejects.toMatchObject({ code: 'UNKNOWN_SET' });
  });
});
