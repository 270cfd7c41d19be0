import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint, getCriterionSet, getPlan, getRecognitionRules, loadCriterionSet, loadPlan, loadRecognitionRules, NtmError } from '../../src/index.js';
import { jsonSchemaFiles } from '../../schemas/generate.js';

const text = readFileSync(new URL('../fixtures/commune-group-set.json', import.meta.url), 'utf8');
const loadError = (data: unknown): NtmError => {
  try {
    loadCriterionSet(data);
  } catch (e) {
    return e as NtmError;
  }
  throw new Error('expected the set to be rejected');
};
const DOC = { decision: 'TEST-GROUP', url: 'https://example.org/test-group', confidence: 'verified' as const, note: 'Made up for the test.' };

/** The fixture with its one source written in full, and the same set citing a declared document. */
function both(): { full: Record<string, any>; cited: Record<string, any> } {
  const full = JSON.parse(text);
  full.sources.test = { decision: DOC.decision, provision: 'Art. 2', url: DOC.url, confidence: DOC.confidence, note: DOC.note };
  const cited = JSON.parse(text);
  cited.documents = { 'test-group': structuredClone(DOC) };
  cited.sources.test = { document: 'test-group', provision: 'Art. 2' };
  return { full, cited };
}

describe('a document declared once and cited with its provision', () => {
  it('expands each citation into the full source: the loaded set and its fingerprint are those of the set written in full', () => {
    const { full, cited } = both();
    const a = loadCriterionSet(full);
    const b = loadCriterionSet(cited);
    expect(b.criteria[0]!.indicators[0]!.source).toEqual({ decision: 'TEST-GROUP', provision: 'Art. 2', url: DOC.url, confidence: 'verified', note: DOC.note });
    expect(b).toEqual(a);
    expect(fingerprint(b)).toBe(fingerprint(a));
    expect('documents' in b).toBe(false);
  });

  it('cites a document inline where a source is written, and lets a citation state its own confidence and note', () => {
    const { cited } = both();
    cited.criteria[0].indicators[0].source = { document: 'test-group', provision: 'Art. 3', confidence: 'inferred', note: 'Read from a summary.' };
    const set = loadCriterionSet(cited);
    expect(set.criteria[0]!.indicators[0]!.source).toEqual({ decision: 'TEST-GROUP', provision: 'Art. 3', url: DOC.url, confidence: 'inferred', note: 'Read from a summary.' });
    // The other references to the registry entry still cite Art. 2.
    expect(set.criteria[0]!.source).toMatchObject({ provision: 'Art. 2' });
  });

  it('rejects a citation of an undeclared document, and a malformed document where it is declared', () => {
    const { cited } = both();
    cited.criteria[0].indicators[0].source = { document: 'nowhere', provision: 'Art. 1' };
    cited.documents['test-group'].confidence = 'sure';
    const e = loadError(cited);
    expect(e.code).toBe('INVALID_RULE_FILE');
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_value', ['documents', 'test-group', 'confidence']],
      ['unknown-document', ['sources', 'test', 'document']],
      ['unknown-document', ['criteria', 0, 'indicators', 0, 'source', 'document']],
    ]);
  });

  it('rejects a citation with a field a citation does not have, at its path', () => {
    const { cited } = both();
    cited.criteria[0].indicators[0].source = { document: 'test-group', provison: 'Art. 1' };
    expect(loadError(cited).issues.map((i) => [i.code, i.path])).toEqual([['unrecognized_keys', ['criteria', 0, 'indicators', 0, 'source']]]);
  });

  it('the bundled advanced set (1038/QĐ-UBND) declares its document once; each criterion cites it at its own provision', () => {
    const raw = JSON.parse(readFileSync(new URL('../../rules/sets/dak-nong/1038-qd-ubnd-2022.json', import.meta.url), 'utf8'));
    const url = 'http://snnptnt.daknong.gov.vn/Bai-Viet-Chi-Tiet/617/dak-nong-ban-hanh-bo-tieu-chi-ntm-giai-doan-2021-2025';
    expect(text.split(url).length - 1).toBe(0);
    expect(JSON.stringify(raw).split(url).length - 1).toBe(2); // the document, and the agriculture department's news item
    const set = getCriterionSet('dak-nong/commune-ntm-advanced/2022');
    for (const c of set.criteria) expect(c.source).toMatchObject({ decision: '1038/QĐ-UBND', provision: `criterion ${c.number}`, url, confidence: 'single-source' });
  });

  it('the file schemas accept a citation wherever a source is written, and a documents table', () => {
    for (const file of ['criterion-set.schema.json', 'set-patch.schema.json']) {
      const schema = JSON.parse(jsonSchemaFiles()[file]!) as { properties: Record<string, unknown> };
      expect(Object.keys(schema.properties), file).toContain('documents');
      expect(jsonSchemaFiles()[file], file).toContain('The id of a document declared in the file');
    }
  });
});

describe('every other rule file cites its documents the same way (plans, recognition, province rules, reorganisations)', () => {
  const rawRecognition = (): Record<string, any> => JSON.parse(readFileSync(new URL('../../rules/recognition/18-qd-ttg-2022.json', import.meta.url), 'utf8'));

  it('the bundled plan declares its document once, and every assignment still carries the full source', () => {
    const raw = readFileSync(new URL('../../rules/plans/dak-song/2023.json', import.meta.url), 'utf8');
    const decision = JSON.parse(raw).documents['ke-hoach-ntm-nam-2023-cua-ubnd-huyen'].decision as string;
    expect(raw.split(JSON.stringify(decision)).length - 1).toBe(1);
    const plan = getPlan('dak-song/2023');
    expect(plan.ownership.assignments.length).toBeGreaterThan(20);
    for (const a of plan.ownership.assignments) expect(a.source).toMatchObject({ decision, confidence: 'verified' });
    expect('documents' in plan).toBe(false);
  });

  it('loads recognition rules written with citations as the same rules written in full', () => {
    const raw = rawRecognition();
    expect(loadRecognitionRules(raw)).toEqual(getRecognitionRules('national/recognition/2022'));
    expect(raw.commune.conditions[0].source).toHaveProperty('document');
    expect(getRecognitionRules('national/recognition/2022').commune.conditions[0]!.source).toHaveProperty('decision', '18/2022/QĐ-TTg');
  });

  it('refuses a citation of an undeclared document, in the file kind\'s own error, at its path', () => {
    const raw = rawRecognition();
    raw.commune.conditions[0].source = { document: 'nowhere', provision: 'Art. 1' };
    expect(() => loadRecognitionRules(raw)).toThrow(NtmError);
    try {
      loadRecognitionRules(raw);
    } catch (e) {
      expect((e as NtmError).code).toBe('INVALID_RULE_FILE');
      expect((e as NtmError).issues.map((i) => [i.code, i.path])).toEqual([['unknown-document', ['commune', 'conditions', 0, 'source', 'document']]]);
    }
    const plan = JSON.parse(readFileSync(new URL('../../rules/plans/dak-song/2023.json', import.meta.url), 'utf8'));
    plan.documents = { x: { decision: 'X', confidence: 'sure' } };
    try {
      loadPlan(plan);
      throw new Error('expected the plan to be rejected');
    } catch (e) {
      expect((e as NtmError).code).toBe('INVALID_PLAN');
      expect((e as NtmError).issues.map((i) => i.path)).toContainEqual(['documents', 'x', 'confidence']);
    }
  });
});
