import { createHash } from 'node:crypto'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * One Pyodide snapshot for the whole test run, outside the user's cache — one folder per
 * checkout: bds keeps one snapshot per folder, so checkouts with another harness sharing one
 * folder would throw each other's away and every run would make it again.
 */
const checkout = dirname(fileURLToPath(import.meta.url))
const key = createHash('sha256').update(checkout).digest('hex').slice(0, 8)
const pythonCache = join(tmpdir(), `bds-test-python-cache-${key}`)

/**
 * Test files at once. Most integration and Python tests wait on a process they started (the
 * CLI, the sandbox child), so two files overlap well even on 2 cores, where vitest's default
 * (cores - 1) would run one file at a time.
 */
const maxWorkers = Math.max(2, availableParallelism() - 1)

// Four projects: `unit` (fast, no Pyodide), `integration` (the built CLI on fixture sites),
// `python` (real Pyodide workers; files run one at a time and share warm pools) and
// `browser` (one file: live reload in Debian's chromium). `npm test` runs all four.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    maxWorkers,
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
