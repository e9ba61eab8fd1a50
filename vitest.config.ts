import { defineConfig } from 'vitest/config';

/**
 * Tests that touch nothing outside their process (no database, Redis, child process, server or
 * timer-sensitive work): they share one worker and its module cache (`isolate: false`), which
 * halves their time, most of which was importing the same parser modules once per file.
 */
const PURE = [
  'test/parsers/**/*.test.ts',
  'test/eval/**/*.test.ts',
  'test/config.test.ts',
  'test/cli/format.test.ts',
  'test/answers/amount-printed.test.ts',
  'test/answers/meeting-info.test.ts',
  'test/bot/app-package.test.ts',
  'test/bot/budget-table.test.ts',
  'test/bot/citations-logic.test.ts',
  'test/bot/commands-logic.test.ts',
  'test/bot/graph-config.test.ts',
  'test/bot/render-answer.test.ts',
  'test/bot/welcome.test.ts',
  'test/llm/llm-refine.test.ts',
  'test/llm/prompts.test.ts',
  'test/llm/validate-json.test.ts',
  'test/reminders/calendar.test.ts',
  'test/store/all-but-one.test.ts',
];

const shared = {
  globals: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
  setupFiles: ['test/helpers/setup-logging.ts'],
};

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    projects: [
      { test: { ...shared, name: 'pure', include: PURE, isolate: false, fileParallelism: false } },
      // Integration tests share one Redis and one Postgres: run files one at a time, each with its own
      // queue prefix and database schema. They run beside the pure project, one worker each.
      { test: { ...shared, name: 'integration', include: ['test/**/*.test.ts'], exclude: PURE, fileParallelism: false } },
    ],
  },
});
