import { describe, expect, it } from 'vitest'
import { createMarkdown, renderBody } from '../../../src/render/index.js'

const md = createMarkdown({ linkify: false, typographer: false, highlight: true })
const html = (text: string) => renderBody(md, text).html

describe('highlighted fences (issue 18)', () => {
  it('highlights a known language with classes, keeping language-xxx and data-code-language', () => {
    expect(html('```js\nconst a = 1 < 2\n```\n')).toBe(
      '<pre data-code-language="js"><code class="hljs language-js" data-code-language="js">' +
        '<span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span> &lt; ' +
        '<span class="hljs-number">2</span>\n</code></pre>\n',
    )
  })

  it('knows languages beyond the common set, and aliases', () => {
    expect(html('```haskell\nmain = print 1\n```\n')).toContain('class="hljs language-haskell"')
    expect(html('```PY\nx = 1\n```\n')).toContain(
      '<code class="hljs language-PY" data-code-language="py">',
    )
  })

  it('leaves a language nobody knows plain and escaped', () => {
    expect(html('```nosuchlang\n<b> & "x"\n```\n')).toBe(
      '<pre data-code-language="nosuchlang"><code class="language-nosuchlang" ' +
        'data-code-language="nosuchlang">&lt;b&gt; &amp; &quot;x&quot;\n</code></pre>\n',
    )
  })

  it('escapes a hostile info string', () => {
    const out = html('```"><script>\nx\n```\n')
    expect(out).not.toContain('<script>')
    expect(out).toContain('data-code-language="&quot;&gt;&lt;script&gt;"')
  })

  it('renders fences without a language, and indented code, as markdown-it does', () => {
    const plain = createMarkdown({ linkify: false, typographer: false })
    for (const text of ['```\nx < y\n```\n', '    x < y\n'])
      expect(html(text)).toBe(renderBody(plain, text).html)
  })

  it('keeps macro tokens in code literal', () => {
    expect(html('```python\n[[gallery]]\n```\n')).toContain('[[gallery]]')
  })
})
