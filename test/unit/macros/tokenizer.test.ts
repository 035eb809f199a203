// The macro tokenizer against fixtures/markdown/macros.txt (markdown-it fixture format),
// rendered through the real markdown-it instance and a fake runner.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Post } from '../../../src/content/index.js'
import { type MacroEnv, runMacros } from '../../../src/macros/index.js'
import { createMarkdown } from '../../../src/render/index.js'
import { fakeRunner } from '../../helpers/fake-macros.js'
import { parseFixtureTxt } from '../../helpers/fixture-txt.js'
import { fixturesDir } from '../../helpers/site.js'

const md = createMarkdown({ linkify: false, typographer: false })
const site = {
  language: 'en',
  languagePrefix: '',
  basePath: '',
  url: 'https://x.example',
  timezone: 'UTC',
  tags: [],
  media: [],
  options: { stringParams: false, youtubeNoCookie: false },
}

async function renderWithFakes(source: string, bodyLine = 1) {
  const env: MacroEnv = { bds: { file: 'posts/t.md', bodyLine, calls: [], errors: [] } }
  const tokens = md.parse(source, env)
  const bds = env.bds as NonNullable<MacroEnv['bds']>
  const post = { id: 't', file: 'posts/t.md' } as Post
  const run = await runMacros(
    bds.calls.map((call) => ({ call, post, url: '/t/', site })),
    [fakeRunner],
  )
  bds.outputs = new Map()
  run.outputs.forEach((o, i) => {
    if (o) bds.outputs?.set(i, o.html)
  })
  return {
    html: md.renderer.render(tokens, md.options, env),
    env: bds,
    diagnostics: run.diagnostics,
  }
}

const cases = parseFixtureTxt(readFileSync(join(fixturesDir, 'markdown/macros.txt'), 'utf8'))

describe('macro tokenizer fixtures', () => {
  it('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60))

  for (const c of cases) {
    it(c.description, async () => {
      const input = c.description.includes('without newline') ? c.input.replace(/\n$/, '') : c.input
      const { html, env } = await renderWithFakes(input)
      expect(html).toBe(c.output)
      const syntax = /!syntax (\d+):(\d+)/.exec(c.description)
      if (syntax) {
        expect(env.errors).toHaveLength(1)
        expect(env.errors[0]?.pos).toMatchObject({
          line: Number(syntax[1]),
          column: Number(syntax[2]),
        })
      } else {
        expect(env.errors).toEqual([])
      }
    })
  }
})
