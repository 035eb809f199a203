// Where `bds ingest` gets its bookmark: a file, standard input (`-`), or --url and friends.
// Reads at most one byte more than a bookmark may have, so a huge input never fills memory.

import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import { BdsError } from '../../errors/index.js'
import { MAX_INPUT_BYTES } from '../../ingest/index.js'

export interface IngestFlags {
  url?: string
  title?: string
  text?: string
  tags?: string
  categories?: string
  dryRun?: boolean
  publish?: boolean
  /** False with --no-transforms. */
  transforms: boolean
  json?: boolean
  bookmarklet?: boolean
}

const LIMIT = MAX_INPUT_BYTES + 1

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    size += (chunk as Buffer).length
    if (size >= LIMIT) break
  }
  return Buffer.concat(chunks)
}

async function readFileStart(path: string, shown: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(LIMIT)
      const { bytesRead } = await file.read(buffer, 0, LIMIT, 0)
      return buffer.subarray(0, bytesRead)
    } finally {
      await file.close()
    }
  } catch (error) {
    const code = (error as { code?: string }).code
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${(error as Error).message})`
    throw new BdsError(
      'BDS_INGEST_INPUT',
      `The bookmark file ${shown} ${why}; nothing was written.`,
      {
        hint: 'Give the path of a bookmark JSON file, or - to read standard input.',
      },
    )
  }
}

const list = (text?: string) =>
  text === undefined ? undefined : text.split(',').map((t) => t.trim())

/** The input bytes and the name messages use for them. */
export async function readInput(
  file: string | undefined,
  flags: IngestFlags,
  root: string,
): Promise<{ bytes: Uint8Array; source: string }> {
  const fields = [flags.title, flags.text, flags.tags, flags.categories]
  if (file !== undefined && flags.url !== undefined)
    throw new BdsError(
      'BDS_USAGE',
      'Give the bookmark as a file, as - (standard input) or with --url, not both.',
    )
  if (flags.url === undefined && fields.some((f) => f !== undefined))
    throw new BdsError(
      'BDS_USAGE',
      '--title, --text, --tags and --categories go with --url; a bookmark file holds them itself.',
    )
  if (flags.url !== undefined) {
    const { url, title, text } = flags
    const json = { url, title, text, tags: list(flags.tags), categories: list(flags.categories) }
    return { bytes: Buffer.from(JSON.stringify(json)), source: 'the command line' }
  }
  if (file === undefined)
    throw new BdsError(
      'BDS_USAGE',
      'No bookmark given: name a JSON file, - for standard input, or use --url URL.',
      {
        hint: 'Run `bds ingest --help` for examples.',
      },
    )
  if (file === '-') return { bytes: await readStdin(), source: '<stdin>' }
  return { bytes: await readFileStart(resolve(root, file), file), source: file }
}
