import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // TypeScript 6 deprecates `baseUrl`, which tsup's d.ts pass sets internally.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'neutral',
  // Rule JSON is bundled so the library needs no file system (browser-safe).
  loader: { '.json': 'json' },
  external: ['json-rules-engine', 'zod', 'date-fns'],
});
