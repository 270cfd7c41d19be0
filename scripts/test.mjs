#!/usr/bin/env node
/**
 * `npm test`: the type check (`tsc --noEmit`, which also checks the type tests
 * tests/**\/*.test-d.ts — they run once, here) and vitest, side by side so that both cores work.
 * Arguments go to vitest. Exits non-zero when either fails; tsc's report is printed after vitest's.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const local = (path) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));

/** Runs `node <script> <args>`; resolves with the exit code and, when `quiet`, the captured output. */
function run(script, args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [local(script), ...args], { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const [types, tests] = await Promise.all([run('typescript/bin/tsc', ['--noEmit'], true), run('vitest/vitest.mjs', ['run', ...process.argv.slice(2)], false)]);
if (types.code === 0) console.log('tsc --noEmit: no type errors (code and type tests)');
else console.error(`tsc --noEmit failed (type tests included):\n${types.output}`);
process.exitCode = types.code !== 0 ? types.code : tests.code;
