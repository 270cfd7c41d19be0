export { loadPlan, getPlan, listPlans } from './registry.js';
export { ownersOf, ownedBy, ownerAssignments, ownersLookup, agencyOf } from './owners.js';
export { findCommune, withOfficialNames } from './communes.js';
export { agencyWorkList, setSeries } from './work-list.js';
export { evaluateTargets, populationByCommune, targetsOf, type TargetData } from './targets.js';
export {
  reportingSchedule,
  upcomingDeadlines,
  overdueReports,
  lastDayFor,
  type CalendarOptions,
  type UpcomingDeadline,
  type OverdueReport,
} from './calendar.js';
export { evaluateCommune, evaluateCommuneSync, evaluateCommunes, evaluateCommuneStream, type SetOrId } from './evaluate.js';
