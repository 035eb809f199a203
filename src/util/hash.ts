// Content hashing for caches and write-if-changed: sha1 is fast and collision-safe enough
// to tell whether bytes changed (no security property depends on it).

import { createHash } from 'node:crypto'

export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('hex')
}
