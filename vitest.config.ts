import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

/** One Pyodide snapshot for the whole test run, outside the user's cache. */
const pythonCache = join(tmpdir(), 'bds-test-python-cache')

// Four projects: `unit` (fast, no Pyodide), `integration` (the built CLI on fixture sites),
// `python` (real Pyodide workers; files run one at a time and share warm pools) and
// `browser` (one file: live reload in Debian's chromium). `npm test` runs all four.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env: { TZ: 'UTC' },
          // A bound for a hung test, not a speed check: property tests of thousands of runs
          // take several seconds on a busy two-core machine.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/build-dist.ts'],
          env: { TZ: 'UTC', BDS_CACHE_DIR: pythonCache },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'python',
          include: ['test/python/**/*.test.ts'],
          globalSetup: ['test/helpers/build-dist.ts'],
          env: { TZ: 'UTC', BDS_CACHE_DIR: pythonCache },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/helpers/build-dist.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
