// Translations joined to their posts as bDS's PostEngine does (rejecting a translation in its
// post's own language, or of a missing post) and posts resolved for a language subtree as
// bDS's BlogGenerationEngine.resolvePostsForLanguage does (rfc1437/bDS, tests/engine/
// PostTranslationSystem.test.ts).

import { BdsError } from '../errors/index.js'
import type { Translation } from './translation.js'
import type { Post } from './types.js'

export interface TranslationSets {
  /** Published translations per post id, in file order, one per language. */
  byPost: Map<string, Translation[]>
  diagnostics: BdsError[]
}

const lang = (code: string) => code.trim().toLowerCase()

/** The language a post is written in: its own, else the site's main language (bDS fallback). */
export const postLanguage = (post: Post, mainLanguage: string): string =>
  lang(typeof post.data.language === 'string' ? post.data.language : mainLanguage)

function warn(t: Translation, message: string): BdsError {
  const pos = { file: t.file, line: t.keyLines.get('translationFor') ?? 1, column: 1 }
  return new BdsError('BDS_TRANSLATION_INVALID', message, { pos, severity: 'warning' })
}

/** Attaches published translations to their posts; the rest are warned about or dropped. */
export function joinTranslations(
  translations: readonly Translation[],
  posts: readonly Post[],
  mainLanguage: string,
): TranslationSets {
  const postsById = new Map(posts.map((p) => [p.id, p]))
  const byPost = new Map<string, Translation[]>()
  const diagnostics: BdsError[] = []
  for (const t of [...translations].sort((a, b) => a.file.localeCompare(b.file))) {
    const post = postsById.get(t.translationFor)
    if (!post) {
      diagnostics.push(warn(t, `No post has the id "${t.translationFor}" this file translates.`))
      continue
    }
    if (lang(t.language) === postLanguage(post, mainLanguage)) {
      const message = `The translation is in ${t.language}, the language of ${post.file} itself.`
      diagnostics.push(warn(t, message))
      continue
    }
    if (t.status !== 'published') continue
    const list = byPost.get(post.id) ?? []
    const twin = list.find((other) => lang(other.language) === lang(t.language))
    if (twin) {
      diagnostics.push(warn(t, `${twin.file} already translates ${post.file} into ${t.language}.`))
      continue
    }
    list.push(t)
    byPost.set(post.id, list)
  }
  return { byPost, diagnostics }
}

/** bDS's slug of a translation's own page in the main tree: `slug.LANG`. */
export const translationSlug = (slug: string, language: string) => `${slug}.${lang(language)}`

/** True unless the post says `doNotTranslate: true` (left out of language subtrees). */
export const isTranslatable = (post: Post) => post.data.doNotTranslate !== true

/**
 * The post as the `language` subtree shows it: title, excerpt, body and language from its
 * translation, everything else (slug, dates, tags) from the post — its file is the
 * translation's, so positions name it; the post itself when it has no translation into that
 * language or is already written in it.
 */
export function resolveForLanguage(
  post: Post,
  language: string,
  sets: TranslationSets,
  mainLanguage: string,
): Post {
  if (postLanguage(post, mainLanguage) === lang(language)) return post
  const t = sets.byPost.get(post.id)?.find((x) => lang(x.language) === lang(language))
  if (!t) return post
  return {
    ...post,
    file: t.file,
    title: t.title,
    untitled: false,
    excerpt: t.excerpt ?? post.excerpt,
    body: t.body,
    bodyLine: t.bodyLine,
    language: t.language,
  }
}
