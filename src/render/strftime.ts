// strftime for the Liquid `date` filter, in the site timezone: the common directives of
// Ruby/liquidjs (%Y %m %d %e %B %b %A %a %H %I %M %S %p %y %j %z %Z %s %F %T %D %%) with the
// `-` flag to drop padding. Names come from Intl in the site language; results are cached.

import { zonedParts } from '../util/time.js'

type Names = { months: string[]; monthsShort: string[]; days: string[]; daysShort: string[] }

const namesCache = new Map<string, Names>()

function names(locale: string): Names {
  let n = namesCache.get(locale)
  if (!n) {
    const lang = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en'
    const fmt = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(lang, { ...o, timeZone: 'UTC' })
    const month = (o: Intl.DateTimeFormatOptions) =>
      Array.from({ length: 12 }, (_, i) => fmt(o).format(Date.UTC(2024, i, 1)))
    // 2024-01-07 is a Sunday: day 0 as in Date#getDay().
    const day = (o: Intl.DateTimeFormatOptions) =>
      Array.from({ length: 7 }, (_, i) => fmt(o).format(Date.UTC(2024, 0, 7 + i)))
    n = {
      months: month({ month: 'long' }),
      monthsShort: month({ month: 'short' }),
      days: day({ weekday: 'long' }),
      daysShort: day({ weekday: 'short' }),
    }
    namesCache.set(locale, n)
  }
  return n
}

const pad = (n: number, width: number, flag: string) =>
  flag === '-' ? String(n) : String(n).padStart(width, flag === '_' ? ' ' : '0')

const styles = new Map<string, Intl.DateTimeFormat>()
const STYLES = new Set(['full', 'long', 'medium', 'short'])

/** `long`, `medium`, `short`, `full`: the date as the site language writes it. */
function styled(date: Date, style: string, timeZone: string, locale: string): string {
  const key = `${style}|${timeZone}|${locale}`
  let f = styles.get(key)
  if (!f) {
    const lang = Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en'
    f = new Intl.DateTimeFormat(lang, { dateStyle: style as 'long', timeZone })
    styles.set(key, f)
  }
  return f.format(date)
}

export function strftime(date: Date, format: string, timeZone: string, locale: string): string {
  if (STYLES.has(format)) return styled(date, format, timeZone, locale)
  const p = zonedParts(date, timeZone)
  const n = names(locale)
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()
  const offsetMin = Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
      Math.floor(date.getTime() / 1000) * 1000) /
      60000,
  )
  const zone = () =>
    `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMin) / 60), 2, '')}${pad(Math.abs(offsetMin) % 60, 2, '')}`
  const hour12 = p.hour % 12 || 12
  const yday = (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000 + 1
  return format.replace(/%([-_0^]?)([a-zA-Z%])/g, (whole, flag: string, d: string) => {
    switch (d) {
      case 'Y':
        return String(p.year)
      case 'y':
        return pad(p.year % 100, 2, flag)
      case 'm':
        return pad(p.month, 2, flag)
      case 'd':
        return pad(p.day, 2, flag)
      case 'e':
        return pad(p.day, 2, flag || '_')
      case 'j':
        return pad(yday, 3, flag)
      case 'H':
        return pad(p.hour, 2, flag)
      case 'k':
        return pad(p.hour, 2, flag || '_')
      case 'I':
        return pad(hour12, 2, flag)
      case 'l':
        return pad(hour12, 2, flag || '_')
      case 'M':
        return pad(p.minute, 2, flag)
      case 'S':
        return pad(p.second, 2, flag)
      case 'p':
        return p.hour < 12 ? 'AM' : 'PM'
      case 'P':
        return p.hour < 12 ? 'am' : 'pm'
      case 'B':
        return flag === '^'
          ? (n.months[p.month - 1] ?? '').toUpperCase()
          : (n.months[p.month - 1] ?? '')
      case 'b':
      case 'h':
        return n.monthsShort[p.month - 1] ?? ''
      case 'A':
        return n.days[weekday] ?? ''
      case 'a':
        return n.daysShort[weekday] ?? ''
      case 'u':
        return String(weekday || 7)
      case 'w':
        return String(weekday)
      case 'z':
        return zone()
      case 'Z':
        return timeZone
      case 's':
        return String(Math.floor(date.getTime() / 1000))
      case 'F':
        return `${p.year}-${pad(p.month, 2, '')}-${pad(p.day, 2, '')}`
      case 'T':
        return `${pad(p.hour, 2, '')}:${pad(p.minute, 2, '')}:${pad(p.second, 2, '')}`
      case 'D':
        return `${pad(p.month, 2, '')}/${pad(p.day, 2, '')}/${pad(p.year % 100, 2, '')}`
      case '%':
        return '%'
      default:
        return whole
    }
  })
}
