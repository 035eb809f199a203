// meta/project.json read as bDS reads it and merged with bds.config.json (bds.config.json
// wins key by key), and the timezone notice (issue 12, item 10; rfc1437/bDS MetaEngine.ts,
// BlogGenerationEngine.ts clampMaxPostsPerPage / resolvePublicBaseUrl).

import { describe, expect, it } from 'vitest'
import {
  bdsPostsPerPage,
  bdsPublicUrl,
  mergeConfig,
  projectSettings,
  timezoneNotice,
} from '../../../src/config/merge.js'

const project = {
  name: 'Demo',
  description: ' Ein Blog ',
  publicUrl: 'https://demo.example/blog/',
  mainLanguage: 'de',
  defaultAuthor: 'Grete',
  maxPostsPerPage: 4,
  blogLanguages: ['de', 'EN', 'fr', 'en'],
  picoTheme: 'azure',
}

describe('projectSettings', () => {
  it('maps project.json onto bds settings, feeds as long as a page', () => {
    expect(projectSettings(project)).toEqual({
      title: 'Demo',
      description: 'Ein Blog',
      url: 'https://demo.example/blog',
      language: 'de',
      author: 'Grete',
      postsPerPage: 4,
      feedItems: 4,
      languages: ['en', 'fr'],
    })
  })

  it('clamps maxPostsPerPage as bDS does, 50 when absent', () => {
    expect([undefined, 0, -3, 2.9, 501, '7'].map(bdsPostsPerPage)).toEqual([50, 50, 50, 2, 500, 50])
    expect(projectSettings({}).postsPerPage).toBe(50)
  })

  it('keeps only http(s) public URLs', () => {
    expect(bdsPublicUrl('ftp://x.example')).toBeUndefined()
    expect(bdsPublicUrl('not a url')).toBeUndefined()
    expect(bdsPublicUrl('https://x.example/')).toBe('https://x.example')
  })
})

describe('mergeConfig', () => {
  it('lets bds.config.json win key by key and keeps the rest of project.json', () => {
    const merged = mergeConfig(
      { timezone: 'Europe/Berlin', postsPerPage: 10 },
      projectSettings(project),
    )
    expect(merged.config).toMatchObject({
      title: 'Demo',
      timezone: 'Europe/Berlin',
      postsPerPage: 10,
      feedItems: 4,
      languages: ['en', 'fr'],
    })
    expect(merged.sources.get('postsPerPage')).toBe('bds.config.json')
    expect(merged.sources.get('title')).toBe('meta/project.json')
  })

  it('works with either file alone', () => {
    expect(mergeConfig({ title: 'Own' }, undefined).config).toEqual({ title: 'Own' })
    expect(mergeConfig(undefined, { title: 'P' }).config).toEqual({ title: 'P' })
  })
})

describe('timezoneNotice', () => {
  it('is said for a bDS project without a timezone, naming the zone used and how to set it', () => {
    const notice = timezoneNotice(mergeConfig(undefined, projectSettings(project)), 'UTC')
    expect(notice).toMatch(/^This bDS project sets no timezone, so .* use UTC\./)
    expect(notice).toContain('"timezone"')
  })

  it('is not said when a timezone is set, or for a site that is not a bDS project', () => {
    expect(
      timezoneNotice(mergeConfig({ timezone: 'UTC' }, projectSettings(project)), 'UTC'),
    ).toBeUndefined()
    expect(timezoneNotice(mergeConfig({ title: 'x' }, undefined), 'UTC')).toBeUndefined()
  })
})
