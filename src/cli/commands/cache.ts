// `bds cache stats` and `bds cache clean`: what the build cache (.bds/cache.db and the pages'
// files in .bds/pages/) holds, kind by kind, and removing it (the next build computes
// everything and fills it again).

import { lstatSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { KINDS, openCacheFile } from '../../cache/index.js'
import { loadConfig, resolveConfig } from '../../config/index.js'
import type { CliContext } from '../context.js'

const FILES = ['cache.db', 'cache.db-wal', 'cache.db-shm', 'cache.db-journal']

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`

async function cacheDir(ctx: CliContext): Promise<string> {
  const config = resolveConfig(await loadConfig(ctx.cwd()), {}, ctx.cwd())
  return config.paths.cache
}

/** Bytes of the regular files below `dir` (links are not followed). */
function folderBytes(dir: string): number {
  let bytes = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += lstatSync(join(entry.parentPath, entry.name)).size
  }
  return bytes
}

/**
 * The cache's files and the pages' folder, with their sizes (a link, or a folder where a file
 * belongs, is not bds's to touch).
 */
function present(dir: string): { path: string; size: number }[] {
  const files = FILES.flatMap((name) => {
    const path = join(dir, name)
    const s = lstatSync(path, { throwIfNoEntry: false })
    return s?.isFile() ? [{ path, size: s.size }] : []
  })
  const pages = join(dir, 'pages')
  const isFolder = lstatSync(pages, { throwIfNoEntry: false })?.isDirectory()
  return isFolder ? [...files, { path: pages, size: folderBytes(pages) }] : files
}

export function registerCache(cache: Command, ctx: CliContext): void {
  cache.addHelpText(
    'after',
    '\nExamples:\n  $ bds cache stats\n  $ bds -C my-blog cache stats --json\n  $ bds cache clean\n',
  )
  cache
    .command('stats')
    .description('show what the build cache holds: rows and bytes of each kind of result')
    .option('--json', 'print the same as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds cache stats\n  $ bds -C my-blog cache stats --json | jq .bytes\n',
    )
    .action(async (flags: { json?: boolean }) => {
      const dir = await cacheDir(ctx)
      const files = present(dir)
      const onDisk = files.reduce((sum, f) => sum + f.size, 0)
      const kinds = files.some((f) => f.path.endsWith('cache.db'))
        ? withDb(dir, (db) => db.stats())
        : undefined
      if (flags.json)
        return ctx.out.out(
          JSON.stringify(
            { file: join(dir, 'cache.db'), bytes: onDisk, kinds: kinds ?? null },
            null,
            2,
          ),
        )
      if (!kinds)
        return ctx.out.out(`No build cache in ${dir} yet: the next \`bds build\` makes one.`)
      ctx.out.out(`${join(dir, 'cache.db')} and pages/: ${mib(onDisk)} on disk`)
      for (const kind of KINDS) {
        const k = kinds[kind]
        ctx.out.out(
          `  ${kind.padEnd(9)} ${String(k.rows).padStart(7)} rows  ${mib(k.bytes).padStart(10)}`,
        )
      }
    })
  cache
    .command('clean')
    .description('remove the build cache; the next build computes every result again')
    .addHelpText('after', '\nExamples:\n  $ bds cache clean\n  $ bds -C my-blog cache clean\n')
    .action(async () => {
      const files = present(await cacheDir(ctx))
      for (const f of files) rmSync(f.path, { force: true, recursive: true })
      const freed = files.reduce((sum, f) => sum + f.size, 0)
      ctx.out.out(
        files.length
          ? `Removed the build cache (${mib(freed)}).`
          : 'There was no build cache to remove.',
      )
    })
}

function withDb<T>(dir: string, fn: (db: ReturnType<typeof openCacheFile>) => T): T {
  const db = openCacheFile(dir)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}
