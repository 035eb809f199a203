// `bds new post|page "Title"`: writes a new Markdown file with bDS-compatible front matter
// (posts under posts/YYYY/MM/, dated now in the site timezone); never overwrites a file.

import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { Command } from 'commander'
import { loadConfig, resolveConfig } from '../../config/index.js'
import { postFolder, renderPostFile } from '../../content/index.js'
import { BdsError } from '../../errors/index.js'
import { slugify } from '../../util/slug.js'
import { pad2, zonedParts } from '../../util/time.js'
import type { CliContext } from '../context.js'

interface NewFlags {
  slug?: string
  tags?: string
  categories?: string
  draft?: boolean
}

const list = (s?: string) =>
  (s ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

/** Writes the file and returns its path relative to the site root. */
export async function newContent(
  root: string,
  kind: 'post' | 'page',
  title: string,
  flags: NewFlags,
  now: Date,
): Promise<string> {
  const config = resolveConfig(await loadConfig(root), { root }, root)
  const slug = slugify(flags.slug ?? title)
  if (!slug)
    throw new BdsError('BDS_USAGE', `Cannot make a file name from "${title}".`, {
      hint: 'Pass --slug with letters or digits.',
    })
  const t = zonedParts(now, config.timezone)
  const date = `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`
  const file =
    kind === 'post' ? `${postFolder(now, config.timezone)}/${slug}.md` : `pages/${slug}.md`
  const text = renderPostFile(
    {
      id: randomUUID(),
      title,
      slug,
      ...(kind === 'post'
        ? { date, tags: list(flags.tags), categories: list(flags.categories) }
        : {}),
      status: flags.draft ? 'draft' : 'published',
    },
    kind === 'post' ? 'Write your post here.' : 'Write your page here.',
  )
  const path = join(config.paths.root, file)
  await mkdir(dirname(path), { recursive: true })
  try {
    await writeFile(path, text, { flag: 'wx' })
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error
    throw new BdsError(
      'BDS_NEW_EXISTS',
      `${relative(process.cwd(), path) || path} already exists; it was left unchanged.`,
    )
  }
  return file
}

export function registerNew(cmd: Command, ctx: CliContext): void {
  cmd.addHelpText(
    'after',
    '\nExamples:\n  $ bds new post "Hello, world"\n  $ bds new post "Draft idea" --draft --tags ideas\n  $ bds -C my-blog new page "About"\n',
  )
  for (const kind of ['post', 'page'] as const) {
    cmd
      .command(kind)
      .description(`create a new ${kind} file with front matter`)
      .argument('<title>', `title of the ${kind}`)
      .option('--slug <slug>', 'file name and URL slug (default: from the title)')
      .option('--draft', 'mark it status: draft (left out of builds without --drafts)')
      .option('--tags <list>', 'comma-separated tags (posts)')
      .option('--categories <list>', 'comma-separated categories (posts)')
      .addHelpText(
        'after',
        `\nExamples:\n  $ bds new ${kind} "Hello, world"\n  $ bds -C my-blog new ${kind} "Release notes" --slug release-notes${kind === 'post' ? ' --tags news,release' : ''}\n`,
      )
      .action(async (title: string, flags: NewFlags) => {
        const file = await newContent(ctx.cwd(), kind, title, flags, new Date())
        ctx.out.out(`Created ${file}`)
      })
  }
}
