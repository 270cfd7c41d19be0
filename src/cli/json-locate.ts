import type { JsonPath } from '../errors.js';

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where the value at a JSON path starts in a JSON text, so that a rule-file error can be shown as
 * `file:line:column`. Falls back to the deepest part of the path that exists (a missing key is
 * reported at its object). `null` when the text is not JSON.
 *
 * @example locateJsonPath('{\n  "a": [1, 2]\n}', ['a', 1]) // { line: 2, column: 13 }
 */
export function locateJsonPath(text: string, path: JsonPath): TextPosition | null {
  return locateJsonPaths(text, [path])[0] ?? null;
}

/** A trie of the paths wanted, by path segment. */
interface PathNode {
  children: Map<string, PathNode>;
  offset: number;
}

/**
 * {@link locateJsonPath} for many paths in one pass over the text — linear in the text and the
 * paths together, so a file with thousands of problems is located as fast as one with one.
 *
 * @example locateJsonPaths('{"a": [1, 2]}', [['a', 1], ['a']]) // [{ line: 1, column: 11 }, { line: 1, column: 7 }]
 */
export function locateJsonPaths(text: string, paths: readonly JsonPath[]): Array<TextPosition | null> {
  const root: PathNode = { children: new Map(), offset: -1 };
  for (const path of paths) {
    let node = root;
    for (const part of path) {
      const key = String(part);
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), offset: -1 }));
      node = next;
    }
  }
  if (scanTrie(text, root) === null) return paths.map(() => null);
  const lines = lineStarts(text);
  return paths.map((path) => {
    // The deepest part of the path that exists: a missing key is reported at its object.
    let node = root;
    let offset = root.offset;
    for (const part of path) {
      const next = node.children.get(String(part));
      if (!next || next.offset < 0) break;
      node = next;
      offset = next.offset;
    }
    return offset < 0 ? null : positionAt(lines, offset);
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** One pass over a JSON text recording where each value of the trie starts; `null` if not JSON. */
function scanTrie(text: string, root: PathNode): true | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
  const ws = (): void => {
    while (pos < text.length && isWs(text.charCodeAt(pos))) pos++;
  };
  const fail = (): never => {
    throw new Error('not JSON');
  };
  const string = (): string => {
    const start = pos;
    pos++;
    let plain = true;
    while (pos < text.length && text.charCodeAt(pos) !== 34) {
      if (text.charCodeAt(pos) === 92) {
        plain = false;
        pos += 2;
      } else pos++;
    }
    if (pos >= text.length) fail();
    pos++;
    return plain ? text.slice(start + 1, pos - 1) : (JSON.parse(text.slice(start, pos)) as string);
  };
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  // Iterative on an explicit stack would be safer for deep files; rule files are depth-limited by the loader.
  const value = (node: PathNode | undefined): void => {
    ws();
    if (node) node.offset = pos;
    const ch = text.charCodeAt(pos);
    const wanted = node !== undefined && node.children.size > 0;
    if (ch === 123) {
      pos++;
      ws();
      if (text.charCodeAt(pos) === 125) {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text.charCodeAt(pos) !== 34) fail();
        const k = string();
        ws();
        if (text.charCodeAt(pos) !== 58) fail();
        pos++;
        value(wanted ? node.children.get(k) : undefined);
        ws();
        const c = text.charCodeAt(pos);
        if (c === 44) pos++;
        else if (c === 125) {
          pos++;
          return;
        } else fail();
      }
    }
    if (ch === 91) {
      pos++;
      ws();
      if (text.charCodeAt(pos) === 93) {
        pos++;
        return;
      }
      for (let i = 0; ; i++) {
        value(wanted ? node.children.get(String(i)) : undefined);
        ws();
        const c = text.charCodeAt(pos);
        if (c === 44) pos++;
        else if (c === 93) {
          pos++;
          return;
        } else fail();
      }
    }
    if (ch === 34) {
      string();
      return;
    }
    number.lastIndex = pos;
    const m = number.exec(text);
    if (!m) fail();
    pos += m![0].length;
  };
  try {
    value(root);
    return true;
  } catch {
    return null;
  }
}

/**
 * Where a text stops being JSON (for the messages of JSON.parse that give no position), or
 * `null` when it is JSON.
 *
 * @example jsonSyntaxErrorPosition('{\n  "a": [,]\n}') // { line: 2, column: 9 }
 */
export function jsonSyntaxErrorPosition(text: string): TextPosition | null {
  const r = scanJson(text, []);
  if ('offset' in r) {
    return r.end < text.length && text.slice(r.end).trim() !== '' ? positionOf(text, r.end + (text.slice(r.end).length - text.slice(r.end).trimStart().length)) : null;
  }
  return positionOf(text, r.failedAt);
}

function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function scanJson(text: string, path: JsonPath): { offset: number; end: number } | { failedAt: number } {
  let pos = 0;
  const ws = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const fail = (): never => {
    throw new Error('not JSON');
  };
  const skipString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    if (pos >= text.length) fail();
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  // Skips one value; when `want` continues the path, returns the offset of the wanted value.
  const value = (depth: number): number => {
    ws();
    const start = pos;
    const ch = text[pos];
    const key = path[depth];
    let found = start;
    if (ch === '{') {
      pos++;
      ws();
      if (text[pos] === '}') {
        pos++;
        return start;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail();
        const k = skipString();
        ws();
        if (text[pos] !== ':') fail();
        pos++;
        const at = depth < path.length && k === String(key) ? value(depth + 1) : (value(path.length + 1), -1);
        if (at >= 0) found = at;
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          break;
        } else fail();
      }
      return depth < path.length ? found : start;
    }
    if (ch === '[') {
      pos++;
      ws();
      if (text[pos] === ']') {
        pos++;
        return start;
      }
      for (let i = 0; ; i++) {
        const at = depth < path.length && i === key ? value(depth + 1) : (value(path.length + 1), -1);
        if (at >= 0) found = at;
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          break;
        } else fail();
      }
      return depth < path.length ? found : start;
    }
    if (ch === '"') {
      skipString();
      return start;
    }
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(pos, pos + 400));
    if (!m) fail();
    pos += m![0].length;
    return start;
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) pos = 1;
    const offset = value(0);
    ws();
    return { offset, end: pos };
  } catch {
    return { failedAt: Math.min(pos, text.length) };
  }
}
