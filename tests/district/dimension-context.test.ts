import { describe, expect, it } from 'vitest';
import { evaluateDistrict, evaluateModelCommune, NtmError } from '../../src/index.js';

/**
 * District and model-commune conditions resolve with the same dimension context as a commune:
 * the input's `dimensions` (or `region`), checked against the set; the date of the year.
 */
describe('the dimension context of district and model-commune conditions', () => {
  const refused = (run: () => unknown): NtmError => {
    try {
      run();
    } catch (e) {
      return e as NtmError;
    }
    throw new Error('expected a refusal');
  };

  it('a model commune takes its region as a dimension, the same as the field', () => {
    const base = { communeId: 'x', year: 2025, income: 80 };
    const byField = evaluateModelCommune('national/commune-model/2022', { ...base, region: 'TN' });
    const byRecord = evaluateModelCommune('national/commune-model/2022', { ...base, dimensions: { region: 'TN' } });
    expect(byRecord).toEqual(byField);
    expect(byRecord.region).toBe('TN');
  });

  it('refuses a dimension or a column the set does not declare, at its path', () => {
    const e = refused(() => evaluateModelCommune('national/commune-model/2022', { communeId: 'x', year: 2025, dimensions: { soil: 'clay' } }));
    expect(e).toBeInstanceOf(NtmError);
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([['unknown-dimension', ['dimensions', 'soil']]]);
    const d = refused(() =>
      evaluateDistrict('national/district-ntm/2022', { districtId: 'd', year: 2023, dimensions: { region: 'XX' }, communes: [{ communeId: 'c', setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'met' }] }),
    );
    expect(d.issues.map((i) => [i.code, i.path])).toEqual([['unknown-column', ['dimensions', 'region']]]);
  });
});
