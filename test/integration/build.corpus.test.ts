// The bench's 4000-post corpus (bench/corpus.ts, its fixed seed) builds to the same bytes as
// before: each output file's digest (the search index's as one) is pinned in __golden__/corpus-4000.txt (refresh with
// `npx vitest run -u` and review like code). A speed change that alters any page, feed or the
// search index fails here. The build shares its pages with a render worker, so pages rendered
// on either thread are pinned (the fixture sites' golden tests compare one thread with several).

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/corpus.js'
import { build } from '../../dist/index.js'
import { listFiles, tempDir, withoutVersion } from '../helpers/site.js'

const text = /\.(html|xml|json|js|css|txt)$/

function digest(out: string, file: string): string {
  const bytes = readFileSync(join(out, file))
  const data = text.test(file) ? withoutVersion(bytes.toString('utf8')) : bytes
  return createHash('sha256').update(data).digest('hex').slice(0, 16)
}

describe('the 4000-post bench corpus', () => {
  it('builds to the pinned bytes', { timeout: 300_000 }, async () => {
    const root = join(tempDir(), 'site')
    await generateCorpus(root, 4000)
    const out = join(tempDir(), 'out')
    const report = await build({ root, out, threads: 2 }, { parallel: true })
    expect(report.diagnostics).toEqual([])
    const files = listFiles(out).filter((f) => f !== '.bds-output.json')
    expect(files.length).toBeGreaterThan(9000)
    // Pagefind names its files by content: one digest stands for its whole folder.
    const index = files.filter((f) => f.startsWith('pagefind/'))
    const whole = createHash('sha256')
    for (const f of index) whole.update(`${f}\0${digest(out, f)}\n`)
    const lines = [
      ...files.filter((f) => !f.startsWith('pagefind/')).map((f) => `${digest(out, f)}  ${f}`),
      `${whole.digest('hex').slice(0, 16)}  pagefind/ (${index.length} files)`,
    ]
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__golden__/corpus-4000.txt')
  })
})
