import type { Plan, PlanCommune } from '../schema/plan.js';
import { foldText } from '../evaluate/words.js';
import { resolvePlan } from './registry.js';

const byName = new WeakMap<Plan, ReadonlyMap<string, PlanCommune>>();

/** Folded id, official name and aliases of every commune, built once per plan. */
function nameIndex(plan: Plan): ReadonlyMap<string, PlanCommune> {
  const hit = byName.get(plan);
  if (hit) return hit;
  const map = new Map<string, PlanCommune>();
  for (const c of plan.communes) {
    for (const n of [c.id, c.nameVi, ...c.aliases]) map.set(foldText(n), c);
  }
  byName.set(plan, map);
  return map;
}

/**
 * The plan's commune named by an id, its official name or an alias (the plan's own spellings),
 * ignoring case and accents; `undefined` when none matches.
 *
 * @example findCommune('Đắk Môt')?.id   // 'dak-mol'
 * @example findCommune("Năm N'Jang")?.nameVi // "Nâm N'Jang"
 */
export function findCommune(nameOrId: string, planOrId?: string | Plan): PlanCommune | undefined {
  const plan = resolvePlan(planOrId);
  return plan.communes.find((c) => c.id === nameOrId) ?? nameIndex(plan).get(foldText(nameOrId));
}

/**
 * A text of the plan (a target as the plan words it) with every commune it names in an alias —
 * the plan's own misspellings, recorded in the commune's `aliases` — written by its official
 * name. The plan's words are kept otherwise; a report never prints an alias as a name.
 *
 * @example withOfficialNames('Xã Đắk Môt: Tiếp tục hoàn thiện…', 'dak-song/2023') // 'Xã Đắk Môl: Tiếp tục hoàn thiện…'
 */
export function withOfficialNames(text: string, planOrId?: string | Plan): string {
  const plan = resolvePlan(planOrId);
  let out = text;
  for (const c of plan.communes) {
    for (const alias of c.aliases) {
      // Whole words only: an alias inside a longer name is not that commune.
      const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'gu'), c.nameVi);
    }
  }
  return out;
}
