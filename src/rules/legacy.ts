/**
 * Rule files written for versions before dimensions were declared — a top-level `region` and
 * `regionOverrides`, and `by-region` / `by-year` requirements — read as the current format: the
 * region becomes a declared column dimension with its overrides, `by-region` a `by` on `region`,
 * `by-year` a `by` on `date` keyed by the first day of each year. Files already in the current
 * format are returned unchanged. Bundled files are all current; this keeps users' files loading.
 */

const REGION_COLUMNS = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A requirement in the current form: `by-region` and `by-year` nodes rewritten as `by` nodes.
 *
 * @example upgradeRequirement({ kind: 'by-year', years: [{ from: 2023, requirement: r }] }) // { kind: 'by', dimension: 'date', cases: { '2023-01-01': r } }
 */
export function upgradeRequirement(spec: unknown): unknown {
  if (!isObject(spec)) return spec;
  if (spec.kind === 'by-region' && isObject(spec.regions)) {
    const { kind: _k, regions, otherwise, ...rest } = spec;
    const cases: Json = {};
    for (const [r, leaf] of Object.entries(regions as Json)) cases[r] = upgradeRequirement(leaf);
    return { kind: 'by', dimension: 'region', cases, ...(otherwise === undefined ? {} : { otherwise: upgradeRequirement(otherwise) }), ...rest };
  }
  if (spec.kind === 'by-year' && Array.isArray(spec.years)) {
    const { kind: _k, years, ...rest } = spec;
    const cases: Json = {};
    for (const y of years as unknown[]) {
      if (isObject(y) && typeof y.from === 'number' && Number.isInteger(y.from)) cases[`${String(y.from).padStart(4, '0')}-01-01`] = upgradeRequirement(y.requirement);
      else return spec; // malformed: left for the schema to report
    }
    return { kind: 'by', dimension: 'date', cases, ...rest };
  }
  if (spec.kind === 'by' && isObject(spec.cases)) {
    const cases: Json = {};
    for (const [k, v] of Object.entries(spec.cases)) cases[k] = upgradeRequirement(v);
    return { ...spec, cases, ...(spec.otherwise === undefined ? {} : { otherwise: upgradeRequirement(spec.otherwise) }) };
  }
  return spec;
}

/** Whether a set file (or overlay) uses the earlier format anywhere. */
function usesLegacy(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(usesLegacy);
  if (!isObject(v)) return false;
  if (v.kind === 'by-region' || v.kind === 'by-year') return true;
  return Object.values(v).some(usesLegacy);
}

const REQUIREMENT_FIELDS = new Set(['requirement', 'perCommuneItemRequirement', 'reference']);

function upgradeRequirementsIn(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(upgradeRequirementsIn);
  if (!isObject(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) out[k] = REQUIREMENT_FIELDS.has(k) ? upgradeRequirement(x) : upgradeRequirementsIn(x);
  return out;
}

/**
 * A criterion set file (or calibration overlay) in the current format. Returns `data` itself when
 * nothing is legacy.
 *
 * @example upgradeLegacySet({ region: 'TN', regionOverrides: [], criteria: [] }).dimensions.region.default // 'TN'
 */
export function upgradeLegacySet(data: unknown): unknown {
  if (!isObject(data)) return data;
  const hasRegionFields = 'region' in data || 'regionOverrides' in data;
  if (!hasRegionFields && !usesLegacy(data)) return data;
  const out = upgradeRequirementsIn(data) as Json;
  if (hasRegionFields && !('dimensions' in data)) {
    const { region, regionOverrides, ...rest } = out;
    const overrides = Array.isArray(regionOverrides)
      ? regionOverrides.map((o) => {
          if (!isObject(o)) return o;
          const { region: column, ...more } = o;
          return { ...more, column };
        })
      : regionOverrides;
    return {
      ...rest,
      dimensions: {
        region: {
          kind: 'column',
          nameVi: 'Vùng',
          nameEn: 'Region',
          columns: REGION_COLUMNS.map((key) => ({ key })),
          default: region ?? null,
          ...(overrides === undefined ? {} : { overrides }),
        },
        date: { kind: 'date' },
      },
    };
  }
  if (!('dimensions' in out)) {
    return { ...out, dimensions: { region: { kind: 'column', nameVi: 'Vùng', nameEn: 'Region', columns: REGION_COLUMNS.map((key) => ({ key })), default: null }, date: { kind: 'date' } } };
  }
  return out;
}

/**
 * A calibration overlay in the current format: its requirements upgraded, and a whole set (for a
 * kind known only by name) upgraded as a set file.
 *
 * @example upgradeLegacyOverlay({ indicators: { '17.1': { requirement: { kind: 'by-region', regions: {} } } } })
 */
export function upgradeLegacyOverlay(data: unknown): unknown {
  if (!isObject(data) || !usesLegacy(data) && !(isObject(data.set) && ('region' in data.set || 'regionOverrides' in data.set))) return data;
  const { set, ...rest } = data;
  const out = upgradeRequirementsIn(rest) as Json;
  return set === undefined ? out : { ...out, set: upgradeLegacySet(set) };
}
