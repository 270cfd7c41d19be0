import type { Reason } from '../schema/result.js';

const ORDER: readonly Reason['code'][] = ['missing', 'threshold-unknown', 'indicator-list-incomplete', 'undetermined-results', 'not-assessed', 'missing-data'];

/**
 * Reasons merged: each code once, its items the union in first-seen order, codes in a fixed order.
 * How a criterion's reasons become a commune's, a commune's a district condition's, and so on.
 *
 * @example mergeReasons([{ code: 'missing', items: ['15.3'] }], [{ code: 'missing', items: ['17.1'] }]) // [{ code: 'missing', items: ['15.3', '17.1'] }]
 */
export function mergeReasons(...lists: ReadonlyArray<readonly Reason[] | undefined>): Reason[] {
  const byCode = new Map<Reason['code'], Set<string>>();
  for (const list of lists) {
    for (const r of list ?? []) {
      let items = byCode.get(r.code);
      if (!items) byCode.set(r.code, (items = new Set()));
      for (const item of r.items) items.add(item);
    }
  }
  return ORDER.filter((c) => byCode.has(c)).map((code) => ({ code, items: [...byCode.get(code)!] }));
}
