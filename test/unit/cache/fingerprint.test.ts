// The content fingerprint that names a whole build in the cache (#16): the same files give
// the same fingerprint wherever the site lies and whatever their times; an edit to anything a
// page is made from changes it; a copied file counts by path and size.

import { cpSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentFingerprint } from '../../../src/cache/index.js'
import { loadConfig, resolveConfig } from '../../../src/config/index.js'
import { nodeFs } from '../../../src/util/fs.js'
import { bundledTemplatesDir } from '../../../src/version.js'
import { inlineSite, tempDir } from '../../helpers/site.js'

const SITE = `-- bds.config.json --
{"title": "F"}
-- posts/a.md --
---
title: A
---
Body.
-- static/robots.txt --
allow
-- media/p.png --
png
-- media/p.png.meta --
title: P
-- meta/tags.json --
[]
`

const fingerprint = async (root: string) => {
  const config = resolveConfig(await loadConfig(root), {}, root)
  return contentFingerprint(config, nodeFs, bundledTemplatesDir)
}

describe('the content fingerprint', () => {
  it('is the same for a copy at another path with other file times', async () => {
    const root = inlineSite(SITE)
    const copy = join(tempDir(), 'deep', 'copy')
    cpSync(root, copy, { recursive: true })
    utimesSync(join(copy, 'posts/a.md'), 1, 1)
    expect(await fingerprint(copy)).toBe(await fingerprint(root))
  })

  it.each([
    ['a post', 'posts/a.md', '---\ntitle: A\n---\nBody!\n'],
    ['the config', 'bds.config.json', '{"title": "G"}'],
    ['a template', 'templates/post.liquid', '{{ post.title }}'],
    ['a script', 'scripts/s.py', 'x = 1\n'],
    ['a bDS meta file', 'meta/tags.json', '["t"]'],
    ['a media sidecar', 'media/p.png.meta', 'title: Q\n'],
    ['a data file', 'data/links.json', '[]'],
    ['an image, same size (its width and height reach the pages)', 'media/p.png', 'PNG\n'],
    ['the size of a static file', 'static/robots.txt', 'allow all\n'],
  ])('changes with %s', async (_, file, text) => {
    const root = inlineSite(SITE)
    const before = await fingerprint(root)
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
    expect(await fingerprint(root)).not.toBe(before)
  })

  it('does not read copied files that are not images (static, media): same size, same fingerprint', async () => {
    const root = inlineSite(SITE)
    const before = await fingerprint(root)
    writeFileSync(join(root, 'static/robots.txt'), 'ALLOW\n')
    expect(await fingerprint(root)).toBe(before)
  })
})
