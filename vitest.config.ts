import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the example site once for the browser tests (test/e2e).
    globalSetup: ['test/support/global-setup.ts'],
    // Real builds and a real browser: generous limits, and no two Astro builds at once.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A browser on a loaded 2-core machine can take more than the default second to get there.
    expect: { poll: { timeout: 5_000 } },
    fileParallelism: true,
    maxWorkers: 2,
  },
});
