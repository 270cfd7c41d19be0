/**
 * What the library refuses in an input before it reads it as data, at every entry point: an
 * indicator value that is an object of another kind (a boxed number, a date) is an error, never
 * "no data"; an input whose reading throws (a getter, a proxy) is an `NtmError` at the path that
 * failed, never a raw error; options it does not know are refused.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCommune, evaluateCommuneStream, evaluateCommuneSync, evaluateCommunes, NtmError, parseCommuneInput } from '../../src/index.js';

const SET = 'dak-nong/commune-ntm/2022';
const base = { communeId: 'dak-mol', year: 2023, region: 'TN' as const };

const ODD_VALUES: ReadonlyArray<[string, unknown, readonly (string | number)[], string]> = [
  ['a boxed number', new Number(30), ['indicators', '15.3'], 'Number object'],
  ['a boxed number as the value', { value: new Number(30) }, ['indicators', '15.3', 'value'], 'Number object'],
  ['a boxed string', new String('30'), ['indicators', '15.3'], 'String object'],
  ['a date', new Date('2023-06-30'), ['indicators', '15.3'], 'Date'],
  ['a map', new Map([['value', 30]]), ['indicators', '15.3'], 'Map object'],
];

describe('indicator values that are objects of another kind', () => {
  it.each(ODD_VALUES)('%s is an error at its path, in every entry point', async (_label, value, path, kind) => {
    const input = { ...base, indicators: { '15.3': value } } as never;
    const check = (e: unknown): void => {
      expect(e).toBeInstanceOf(NtmError);
      expect((e as NtmError).code).toBe('INVALID_INPUT');
      expect((e as NtmError).issues).toEqual([expect.objectContaining({ code: 'not-plain-value', path })]);
      expect((e as NtmError).issues[0]!.message).toContain(kind);
    };
    expect(() => parseCommuneInput(input)).toThrow(NtmError);
    try {
      evaluateCommuneSync(SET, input);
      expect.unreachable();
    } catch (e) {
      check(e);
    }
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      await evaluateCommune(SET, input, { engine }).then(() => expect.unreachable(), check);
      const [entry] = await evaluateCommunes(SET, [input], { engine });
      expect(entry).toMatchObject({ index: 0, error: { code: 'INVALID_INPUT', issues: [{ code: 'not-plain-value', path }] } });
    }
  });

  it('plain values still read as before', async () => {
    const r = await evaluateCommune(SET, { ...base, indicators: { '15.3': 24.1 } });
    expect(r.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')?.status).toBe('met');
  });
});

describe('an input whose reading throws', () => {
  const getter = (): never =>
    ({
      ...base,
      get indicators(): unknown {
        throw new Error('boom');
      },
    }) as never;
  const indicatorGetter = (): never =>
    ({
      ...base,
      indicators: Object.defineProperty({}, '15.3', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
    }) as never;
  const proxy = (): never =>
    new Proxy({ ...base, indicators: {} }, {
      get() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
    }) as never;

  it.each([
    ['a getter of a field', getter, ['indicators']],
    ['a getter of an indicator', indicatorGetter, ['indicators', '15.3']],
    ['a proxy', proxy, []],
  ] as const)('%s gives an NtmError at the path that failed, in every entry point', async (_label, make, path) => {
    const expected = { code: 'INVALID_INPUT', issues: [expect.objectContaining({ code: 'unreadable-input', path })] };
    expect(() => evaluateCommuneSync(SET, make())).toThrow(NtmError);
    expect(() => parseCommuneInput(make())).toThrow(NtmError);
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      await expect(evaluateCommune(SET, make(), { engine })).rejects.toMatchObject(expected);
      const entries = await evaluateCommunes(SET, [make(), { ...base, communeId: 'other', indicators: {} }], { engine });
      expect(entries).toHaveLength(2);
      expect(entries[0]).toMatchObject({ index: 0, error: expected });
      expect('error' in entries[1]!).toBe(false);
    }
  });
});

describe('options', () => {
  it('an unknown engine is refused by every entry point', async () => {
    const options = { engine: 'fast' } as never;
    const refused = { code: 'INVALID_ARGUMENT', issues: [{ code: 'unknown-engine', path: ['engine'] }] };
    await expect(evaluateCommune(SET, { ...base, indicators: {} }, options)).rejects.toMatchObject(refused);
    await expect(evaluateCommunes(SET, [{ ...base, indicators: {} }], options)).rejects.toMatchObject(refused);
    await expect(evaluateCommuneStream(SET, [{ ...base, indicators: {} }], options).next()).rejects.toMatchObject(refused);
    expect(() => evaluateCommuneSync(SET, { ...base, indicators: {} }, options)).toThrow(/no evaluation engine "fast"/);
  });

  it('options that are not an object are refused', async () => {
    await expect(evaluateCommune(SET, { ...base, indicators: {} }, null as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', issues: [{ code: 'options-not-object' }] });
  });
});
