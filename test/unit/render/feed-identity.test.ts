// Feed item identity as bDS wrote it (rfc1437/bDS GenerationSitemapFeedService.ts and
// tests/engine/GenerationSitemapFeedService.test.ts; issue 12, item 5).

import { describe, expect, it } from 'vitest'
import {
  bdsFeedId,
  bdsFeedPosts,
  bdsFeedUpdated,
  bdsItemId,
  bdsItemLink,
  bdsItemPublished,
} from '../../../src/render/feed-identity.js'

const post = (slug: string, date: string, updated = date, published?: string) => ({
  slug,
  date: new Date(date),
  updated: new Date(updated),
  published: published ? new Date(published) : undefined,
})

describe('feed identity', () => {
  it('uses the permalink without a trailing slash as guid, id and link', () => {
    const p = post('news-1', '2025-01-15T10:00:00.000Z')
    expect(bdsItemId(p, 'https://example.com/', 'UTC')).toBe(
      'https://example.com/2025/01/15/news-1',
    )
    expect(bdsItemLink(p, 'https://example.com/blog', 'UTC')).toBe(
      'https://example.com/blog/2025/01/15/news-1',
    )
    expect(bdsItemId(p, 'https://example.com', 'UTC', '/fr')).toBe(
      'https://example.com/fr/2025/01/15/news-1',
    )
  })

  it('dates the permalink in the zone bDS ran in', () => {
    const late = post('late', '2025-01-15T23:30:00.000Z')
    expect(bdsItemId(late, 'https://e.x', 'Europe/Berlin')).toBe('https://e.x/2025/01/16/late')
  })

  it('dates an item by publishedAt, else updatedAt — never createdAt', () => {
    const a = post('a', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', '2025-01-02T00:00:00Z')
    const b = post('b', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z')
    expect(bdsItemPublished(a)).toEqual(new Date('2025-01-02T00:00:00Z'))
    expect(bdsItemPublished(b)).toEqual(new Date('2025-02-01T00:00:00Z'))
  })

  it('takes the first maxPostsPerPage list posts, newest created first', () => {
    const posts = [
      post('old', '2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z'),
      post('new', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'),
      post('mid', '2024-06-01T00:00:00Z'),
    ]
    const feed = bdsFeedPosts(posts, 2)
    expect(feed.map((p) => p.slug)).toEqual(['new', 'mid'])
    expect(bdsFeedUpdated(feed)).toEqual(new Date('2025-01-02T00:00:00Z'))
    expect(bdsFeedUpdated([])).toBeUndefined()
  })

  it('identifies the Atom feed by the site URL with a slash', () => {
    expect(bdsFeedId('https://example.com')).toBe('https://example.com/')
    expect(bdsFeedId('https://example.com/', '/de')).toBe('https://example.com/de/')
  })
})
