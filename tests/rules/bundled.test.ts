import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/rules/bundled.js';
import { getCriterionSet, loadCriterionSet, NtmError } from '../../src/index.js';

const data = structuredClone(getCriterionSet('dak-nong/commune-ntm/2022'));

describe('bundledRegistry', () => {
  it('loads a file once, by its id, and answers undefined for other ids', () => {
    let loads = 0;
    const registry = bundledRegistry({ 'dak-nong/commune-ntm/2022': { file: 'a.json', data } }, (d, o) => (loads++, loadCriterionSet(d, o)), 'id', 'INVALID_RULE_FILE');
    expect(registry.get('dak-nong/commune-ntm/2022')?.id).toBe('dak-nong/commune-ntm/2022');
    expect(registry.get('dak-nong/commune-ntm/2022')).toBe(registry.get('dak-nong/commune-ntm/2022'));
    expect(loads).toBe(1);
    expect(registry.get('other/set/1')).toBeUndefined();
    expect(registry.get('__proto__')).toBeUndefined();
    expect(registry.fileOf('dak-nong/commune-ntm/2022')).toBe('a.json');
  });

  it('refuses a file registered under another id, naming the file and the field', () => {
    const registry = bundledRegistry({ 'x/y/1': { file: 'b.json', data } }, loadCriterionSet, 'id', 'INVALID_RULE_FILE');
    let error: unknown;
    try {
      registry.get('x/y/1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NtmError);
    expect(error).toMatchObject({ code: 'INVALID_RULE_FILE', file: 'b.json', issues: [{ code: 'id-mismatch', path: ['id'] }] });
  });
});
