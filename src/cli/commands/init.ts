// `bds init [dir]`: scaffolds a site that builds at once — config, two posts, a page, a
// static file, .gitignore and an example Python macro — from bds's scaffold/ folder, and
// prepares Python (the snapshot, once per machine) so that its first build is quick.

import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { Command } from 'commander'
import { BdsError } from '../../errors/index.js'
import { nodeFs } from '../../util/fs.js'
import { pad2 } from '../../util/time.js'
import { bundledScriptsDir, scaffoldDir } from '../../version.js'
import type { CliContext } from '../context.js'

interface InitFlags {
  title?: string
  force?: boolean
  scripts?: boolean
  /** False with --no-prepare. */
  prepare: boolean
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0
  } catch {
    return true
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** Scaffolds a site into `target`; returns the files written, relative to it. */
export async function initSite(
  target: string,
  title: string,
  now: Date,
  force = false,
  scriptsOnly = false,
): Promise<string[]> {
  if (!force && !scriptsOnly && !(await isEmptyDir(target))) {
    throw new BdsError(
      'BDS_INIT_NOT_EMPTY',
      `${target} already has files in it; bds init writes only into an empty folder.`,
    )
  }
  const y = String(now.getUTCFullYear())
  const m = pad2(now.getUTCMonth() + 1)
  // The posts are dated now (to the minute, the welcome post a minute before, so it is the
  // older): a post dated later than the build's clock would be held back as a future post.
  const stamp = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ')
  const fill = (text: string) =>
    text
      .replaceAll('__TITLE__', title.replace(/["\\]/g, '\\$&'))
      .replaceAll('__EARLIER__', stamp(new Date(now.getTime() - 60_000)))
      .replaceAll('__NOW__', stamp(now))
      .replaceAll('__YEAR__', y)
      .replaceAll('__MONTH__', m)
  const plan = [
    ...(scriptsOnly ? [] : await nodeFs.walk(scaffoldDir)).map((f) => ({
      from: join(scaffoldDir, f),
      to:
        f === 'gitignore'
          ? '.gitignore'
          : f.startsWith('posts/')
            ? `posts/${y}/${m}/${basename(f)}`
            : f,
    })),
    ...(await nodeFs.walk(bundledScriptsDir))
      .filter((f) => f.endsWith('.py'))
      .map((f) => ({ from: join(bundledScriptsDir, f), to: `scripts/${f}` })),
  ]
  const written: string[] = []
  for (const { from, to } of plan) {
    const dest = join(target, to)
    if (await exists(dest)) continue
    await mkdir(dirname(dest), { recursive: true })
    await writeFile(dest, fill(await readFile(from, 'utf8')))
    written.push(to)
  }
  return written.sort()
}

export function registerInit(cmd: Command, ctx: CliContext): void {
  cmd
    .argument('[dir]', 'folder to create the site in', '.')
    .option('--title <title>', 'site title (default: the folder name)')
    .option('--force', 'add the missing scaffold files to a folder that is not empty')
    .option('--scripts', 'only add the default Python scripts that are missing from scripts/')
    .option('--no-prepare', 'leave making the Python snapshot to the first build')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bds init my-blog\n  $ bds init my-blog --no-prepare   # in CI: the build makes the Python snapshot\n  $ bds init my-blog --title "Notes from the field"\n  $ bds init --scripts     # add missing default scripts to this site\n',
    )
    .action(async (dir: string, flags: InitFlags) => {
      const target = resolve(ctx.cwd(), dir)
      const title = flags.title ?? (basename(target) || 'My bds site')
      const files = await initSite(target, title, new Date(), flags.force, flags.scripts)
      if (flags.scripts) {
        ctx.out.out(
          files.length ? `Added ${files.join(', ')}` : 'Every default script is already there.',
        )
        return
      }
      const rel = relative(ctx.cwd(), target)
      const shown = rel.startsWith('..') ? target : rel || '.'
      ctx.out.out(`Created a bds site in ${shown} (${files.length} files):`)
      for (const f of files) ctx.out.out(`  ${f}`)
      // The welcome post runs Python macros: the first build should not pay for the snapshot.
      if (flags.prepare) {
        const { preparePython } = await import('../prepare.js')
        await preparePython(ctx.out)
      }
      const arg = shown === '.' ? '' : ` ${shown.includes(' ') ? JSON.stringify(shown) : shown}`
      ctx.out.out(
        [
          '\nNext:',
          `  bds watch${arg}      # build, serve on http://127.0.0.1:4000/ and rebuild on every save`,
          `  bds build${arg} && bds serve${arg}   # or build once, then serve the output`,
          '(Opened from disk, dist/index.html has no styles and its links lead nowhere: serve it.)',
        ].join('\n'),
      )
    })
}
