import { describe, expect, it } from 'vitest';
import { getCriterionSet, loadCriterionSet, NtmError, formatPath } from '../../src/index.js';

const valid = () => structuredClone(getCriterionSet('dak-nong/commune-ntm/2022')) as Record<string, any>;

function loadError(json: unknown, file = 'my-set.json'): NtmError {
  try {
    loadCriterionSet(json, { file });
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected the file to be rejected');
}

describe('loadCriterionSet', () => {
  it('accepts the bundled file as text and returns a frozen set', () => {
    const set = loadCriterionSet(JSON.stringify(valid()));
    expect(set.id).toBe('dak-nong/commune-ntm/2022');
    expect(Object.isFrozen(set.criteria[14]!.indicators[2]!.requirement)).toBe(true);
  });

  it('names the file and the exact JSON path of a wrong value', () => {
    const bad = valid();
    bad.criteria[14].indicators[2].requirement.cases.TN.value = '26,5';
    const e = loadError(bad);
    expect(e.code).toBe('INVALID_RULE_FILE');
    expect(e.file).toBe('my-set.json');
    expect(e.issues[0]!.path).toEqual(['criteria', 14, 'indicators', 2, 'requirement', 'cases', 'TN', 'value']);
    expect(e.message).toContain('my-set.json');
    expect(e.message).toContain('$.criteria[14].indicators[2].requirement.cases.TN.value');
  });

  it('rejects unknown operators, unknown keys, bad JSON, and a percentage threshold above 100', () => {
    const op = valid();
    op.criteria[2].indicators[0].requirement.operator = '=>';
    expect(loadError(op).issues[0]!.path).toEqual(['criteria', 2, 'indicators', 0, 'requirement', 'operator']);

    const extra = valid();
    extra.criteria[2].indicators[0].requirement.path = '$..x';
    expect(loadError(extra).issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['criteria', 2, 'indicators', 0, 'requirement'] });

    expect(loadError('{"id": ').issues[0]).toMatchObject({ code: 'invalid-json', path: [] });

    const pct = valid();
    pct.criteria[2].indicators[0].requirement.value = 180;
    expect(loadError(pct).issues[0]!.path).toEqual(['criteria', 2, 'indicators', 0, 'requirement', 'value']);
  });

  it('checks the counts it records and the uniqueness of codes', () => {
    const counts = valid();
    counts.counts.encodedIndicators = 31;
    expect(loadError(counts).issues[0]!.path).toEqual(['counts', 'encodedIndicators']);

    const dup = valid();
    dup.criteria[2].indicators[1].code = '3.1';
    expect(loadError(dup).issues.map((i) => i.message).join()).toContain('duplicate indicator code "3.1"');

    const misplaced = valid();
    misplaced.criteria[2].indicators[1].code = '4.2';
    expect(loadError(misplaced).issues[0]!.message).toContain('does not belong to criterion "3"');
  });

  it('rejects a comparison on a yes/no indicator', () => {
    const bad = valid();
    bad.criteria[2].indicators[1].requirement = { kind: 'compare', operator: '>=', value: 1, source: { decision: 'X', confidence: 'verified' } };
    expect(loadError(bad).issues[0]!.message).toContain('needs a numeric measure');
  });

  it('throws UNKNOWN_SET for ids that are not bundled', () => {
    // @ts-expect-error -- not a bundled id: a literal is refused by the type, any string at run time
    expect(() => getCriterionSet('dak-nong/commune-ntm/1999')).toThrow(/no bundled criterion set/);
  });
});

describe('formatPath', () => {
  it('prints JSON paths the way users search for them', () => {
    expect(formatPath(['criteria', 14, 'indicators', 2])).toBe('$.criteria[14].indicators[2]');
    expect(formatPath(['indicators', '15.3'])).toBe('$.indicators["15.3"]');
  });
});
