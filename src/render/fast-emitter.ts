// The fast renderer's output: liquidjs's SimpleEmitter and its stringify(), so text comes out
// exactly as liquidjs writes it (a Drop gives its value, nil nothing, an array its items).

import { Drop } from 'liquidjs'

export interface Emitter {
  buffer: string
  write(html: unknown): void
}

/** liquidjs's toValue: a Drop gives its valueOf(). */
export function unwrap(value: unknown): unknown {
  return value instanceof Drop && typeof value.valueOf === 'function' ? value.valueOf() : value
}

function stringify(value: unknown): string {
  const v = unwrap(value)
  if (typeof v === 'string') return v
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map(stringify).join('')
  return String(v)
}

export class TextEmitter implements Emitter {
  buffer = ''
  write(html: unknown): void {
    this.buffer += stringify(html)
  }
}
