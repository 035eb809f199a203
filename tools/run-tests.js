#!/usr/bin/env node
// Runs the test projects with vitest and ends with one plain line, `N passed, N failed`,
// which CI reads. Installs the dependencies first only when they are missing or stale, and
// skips the browser project, loudly, where chromium is not installed. Extra arguments go to
// vitest (e.g. a file filter or -u).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureDeps } from './ensure-deps.js'

ensureDeps()
const hasChromium = spawnSync('sh', ['-c', 'command -v chromium'], { stdio: 'ignore' }).status === 0
const projects = ['unit', 'integration', 'python', ...(hasChromium ? ['browser'] : [])]
const notice = [
  '',
  '!!! chromium is not installed: the browser test (test/browser/) is SKIPPED.',
  '!!! Install it to run it — Debian/Ubuntu: apt-get install -y chromium — then npm test again.',
  '',
].join('\n')
if (!hasChromium) console.error(notice)

const dir = mkdtempSync(join(tmpdir(), 'bds-vitest-'))
const report = join(dir, 'report.json')
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
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
if (!hasChromium) console.error(notice)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || run.status !== 0 ? 1 : 0)
