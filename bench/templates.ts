// Macros from templates against the same macros from Markdown (issue 17): cold builds of the
// corpus where every post calls a macro once — from its Markdown (`[[stars n=3]]`) or from the
// post template (`{% macro 'stars', n: 3 %}`) — for a Python macro and for a built-in. Every
// variant has the same site copy of post.liquid; runs are interleaved so noise hits all alike.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { generateCorpus } from './corpus.js'
import { median, rmrf } from './proc.js'
import { coldBuild } from './python.js'

const STARS =
  '"""\n---\nslug: "stars"\nkind: "macro"\n---\n"""\ndef render(context, post):\n    return "<b>" + "★" * context["params"].get("n", 3) + "</b>"\n'
const CALLS = {
  python: { markdown: '[[stars n=3]]', liquid: "{% macro 'stars', n: 3 %}" },
  builtin: { markdown: '[[vimeo id=76979871]]', liquid: "{% macro 'vimeo', id: 76979871 %}" },
}
type Kind = keyof typeof CALLS
type From = 'markdown' | 'liquid'

export interface TemplatesBenchResult {
  posts: number
  /** Median cold build and pages step, ms, by macro kind and where the call is. */
  builds: Record<Kind, Record<From, { ms: number; pagesMs: number; calls: number }>>
  /** Template minus Markdown, ms (the budget: 300 ms for the Python macro). */
  addedMs: Record<Kind, number>
}

async function variant(root: string, n: number, kind: Kind, from: From, theme: string) {
  const site = join(root, `${kind}-${from}-${n}`)
  await generateCorpus(site, n)
  mkdirSync(join(site, 'scripts'), { recursive: true })
  mkdirSync(join(site, 'templates'), { recursive: true })
  writeFileSync(join(site, 'scripts/stars.py'), STARS)
  const call = CALLS[kind][from]
  const content = '{{ post.content | strip }}'
  const post = from === 'liquid' ? theme.replace(content, `${content}\n${call}`) : theme
  writeFileSync(join(site, 'templates/post.liquid'), post)
  if (from === 'markdown') {
    const files = (await readdir(join(site, 'posts'), { recursive: true })).filter((f) =>
      f.endsWith('.md'),
    )
    for (const f of files) {
      const path = join(site, 'posts', f)
      writeFileSync(path, `${readFileSync(path, 'utf8')}\n\n${call}\n`)
    }
  }
  return site
}

export async function benchTemplates(o: {
  bdsBin: string
  root: string
  posts: number
  runs: number
  env: NodeJS.ProcessEnv
}): Promise<TemplatesBenchResult> {
  const theme = readFileSync(new URL('../templates/post.liquid', import.meta.url), 'utf8')
  const kinds = Object.keys(CALLS) as Kind[]
  const sites: [Kind, From, string][] = []
  for (const kind of kinds)
    for (const from of ['markdown', 'liquid'] as const)
      sites.push([kind, from, await variant(o.root, o.posts, kind, from, theme)])
  const times = new Map<string, { ms: number; pagesMs: number; calls: number }[]>()
  for (let i = 0; i < o.runs; i++) {
    for (const [kind, from, site] of sites) {
      const r = await coldBuild(o.bdsBin, site, o.env)
      times.set(`${kind}/${from}`, [...(times.get(`${kind}/${from}`) ?? []), r])
    }
  }
  const builds = {} as TemplatesBenchResult['builds']
  const addedMs = {} as TemplatesBenchResult['addedMs']
  for (const kind of kinds) {
    const of = (from: From) => {
      const xs = times.get(`${kind}/${from}`) ?? []
      return {
        ms: median(xs.map((x) => x.ms)),
        pagesMs: median(xs.map((x) => x.pagesMs)),
        calls: xs[0]?.calls ?? 0,
      }
    }
    builds[kind] = { markdown: of('markdown'), liquid: of('liquid') }
    addedMs[kind] = builds[kind].liquid.ms - builds[kind].markdown.ms
  }
  for (const [, , site] of sites) await rmrf(site)
  return { posts: o.posts, builds, addedMs }
}

export function templatesTable(r: TemplatesBenchResult): string {
  const f = (n: number) => n.toFixed(0).padStart(6)
  const lines = [`macros from templates vs Markdown (${r.posts} posts, one call per post, medians)`]
  for (const [kind, b] of Object.entries(r.builds)) {
    const added = r.addedMs[kind as Kind]
    lines.push(
      `  ${kind.padEnd(7)} markdown ${f(b.markdown.ms)} ms (pages ${f(b.markdown.pagesMs)}) · template ${f(b.liquid.ms)} ms (pages ${f(b.liquid.pagesMs)}) → ${added >= 0 ? '+' : ''}${f(added)} ms` +
        (kind === 'python' ? ` (python calls ${b.markdown.calls} / ${b.liquid.calls})` : ''),
    )
  }
  return lines.join('\n')
}
