// The printing boundary: everything printed through Out has its control characters escaped
// (inert.ts) unless bds composed it itself (Styled). Small on purpose: every command loads it.

import { inert } from './inert.js'

/** Text bds composed with colours, every untrusted part already made inert: printed as it is. */
export interface Styled {
  readonly styled: string
}

/** A string is printed with its control characters escaped. */
export type Printable = string | Styled

export interface Out {
  out: (text: Printable) => void
  err: (text: Printable) => void
  /** Text as it comes (no newline added), escaped: what a script prints while it runs. */
  stream: (name: 'stdout' | 'stderr', text: string) => void
  color: boolean
  /** Standard error is a terminal: show progress lines that rewrite themselves. */
  progress: boolean
}

const line = (text: Printable) => `${typeof text === 'string' ? inert(text) : text.styled}\n`

/** The printer of the process; `write` sends both streams elsewhere (plain, no colour). */
export function createOut(write?: { out(text: string): void; err(text: string): void }): Out {
  if (write) {
    const { out, err } = write
    return {
      out: (t) => out(line(t)),
      err: (t) => err(line(t)),
      stream: (name, text) => (name === 'stdout' ? out : err)(inert(text)),
      color: false,
      progress: false,
    }
  }
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR
  return {
    out: (text) => process.stdout.write(line(text)),
    err: (text) => process.stderr.write(line(text)),
    stream: (name, text) => process[name].write(inert(text)),
    color,
    progress: Boolean(process.stderr.isTTY),
  }
}
