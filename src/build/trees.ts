// The language trees of a site: the main language at `/`, and for each extra language
// (bDS's blogLanguages) a subtree under `/{lang}/` holding the posts that may be translated,
// each resolved to its translation where one exists (content/translation-sets.ts, after
// bDS's BlogGenerationEngine). A resolved post is made once per post and translation, so a
// rebuild sees the same object when neither changed.

import type { ResolvedConfig } from '../config/index.js'
import {
  isTranslatable,
  joinTranslations,
  type Post,
  resolveForLanguage,
  type Translation,
} from '../content/index.js'
import type { BdsError } from '../errors/index.js'
import {
  type Alternate,
  indexSite,
  type SiteAlternates,
  type SiteIndex,
  type SiteRules,
  type Tree,
} from '../site/index.js'

export interface TreeInput {
  tree: Tree
  /** The tree's posts in content order. */
  posts: Post[]
  index: SiteIndex
}

/** Resolved posts by post and translation file, kept across rebuilds. */
export type ResolvedMemo = WeakMap<Post, Map<string, Post>>

/** The trees, each with its URL prefix: the base path, then `/{lang}` in a subtree. */
export function siteTrees(config: ResolvedConfig): Tree[] {
  const base = config.basePath
  return [
    { language: config.language, prefix: base, base },
    ...config.languages.map((language) => ({ language, prefix: `${base}/${language}`, base })),
  ]
}

export function buildTrees(
  config: ResolvedConfig,
  posts: Post[],
  translations: Iterable<Translation>,
  rules: SiteRules,
  memo: ResolvedMemo,
  data: Readonly<Record<string, unknown>> = {},
): { trees: TreeInput[]; diagnostics: BdsError[] } {
  const [main, ...extra] = siteTrees(config)
  const tz = config.timezone
  const options = { taxonomies: config.taxonomies, data }
  const trees: TreeInput[] = [
    { tree: main as Tree, posts, index: indexSite(posts, tz, rules, main, options) },
  ]
  if (extra.length === 0) return { trees, diagnostics: [] }
  const sets = joinTranslations([...translations], posts, config.language)
  for (const tree of extra) {
    const resolved = posts.filter(isTranslatable).map((post) => {
      const made = resolveForLanguage(post, tree.language, sets, config.language)
      if (made === post) return post
      const byFile = memo.get(post) ?? new Map<string, Post>()
      memo.set(post, byFile)
      const known = byFile.get(made.file)
      const same = (a: Post, b: Post) =>
        a.body === b.body &&
        a.title === b.title &&
        a.excerpt === b.excerpt &&
        a.bodyLine === b.bodyLine
      if (known && same(known, made)) return known
      byFile.set(made.file, made)
      return made
    })
    trees.push({ tree, posts: resolved, index: indexSite(resolved, tz, rules, tree, options) })
  }
  return { trees, diagnostics: sets.diagnostics }
}

/** Where each post and the home page are in every tree (hreflang, the switcher); none for one tree. */
export function siteAlternates(trees: readonly TreeInput[]): SiteAlternates | undefined {
  if (trees.length < 2) return undefined
  const posts: Record<string, Alternate[]> = {}
  for (const { tree, index } of trees)
    for (const post of index.posts) {
      const list = posts[post.id] ?? []
      list.push({ language: tree.language, href: index.urls.get(post) as string })
      posts[post.id] = list
    }
  for (const [id, list] of Object.entries(posts)) if (list.length < 2) delete posts[id]
  const home = trees.map(({ tree }) => ({ language: tree.language, href: `${tree.prefix}/` }))
  return { posts, home }
}
