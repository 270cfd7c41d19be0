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
  const r = scanJson(text, path);
  return 'offset' in r ? positionOf(text, r.offset) : null;
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
