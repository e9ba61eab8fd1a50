import { defineConfig } from 'vitest/config';

// Integration tests share one Redis and one Postgres: run files one at a time, each with its own
// queue prefix and database schema. Parser tests are pure and fast either way.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globals: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/setup-logging.ts'],
  },
});
