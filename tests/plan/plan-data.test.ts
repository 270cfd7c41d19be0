import { describe, expect, it } from 'vitest';
import { getPlan, listPlans, loadPlan, NtmError, PlanSchema, type PlanInput } from '../../src/index.js';
import { codesAssigned, seedSays, tasksSections } from './seed.js';

const plan = getPlan('dak-song/2023');

/** Which III.2 subsection assigns tasks to which agency. */
const SECTION_OF: Record<string, string> = {
  'commune-committees': '2.1',
  'finance-planning': '2.2',
  'economy-infrastructure': '2.3',
  agriculture: '2.4',
  education: '2.5',
  'culture-information': '2.6',
  'labour-social': '2.7',
  statistics: '2.8',
  health: '2.9',
  environment: '2.10',
  'womens-union': '2.11',
  'home-affairs': '2.12',
  justice: '2.13',
  military: '2.14',
  police: '2.15',
  'ntm-office': '2.16',
};

describe('the Đắk Song 2023 plan file', () => {
  it('is bundled and validates', () => {
    expect(listPlans()).toContain('dak-song/2023');
    expect(plan.id).toBe('dak-song/2023');
    expect(plan.year).toBe(2023);
    expect(Object.isFrozen(plan.agencies)).toBe(true);
  });

  it('has the 16 units of the digest, in order, each under a heading of section III.2, and the actors of section IV', () => {
    expect(plan.agencies.map((a) => a.id)).toEqual([
      'economy-infrastructure', 'agriculture', 'education', 'culture-information', 'labour-social', 'statistics',
      'health', 'environment', 'womens-union', 'home-affairs', 'justice', 'military', 'police', 'ntm-office',
      'finance-planning', 'fatherland-front', 'mass-organisations', 'commune-committees',
    ]);
    const sections = tasksSections();
    for (const a of plan.agencies.filter((x) => x.source.provision?.startsWith('III'))) {
      const heading = sections[SECTION_OF[a.id]!]!.heading;
      const named = [a.nameVi, a.shortNameVi].some((n) => n !== undefined && heading.includes(n));
      expect(named, `${a.id}: "${heading}"`).toBe(true);
      expect(a.nameEn.length).toBeGreaterThan(0);
      expect(a.source.provision).toContain(`III.${SECTION_OF[a.id]}`);
    }
  });

  it('has the 8 communes with the digest ids, official names and the seed spellings as aliases', () => {
    expect(plan.communes.map((c) => [c.id, c.nameVi])).toEqual([
      ['dak-mol', 'Đắk Môl'],
      ['dak-n-drung', "Đắk N'Drung"],
      ['truong-xuan', 'Trường Xuân'],
      ['nam-binh', 'Nam Bình'],
      ['nam-n-jang', "Nâm N'Jang"],
      ['thuan-hanh', 'Thuận Hạnh'],
      ['thuan-ha', 'Thuận Hà'],
      ['dak-hoa', 'Đắk Hòa'],
    ]);
    expect(plan.communes.find((c) => c.id === 'dak-mol')!.aliases).toEqual(['Đắk Môt']);
    expect(plan.communes.find((c) => c.id === 'nam-n-jang')!.aliases).toEqual(["Năm N'Jang"]);
    const recognised = plan.communes.filter((c) => c.statusAtStart === 'recognised-2016-2021').map((c) => c.id);
    expect(recognised).toEqual(['nam-binh', 'nam-n-jang', 'thuan-hanh', 'thuan-ha', 'dak-hoa']);
  });

  it('quotes the plan verbatim wherever it gives the plan’s Vietnamese words', () => {
    const quotes: string[] = [
      plan.document.numberAsWritten,
      plan.document.dateAsWritten,
      ...plan.agencies.flatMap((a) => [a.nameVi, ...(a.shortNameVi ? [a.shortNameVi] : []), ...a.partnersVi, ...a.dutiesVi]),
      ...plan.ownership.assignments.flatMap((o) =>
        'indicator' in o ? [o.wordingVi, o.aspect?.nameVi, o.sector?.nameVi].filter((x): x is string => x !== undefined) : [],
      ),
      ...plan.communes.flatMap((c) => c.aliases),
      ...plan.targets.map((t) => t.textVi),
      plan.reporting.reportersVi,
      ...plan.reporting.submitTo.recipients.map((r) => r.nameVi),
      plan.reporting.submitTo.email!,
      ...plan.reporting.periodic.map((p) => p.textVi),
      ...plan.reporting.deadlines.flatMap((d) => [d.textVi, ...d.submitTo.recipients.map((r) => r.nameVi)]),
      ...plan.legalFrame.map((l) => l.number),
      ...plan.legalFrame.map((l) => l.date.split('-').reverse().map(Number).join('/')),
    ];
    expect(quotes.length).toBeGreaterThan(60);
    for (const q of quotes) expect(seedSays(q), q).toBe(true);
  });

  it('cites a plan section for every assignment, commune, target and reporting rule', () => {
    const sources = [
      ...plan.ownership.assignments.map((o) => o.source),
      ...plan.communes.map((c) => c.source),
      ...plan.targets.map((t) => t.source),
      ...plan.reporting.periodic.map((p) => p.source),
      ...plan.reporting.deadlines.map((d) => d.source),
      plan.reporting.before.source,
      plan.reporting.reporters.source,
    ];
    for (const s of sources) {
      expect(s.decision).toMatch(/Đắk Song/);
      expect(s.provision).toMatch(/^(II|III|IV)\.\d/);
    }
    // Readings the text leaves open are marked as such, never as verified.
    expect(plan.reporting.before.source.confidence).toBe('inferred');
    expect(plan.targets.find((t) => t.id === 'truong-xuan-gain-criteria')!.source.confidence).toBe('inferred');
  });

  it('assigns exactly the codes each III.2 subsection names', () => {
    const sections = tasksSections();
    for (const a of plan.agencies.filter((x) => x.source.provision?.startsWith('III'))) {
      const fromSeed = codesAssigned(sections[SECTION_OF[a.id]!]!.body);
      const fromFile = plan.ownership.assignments.filter((o) => o.agency === a.id).map((o) => ('criterion' in o ? o.criterion : o.indicator));
      expect([...fromFile].sort(), a.id).toEqual([...fromSeed].sort());
      for (const o of plan.ownership.assignments.filter((x) => x.agency === a.id)) {
        expect(o.source.provision).toBe(`III.${SECTION_OF[a.id]}`);
      }
    }
  });
});

