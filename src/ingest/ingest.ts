// ingest(): one sanitised bookmark → the first post → the transform chain → a post file
// written atomically (or only planned, with dryRun). The Python runtime is injected as a
// factory, called only when there is a transform to run, and always stopped afterwards.

import { BdsError } from '../errors/index.js'
import type { PythonHost, ScriptSource, SiteData } from '../python/index.js'
import { type ChainResult, runTransforms } from './chain.js'
import { planPostFile } from './file.js'
import { checkPost } from './post-schema.js'
import { initialPost } from './sanitize.js'
import type { Bookmark, IngestPost, IngestResult } from './types.js'
import { freeSlug, nodePostFiles, type PostFiles, writePostFile } from './write.js'

export interface IngestOptions {
  /** The site folder. */
  root: string
  timezone: string
  /** python.timeoutMs, for messages. */
  timeoutMs: number
  now: Date
  publish: boolean
  dryRun: boolean
  /** Enabled transforms in run order. */
  scripts: readonly ScriptSource[]
  /** Makes the Python runtime; called only when `scripts` is not empty. */
  createHost: () => PythonHost
  /** Data for the read-only `bds` module. */
  /** The read-only `bds` module's data, loaded only when a transform runs. */
  siteData?: () => Promise<SiteData>
  files?: PostFiles
}

async function transform(first: IngestPost, url: string, o: IngestOptions): Promise<ChainResult> {
  if (o.scripts.length === 0) return { post: first, reports: [], diagnostics: [] }
  let host: PythonHost | undefined
  try {
    try {
      host = o.createHost()
      await host.start()
      if (o.siteData) host.setSiteData(await o.siteData())
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new BdsError(
        'BDS_INGEST_RUNTIME',
        `The Python runtime could not start, so the transforms cannot run (${why}); nothing was written.`,
        { cause: error },
      )
    }
    const context = { source: 'ingest' as const, url }
    const options = { timezone: o.timezone, timeoutMs: o.timeoutMs }
    return await runTransforms(host, o.scripts, first, context, options)
  } finally {
    // A runtime that fails to stop must not hide what happened before it.
    await host?.stop().catch(() => undefined)
  }
}

export async function ingest(bookmark: Bookmark, o: IngestOptions): Promise<IngestResult> {
  const checked = checkPost(initialPost(bookmark), o.timezone)
  if (!checked.ok)
    throw new BdsError('BDS_INTERNAL', `The first post is invalid: ${checked.problems.join('; ')}`)
  const chain = await transform(checked.post, bookmark.url, o)
  const status = o.publish ? 'published' : 'draft'
  const plan = planPostFile(chain.post, {
    url: bookmark.url,
    status,
    now: o.now,
    timezone: o.timezone,
  })
  const files = o.files ?? nodePostFiles
  let written: { slug: string; file: string; text: string }
  if (o.dryRun) {
    const slug = await freeSlug(o.root, plan.folder, plan.slug, files)
    written = { slug, file: `${plan.folder}/${slug}.md`, text: plan.render(slug) }
  } else {
    written = await writePostFile(o.root, plan.folder, plan.slug, plan.render, files)
  }
  return {
    file: written.file,
    text: written.text,
    post: { ...chain.post, slug: written.slug },
    written: !o.dryRun,
    status,
    transforms: chain.reports,
    diagnostics: chain.diagnostics,
  }
}
