import { NtmError, issue } from '../errors.js';
import { bundledDataFiles } from '../rules/bundled-data.js';
import { foldText } from '../evaluate/index.js';
import { ReorganisationSchema, type CurrentUnit, type FormerUnit, type Reorganisation } from './schema.js';
import { FILES as REORGANISATION_FILES } from '../rules/manifest/reorganisations.js';

const files = bundledDataFiles(ReorganisationSchema, REORGANISATION_FILES, 'reorganisation');

/** The bundled 2025 reorganisation of Lâm Đồng (former Đắk Song's communes). */
export const DEFAULT_REORGANISATION = 'lam-dong/reorganisation-2025';

/**
 * A reorganisation by id (bundled) or your own object, validated. Throws `UNKNOWN_SET` for an
 * unknown id, `INVALID_RULE_FILE` with JSON paths for a bad object.
 *
 * @example getReorganisation().units.map((u) => u.nameVi) // ['xã Đắk Song', 'xã Đức An', 'xã Thuận Hạnh', 'xã Trường Xuân']
 */
export function getReorganisation(reorgOrId: string | Reorganisation | unknown = DEFAULT_REORGANISATION): Reorganisation {
  return files.get(reorgOrId);
}

/** Ids of the bundled reorganisations. */
export function listReorganisations(): string[] {
  return files.ids();
}

/**
 * A province's names as the bundled reorganisations give them (`tỉnh Lâm Đồng`, `Lâm Đồng
 * province`), by its id; `undefined` for a province no bundled data names.
 *
 * @example provinceNames('lam-dong')?.nameVi // 'tỉnh Lâm Đồng'
 */
export function provinceNames(provinceId: string): { nameVi: string; nameEn: string } | undefined {
  for (const id of listReorganisations()) {
    const p = getReorganisation(id).province;
    if (p.id === provinceId) return { nameVi: p.nameVi, nameEn: p.nameEn };
  }
  return undefined;
}

