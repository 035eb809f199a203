// Highlighter benchmark: the Markdown of the N-post corpus (one fenced block per post) rendered
// plain, with bds's highlight.js fences, and with Shiki when it is installed
// (`npm install --no-save shiki`): start-up (load + first block) and the render of every body.
import MarkdownIt from 'markdown-it'
import { createMarkdown } from '../src/render/index.js'
import { makePosts } from './corpus.js'
import { time } from './tokenizer.js'

export interface HighlightResult {
  posts: number
  /** Median ms to render every body, per highlighter ('none' = plain markdown-it fences). */
  renderMs: Record<string, number>
  /** ms from nothing loaded to the first highlighted block, per highlighter. */
  startMs: Record<string, number>
  /** Why Shiki was not measured, if it was not. */
  shikiSkipped?: string
}

interface Shiki {
  codeToHtml(code: string, o: { lang: string; themes: Record<string, string> }): string
  getLoadedLanguages(): string[]
}

/** A markdown-it with Shiki's dual-theme output in its highlight hook, or why there is none. */
async function shikiMarkdown(langs: string[]): Promise<{ md: MarkdownIt; ms: number } | string> {
  const t0 = performance.now()
  let mod: { createHighlighter(o: object): Promise<Shiki> }
  try {
    mod = (await import('shiki' as string)) as typeof mod
  } catch {
    return 'shiki is not installed (npm install --no-save shiki)'
  }
  const themes = { light: 'github-light', dark: 'github-dark' }
  const shiki = await mod.createHighlighter({ themes: Object.values(themes), langs })
  const md = new MarkdownIt({
    html: true,
    highlight: (code, lang) =>
      shiki.getLoadedLanguages().includes(lang) ? shiki.codeToHtml(code, { lang, themes }) : '',
  })
  md.render('```js\nx\n```\n')
  return { md, ms: performance.now() - t0 }
}

export async function benchHighlight(n: number, runs = 5): Promise<HighlightResult> {
  const bodies = makePosts(n).map((p) => p.body)
  const langs = [
    ...new Set(bodies.flatMap((b) => [...b.matchAll(/^```(\w+)$/gm)].map((m) => m[1]))),
  ]
  const options = { linkify: false, typographer: false }
  const all = (md: MarkdownIt) => () => {
    for (const b of bodies) md.render(b)
  }
  const t0 = performance.now()
  const hljs = createMarkdown({ ...options, highlight: true })
  hljs.render('```js\nx\n```\n')
  const startMs: Record<string, number> = { 'highlight.js': performance.now() - t0 }
  const renderMs: Record<string, number> = {
    none: time(all(createMarkdown(options)), runs),
    'highlight.js': time(all(hljs), runs),
  }
  const shiki = await shikiMarkdown(langs as string[])
  if (typeof shiki === 'string') return { posts: n, renderMs, startMs, shikiSkipped: shiki }
  startMs.shiki = shiki.ms
  renderMs.shiki = time(all(shiki.md), runs)
  return { posts: n, renderMs, startMs }
}

export function highlightTable(r: HighlightResult): string {
  const none = r.renderMs.none ?? 0
  const rows = Object.entries(r.renderMs).map(([name, ms]) => {
    const start = r.startMs[name]
    const extra =
      name === 'none' ? '' : `  (+${(ms - none).toFixed(0)} ms; start ${start?.toFixed(0)} ms)`
    return `  ${name.padEnd(14)} ${ms.toFixed(0).padStart(8)} ms${extra}`
  })
  return [
    `highlighting: Markdown of ${r.posts} posts, one fenced block each (median render of all)`,
    ...rows,
    ...(r.shikiSkipped ? [`  shiki          skipped: ${r.shikiSkipped}`] : []),
  ].join('\n')
}
