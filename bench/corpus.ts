// Deterministic benchmark corpus: the same N always gives byte-identical posts. Writes a bds site
// (generateCorpus) and exports the post list and file writer so peers get the very same posts.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { body, int, mulberry32, pick, title, words } from './text.js'

export interface Post {
  slug: string
  title: string
  date: Date
  tags: string[]
  categories: string[]
  body: string
}

export interface CorpusOptions {
  /** PRNG seed; the default gives the standard corpus. */
  seed?: number
  /** Years the post dates spread over, starting 2019-01-01T09:00:00Z. */
  years?: number
}

export const BDS_CONFIG = {
  title: 'Bench',
  url: 'https://bench.example',
  timezone: 'UTC',
  postsPerPage: 10,
}

const TAGS = (
  'javascript typescript python rust go css html markdown performance caching testing design ' +
  'accessibility security databases linux tooling releases tutorials notes travel photography ' +
  'music books cooking gardening cycling running weekly meta'
).split(' ')
const CATEGORIES = ['engineering', 'personal', 'news', 'guides', 'reviews', 'misc']
const START = Date.UTC(2019, 0, 1, 9, 0, 0)
const MINUTE = 60_000

/** The N posts of the corpus, oldest first. */
export function makePosts(n: number, opts: CorpusOptions = {}): Post[] {
  const rand = mulberry32(opts.seed ?? 0xbd5)
  const span = (opts.years ?? 4) * 365 * 24 * 60
  const meanStep = span / Math.max(n, 1)
  const posts: Post[] = []
  let at = START
  for (let i = 0; i < n; i++) {
    const tags = new Set<string>()
    const tagCount = int(rand, 1, 3)
    while (tags.size < tagCount) tags.add(pick(rand, TAGS))
    const slugWords = words(rand, 2, 4).join('-')
    posts.push({
      slug: `${slugWords}-${i + 1}`,
      title: title(rand),
      date: new Date(at),
      tags: [...tags],
      categories: [pick(rand, CATEGORIES)],
      body: body(rand, int(rand, 1000, 2700)),
    })
    // A quarter of the steps stay within a few hours, so some days carry several posts.
    const step = rand() < 0.25 ? int(rand, 5, 180) : Math.round(rand() * meanStep * 2.6)
    at += step * MINUTE
  }
  return posts
}

const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z')

/** The Markdown file of one post: YAML front matter plus body. */
export function postFile(post: Post): string {
  const list = (xs: string[]): string => `[${xs.join(', ')}]`
  return [
    '---',
    `title: "${post.title}"`,
    `date: ${iso(post.date)}`,
    `tags: ${list(post.tags)}`,
    `categories: ${list(post.categories)}`,
    '---',
    '',
    post.body,
  ].join('\n')
}

/** Relative path of a post below its content folder: YYYY/MM/<slug>.md */
export function postPath(post: Post): string {
  const yyyy = String(post.date.getUTCFullYear())
  const mm = String(post.date.getUTCMonth() + 1).padStart(2, '0')
  return join(yyyy, mm, `${post.slug}.md`)
}

/** Writes every post below `contentDir` as YYYY/MM/<slug>.md. */
export async function writePosts(contentDir: string, posts: readonly Post[]): Promise<void> {
  const dirs = new Set(posts.map((p) => join(contentDir, postPath(p), '..')))
  for (const dir of dirs) await mkdir(dir, { recursive: true })
  const batch = 64
  for (let i = 0; i < posts.length; i += batch) {
    const slice = posts.slice(i, i + batch)
    await Promise.all(slice.map((p) => writeFile(join(contentDir, postPath(p)), postFile(p))))
  }
}

/** Writes a bds site into `dir` (bds.config.json + posts/YYYY/MM/<slug>.md); returns the posts. */
export async function generateCorpus(
  dir: string,
  n: number,
  opts: CorpusOptions = {},
): Promise<Post[]> {
  const posts = makePosts(n, opts)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'bds.config.json'), `${JSON.stringify(BDS_CONFIG, null, 2)}\n`)
  await writePosts(join(dir, 'posts'), posts)
  return posts
}