const matchKey = (s: string): string => foldText(s).replace(/^(xa|thi tran|phuong)\s+/, '').replace(/[’'`]/g, "'").trim();

/**
 * The unit that exists now for an old commune (by id, official name or alias, ignoring case and
 * accents), with the old unit as the data names it; `undefined` when the reorganisation does not
 * cover it.
 *
 * @example successorOf('Đắk Môt')?.unit.nameVi // 'xã Đắk Song'
 */
export function successorOf(idOrName: string, reorgOrId: string | Reorganisation = DEFAULT_REORGANISATION): { unit: CurrentUnit; predecessor: FormerUnit } | undefined {
  const r = getReorganisation(reorgOrId);
  const key = matchKey(idOrName);
  for (const unit of r.units) {
    for (const p of unit.predecessors) if (p.id === idOrName) return { unit, predecessor: p };
  }
  for (const unit of r.units) {
    for (const p of unit.predecessors) {
      if ([p.nameVi, p.nameEn, ...p.aliases].some((n) => matchKey(n) === key)) return { unit, predecessor: p };
    }
  }
  return undefined;
}

/**
 * The old units that formed a current unit (by id or name).
 *
 * @example predecessorsOf('xã Đức An').map((p) => p.nameVi) // ['thị trấn Đức An', "xã Đắk N'Drung", 'xã Nam Bình']
 */
export function predecessorsOf(idOrName: string, reorgOrId: string | Reorganisation = DEFAULT_REORGANISATION): FormerUnit[] {
  const r = getReorganisation(reorgOrId);
  const key = matchKey(idOrName);
  const unit = r.units.find((u) => u.id === idOrName) ?? r.units.find((u) => matchKey(u.nameVi) === key || matchKey(u.nameEn) === key);
  if (!unit) throw new NtmError('INVALID_ARGUMENT', [issue('unknown-unit', [], { unit: idOrName, reorganisation: r.id, known: r.units.map((u) => u.id) })]);
  return unit.predecessors;
}

/** A result as the view reads it: a full commune result, or just these fields. */
export interface ResultLike {
  communeId: string;
  name?: string;
  setId: string;
  year: number;
  status: 'met' | 'not-met' | 'undetermined';
  criteriaMet?: number;
  criteriaNotMet?: number;
  criteriaUndetermined?: number;
}

/** One old result as shown under the current unit. */
export interface PredecessorResult {
  setId: string;
  year: number;
  status: ResultLike['status'];
  criteriaMet: number | null;
  criteriaNotMet: number | null;
  criteriaUndetermined: number | null;
  /** Position of the entry in the input. */
  index: number;
}

/** A current unit with each predecessor's own results; never a merged status. */
export interface CurrentUnitView {
  unit: Pick<CurrentUnit, 'id' | 'kind' | 'nameVi' | 'nameEn' | 'source'>;
  predecessors: Array<FormerUnit & { results: PredecessorResult[] }>;
  /**
   * Always `null`: the library derives no status for the merged unit from its predecessors —
   * merged communes are re-reviewed under the set in force.
   */
  mergedStatus: null;
}

/** Results of before the reorganisation, shown by the units that exist now. */
export interface ReorganisedView {
  reorganisationId: string;
  effectiveFrom: string;
  province: Pick<Reorganisation['province'], 'id' | 'nameVi' | 'nameEn'>;
  units: CurrentUnitView[];
  /** Entries whose commune the reorganisation does not cover (another district, a typo). */
  unmatched: Array<{ index: number; communeId: string | null; name: string | null }>;
  /** Error entries of a batch (kept, so N entries in are N entries accounted for). */
  errors: Array<{ index: number; communeId: string | null; message: string }>;
}

/**
 * Shows results of before the reorganisation (e.g. the 2022-2025 tables of Đắk Song's 8 communes)
 * by the commune that exists now: each new unit lists its predecessors with their own results,
 * year by year. No merged status is made up (`mergedStatus` is always `null`). Every entry is
 * accounted for: under a predecessor, in `unmatched`, or in `errors` (batch error records).
 *
 * @example
 * const entries = await evaluateCommunes('dak-nong/commune-ntm/2022', inputs2023);
 * const view = resultsByCurrentUnit(entries);
 * view.units[0].unit.nameVi                 // 'xã Đắk Song'
 * view.units[0].predecessors[0].results[0]  // { setId: 'dak-nong/commune-ntm/2022', year: 2023, status: 'not-met', … }
 */
export function resultsByCurrentUnit(
  entries: ReadonlyArray<ResultLike | { index?: number; communeId?: string; error: { message: string } }>,
  reorgOrId: string | Reorganisation = DEFAULT_REORGANISATION,
): ReorganisedView {
  const r = getReorganisation(reorgOrId);
  const byOld = new Map<string, PredecessorResult[]>();
  const unmatched: ReorganisedView['unmatched'] = [];
  const errors: ReorganisedView['errors'] = [];
  entries.forEach((e, index) => {
    if ('error' in e) {
      errors.push({ index, communeId: e.communeId ?? null, message: e.error.message });
      return;
    }
    const hit = successorOf(e.communeId, r) ?? (e.name ? successorOf(e.name, r) : undefined);
    if (!hit) {
      unmatched.push({ index, communeId: e.communeId, name: e.name ?? null });
      return;
    }
    const list = byOld.get(hit.predecessor.id) ?? [];
    list.push({
      setId: e.setId,
      year: e.year,
      status: e.status,
      criteriaMet: e.criteriaMet ?? null,
      criteriaNotMet: e.criteriaNotMet ?? null,
      criteriaUndetermined: e.criteriaUndetermined ?? null,
      index,
    });
    byOld.set(hit.predecessor.id, list);
  });
  return {
    reorganisationId: r.id,
    effectiveFrom: r.effectiveFrom,
    province: { id: r.province.id, nameVi: r.province.nameVi, nameEn: r.province.nameEn },
    units: r.units.map((u) => ({
      unit: { id: u.id, kind: u.kind, nameVi: u.nameVi, nameEn: u.nameEn, source: u.source },
      predecessors: u.predecessors.map((p) => ({
        ...p,
        results: (byOld.get(p.id) ?? []).sort((a, b) => a.year - b.year || a.setId.localeCompare(b.setId) || a.index - b.index),
      })),
      mergedStatus: null,
    })),
    unmatched,
    errors,
  };
}
