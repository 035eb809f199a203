// Where a list's feeds are and how a page links them: one file per format (rss.xml, atom.xml,
// feed.json) in the list's folder, each with its MIME type and a title for <link rel=alternate>.

import type { FeedFormat } from '../config/index.js'

export const FEED_FORMATS: Readonly<
  Record<FeedFormat, { file: string; type: string; label: string }>
> = {
  rss: { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
}

export interface FeedLink {
  format: FeedFormat
  /** MIME type, for `<link type>`. */
  type: string
  /** `RSS`, `Atom` or `JSON Feed`. */
  label: string
  /** What the feed is of, with the label: "Tag: bread (RSS)". */
  title: string
  /** URL path of the feed file. */
  url: string
}

/** The feeds in the folder `base` (a URL path ending in `/`) of the list called `title`. */
export function feedLinks(formats: readonly FeedFormat[], base: string, title: string): FeedLink[] {
  return formats.map((format) => {
    const { file, type, label } = FEED_FORMATS[format]
    return { format, type, label, title: `${title} (${label})`, url: `${base}${file}` }
  })
}