describe('loadPlan', () => {
  const raw = (): PlanInput => JSON.parse(JSON.stringify(plan)) as PlanInput;

  it('accepts the bundled plan as JSON text', () => {
    expect(loadPlan(JSON.stringify(plan)).ownership.assignments.length).toBe(plan.ownership.assignments.length);
  });

  it.each([
    ['an unknown agency in an assignment', (p: PlanInput) => { p.ownership.assignments[0]!.agency = 'roads'; }, ['ownership', 'assignments', 0, 'agency']],
    ['an unknown commune in a target', (p: PlanInput) => { (p.targets[0] as { communeId: string }).communeId = 'nowhere'; }, ['targets', 0, 'communeId']],
    ['a duplicate agency id', (p: PlanInput) => { p.agencies[1]!.id = p.agencies[0]!.id; }, ['agencies', 1, 'id']],
    ['an alias naming two communes', (p: PlanInput) => { p.communes[1]!.aliases = ['Đắk Môt']; }, ['communes', 1, 'aliases', 0]],
    ['an indicator of a criterion owned whole', (p: PlanInput) => { p.ownership.assignments.push({ agency: 'health', indicator: '15.3', source: p.ownership.assignments[0]!.source }); }, ['ownership', 'assignments', p0Length(), 'indicator']],
    ['a split owner without its sector', (p: PlanInput) => { delete (p.ownership.assignments.find((o) => 'sector' in o && o.agency === 'health') as { sector?: unknown }).sector; }, ['ownership', 'assignments']],
    ['an unknown key', (p: PlanInput) => { (p as Record<string, unknown>).extra = 1; }, []],
    ['a bad date', (p: PlanInput) => { p.reporting.deadlines[0]!.dueBefore = '2023-02-30'; }, ['reporting', 'deadlines', 0, 'dueBefore']],
    ['a 93 % target above 100', (p: PlanInput) => { (p.targets.find((t) => t.kind === 'district-figure') as { value: number }).value = 930; }, ['targets']],
  ])('rejects %s with INVALID_PLAN and its path', (_name, mutate, path) => {
    const p = raw();
    mutate(p);
    try {
      loadPlan(p);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NtmError);
      const err = e as NtmError;
      expect(err.code).toBe('INVALID_PLAN');
      expect(err.issues.some((i) => path.every((part, k) => i.path[k] === part))).toBe(true);
    }
  });

  it('rejects unknown plan ids with INVALID_ARGUMENT', () => {
    expect(() => getPlan('dak-song/2024')).toThrow(/no bundled plan "dak-song\/2024"/);
  });

  it('has a schema that round-trips the bundled plan unchanged', () => {
    expect(PlanSchema.parse(raw())).toEqual(plan);
  });
});

function p0Length(): number {
  return plan.ownership.assignments.length;
}
