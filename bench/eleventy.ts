// Eleventy 3 as a benchmark peer: installed once into a cached folder under os.tmpdir() (never a
// dependency of bds), one Liquid layout applied by directory data, Markdown posts as input.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Post, writePosts } from './corpus.js'
import { run } from './proc.js'
import type { Availability } from './types.js'

/** Kept between benchmark runs so Eleventy is installed only once per machine. */
export const ELEVENTY_HOME = join(tmpdir(), 'bds-bench-eleventy3')

/** Latest 3.x first; the pin is a 3.x whose dependencies all resolve on registry mirrors that
 * lag behind (3.1.8 needs a @11ty/recursive-copy some mirrors lack). */
const SPECS = ['@11ty/eleventy@3', '@11ty/eleventy@3.1.7']

const LAYOUT = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<h1>{{ title }}</h1>
<time datetime="{{ page.date | date: '%Y-%m-%dT%H:%M:%SZ' }}">
{{- page.date | date: '%Y-%m-%d' -}}
</time>
{{ content }}
</body>
</html>
`

interface PackageJson {
  version?: string
  bin?: string | Record<string, string>
}

async function installed(): Promise<{ version: string; bin: string } | null> {
  const dir = join(ELEVENTY_HOME, 'node_modules', '@11ty', 'eleventy')
  try {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.eleventy
    if (!pkg.version?.startsWith('3.') || !bin || !existsSync(join(dir, bin))) return null
    return { version: pkg.version, bin: join(dir, bin) }
  } catch {
    return null
  }
}

/** Eleventy 3 if it is installed or installable, otherwise the reason it is skipped. */
export async function eleventyPeer(): Promise<Availability> {
  let found = await installed()
  if (!found) {
    console.error(`installing @11ty/eleventy@3 into ${ELEVENTY_HOME} (cached for later runs)`)
    await mkdir(ELEVENTY_HOME, { recursive: true })
    const pkg = join(ELEVENTY_HOME, 'package.json')
    if (!existsSync(pkg)) await writeFile(pkg, '{ "private": true }\n')
    let why = ''
    for (const spec of SPECS) {
      const args = ['install', '--prefix', ELEVENTY_HOME, spec, '--no-audit', '--no-fund']
      const result = await run('npm', [...args, '--loglevel=error'])
      found = await installed()
      if (found) break
      const tail = result.output.split('\n').slice(-3).join(' ').slice(0, 240)
      const failed = `npm install ${spec} failed (exit ${result.code}): ${tail}`
      why ||= failed
      console.error(`${failed}${spec === SPECS[0] ? '; trying a pinned 3.x' : ''}`)
    }
    if (!found) return { skipped: why }
  }
  const { version, bin } = found
  return {
    peer: {
      name: 'eleventy',
      version,
      async prepare(dir: string, posts: readonly Post[]): Promise<void> {
        await mkdir(join(dir, '_includes'), { recursive: true })
        await writeFile(join(dir, '_includes', 'post.liquid'), LAYOUT)
        await writePosts(join(dir, 'posts'), posts)
        // Directory data: every post gets the layout, no per-file front matter changes.
        await writeFile(join(dir, 'posts', 'posts.json'), '{ "layout": "post.liquid" }\n')
      },
      // Run the installed CLI with node directly, like bds, rather than through npx. The input
      // must be relative: with an absolute --input, Eleventy 3 misses the directory data file.
      command: (dir, out) => ({
        cmd: process.execPath,
        args: [bin, '--input=.', `--output=${out}`, '--quiet'],
        cwd: dir,
      }),
    },
  }
}
