import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is waiting on Postgres, Redis and child processes, not CPU: run files side by side.
    maxWorkers: 3,
    fileParallelism: true,
    coverage: {
      provider: 'v8',
      include: ['src/**', 'handlers/**', 'jobs/**'],
      reporter: ['text-summary'],
    },
  },
});
