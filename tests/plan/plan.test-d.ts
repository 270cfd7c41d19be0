import { describe, expectTypeOf, it } from 'vitest';
import {
  evaluateTargets,
  ownersOf,
  reportingSchedule,
  summarizeDistrict,
  upcomingDeadlines,
  type Obligation,
  type Plan,
  type TargetKind,
  type TargetOutcome,
  type TargetStatus,
} from '../../src/index.js';

describe('plan API types', () => {
  it('takes a plan or its id, and returns plain data', () => {
    expectTypeOf(ownersOf).parameter(1).toEqualTypeOf<string | Plan | undefined>();
    expectTypeOf(ownersOf).returns.toEqualTypeOf<string[]>();
    expectTypeOf(reportingSchedule).returns.toEqualTypeOf<Obligation[]>();
    expectTypeOf<Obligation['dueBefore']>().toEqualTypeOf<string>();
    expectTypeOf(upcomingDeadlines).returns.items.toHaveProperty('daysLeft').toEqualTypeOf<number>();
    expectTypeOf(evaluateTargets).returns.toEqualTypeOf<TargetOutcome[]>();
    expectTypeOf(summarizeDistrict).returns.toHaveProperty('meanCriteriaMet').toEqualTypeOf<number>();
  });

  it('names the statuses and kinds the issue fixes', () => {
    expectTypeOf<TargetStatus>().toEqualTypeOf<'achieved' | 'not-achieved' | 'undetermined'>();
    expectTypeOf<TargetOutcome['kind']>().toEqualTypeOf<TargetKind>();
    expectTypeOf<TargetKind>().toEqualTypeOf<'reach-standard' | 'keep-standard' | 'gain-criteria' | 'advanced-criteria' | 'district-figure'>();
    expectTypeOf<Obligation['kind']>().toEqualTypeOf<'monthly' | 'quarterly' | 'six-month' | 'nine-month' | 'annual' | 'commune-plan'>();
  });
});
