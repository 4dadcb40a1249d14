// Vitest for the bench's own helpers (the root config only collects src/**): npx vitest run -c bench/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.test.ts'],
    environment: 'node',
    root: new URL('..', import.meta.url).pathname,
  },
});
