// Which data files a Python call read, for whatever keeps its result: the macro step expands a
// post again when a file its calls read changes, and a build cache can key a cached result on
// the same names — `dataReads(result)` for the names, `dataReadKey(data, names)` for the key.

import type { DataFiles } from '../../content/index.js'
import type { PythonCallResult } from '../../python/index.js'
import { hashText } from '../../util/hash.js'
import type { MacroOutput } from '../types.js'

/** The names a call read with `bds.data("NAME")`, in the order it first read them. */
export function dataReads(
  result: Pick<PythonCallResult, 'reads'> | MacroOutput,
): readonly string[] {
  return result.reads ?? []
}

/**
 * A key over what `names` hold now: the same names and the same files give the same key, a
 * name with no file counts as absent. A cached call is good while its key is unchanged.
 */
export function dataReadKey(data: Pick<DataFiles, 'hashes'>, names: readonly string[]): string {
  if (names.length === 0) return ''
  const sorted = [...new Set(names)].sort()
  return hashText(sorted.map((n) => `${n}\u0000${data.hashes[n] ?? '-'}`).join('\n'))
}
