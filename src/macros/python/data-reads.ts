// Which data files a Python call read, for what keeps its result: a call reports everything it
// read of the site data (`reads`: `posts`, `post:SLUG`, `data:NAME` …), and the macro step
// expands a post again when a data file among them changes. The build cache keys the same
// result by the same reads (site-reads.ts hashes `data:NAME` from the file's content).

/** Reads of this kind are data files: `data:NAME` for `bds.data("NAME")`. */
export const DATA_READ = 'data:'

/** Stands for every part of the site data (a result that read too much to list). */
export const EVERYTHING = '*'

/**
 * The data files a call read with `bds.data("NAME")`, by name, sorted; `*` when the call read
 * more than can be listed (then any data file counts).
 */
export function dataReads(result: { reads?: readonly string[] }): string[] {
  const names: string[] = []
  for (const read of result.reads ?? []) {
    if (read === EVERYTHING) return [EVERYTHING]
    if (read.startsWith(DATA_READ)) names.push(read.slice(DATA_READ.length))
  }
  return names
}
