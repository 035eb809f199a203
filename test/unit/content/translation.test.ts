// Translation files as bDS reads and validates them (rfc1437/bDS postTranslationFileUtils.ts,
// tests/engine/PostTranslationSystem.test.ts) and posts resolved for a language subtree
// (BlogGenerationEngine.resolvePostsForLanguage). Issue 12, items 3 and 4.

import { describe, expect, it } from 'vitest'
import {
  createPost,
  isTranslatable,
  joinTranslations,
  looksLikeTranslation,
  parseTranslation,
  resolveForLanguage,
  translationSlug,
} from '../../../src/content/index.js'
import { isBdsError } from '../../../src/errors/index.js'

const defaults = { timezone: 'UTC', author: '', language: 'de' }
const post = (id: string, extra = '') =>
  createPost(
    `---\nid: ${id}\ntitle: Hallo\ndate: 2024-01-02\n${extra}---\nText.\n`,
    `posts/${id}.md`,
    'post',
    defaults,
  )
const translation = (file: string, front: string, body = 'Body.\n') =>
  parseTranslation(`---\n${front}\n---\n${body}`, file)

describe('parseTranslation', () => {
  it('reads translationFor, language, title, excerpt and the body', () => {
    const t = translation(
      'posts/2024/01/hallo.en.md',
      'translationFor: p1\nlanguage: en\ntitle: Hello\nexcerpt: Short',
      'English text.\n',
    )
    expect(t).toMatchObject({
      file: 'posts/2024/01/hallo.en.md',
      translationFor: 'p1',
      language: 'en',
      title: 'Hello',
      excerpt: 'Short',
      status: 'published',
      body: 'English text.\n',
      bodyLine: 7,
    })
    expect(
      translation('x.md', 'translationFor: p\nlanguage: fr\ntitle: T\nstatus: draft').status,
    ).toBe('draft')
  })

  it.each([
    ['translationFor', 'language: en\ntitle: Hello', 1],
    ['language', 'translationFor: p1\nlanguage: ""\ntitle: Hello', 3],
    ['title', 'translationFor: p1\nlanguage: en', 1],
  ])('rejects a file without %s, naming the line', (key, front, line) => {
    try {
      translation('posts/t.en.md', front)
      expect.unreachable()
    } catch (error) {
      expect(isBdsError(error)).toBe(true)
      expect(error).toMatchObject({
        code: 'BDS_TRANSLATION_INVALID',
        message: `The translation file has no ${key}; bDS would skip it.`,
        pos: { file: 'posts/t.en.md', line },
      })
    }
  })

  it('is detected by front matter, whatever the file name', () => {
    expect(looksLikeTranslation('---\ntranslationFor: x\n---\n')).toBe(true)
    expect(looksLikeTranslation('---\ntitle: t\n---\ntranslationFor: x\n')).toBe(false)
    expect(looksLikeTranslation('translationFor: x')).toBe(false)
  })
})

describe('joinTranslations', () => {
  const posts = [post('p1'), post('p2', 'language: en\n')]

  it('attaches published translations; same-language, orphan and duplicate ones warn', () => {
    const sets = joinTranslations(
      [
        translation('posts/a.en.md', 'translationFor: p1\nlanguage: EN\ntitle: Hello'),
        translation('posts/a.de.md', 'translationFor: p1\nlanguage: de\ntitle: Hallo'),
        translation('posts/b.en.md', 'translationFor: p2\nlanguage: en\ntitle: Same'),
        translation('posts/c.it.md', 'translationFor: missing\nlanguage: it\ntitle: Ciao'),
        translation('posts/d.en.md', 'translationFor: p1\nlanguage: en\ntitle: Twice'),
        translation('posts/e.fr.md', 'translationFor: p1\nlanguage: fr\ntitle: T\nstatus: draft'),
      ],
      posts,
      'de',
    )
    expect([...sets.byPost].map(([id, list]) => [id, list.map((t) => t.file)])).toEqual([
      ['p1', ['posts/a.en.md']],
    ])
    expect(sets.diagnostics.map((d) => [d.pos?.file, d.severity, d.message])).toEqual([
      ['posts/a.de.md', 'warning', 'The translation is in de, the language of posts/p1.md itself.'],
      ['posts/b.en.md', 'warning', 'The translation is in en, the language of posts/p2.md itself.'],
      ['posts/c.it.md', 'warning', 'No post has the id "missing" this file translates.'],
      ['posts/d.en.md', 'warning', 'posts/a.en.md already translates posts/p1.md into en.'],
    ])
  })

  it('resolves a post for a language subtree, keeping slug and dates', () => {
    const sets = joinTranslations(
      [
        translation(
          'posts/a.en.md',
          'translationFor: p1\nlanguage: en\ntitle: Hello\nexcerpt: E',
          'Hi.\n',
        ),
      ],
      posts,
      'de',
    )
    const [p1, p2] = posts as [ReturnType<typeof post>, ReturnType<typeof post>]
    const en = resolveForLanguage(p1, 'en', sets, 'de')
    expect(en).toMatchObject({
      slug: 'p1',
      title: 'Hello',
      excerpt: 'E',
      body: 'Hi.\n',
      language: 'en',
    })
    expect(en.date).toBe(p1.date)
    expect(resolveForLanguage(p1, 'fr', sets, 'de')).toBe(p1)
    expect(resolveForLanguage(p1, 'de', sets, 'de')).toBe(p1)
    expect(resolveForLanguage(p2, 'EN', sets, 'de')).toBe(p2)
  })

  it('names translation pages slug.LANG and leaves doNotTranslate posts out', () => {
    expect(translationSlug('hallo-welt', 'EN')).toBe('hallo-welt.en')
    expect(isTranslatable(post('p3', 'doNotTranslate: true\n'))).toBe(false)
    expect(isTranslatable(post('p4'))).toBe(true)
  })
})
