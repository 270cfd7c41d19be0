/**
 * Documentation tests: the code blocks of README.md and docs/*.md, found, checked and run the way
 * Rust runs doc-tests. The conventions (docs/development.md, "Documentation tests"):
 *
 * - ```ts / ```js blocks are type-checked strictly and run as ES modules against the built
 *   library. `import … from 'ntm-rules'` may be left out: a block that uses a public function
 *   without importing it gets the import. A statement followed by `// → <value>` promises that
 *   value: the block fails unless the expression gives it (objects: the properties shown; arrays,
 *   strings, numbers: exactly).
 * - ```sh blocks: each line starting with `ntm ` is run with the built `ntm` (in a scratch folder
 *   that sees the repository's examples/, rules/ and tests/) and must exit 0, or the code its
 *   `# exit N` comment names. When a ```text block follows (nothing but blank lines between), it
 *   is the output of the last command: each of its lines must appear in the output, in order (other
 *   lines may stand between); `…` in a line matches anything; a line that is only `…` marks lines
 *   left out; a line starting with `$ ` shows the command and is not compared.
 * - `no-run` after the language (```ts no-run: <why>) keeps a block out, and must say why.
 * - Other languages (text, jsonc, json, html, csv, none) are shown output or file excerpts.
 */
import ts from 'typescript';

/** One fenced block of a Markdown file. */
export interface Block {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  /** The rest of the info string after the language. */
  info: string;
  code: string;
  /** The ```text block right after this one, if any. */
  output?: Block;
}

/** The fenced blocks of a Markdown text, in order. */
export function blocksOf(file: string, markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let lastEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const [lang = '', ...rest] = open[3]!.trim().split(/\s+/);
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i]!.trim().startsWith(fence) && lines[i]!.trim().replace(/`/g, '') === ''); i++) body.push(lines[i]!.slice(open[1]!.length));
    const block: Block = { file, line: start + 1, lang: lang.toLowerCase(), info: rest.join(' '), code: body.join('\n') };
    const previous = blocks.at(-1);
    if (previous && previous.lang === 'sh' && block.lang === 'text' && lines.slice(lastEnd + 1, start).every((l) => l.trim() === '')) previous.output = block;
    blocks.push(block);
    lastEnd = i;
  }
  return blocks;
}

/** Whether a block is kept out on purpose; throws when `no-run` gives no reason. */
export function isNoRun(block: Block): boolean {
  if (!/^no-run\b/.test(block.info)) return false;
  if (!/^no-run:?\s+\S/.test(block.info)) throw new Error(`${block.file}:${block.line}: a no-run block must say why (\`\`\`${block.lang} no-run: <why>)`);
  return true;
}

export const CODE_LANGS = new Set(['ts', 'typescript', 'js', 'javascript']);

/** The helper every transformed block calls for a promised value. */
export const CHECK_PRELUDE = `
function __matches(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => __matches(actual[i], e));
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([k, v]) => __matches((actual as Record<string, unknown>)[k], v));
}
function __check(actual: unknown, expected: unknown, where: string): void {
  if (!__matches(actual, expected)) throw new Error(where + ': the comment promises ' + JSON.stringify(expected) + ', the code gives ' + JSON.stringify(actual));
}
`;

/**
 * The literal a comment promises (`// → 'met'`, `// → { group: 3 } (derived)`): the text up to
 * where a JavaScript literal ends; undefined when the comment promises nothing.
 */
export function promisedLiteral(comment: string): string | undefined {
  const m = /^\/\/\s*→\s*(.*)$/.exec(comment.trim());
  if (!m) return undefined;
  const text = m[1]!;
  // The longest prefix that parses as one expression is the literal; the rest is prose.
  for (let end = text.length; end > 0; end--) {
    const candidate = text.slice(0, end).trim();
    if (candidate === '') break;
    const file = ts.createSourceFile('x.ts', `(${candidate});`, ts.ScriptTarget.ES2022, false);
    const diagnostics = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
    if (diagnostics.length === 0 && file.statements.length === 1) return candidate;
  }
  throw new Error(`the comment "${comment.trim()}" promises no readable value`);
}

/**
 * A TypeScript block as a module: imports of the public names it uses but does not import, and
 * each `expression; // → value` statement turned into a check of that value.
 */
export function transform(block: Block, publicNames: readonly string[]): string {
  const source = ts.createSourceFile('block.ts', block.code, ts.ScriptTarget.ES2022, true);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      for (const c of ts.getTrailingCommentRanges(block.code, node.end) ?? []) {
        const literal = promisedLiteral(block.code.slice(c.pos, c.end));
        if (literal === undefined) continue;
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const where = `${block.file}:${block.line + 1 + line}`;
        edits.push({ start: node.getStart(), end: node.end, text: `__check((${node.expression.getText()}), (${literal}), ${JSON.stringify(where)});` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let code = block.code;
  for (const e of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
  // Names the block imports or declares itself are left alone.
  const own = new Set<string>();
  const collect = (node: ts.Node): void => {
    if ((ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportClause(node)) && node.name) own.add(node.name.text);
    if ((ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name)) own.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const used = publicNames.filter((n) => !own.has(n) && new RegExp(`(?<![\\w.$'"/-])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(block.code));
  const imports = used.length > 0 ? `import { ${used.join(', ')} } from 'ntm-rules';\n` : '';
  return `${imports}${code}\n${CHECK_PRELUDE}\nexport {};\n`;
}

/** Splits a shell line into words (quotes, backslashes), dropping a trailing `# comment`. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '#' && word === null) break;
    if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      if (end === -1) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return { words, comment: line.slice(i + 1).trim() };
}

/** Whether `output` shows every line of `shown` in order (`…` a wildcard, a lone `…` any lines). */
export function outputMatches(shown: string, output: string): { ok: true } | { ok: false; missing: string } {
  const out = output.split('\n').map((l) => l.trimEnd());
  const wanted = shown.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '' && !l.startsWith('$ '));
  let at = 0;
  for (const w of wanted) {
    if (w.trim() === '…') continue;
    const pattern = new RegExp(`^${w.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const found = out.findIndex((l, i) => i >= at && pattern.test(l));
    if (found === -1) return { ok: false, missing: w };
    at = found + 1;
  }
  return { ok: true };
}
