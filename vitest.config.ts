import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests at the documented limits (*.full.test.ts) take minutes: `npm run test:full` runs them.
    exclude: process.env.NTM_TEST_FULL === '1' ? configDefaults.exclude : [...configDefaults.exclude, 'tests/**/*.full.test.ts'],
    // Builds the `ntm` bin, the browser bundle, the library and the examples once per run.
    globalSetup: ['tests/setup/build.ts'],
    // Type tests (tests/**/*.test-d.ts) run once, in `tsc --noEmit`, which `npm test` starts first.
    typecheck: { enabled: false },
    // One module graph per worker rather than per file: importing the library and its bundled
    // rules again for each of ~45 files cost about a CPU-second each. Test files keep no shared
    // state (spies are restored in afterAll, process.env is restored where changed).
    isolate: false,
    // Vitest's default on 2 cores is one worker (cores - 1); the main process is idle meanwhile.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
