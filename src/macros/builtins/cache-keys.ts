// How the build cache keys a built-in macro call: its name and parameters, the whole post it
// stands in and its URL, and the site data built-ins see (language, tags, media, options, the
// image variants by their key) — hashed once per post and per tree. The built-ins' version is the engine's (bds's code).

import type { Post } from '../../content/index.js'
import { hashText } from '../../util/hash.js'
import type { MacroCacheKeys, MacroSite } from '../types.js'

const posts = new WeakMap<Post, string>()
const sites = new WeakMap<MacroSite, string>()

function memo<K extends object>(map: WeakMap<K, string>, value: K): string {
  let hash = map.get(value)
  if (hash === undefined) {
    hash = hashText(JSON.stringify(value))
    map.set(value, hash)
  }
  return hash
}

export const builtinCacheKeys: MacroCacheKeys = {
  key: (input) =>
    [
      'builtin',
      input.call.name,
      JSON.stringify(input.call.params),
      input.post ? memo(posts, input.post) : 'no post',
      input.url,
      memo(sites, input.site),
    ].join('\0'),
  // Built-ins read nothing the key does not already hold.
  read: async () => undefined,
}
