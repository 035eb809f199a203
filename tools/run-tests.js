#!/usr/bin/env node
// Runs the test projects with vitest and ends with one plain line, `N passed, N failed`,
// which CI reads. Extra arguments go to vitest (e.g. a file filter or -u).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'bds-vitest-'))
const report = join(dir, 'report.json')
const args = [
  'vitest',
  'run',
  '--project',
  'unit',
  '--project',
  'integration',
  '--project',
  'python',
  '--project',
  'browser',
  '--passWithNoTests',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } })
let passed = 0
let failed = 0
try {
  const result = JSON.parse(readFileSync(report, 'utf8'))
  passed = result.numPassedTests
  failed = result.numFailedTests + (result.numRuntimeErrors ?? 0)
  if (result.numTotalTests === 0) failed += 1
} catch {
  failed += 1
}
rmSync(dir, { recursive: true, force: true })
if (run.status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || run.status !== 0 ? 1 : 0)
