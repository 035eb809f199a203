import { describe, expect, it } from 'vitest'
import { createFilters } from '../../../src/render/filters.js'
import { createMarkdown, renderBody } from '../../../src/render/index.js'
import { strftime } from '../../../src/render/strftime.js'

const md = createMarkdown({ linkify: false, typographer: false })

describe('markdown', () => {
  it('renders CommonMark with tables, strikethrough and raw HTML', () => {
    const { html } = renderBody(md, '| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ <kbd>Ctrl</kbd>\n')
    expect(html).toContain('<table>')
    expect(html).toContain('<s>gone</s>')
    expect(html).toContain('<kbd>Ctrl</kbd>')
  })

  it('adds unique heading ids', () => {
    const { html } = renderBody(
      md,
      '# Hello World\n\n## Hello World\n\n### `code` & more\n\n## !!!\n',
    )
    expect(html).toContain('<h1 id="hello-world">')
    expect(html).toContain('<h2 id="hello-world-1">')
    expect(html).toContain('<h3 id="code-more">')
    expect(html).toContain('<h2 id="section">')
  })

  it('marks code blocks with language-xxx classes', () => {
    expect(renderBody(md, '```python\nprint(1)\n```\n').html).toBe(
      '<pre><code class="language-python">print(1)\n</code></pre>\n',
    )
  })

  it('keeps Liquid syntax in content as text', () => {
    expect(renderBody(md, 'Use {{ site.title }} and {% if x %}.\n').html).toBe(
      '<p>Use {{ site.title }} and {% if x %}.</p>\n',
    )
  })

  it('makes the excerpt from <!--more--> or the first paragraph', () => {
    expect(renderBody(md, 'One.\n\nTwo.\n\n<!--more-->\n\nThree.\n').excerpt).toBe(
      '<p>One.</p>\n<p>Two.</p>',
    )
    expect(renderBody(md, '# Title\n\nFirst para.\n\nSecond.\n').excerpt).toBe('<p>First para.</p>')
    expect(renderBody(md, '# Only a heading\n').excerpt).toBe('')
  })

  it('turns linkify and typographer on only when asked', () => {
    const on = createMarkdown({ linkify: true, typographer: true })
    expect(renderBody(on, 'See https://example.com -- "quoted"\n').html).toContain(
      '<a href="https://example.com">',
    )
    expect(renderBody(md, 'See https://example.com\n').html).not.toContain('<a')
  })
})

describe('strftime', () => {
  const d = new Date('2024-03-05T23:30:05Z')
  it('formats in the site timezone', () => {
    expect(strftime(d, '%Y-%m-%d %H:%M:%S', 'UTC', 'en')).toBe('2024-03-05 23:30:05')
    expect(strftime(d, '%Y-%m-%d %H:%M %z', 'Europe/Berlin', 'en')).toBe('2024-03-06 00:30 +0100')
    expect(strftime(d, '%B %-d, %Y', 'UTC', 'en')).toBe('March 5, 2024')
    expect(strftime(d, '%A %e %b %y %j %I%p', 'UTC', 'en')).toBe('Tuesday  5 Mar 24 065 11PM')
    expect(strftime(d, '%-d. %B %Y', 'UTC', 'de')).toBe('5. März 2024')
    expect(strftime(d, '%F %T %% %Q', 'UTC', 'en')).toBe('2024-03-05 23:30:05 % %Q')
  })
})

describe('filters', () => {
  const f = createFilters({
    origin: 'https://x.example',
    basePath: '',
    timezone: 'Europe/Berlin',
    language: 'en',
  }) as Record<string, (...a: unknown[]) => unknown>
  it('date formats dates and date strings in the site zone, passes others through', () => {
    expect(f.date?.(new Date('2024-12-31T23:30:00Z'), '%Y-%m-%d')).toBe('2025-01-01')
    expect(f.date?.('2024-12-31 23:30', '%H:%M')).toBe('23:30')
    expect(f.date?.('not a date', '%Y')).toBe('not a date')
  })
  it('makes URLs absolute and relative', () => {
    expect(f.absolute_url?.('/a/b/')).toBe('https://x.example/a/b/')
    expect(f.absolute_url?.('a/')).toBe('https://x.example/a/')
    expect(f.absolute_url?.('https://other.example/')).toBe('https://other.example/')
    expect(f.relative_url?.('assets/bds.css')).toBe('/assets/bds.css')
  })
  it('puts paths under the base path once, and absolute URLs on the origin', () => {
    const b = createFilters({
      origin: 'https://user.github.io',
      basePath: '/project',
      timezone: 'UTC',
      language: 'en',
    }) as Record<string, (...a: unknown[]) => unknown>
    expect(b.relative_url?.('assets/bds.css')).toBe('/project/assets/bds.css')
    expect(b.relative_url?.('/assets/bds.css')).toBe('/project/assets/bds.css')
    expect(b.relative_url?.('/project/2024/05/01/a/')).toBe('/project/2024/05/01/a/')
    expect(b.relative_url?.('/projects/')).toBe('/project/projects/')
    expect(b.absolute_url?.('/project/about/')).toBe('https://user.github.io/project/about/')
    expect(b.absolute_url?.('about/')).toBe('https://user.github.io/project/about/')
    expect(b.absolute_url?.('https://other.example/')).toBe('https://other.example/')
  })
  it('slugifies, excerpts and escapes', () => {
    expect(f.slugify?.('Hello, World')).toBe('hello-world')
    expect(f.excerpt?.('<p>one <b>two</b> three four</p>', 2)).toBe('one two…')
    expect(f.date_iso?.(new Date('2024-01-02T03:04:05.678Z'))).toBe('2024-01-02T03:04:05Z')
    expect(f.xml_escape?.('<&>')).toBe('&lt;&amp;&gt;')
  })
})
