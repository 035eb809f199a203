// The architecture as the imports draw it (#13): no import cycle between files, imports into
// another folder go through its index.ts, and the folder graph is the one docs/architecture.md
// shows (its Mermaid block is checked here, so the picture cannot drift from the code).

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/site.js'

const src = join(repoRoot, 'src')
/** Leaves every folder may use; the picture leaves their edges out. */
const LEAVES = new Set(['errors', 'util', 'version'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** The node of a file: its top folder, `macros/python` and `macros/builtins`, or a root file. */
function nodeOf(file: string): string {
  const parts = relative(src, file).split('/')
  if (parts.length === 1) return (parts[0] as string).replace(/\.ts$/, '')
  if (parts[0] === 'macros' && (parts[1] === 'python' || parts[1] === 'builtins'))
    return `macros/${parts[1]}`
  return parts[0] as string
}

const files = sourceFiles(src)
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8')
    const specs = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1] as string)
    return [file, specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))]
  }),
)

describe('the import graph of src/', () => {
  it('has no cycle between files (type imports included)', () => {
    const state = new Map<string, 'open' | 'done'>()
    const cycles: string[] = []
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push(
          [...path.slice(path.indexOf(file)), file].map((f) => relative(src, f)).join(' > '),
        )
        return
      }
      state.set(file, 'open')
      for (const next of imports.get(file) ?? []) visit(next, [...path, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })

  it('enters another folder through its index.ts', () => {
    const stray = [...imports].flatMap(([file, targets]) =>
      targets.flatMap((target) => {
        const [from, to] = [nodeOf(file), nodeOf(target)]
        if (from === to || LEAVES.has(to) || to === 'index' || target.endsWith('/index.ts'))
          return []
        // A subfolder of macros/ shares the macro model's types.
        if (from.startsWith('macros/') && relative(src, target) === 'macros/types.ts') return []
        return [`${relative(src, file)} -> ${relative(src, target)}`]
      }),
    )
    expect(stray).toEqual([])
  })

  it('keeps errors/, util/ and version.ts leaves', () => {
    const up = [...imports].flatMap(([file, targets]) =>
      LEAVES.has(nodeOf(file))
        ? targets
            .filter((t) => !LEAVES.has(nodeOf(t)))
            .map((t) => `${relative(src, file)} -> ${relative(src, t)}`)
        : [],
    )
    expect(up).toEqual([])
  })

  it('keeps the Python runtime apart: python/ imports nothing of bds but errors/', () => {
    const out = [...imports].flatMap(([file, targets]) =>
      nodeOf(file) === 'python'
        ? targets
            .filter((t) => !['python', 'errors'].includes(nodeOf(t)))
            .map((t) => `${relative(src, file)} -> ${relative(src, t)}`)
        : [],
    )
    expect(out).toEqual([])
  })

  it('draws the folder graph of docs/architecture.md', () => {
    const edges = new Set<string>()
    for (const [file, targets] of imports)
      for (const target of targets) {
        const [from, to] = [nodeOf(file), nodeOf(target)]
        if (from !== to && !LEAVES.has(to)) edges.add(`${from} --> ${to}`)
      }
    const doc = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8')
    const block = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? ''
    const drawn = block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.includes('-->'))
      .map((line) => line.replace(/macros_(python|builtins)/g, 'macros/$1'))
    expect(drawn.sort()).toEqual([...edges].sort())
  })
})
