// `bds ingest [file|-]`: a bookmark (JSON from a file, stdin or --url/--title) → a draft
// post shaped by the site's transform scripts. Reads the input, makes the Python runtime
// when a transform needs it, and prints; src/ingest does the rest.

import { join } from 'node:path'
import type { Command } from 'commander'
import { loadConfig, resolveConfig } from '../../config/index.js'
import { loadContent, readDataFiles } from '../../content/index.js'
import { type BdsError, isBdsError } from '../../errors/index.js'
import {
  enabledTransforms,
  type IngestResult,
  ingest,
  ingestReport,
  pasteCommand,
  readBookmark,
  renderBookmarklet,
  sanitizeBookmark,
  shellFor,
} from '../../ingest/index.js'
import { hostFor, siteDataOf, utilityModules } from '../../macros/python/index.js'
import { nodeFs } from '../../util/fs.js'
import type { CliContext } from '../context.js'
import { type IngestFlags, readInput } from './ingest-input.js'
import { printDiagnostics, summary } from './ingest-output.js'

const EXAMPLES = `
Examples:
  $ bds ingest bookmark.json
  $ pbpaste | bds -C my-blog ingest -
  $ bds ingest --url https://example.com/post --title "A good read" --dry-run
  $ bds ingest --bookmarklet

A bookmark is one JSON object: {"url": "https://…", "title": "…", "text": "quoted
selection", "tags": ["…"], "categories": ["…"], "language": "en"}. Only url is required.
`

export function registerIngest(cmd: Command, ctx: CliContext): void {
  cmd
    .argument('[file]', 'bookmark JSON file, or - for standard input')
    .option('--url <url>', 'the bookmark URL (instead of a file)')
    .option('--title <title>', 'with --url: its title')
    .option('--text <text>', 'with --url: text to quote')
    .option('--tags <list>', 'with --url: comma-separated tags')
    .option('--categories <list>', 'with --url: comma-separated categories')
    .option('--dry-run', 'print the post (front matter and body) instead of writing it')
    .option('--publish', 'write it with status: published (default: draft)')
    .option('--no-transforms', 'do not run the transform scripts')
    .option('--json', 'print a JSON report (file, post, transforms, diagnostics)')
    .option('--bookmarklet', 'print a bookmarklet and the command that ingests what it copies')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string | undefined, flags: IngestFlags) => {
      const root = ctx.cwd()
      if (flags.bookmarklet) return printBookmarklet(ctx, root)
      let result: IngestResult | undefined
      const warnings: BdsError[] = []
      try {
        const config = resolveConfig(await loadConfig(root), {}, root)
        const input = await readInput(file, flags, root)
        const read = readBookmark(input.bytes, input.source)
        warnings.push(...read.warnings)
        const bookmark = sanitizeBookmark(read.raw)
        const transforms = flags.transforms
          ? enabledTransforms(root, config.paths.cache)
          : { sources: [], diagnostics: [], rows: [] }
        warnings.push(...transforms.diagnostics)
        result = await ingest(bookmark, {
          root,
          timezone: config.timezone,
          timeoutMs: config.python.timeoutMs,
          now: new Date(),
          publish: flags.publish ?? false,
          dryRun: flags.dryRun ?? false,
          scripts: transforms.sources,
          createHost: () => hostFor(config, 1),
          siteData: async () => {
            const read = (path: string) => nodeFs.readText(join(root, path))
            const [content, data, modules] = await Promise.all([
              loadContent(config, nodeFs),
              readDataFiles(config, nodeFs),
              utilityModules(transforms.rows, read),
            ])
            return siteDataOf(config, content.posts, { modules, data: data.values })
          },
        })
      } catch (error) {
        if (flags.json && isBdsError(error))
          ctx.out.out(JSON.stringify(ingestReport(undefined, [...warnings, error]), null, 2))
        throw error
      }
      if (flags.json) return ctx.out.out(JSON.stringify(ingestReport(result, warnings), null, 2))
      printDiagnostics(ctx.out, root, warnings, result)
      if (flags.dryRun) {
        ctx.out.out(result.text.replace(/\n$/, ''))
        ctx.out.err(summary(result, flags))
      } else ctx.out.out(summary(result, flags))
    })
}

function printBookmarklet(ctx: CliContext, root: string): void {
  const shell = shellFor(process.platform, process.env)
  ctx.out.out(`Bookmarklet — make a new bookmark in your browser and paste this as its URL:

${renderBookmarklet()}

On any page, select the text you want to quote (optional) and click the bookmark: it copies
the page as bookmark JSON (nothing is sent anywhere). Then run:

  ${pasteCommand(shell, root)}`)
}
