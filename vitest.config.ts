import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the `ntm` bin, the browser bundle, the library and the examples once per run.
    globalSetup: ['tests/setup/build.ts'],
    // Type tests (tests/**/*.test-d.ts) run once, in `tsc --noEmit`, which `npm test` starts first.
    typecheck: { enabled: false },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
