// Routes of posts and pages as bDS generates them (rfc1437/bDS RoutePageGenerationService.ts,
// tests/engine/RoutePageGenerationService.test.ts) and language alternates (issue 12, items 4, 7).

import { describe, expect, it } from 'vitest'
import {
  bdsPostRoutes,
  languageAlternates,
  subtreeLanguages,
} from '../../../src/render/bds-routes.js'

const at = new Date('2025-06-01T22:30:00.000Z')

describe('bdsPostRoutes', () => {
  it('gives every post its zero-padded day permalink', () => {
    expect(bdsPostRoutes({ slug: 'hallo', date: at, dated: true, kind: 'post' }, 'UTC')).toEqual({
      permalink: '/2025/06/01/hallo/',
      page: undefined,
      canonical: '/2025/06/01/hallo/',
    })
    expect(
      bdsPostRoutes({ slug: 'hallo', date: at, dated: true, kind: 'post' }, 'Europe/Berlin')
        .permalink,
    ).toBe('/2025/06/02/hallo/')
  })

  it('gives a page post both /slug/ and its permalink, /slug/ being canonical', () => {
    const page = { slug: 'impressum', date: at, dated: true, kind: 'page' as const }
    expect(bdsPostRoutes(page, 'UTC')).toEqual({
      permalink: '/2025/06/01/impressum/',
      page: '/impressum/',
      canonical: '/impressum/',
    })
    expect(bdsPostRoutes(page, 'UTC', '/en').page).toBe('/en/impressum/')
    expect(bdsPostRoutes({ ...page, dated: false }, 'UTC').permalink).toBeUndefined()
  })
})

describe('language subtrees', () => {
  it('takes the extra blogLanguages, lower-cased, without the main language', () => {
    expect(subtreeLanguages('de', ['de', 'EN', ' fr ', 'en', ''])).toEqual(['en', 'fr'])
  })

  it('names the same page in every language, none for doNotTranslate', () => {
    expect(languageAlternates('/2025/03/02/hallo-welt/', 'de', ['de', 'en'])).toEqual([
      { language: 'de', href: '/2025/03/02/hallo-welt/' },
      { language: 'en', href: '/en/2025/03/02/hallo-welt/' },
    ])
    expect(languageAlternates('/impressum/', 'de', ['en'], false)).toEqual([])
    expect(languageAlternates('/', 'de', ['de'])).toEqual([])
  })
})
