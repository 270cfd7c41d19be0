import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * The layers, lowest first: a module may import only from its own layer or lower ones
 * (messages ← schema ← requirement ← rules / series ← evaluate ← mechanisms ← versions / plan / district / recognition /
 * panel / groups / province / reorganisation ← report / roadmap / workbook / words / cases / impact ← cli).
 * `messages` (the catalogue of texts and the locale helpers) is the lowest, so that every layer may
 * word its texts; `errors.ts` sits with the schemas; `index.ts` (the package root) may import everything.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [['messages'], ['schema', 'errors.ts'], ['requirement'], ['rules', 'series'], ['evaluate'], ['mechanisms'], ['versions', 'plan', 'district', 'recognition', 'panel', 'groups', 'province', 'reorganisation'], ['report', 'roadmap', 'workbook', 'words', 'cases', 'impact'], ['cli']];
const layerOf = (top: string): number => LAYERS.findIndex((l) => l.includes(top));

function sourceFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(`${dir}${d.name}/`, `${prefix}${d.name}/`) : d.name.endsWith('.ts') ? [`${prefix}${d.name}`] : [],
  );
}

/** The first path segment (folder, or file at the top) an import of `file` resolves to. */
function importedTops(file: string): string[] {
  const text = readFileSync(`${src}${file}`, 'utf8');
  const dir = file.split('/').slice(0, -1);
  const tops: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const parts = [...dir];
    for (const seg of m[1]!.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    // Data files under rules/ at the repository root are outside src/.
    if (parts[0] === '..' || m[1]!.includes('../../rules/')) continue;
    tops.push(parts.length === 1 ? parts[0]!.replace(/\.js$/, '.ts') : parts[0]!);
  }
  return tops;
}

describe('imports go only downward', () => {
  const files = sourceFiles(src).filter((f) => f !== 'index.ts' && !f.startsWith('browser'));
  it('knows the layer of every source folder', () => {
    const tops = new Set(files.map((f) => (f.includes('/') ? f.split('/')[0]! : f)));
    for (const top of tops) expect(layerOf(top), top).toBeGreaterThanOrEqual(0);
  });
  it.each(files)('%s', (file) => {
    const own = layerOf(file.includes('/') ? file.split('/')[0]! : file);
    const upward = importedTops(file).filter((top) => layerOf(top) > own);
    expect(upward, `${file} imports from a higher layer`).toEqual([]);
  });
  it('keeps evaluate/ free of plan/ and versions/', () => {
    for (const f of files.filter((x) => x.startsWith('evaluate/'))) {
      expect(importedTops(f).filter((t) => t === 'plan' || t === 'versions' || t === 'district'), f).toEqual([]);
    }
  });
});

/**
 * The package's entry points (tsup.config.ts) gather exports from several folders: they are the
 * top of the graph, not a folder's own code, so their re-exports do not make a folder cycle.
 */
const ENTRY_POINTS = new Set(['index.ts', 'workbook/index.ts', 'words/index.ts']);

/** A cycle between folders in `graph` (folder → folders it imports), as a path, or `null`. */
function folderCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const found = visit(m);
      if (found) return found;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return null;
}

describe('folders do not import each other in a cycle', () => {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src).filter((f) => f.includes('/') && !ENTRY_POINTS.has(f) && !f.startsWith('browser'))) {
    const own = file.split('/')[0]!;
    for (const top of importedTops(file)) if (top !== own && !top.endsWith('.ts')) (graph.get(own) ?? graph.set(own, new Set()).get(own)!).add(top);
  }
  it('no folder reaches itself through the folders it imports', () => {
    expect(folderCycle(graph)).toBeNull();
  });
  it('the check finds a cycle when there is one', () => {
    expect(folderCycle(new Map([['plan', new Set(['recognition'])], ['recognition', new Set(['plan'])]]))).toEqual(['plan', 'recognition', 'plan']);
  });
});
