import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects, so pure code is checked in seconds without waiting for a database:
 *
 * - `unit`: every `src/**\/*.test.ts` that opens no database (pure rules, parsers, the web app's logic).
 *   No global set-up: `npx vitest run --project unit`.
 * - `db`: tests against a real database, copied per file from the migrated, demo-loaded template the
 *   global set-up builds once (PGlite; PostgreSQL with AYNI_TEST_PG=1): everything under `test/` but the
 *   browser tests, and `src/**\/*.db.test.ts` (a test beside its code that needs a database says so in
 *   its name).
 * - `e2e`: the browser tests in `test/e2e`, against the built web app in headless Chromium.
 *
 * `npx vitest run` (what `npm test` runs) runs all three; the template is built once for `db` and
 * `e2e` together.
 */
const DB_TESTS_BESIDE_CODE = 'src/**/*.db.test.ts';
const E2E_TESTS = 'test/e2e/**/*.test.ts';
const TEMPLATE = 'test/harness/global-setup.ts';

export default defineConfig({
  test: {
    // Each database test file opens its own copy (PGlite ~1 s and some hundred MB each): two at a time
    // fit the 2-core, small-memory machines this runs on.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, DB_TESTS_BESIDE_CODE],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: [DB_TESTS_BESIDE_CODE, 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, E2E_TESTS],
          globalSetup: [TEMPLATE],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E_TESTS],
          // The prerequisites first: a missing web build stops the run before the template is built.
          globalSetup: ['test/harness/browser-prerequisites.ts', TEMPLATE],
        },
      },
    ],
  },
});
