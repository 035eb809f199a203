// Python macros through the real CLI: a fixture site whose scripts cover parameter typing,
// the post argument, the bds module, warnings, a failing call, a timeout, an invalid result,
// a syntax error and a missing entrypoint — the rest of the site still builds.

import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bds, type CliResult, copyFixture, repoRoot } from '../helpers/site.js'

interface Report {
  ok: boolean
  upToDate: boolean
  diagnostics: { code: string; file?: string; line?: number; column?: number; detail?: string }[]
  python?: {
    isolation?: string
    calls: number
    errors: number
    timeouts: number
    snapshot: boolean
    byScript: Record<string, { calls: number }>
    hops?: Record<string, number>
    output: { macro: string; text: string }[]
  }
}

let site: string
let first: CliResult
let report: Report
const page = (path: string) => readFileSync(join(site, 'dist', path, 'index.html'), 'utf8')
const readReport = () => JSON.parse(readFileSync(join(site, 'report.json'), 'utf8')) as Report

beforeAll(() => {
  site = copyFixture('sites/python')
  first = bds(['build', site, '--json', join(site, 'report.json'), '--verbose'])
  report = readReport()
})

describe('a site with Python macros', () => {
  it('builds every page and exits 0 without --strict', () => {
    expect(first.status, first.stderr).toBe(0)
    expect(page('2024/05/03/plain')).toContain('No macros here.')
    expect(page('')).toContain('All the macros')
  })

  it('types parameters as DESIGN.md says, end to end', () => {
    expect(page('2024/05/01/macros')).toContain(
      '<code class="types">{"b": ["bool", true], "f": ["float", 1.5], "flag": ["bool", true], "n": ["int", 1], "s": ["str", "123"], "w": ["str", "word"]}</code>',
    )
  })

  it('passes the post and the ABI v1 env', () => {
    expect(page('2024/05/01/macros')).toContain(
      '<p class="postinfo">posts/macros.md | All the macros | macros | /2024/05/01/macros/ | published | python,macros | tests | 2024-05-01T10:00:00.000Z | True | postinfo | en | macro | False</p>',
    )
  })

  it('renders a failing or timed-out macro as empty and the rest of the page as usual', () => {
    const html = page('2024/05/01/macros')
    expect(html).toContain('<p>Failing:  (the rest of the page renders)</p>')
    expect(html).toContain(
      '<p>Spinning:  and after it <p class="count">3 posts, first tag macros</p></p>',
    )
    expect(html).toContain('<p>Bad: </p>')
    expect(html).toContain('Warned: <span>warned</span>')
    expect(page('2024/05/02/scripts')).toContain('<p> and  render as nothing.</p>')
    expect(page('2024/05/02/scripts')).toContain('<code>[[fail]]</code>')
  })

  it('reports each problem at its position', () => {
    const where = report.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)
    expect(where).toEqual([
      'BDS_SCRIPT_SYNTAX scripts/broken.py:14:11',
      'BDS_SCRIPT_ENTRYPOINT scripts/noentry.py:1:1',
      'BDS_MACRO_WARNING posts/macros.md:12:9',
      'BDS_MACRO_FAILED posts/macros.md:14:10',
      'BDS_MACRO_TIMEOUT posts/macros.md:16:11',
      'BDS_MACRO_RESULT posts/macros.md:18:6',
      'BDS_MACRO_FAILED posts/scripts.md:7:1',
      'BDS_MACRO_FAILED posts/scripts.md:7:16',
    ])
  })

  it('prints a failing macro with the content position, the script line and the traceback', () => {
    const start = first.stderr.indexOf('error BDS_MACRO_FAILED: The Python macro "fail"')
    const end = first.stderr.indexOf('hint:', start)
    expect(start, first.stderr).toBeGreaterThanOrEqual(0)
    expect(first.stderr.slice(start, first.stderr.indexOf('\n', end))).toBe(
      [
        `error BDS_MACRO_FAILED: The Python macro "fail" failed in scripts/fail.py:15: KeyError: 'missing'`,
        '  --> posts/macros.md:14:10',
        '    12 | Warned: [[warn]]',
        '    13 |',
        '  > 14 | Failing: [[fail]] (the rest of the page renders)',
        '       |          ^',
        '    15 |',
        '    16 | Spinning: [[spin]] and after it [[count]]',
        '  | Traceback (most recent call last):',
        '  |   File "scripts/fail.py", line 20, in render',
        '  |     return helper({})',
        '  |   File "scripts/fail.py", line 15, in helper',
        '  |     return values["missing"]',
        '  |            ~~~~~~^^^^^^^^^^^',
        "  | KeyError: 'missing'",
        '  | ',
        '  | stdout:',
        '  | about to look up a key',
        '  hint: The macro rendered as an empty string; fix the cause shown and build again.',
      ].join('\n'),
    )
  })

  it('counts calls, errors and timeouts in the summary and the JSON report', () => {
    expect(report.python).toMatchObject({ calls: 7, errors: 2, timeouts: 1, snapshot: true })
    // Where the calls' time went, hop by hop, down to the crossing into the sandbox child.
    const hops = report.python?.hops ?? {}
    expect(hops.batches).toBeGreaterThan(0)
    expect(Object.keys(hops).sort()).toEqual(
      [
        'batches',
        'callsMs',
        'encodeMs',
        'fromChildMs',
        'fromWorkerMs',
        'loopMs',
        'parseMs',
        'queuedMs',
        'siteMs',
        'toChildMs',
        'toWorkerMs',
      ].sort(),
    )
    expect(Object.keys(report.python?.byScript ?? {}).sort()).toEqual([
      'bad_result',
      'count',
      'fail',
      'postinfo',
      'spin',
      'types',
      'warn',
    ])
    expect(first.stdout).toMatch(
      /python: 7 calls · 2 errors · 1 timeouts · \d+ worker restarts · pool start/,
    )
    expect(first.stderr).toContain(
      'posts/macros.md:14:10 [[fail]] printed:\n  | stdout:\n  | about to look up a key',
    )
  })

  it('runs Python in the sandbox, and says once when it is not network-isolated', () => {
    expect(readReport().python?.isolation).toMatch(/^sandbox/)
    const env = { ...process.env, BDS_SANDBOX_OS: 'off' }
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin/bds.js'), 'build', site, '--clean'],
      {
        encoding: 'utf8',
        env,
      },
    )
    expect(r.stdout).toContain('sandbox)')
    const notes = r.stderr.match(/note: Python macros are not network-isolated on this host/g)
    expect(notes).toHaveLength(1)
    expect(r.stderr).toContain('BDS_SANDBOX_OS=off')
  })

  it('fails the build under --strict', () => {
    const strict = bds(['build', site, '--strict', '--clean'])
    expect(strict.status).toBe(1)
    expect(strict.stderr).toContain('--strict')
  })

  it('recompiles an edited script and replays nothing stale', () => {
    const file = join(site, 'scripts/fail.py')
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('return helper({})', 'return "<b>fixed</b>"'),
    )
    const again = bds(['build', site, '--json', join(site, 'report.json')])
    expect(again.status, again.stderr).toBe(0)
    expect(page('2024/05/01/macros')).toContain(
      '<p>Failing: <b>fixed</b> (the rest of the page renders)</p>',
    )
    const codes = readReport().diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)
    expect(codes).not.toContain('BDS_MACRO_FAILED posts/macros.md:14')
    expect(codes).toContain('BDS_MACRO_TIMEOUT posts/macros.md:16')
    const unchanged = bds(['build', site, '--json', join(site, 'report.json')])
    expect(unchanged.stdout).toContain('Nothing changed')
    expect(readReport().python).toBeUndefined()
  })
})
