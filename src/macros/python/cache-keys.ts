// How the build cache keys a Python macro call: the script's id, content hash, file and
// entrypoint, the utility modules it may import, the call's context (parameters, language and
// tree; the translations follow from the language) and the post it gets, if its entrypoint
// takes one — plus, checked separately, the parts of the site data it read (site-reads.ts).
// A script whose header says `cache: false` is never cached.

import type { Post } from '../../content/index.js'
import type { ScriptRow } from '../../scripts/index.js'
import type { MacroCacheKeys, MacroInput } from '../types.js'
import { macroContext } from './runner.js'
import { publicPost } from './site-data.js'
import type { SiteReads } from './site-reads.js'

/**
 * `modules`: the utility scripts as text (utilityKey); `takesPost`: whether a script's
 * entrypoint gets the post (its `ast` check counts its parameters; true when that is not known).
 */
export function pythonCacheKeys(
  rows: readonly ScriptRow[],
  modules: string,
  reads: SiteReads,
  takesPost: (row: ScriptRow) => Promise<boolean>,
): MacroCacheKeys {
  const bySlug = new Map(rows.map((row) => [row.slug.toLowerCase(), row]))
  const posts = new WeakMap<Post, { url: string; json: string }>()
  const postJson = (input: MacroInput) => {
    // A template call on a page without a post (a list) gets None.
    if (!input.post) return 'null'
    let known = posts.get(input.post)
    if (known?.url !== input.url) {
      known = { url: input.url, json: JSON.stringify(publicPost(input.post, input.url)) }
      posts.set(input.post, known)
    }
    return known.json
  }
  return {
    async key(input) {
      const row = bySlug.get(input.call.name)
      if (!row?.cache) return undefined
      const { translations: _t, ...env } = macroContext(input, row.id).env
      const context = JSON.stringify({ env, params: input.call.params })
      const post = (await takesPost(row)) ? postJson(input) : 'no post'
      const script = ['python', row.id, row.hash, row.path, row.entrypoint, modules]
      return [...script, context, post].join('\0')
    },
    read: reads,
  }
}
