import { describe, expect, it } from 'vitest';
import { isEvaluationError, NtmError, type BatchEntry } from '../../src/index.js';
import { evaluateCommunes } from './untyped.js';
import { ENGINES, SET_1037, allMetInput } from './helpers.js';

describe.each(ENGINES)('evaluateCommunes (%s path)', (engine) => {
  it('returns one entry per input, in order, errors in place', async () => {
    const inputs: unknown[] = [
      allMetInput('a'),
      { communeId: 'b', year: 2023, indicators: { '15.3': 'abc' } },
      null,
      { communeId: 'c', year: 2023 },
      { communeId: 'a', year: 2023 },
      'not an object',
    ];
    const entries = await evaluateCommunes(SET_1037, inputs, { engine });
    expect(entries).toHaveLength(inputs.length);
    const summary = entries.map((e) => (isEvaluationError(e) ? `${e.index}:${e.error.code}` : `${e.communeId}:${e.status}`));
    expect(summary).toEqual(['a:met', '1:INVALID_INPUT', '2:INVALID_INPUT', 'c:undetermined', '4:DUPLICATE_COMMUNE', '5:INVALID_INPUT']);
    const dup = entries[4] as Extract<BatchEntry, { error: unknown }>;
    expect(dup).toMatchObject({ communeId: 'a', error: { issues: [{ code: 'duplicate-commune', path: ['communeId'] }] } });
    expect(dup.error.message).toContain('index 0');
    expect((entries[1] as Extract<BatchEntry, { error: unknown }>).communeId).toBe('b');
  });

  it('gives the same entries at any concurrency', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => ({ communeId: `c${i}`, year: 2023, indicators: { '15.3': 20 + i / 4, '3.1': 70 + i / 2 } }));
    const sequential = await evaluateCommunes(SET_1037, inputs, { engine });
    for (const concurrency of [2, 7, 64]) {
      expect(await evaluateCommunes(SET_1037, inputs, { engine, concurrency })).toEqual(sequential);
    }
  });

  it('handles an empty batch', async () => {
    expect(await evaluateCommunes(SET_1037, [], { engine })).toEqual([]);
  });
});

describe('evaluateCommunes arguments', () => {
  it('throws for a non-array batch or an unknown set, rather than returning fewer entries', async () => {
    await expect(evaluateCommunes(SET_1037, {} as unknown as unknown[])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const unknownId: string = 'nowhere/none/1'; // a literal that is not a bundled id does not compile
    await expect(evaluateCommunes(unknownId, [])).rejects.toBeInstanceOf(NtmError);
    await expect(evaluateCommunes(unknownId, [])).rejects.toMatchObject({ code: 'UNKNOWN_SET' });
  });
});
