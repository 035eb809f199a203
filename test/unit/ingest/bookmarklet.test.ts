// The bookmarklet (issue #7, rule 5) runs in a fake browser page: it copies JSON that
// `bds ingest` accepts, falls back to a prompt without the clipboard API, and the printed
// command line fits the platform's shell.

import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import {
  pasteCommand,
  readBookmark,
  renderBookmarklet,
  sanitizeBookmark,
  shellFor,
} from '../../../src/ingest/index.js'

async function click(secure: boolean) {
  const url = renderBookmarklet()
  expect(url).toMatch(/^javascript:\S+$/)
  const copied: string[] = []
  const prompted: string[] = []
  const page = {
    location: { href: 'https://user:pw@example.com/post?id=1#comments' },
    document: { title: 'A "quoted" title' },
    getSelection: () => ({ toString: () => '  selected\ntext ' }),
    window: { isSecureContext: secure },
    navigator: { clipboard: { writeText: async (t: string) => void copied.push(t) } },
    alert: () => undefined,
    prompt: (_message: string, text: string) => void prompted.push(text),
  }
  runInNewContext(decodeURIComponent(url.slice('javascript:'.length)), page)
  await new Promise((r) => setTimeout(r, 0))
  return { copied, prompted }
}

describe('the bookmarklet', () => {
  it('copies the page as bookmark JSON that bds ingest accepts', async () => {
    const { copied, prompted } = await click(true)
    expect(prompted).toEqual([])
    expect(copied).toHaveLength(1)
    const { raw, warnings } = readBookmark(Buffer.from(copied[0] as string), '<stdin>')
    expect(warnings).toEqual([])
    expect(sanitizeBookmark(raw)).toEqual({
      url: 'https://example.com/post?id=1',
      title: 'A "quoted" title',
      text: 'selected\ntext',
      tags: [],
      categories: [],
    })
  })

  it('shows the JSON in a prompt to copy when the clipboard API is not there', async () => {
    const { copied, prompted } = await click(false)
    expect(copied).toEqual([])
    expect(JSON.parse(prompted[0] as string).title).toBe('A "quoted" title')
  })
})

describe('the command line', () => {
  it('pastes with the tool of each platform and quotes the site folder', () => {
    expect(pasteCommand(shellFor('darwin', {}), "/Users/ann/Ann's blog")).toBe(
      "pbpaste | bds -C '/Users/ann/Ann'\\''s blog' ingest -",
    )
    expect(pasteCommand(shellFor('linux', { WAYLAND_DISPLAY: 'wayland-0' }), '/srv/blog')).toBe(
      "wl-paste | bds -C '/srv/blog' ingest -",
    )
    expect(pasteCommand(shellFor('linux', {}), '/srv/blog')).toBe(
      "xclip -selection clipboard -o | bds -C '/srv/blog' ingest -",
    )
    expect(pasteCommand(shellFor('win32', {}), "C:\\Ann's blog")).toBe(
      "Get-Clipboard -Raw | bds -C 'C:\\Ann''s blog' ingest -",
    )
  })
})
