import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { built } from '../cli/helpers.js';
import { fingerprint, getCriterionSet, listCriterionSets, loadCriterionSet, type CriterionSet } from '../../src/index.js';
import { canonicalJson } from '../../src/rules/canonical.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const clone = (id: string): Record<string, any> => structuredClone(getCriterionSet(id)) as Record<string, any>;
/** Keys in reverse order at every depth: same data, other insertion order. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;

/** A minimal set, written here so its fingerprint can be pinned independently of the bundled rules. */
const FIXTURE = {
  id: 'test/fingerprint/2024',
  kind: 'test/fingerprint',
  level: 'commune',
  nameVi: 'Bộ tiêu chí thử',
  nameEn: 'Test set',
  legalBasis: { number: '0/TEST', date: '2024-03-01', issuer: 'test fixture' },
  effectiveFrom: '2024-03-01',
  dimensions: { region: { kind: 'column', nameVi: 'Vùng', nameEn: 'Region', columns: [{ key: 'TN' }], default: 'TN' } },
  counts: { criteria: 1, declaredIndicators: 1, encodedIndicators: 1, source: 'test' },
  criteria: [
    {
      number: '15',
      nameVi: 'Y tế',
      nameEn: 'Health',
      indicatorList: 'complete',
      indicators: [
        {
          code: '15.3',
          nameVi: 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi',
          nameEn: 'Stunting rate',
          measure: { type: 'percent', unit: '%' },
          requirement: { kind: 'compare', operator: '<=', value: 26.5, source: 'test' },
          source: 'test',
        },
      ],
      source: 'test',
    },
  ],
  sources: { test: { decision: '0/TEST', confidence: 'verified' } },
};

describe('fingerprint', () => {
  it('is the SHA-256 of the canonical JSON of the validated set (pinned for a fixed set)', () => {
    const set = loadCriterionSet(structuredClone(FIXTURE));
    const { $schema: _hint, ...content } = set;
    expect(fingerprint(set)).toBe(createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'));
    expect(fingerprint(set)).toBe('a75d498efc4446765a9adb2f640bca6fe9eae21c8afda4eee1c471584bab45b1');
  });

  it('is the same in another process (stable across runs and machines: no randomness, no platform crypto)', () => {
    // The built library (as `npm run build` makes it), in a fresh Node process.
    const script = `import { fingerprint } from ${JSON.stringify(pathToFileURL(built().library).href)}; console.log(JSON.stringify(['dak-nong/commune-ntm/2022', 'national/commune-ntm/2016', 'national/district-ntm/2022'].map((id) => fingerprint(id))));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual(['dak-nong/commune-ntm/2022', 'national/commune-ntm/2016', 'national/district-ntm/2022'].map((id) => fingerprint(id)));
  });

  it('does not depend on key order, defaults written out, or the $schema hint', () => {
    const id = 'dak-nong/commune-ntm/2022';
    const original = fingerprint(id);
    expect(fingerprint(loadCriterionSet(reversed(clone(id))))).toBe(original);
    expect(fingerprint(loadCriterionSet({ ...clone(id), $schema: './schema.json' }))).toBe(original);
    // `applicability` defaults to "always": writing it out is the same set.
    const explicit = clone(id);
    explicit.criteria[14].indicators[2].applicability = 'always';
    expect(fingerprint(loadCriterionSet(explicit))).toBe(original);
  });

  it('gives every bundled set its own fingerprint', () => {
    const fps = listCriterionSets().map((s) => fingerprint(s.id));
    expect(new Set(fps).size).toBe(fps.length);
    for (const fp of fps) expect(fp).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any requirement, code, name or source change (1037: 15.3 ≤ 26.5 % for Tây Nguyên)', () => {
    const id = 'dak-nong/commune-ntm/2022';
    // Edited under the bundled id, a copy must say it is one (derivedFrom); the original says so too.
    const marked = (): Record<string, any> => ({ ...clone(id), derivedFrom: { setId: id, fingerprint: fingerprint(id) } });
    const original = fingerprint(loadCriterionSet(marked()));
    const edits: Array<[string, (s: Record<string, any>) => void]> = [
      ['15.3 threshold 26.5 → 26.4', (s) => { s.criteria[14].indicators[2].requirement.cases.TN.value = 26.4; }],
      ['15.3 operator ≤ → <', (s) => { s.criteria[14].indicators[2].requirement.cases.TN.operator = '<'; }],
      ['15.3 source confidence', (s) => { s.criteria[14].indicators[2].requirement.cases.TN.source.confidence = 'verified'; }],
      ['15.3 → 15.5 code', (s) => { s.criteria[14].indicators[2].code = '15.5'; }],
      ['15.3 name', (s) => { s.criteria[14].indicators[2].nameEn += ' (edited)'; }],
      ['indicator source url', (s) => { s.criteria[14].indicators[2].source.url = 'https://example.org/other'; }],
      ['region override class', (s) => { s.dimensions.region.overrides[0].column = 'TN'; }],
      ['effective date', (s) => { s.effectiveFrom = '2022-06-23'; }],
    ];
    const seen = new Set([original]);
    for (const [label, edit] of edits) {
      const s = marked();
      edit(s);
      const fp = fingerprint(loadCriterionSet(s));
      expect(fp, label).not.toBe(original);
      seen.add(fp);
    }
    expect(seen.size).toBe(edits.length + 1);
  });

  it('accepts a set id or a set object alike', () => {
    const set: CriterionSet = getCriterionSet('national/commune-model/2022');
    expect(fingerprint(set)).toBe(fingerprint('national/commune-model/2022'));
  });
});
