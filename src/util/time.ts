// Dates in the site's timezone, never the machine's: parse front matter date strings as wall
// time in an IANA zone, and split instants into that zone's year, month and day.

export interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True when `timeZone` is an IANA zone name this Node knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  if (timeZone === 'UTC') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    }
  }
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone)
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000
  )
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function fromZoned(p: ZonedParts, timeZone: string, ms = 0): Date {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, ms)
  if (timeZone === 'UTC') return new Date(asUtc)
  let guess = asUtc - offsetAt(asUtc, timeZone)
  const corrected = asUtc - offsetAt(guess, timeZone)
  if (corrected !== guess) guess = corrected
  return new Date(guess)
}

const dateRe =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Parses a front matter date: `2024-03-05`, `2024-03-05 09:30`, `2024-03-05T09:30:00`,
 * with an optional `Z` or `±HH:MM` offset. Without an offset it is wall time in `timeZone`.
 * Returns undefined when the text is not such a date or names an impossible day.
 */
export function parseDate(text: string, timeZone: string): Date | undefined {
  const m = dateRe.exec(text.trim())
  if (!m) return undefined
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0', frac = '0', zone] = m
  const parts = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s }
  const ms = Math.floor(Number(`0.${frac}`) * 1000)
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day))
  if (
    check.getUTCMonth() !== parts.month - 1 ||
    check.getUTCDate() !== parts.day ||
    parts.hour > 23 ||
    parts.minute > 59 ||
    parts.second > 60
  ) {
    return undefined
  }
  if (!zone) return fromZoned(parts, timeZone, ms)
  const utc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    ms,
  )
  if (zone.toUpperCase() === 'Z') return new Date(utc)
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  return new Date(utc - offset)
}

/** RFC 3339 in UTC without milliseconds: `2024-03-05T09:30:00Z`. */
export function isoUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

export const pad2 = (n: number): string => String(n).padStart(2, '0')
