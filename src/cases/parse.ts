/**
 * Reading a case file's text (YAML, or JSON — which YAML reads too) into validated cases that
 * remember where each part is written, so every problem and every failed case is said at
 * `file:line:column`. The YAML parser is imported when a file is first read: an application that
 * never reads a case file does not load it.
 */
import type * as Yaml from 'yaml';
import { CaseFileSchema } from './schema.js';
import { CaseFileError, problemOfZod, type CaseFileProblem } from './problems.js';
import type { LocatedCaseFile } from './run.js';

let yamlModule: Promise<typeof Yaml> | undefined;
const yaml = (): Promise<typeof Yaml> => (yamlModule ??= import('yaml'));

/** A case file is small text a person writes; a larger one is refused before it is parsed. */
const MAX_TEXT = 20 * 1024 * 1024;
const MAX_DEPTH = 64;

/** Options of {@link parseCaseFile}. */
export interface ParseCaseFileOptions {
  /** The file's name, for `file:line:column` in problems and outcomes. */
  file?: string;
}

type Position = { line: number; col: number };

/**
 * Reads a case file's text — YAML or JSON — and validates it. Every problem is reported at
 * once with its `file:line:column` ({@link CaseFileError}). Map keys are read as written, so an
 * indicator `17.10:` stays `17.10` (YAML would read the number 17.1). Anchors and aliases are
 * refused: a case reads the same wherever it is copied.
 *
 * @example
 * const cases = await parseCaseFile(readFileSync('cases.yaml', 'utf8'), { file: 'cases.yaml' });
 * runCases(cases).failed // 0
 */
export async function parseCaseFile(text: string, options: ParseCaseFileOptions = {}): Promise<LocatedCaseFile> {
  const file = options.file ?? null;
  const at = (p: Position | undefined): string | null => (p === undefined ? null : `${file ?? '<cases>'}:${p.line}:${p.col}`);
  if (text.length > MAX_TEXT) {
    throw new CaseFileError(file, [{ code: 'too-large', path: [], message: `the file is larger than ${MAX_TEXT / 1024 / 1024} MB`, messageVi: `tệp lớn hơn ${MAX_TEXT / 1024 / 1024} MB`, where: file }]);
  }
  const { parseDocument, LineCounter } = await yaml();
  const lineCounter = new LineCounter();
  // Keys are compared as written: `17.1` and `17.10` are two indicators, though YAML reads both as 17.1.
  const written = (k: unknown): unknown => (k && typeof k === 'object' && 'source' in k && typeof k.source === 'string' ? k.source : k && typeof k === 'object' && 'value' in k ? (k as { value: unknown }).value : k);
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { lineCounter, prettyErrors: false, uniqueKeys: (a, b) => written(a) === written(b), strict: true });
  const problems: CaseFileProblem[] = [];
  for (const e of doc.errors) {
    const p = lineCounter.linePos(e.pos[0]);
    problems.push({ code: 'syntax', path: [], message: `not valid YAML: ${e.message.split('\n')[0]}`, messageVi: `không phải YAML hợp lệ (${e.code})`, where: at(p) });
  }
  if (problems.length > 0) throw new CaseFileError(file, problems);

  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const key = (path: ReadonlyArray<string | number>): string => path.map(String).join('\u0000');
  const toJs = (node: unknown, path: Array<string | number>, depth: number): unknown => {
    const n = node as Yaml.Node | null;
    if (n === null || n === undefined) return null;
    if (n.range) positions.set(key(path), lineCounter.linePos(n.range[0]));
    if (depth > MAX_DEPTH) {
      problems.push({ code: 'too-deep', path, message: `nested more than ${MAX_DEPTH} levels`, messageVi: `lồng quá ${MAX_DEPTH} cấp`, where: at(positions.get(key(path))) });
      return null;
    }
    if (n.constructor.name === 'Alias' || (n as { type?: string }).type === 'ALIAS') {
      problems.push({ code: 'alias', path, message: 'anchors and aliases (*name) are not read in case files: write the value out', messageVi: 'tệp trường hợp không dùng neo và bí danh (*tên): hãy ghi thẳng giá trị', where: at(positions.get(key(path))) });
      return null;
    }
    if ('items' in n && Array.isArray((n as Yaml.YAMLMap).items)) {
      const items = (n as Yaml.YAMLMap | Yaml.YAMLSeq).items as unknown[];
      if ((n as { tag?: string }).tag === 'tag:yaml.org,2002:seq' || n.constructor.name === 'YAMLSeq') {
        return items.map((item, i) => toJs(item, [...path, i], depth + 1));
      }
      const out: Record<string, unknown> = {};
      for (const pair of items as Array<Yaml.Pair<unknown, unknown>>) {
        const k = pair.key as Yaml.Scalar | null;
        // The key as written: `17.10` is an indicator code, not the number 17.1.
        const name = k && typeof k === 'object' && 'source' in k && typeof k.source === 'string' ? k.source : String((k as Yaml.Scalar | null)?.value ?? k);
        if (name === '__proto__') {
          problems.push({ code: 'forbidden-key', path: [...path, name], message: 'the key "__proto__" is not allowed', messageVi: 'không được dùng khoá "__proto__"', where: at(k?.range ? lineCounter.linePos(k.range[0]) : undefined) });
          continue;
        }
        if (k?.range) keyPositions.set(key([...path, name]), lineCounter.linePos(k.range[0]));
        Object.defineProperty(out, name, { value: toJs(pair.value, [...path, name], depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return (n as Yaml.Scalar).value;
  };
  const data = toJs(doc.contents, [], 0);
  if (problems.length > 0) throw new CaseFileError(file, problems);

  /** The value at a path (or, for `keyOf`, the key naming it), else the nearest enclosing one. */
  const locate = (path: ReadonlyArray<string | number>, keyOf = false): string | null => {
    if (keyOf && keyPositions.has(key(path))) return at(keyPositions.get(key(path)));
    for (let n = path.length; n >= 0; n--) {
      const p = positions.get(key(path.slice(0, n))) ?? keyPositions.get(key(path.slice(0, n)));
      if (p) return at(p);
    }
    return null;
  };
  const parsed = CaseFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new CaseFileError(
      file,
      parsed.error.issues.map((i) => {
        const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        // An unknown key is shown where it is written, not at the object holding it.
        const keys = i.code === 'unrecognized_keys' ? (i as { keys?: readonly string[] }).keys : undefined;
        return problemOfZod(i, keys && keys.length > 0 ? locate([...path, keys[0]!], true) : locate(path));
      }),
    );
  }
  return { file, data: parsed.data, locate: (path) => locate(path) };
}
