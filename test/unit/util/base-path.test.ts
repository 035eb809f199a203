// The base path (issue 14, decision 0020): where it comes from, and the one rule that puts a
// URL path under it — once, and only a root-relative one.

import { describe, expect, it } from 'vitest'
import { resolveBasePath, urlOrigin, withBase, withoutBase } from '../../../src/util/base-path.js'

describe('resolveBasePath', () => {
  it('takes the path of the url, or an explicit basePath, without a trailing slash', () => {
    expect(resolveBasePath('https://example.com')).toBe('')
    expect(resolveBasePath('https://example.com/')).toBe('')
    expect(resolveBasePath('https://user.github.io/project')).toBe('/project')
    expect(resolveBasePath('https://user.github.io/a/b/')).toBe('/a/b')
    expect(resolveBasePath('https://example.com', '/blog/')).toBe('/blog')
    expect(resolveBasePath('https://example.com/x', 'blog')).toBe('/blog')
    expect(resolveBasePath('https://example.com/x', '/')).toBe('')
    expect(resolveBasePath('https://example.com/x', '')).toBe('')
    expect(resolveBasePath('', '/my site')).toBe('/my%20site')
    expect(resolveBasePath('https://example.com/my%20site')).toBe('/my%20site')
    expect(resolveBasePath('example.com/x')).toBe('')
  })

  it('keeps the origin exactly as written', () => {
    expect(urlOrigin('https://Example.COM:8443/x/')).toBe('https://Example.COM:8443')
    expect(urlOrigin('https://example.com')).toBe('https://example.com')
    expect(urlOrigin('')).toBe('')
  })
})

describe('withBase', () => {
  it('puts root-relative paths under the base once', () => {
    expect(withBase('/', '/p')).toBe('/p/')
    expect(withBase('/about/', '/p')).toBe('/p/about/')
    expect(withBase('/p', '/p')).toBe('/p')
    expect(withBase('/p/about/', '/p')).toBe('/p/about/')
    expect(withBase('/p?q=1', '/p')).toBe('/p?q=1')
    expect(withBase('/pages/', '/p')).toBe('/p/pages/')
    expect(withBase('/about/', '')).toBe('/about/')
  })

  it('leaves everything that is not root-relative alone', () => {
    for (const url of ['#top', 'page.html', '../up/', '//cdn.example/x.js', 'https://x.example/'])
      expect(withBase(url, '/p')).toBe(url)
  })

  it('finds the site path of a request under the base', () => {
    expect(withoutBase('/p/', '/p')).toBe('/')
    expect(withoutBase('/p', '/p')).toBe('/')
    expect(withoutBase('/p/a/b', '/p')).toBe('/a/b')
    expect(withoutBase('/pa/b', '/p')).toBeUndefined()
    expect(withoutBase('/a', '')).toBe('/a')
  })
})
