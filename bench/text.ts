// Deterministic Markdown text for the benchmark corpus: a seeded PRNG (mulberry32) and a
// generator of 1–3 KB post bodies with headings, lists, links, emphasis and a fenced code block.

export type Rand = () => number

export function mulberry32(seed: number): Rand {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const int = (rand: Rand, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1))

export function pick<T>(rand: Rand, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const WORDS = (
  'static site build page post cache graph template layout render markdown feed index archive ' +
  'tag category date slug theme asset image link header footer table list query engine plugin ' +
  'macro python script output folder file config option value number string fast slow simple ' +
  'clear quiet careful small large early late river mountain garden window coffee morning ' +
  'evening winter summer signal pattern method result change update release version'
).split(' ')

const CODE: Record<string, readonly string[]> = {
  js: ['const total = items.reduce((sum, x) => sum + x, 0)', "console.log('total:', total)"],
  ts: ['export function slug(text: string): string {', '  return text.toLowerCase()', '}'],
  python: ['def render(page):', '    return page.title.upper()', '', 'print(render(page))'],
  bash: ['set -euo pipefail', 'for f in posts/*.md; do wc -c "$f"; done'],
  json: ['{', '  "title": "Example",', '  "draft": false', '}'],
  css: ['body {', '  margin: 0 auto;', '  max-width: 40rem;', '}'],
  go: ['package main', '', 'func main() {', '\tprintln("hello")', '}'],
  rust: ['fn main() {', '    let n: u32 = (1..10).sum();', '    println!("{n}");', '}'],
}
const LANGS = Object.keys(CODE)

export function words(rand: Rand, min: number, max: number): string[] {
  const out: string[] = []
  const n = int(rand, min, max)
  for (let i = 0; i < n; i++) out.push(pick(rand, WORDS))
  return out
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

export const title = (rand: Rand): string => cap(words(rand, 3, 7).join(' '))

function sentence(rand: Rand): string {
  const w = words(rand, 6, 16)
  const i = int(rand, 0, w.length - 1)
  const r = rand()
  if (r < 0.15) w[i] = `*${w[i]}*`
  else if (r < 0.25) w[i] = `**${w[i]}**`
  else if (r < 0.35) w[i] = `\`${w[i]}\``
  else if (r < 0.5) w[i] = `[${w[i]}](https://example.com/${pick(rand, WORDS)}/${int(rand, 1, 99)})`
  return `${cap(w.join(' '))}.`
}

function paragraph(rand: Rand): string {
  const out: string[] = []
  const n = int(rand, 2, 5)
  for (let i = 0; i < n; i++) out.push(sentence(rand))
  return out.join(' ')
}

function list(rand: Rand, ordered: boolean): string {
  const out: string[] = []
  const n = int(rand, 2, 5)
  for (let i = 0; i < n; i++) {
    out.push(`${ordered ? `${i + 1}.` : '-'} ${cap(words(rand, 2, 8).join(' '))}`)
  }
  return out.join('\n')
}

function code(rand: Rand): string {
  const lang = pick(rand, LANGS)
  return `\`\`\`${lang}\n${(CODE[lang] ?? []).join('\n')}\n\`\`\``
}

/** A Markdown body of roughly `target` bytes (capped so a post file stays within 1–3 KB). */
export function body(rand: Rand, target: number): string {
  const blocks = [
    paragraph(rand),
    `## ${title(rand)}`,
    paragraph(rand),
    list(rand, false),
    `### ${title(rand)}`,
    list(rand, true),
    code(rand),
  ]
  let size = blocks.join('\n\n').length
  while (size < target) {
    const extra = rand() < 0.2 ? `## ${title(rand)}\n\n${paragraph(rand)}` : paragraph(rand)
    if (size + extra.length + 2 > 2880) break
    blocks.push(extra)
    size += extra.length + 2
  }
  return `${blocks.join('\n\n')}\n`
}
