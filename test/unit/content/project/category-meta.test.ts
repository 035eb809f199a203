// Category metadata and the list-post rule, as bDS's MetaEngine and BlogGenerationEngine
// resolve them (rfc1437/bDS tests/engine/MetaEngine.test.ts, GenerationPostSnapshotService.test.ts).

import { describe, expect, it } from 'vitest'
import {
  categoryTitle,
  defaultCategoryMeta,
  isListPost,
  isRendered,
  renderedPosts,
  resolveCategoryMeta,
  showTitleInLists,
} from '../../../../src/content/project/index.js'

const post = (...categories: string[]) => ({ categories })

describe('resolveCategoryMeta', () => {
  it("has bDS's defaults for article, picture, aside and page", () => {
    expect(resolveCategoryMeta(undefined)).toEqual(defaultCategoryMeta())
    expect(defaultCategoryMeta()).toEqual({
      article: { renderInLists: true, showTitle: true, title: 'article' },
      picture: { renderInLists: true, showTitle: true, title: 'picture' },
      aside: { renderInLists: true, showTitle: false, title: 'aside' },
      page: { renderInLists: false, showTitle: true, title: 'page' },
    })
  })

  it('normalises keys, treats anything but false as true, and falls back to the name', () => {
    const meta = resolveCategoryMeta(
      {
        ' Notes ': { renderInLists: false, title: '  ' },
        aside: { showTitle: 'no', title: 'Kurz notiert', listTemplateSlug: 'asides' },
        broken: 'yes',
      },
      ['Links', 'notes'],
    )
    expect(meta.notes).toEqual({ renderInLists: false, showTitle: true, title: 'notes' })
    expect(meta.aside).toEqual({
      renderInLists: true,
      showTitle: true,
      title: 'Kurz notiert',
      listTemplateSlug: 'asides',
    })
    expect(meta.links).toEqual({ renderInLists: true, showTitle: true, title: 'links' })
    expect(meta.broken).toBeUndefined()
  })
})

describe('the list-post rule', () => {
  const meta = resolveCategoryMeta({ hidden: { renderInLists: false } })

  it('leaves out posts with any category that does not render in lists', () => {
    expect(isListPost(post('article'), meta)).toBe(true)
    expect(isListPost(post(), meta)).toBe(true)
    expect(isListPost(post('page'), meta)).toBe(false)
    expect(isListPost(post('article', 'Hidden'), meta)).toBe(false)
    expect(isListPost(post('unknown'), meta)).toBe(true)
  })

  it('hides list titles when any category says so (asides)', () => {
    expect(showTitleInLists(post('aside'), meta)).toBe(false)
    expect(showTitleInLists(post('article', 'aside'), meta)).toBe(false)
    expect(showTitleInLists(post(), meta)).toBe(true)
  })

  it('names categories by their title', () => {
    const titled = resolveCategoryMeta({ article: { title: 'Artikel' } })
    expect(categoryTitle('Article', titled)).toBe('Artikel')
    expect(categoryTitle('Other', titled)).toBe('Other')
  })
})

describe('which posts are rendered', () => {
  const posts = [
    { id: 'p', status: 'published' as const },
    { id: 'd', status: 'draft' as const },
    { id: 'a', status: 'archived' as const },
  ]

  it('renders published posts only, drafts with --drafts, archived never', () => {
    expect(renderedPosts(posts).map((p) => p.id)).toEqual(['p'])
    expect(renderedPosts(posts, { drafts: true }).map((p) => p.id)).toEqual(['p', 'd'])
    expect(isRendered({ status: 'archived' }, { drafts: true })).toBe(false)
  })
})
