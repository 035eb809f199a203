// bds without its search index as a benchmark peer: the same corpus with `"search": false`,
// built cold (its build cache removed first) by the same bds, interleaved with the others. The
// peers write no search index, so this row compares the same work; the bds row adds Pagefind.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BDS_CONFIG, type Post, writePosts } from './corpus.js'
import type { Peer } from './types.js'

export const NO_SEARCH = 'bds-nosearch'

export function bdsWithoutSearch(bdsBin: string): Peer {
  return {
    name: NO_SEARCH,
    version: 'this build',
    async prepare(dir: string, posts: readonly Post[]) {
      await mkdir(dir, { recursive: true })
      const config = { ...BDS_CONFIG, search: false }
      await writeFile(join(dir, 'bds.config.json'), `${JSON.stringify(config, null, 2)}\n`)
      await writePosts(join(dir, 'posts'), posts)
    },
    command: (dir: string, out: string) => ({
      cmd: '/bin/sh',
      args: [
        '-c',
        'rm -rf "$1/.bds" && exec "$2" "$3" build "$1" --out "$4" --quiet',
        'sh',
        ...[dir, process.execPath, bdsBin, out],
      ],
    }),
  }
}
