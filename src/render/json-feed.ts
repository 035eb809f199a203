// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) from the same items as RSS and Atom:
// the same ids and links (bDS's for a bDS project), HTML content with absolute links, a
// plain-text summary, RFC 3339 dates.

import type { ResolvedConfig } from '../config/index.js'
import type { PostMeta } from '../content/index.js'
import { type PostView, plainExcerpt } from '../site/index.js'
import { isoUtc } from '../util/time.js'
import { feedItems, feedStyle } from './feeds.js'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

export function renderJsonFeed(
  config: ResolvedConfig,
  posts: readonly PostMeta[],
  views: ReadonlyMap<PostMeta, PostView>,
  style = feedStyle(config),
): string {
  const items = feedItems(config, posts, views, style).map((i) => {
    const summary = plainExcerpt(i.view)
    const terms = [...i.post.categories, ...i.post.tags]
    return {
      id: i.link,
      url: i.link,
      title: i.post.title,
      content_html: i.content,
      ...(summary ? { summary } : {}),
      date_published: isoUtc(style.published(i.post)),
      date_modified: isoUtc(i.post.updated),
      ...(i.post.author ? { authors: [{ name: i.post.author }] } : {}),
      ...(terms.length ? { tags: terms } : {}),
      ...(i.post.language ? { language: i.post.language } : {}),
    }
  })
  const feed = {
    version: JSON_FEED_VERSION,
    title: style.title,
    home_page_url: style.home,
    feed_url: `${style.base}/feed.json`,
    ...(config.description ? { description: config.description } : {}),
    language: style.language,
    ...(config.author ? { authors: [{ name: config.author }] } : {}),
    items,
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}
