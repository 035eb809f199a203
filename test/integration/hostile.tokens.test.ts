// One bad input fails alone (#19, point 4a): a post of 100,000 unclosed `[[a ` tokens used to
// take minutes, because locating each token re-sliced its paragraph and each diagnostic's code
// frame re-read and re-split the file. The work is counted, not timed: every character that
// string methods scan or copy while the tokens are located and their diagnostics printed.

import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Out } from '../../src/cli/out.js'
import { formatDiagnostic } from '../../src/cli/output.js'
import { BdsError, toDiagnostic } from '../../src/errors/index.js'
import type { MacroEnv } from '../../src/macros/index.js'
import { createMarkdown } from '../../src/render/index.js'
import { inlineSite, repoRoot, tempDir } from '../helpers/site.js'

type Cost = (self: string, args: unknown[], result: unknown) => number
const len = (v: unknown) => (typeof v === 'string' ? v.length : 0)
const whole: Cost = (self) => self.length
const copied: Cost = (_self, _args, result) =>
  Array.isArray(result) ? result.reduce((n: number, s) => n + len(s), 0) : len(result)
/** indexOf(needle, from): the characters from `from` to the match (or the end). */
const searched: Cost = (self, [needle, from], result) =>
  ((result as number) === -1 ? self.length : (result as number) + len(needle)) - Number(from ?? 0)

const COSTS: Record<string, Cost> = {
  slice: copied,
  substring: copied,
  substr: copied,
  padStart: copied,
  padEnd: copied,
  repeat: copied,
  indexOf: searched,
  includes: whole,
  lastIndexOf: whole,
  split: whole,
  replace: whole,
  replaceAll: whole,
  match: whole,
  matchAll: whole,
  search: whole,
  trim: whole,
  trimEnd: whole,
  trimStart: whole,
  toLowerCase: whole,
  toUpperCase: whole,
}

/** Runs `fn` and counts the characters String methods scan or copy meanwhile. */
function countWork(fn: () => void): number {
  const proto = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  const saved = Object.keys(COSTS).map((name) => [name, proto[name]] as const)
  let work = 0
  for (const [name, original] of saved) {
    const cost = COSTS[name] as Cost
    proto[name] = function (this: string, ...args: unknown[]) {
      const result = (original as (...a: unknown[]) => unknown).apply(this, args)
      work += cost(this, args, result)
      return result
    }
  }
  try {
    fn()
  } finally {
    for (const [name, original] of saved) proto[name] = original as (...a: unknown[]) => unknown
  }
  return work
}

const out: Out = { out: () => {}, err: () => {}, stream: () => {}, color: false, progress: false }
const FRONT = '---\ntitle: Tokens\ndate: 2024-01-01\n---\n'

/** Locates `n` unclosed tokens in one post and formats each warning with its code frame. */
function tokensWork(n: number): { work: number; warnings: number } {
  const body = `${'[[a '.repeat(n)}\n`
  const text = FRONT + body
  const md = createMarkdown({ linkify: false, typographer: false })
  const sources = () => text
  let warnings = 0
  const work = countWork(() => {
    const env: MacroEnv = { bds: { file: 'posts/p.md', bodyLine: 5, calls: [], errors: [] } }
    md.parse(body, env)
    for (const e of env.bds?.errors ?? []) {
      const error = new BdsError('BDS_MACRO_SYNTAX', e.message, { pos: e.pos, severity: 'warning' })
      formatDiagnostic(out, toDiagnostic(error), sources)
      warnings++
    }
  })
  return { work, warnings }
}

describe('a post of 100,000 unclosed tokens', () => {
  it('costs about ten times the work of 10,000: locating and printing are linear', () => {
    const small = tokensWork(10_000)
    const large = tokensWork(100_000)
    expect(small.warnings).toBe(10_000)
    expect(large.warnings).toBe(100_000)
    // Linear work gives a ratio near 10; the old quadratic code gave about 100.
    expect(large.work / small.work, `ratio ${large.work / small.work}`).toBeLessThan(20)
  })

  it('builds through the real CLI with one warning per token at its column', async () => {
    const root = inlineSite(
      `-- bds.config.json --\n{"title": "T", "url": "https://example.com"}\n-- posts/p.md --\n${FRONT}${'[[a '.repeat(100_000)}\n`,
    )
    // 100,000 diagnostics are about 60 MB of text: to a file, not to a pipe buffer.
    const log = join(tempDir(), 'stderr.txt')
    const fd = openSync(log, 'w')
    const child = spawn(process.execPath, [join(repoRoot, 'bin/bds.js'), 'build', root], {
      stdio: ['ignore', 'ignore', fd],
      env: { ...process.env, NO_COLOR: '1' },
    })
    const status = await new Promise<number | null>((done) => child.on('exit', done))
    closeSync(fd)
    expect(status).toBe(0)
    const stderr = readFileSync(log, 'utf8')
    expect(stderr.match(/^warning BDS_MACRO_SYNTAX/gm)).toHaveLength(100_000)
    expect(stderr).toContain('--> posts/p.md:5:5\n')
    expect(stderr).toContain('--> posts/p.md:5:399997\n')
  }, 120_000)
})
