import { describe, expect, it } from 'vitest'
import {
  fromZoned,
  isoUtc,
  isValidTimeZone,
  parseDate,
  zonedParts,
} from '../../../src/util/time.js'

describe('parseDate', () => {
  it('reads a bare date as midnight in the site timezone', () => {
    expect(parseDate('2024-03-05', 'UTC')?.toISOString()).toBe('2024-03-05T00:00:00.000Z')
    expect(parseDate('2024-03-05', 'Europe/Berlin')?.toISOString()).toBe('2024-03-04T23:00:00.000Z')
    expect(parseDate('2024-07-05', 'Europe/Berlin')?.toISOString()).toBe('2024-07-04T22:00:00.000Z')
    expect(parseDate('2024-03-05', 'America/New_York')?.toISOString()).toBe(
      '2024-03-05T05:00:00.000Z',
    )
  })

  it('reads times with and without seconds, T or space', () => {
    expect(parseDate('2024-03-05 09:30', 'UTC')?.toISOString()).toBe('2024-03-05T09:30:00.000Z')
    expect(parseDate('2024-03-05T09:30:15', 'UTC')?.toISOString()).toBe('2024-03-05T09:30:15.000Z')
    expect(parseDate('2024-03-05T09:30:15.250', 'UTC')?.toISOString()).toBe(
      '2024-03-05T09:30:15.250Z',
    )
  })

  it('honours an explicit offset over the site timezone', () => {
    expect(parseDate('2024-10-05T23:30:00+02:00', 'America/New_York')?.toISOString()).toBe(
      '2024-10-05T21:30:00.000Z',
    )
    expect(parseDate('2024-10-05T23:30:00Z', 'Europe/Berlin')?.toISOString()).toBe(
      '2024-10-05T23:30:00.000Z',
    )
    expect(parseDate('2024-10-05T23:30:00-0530', 'UTC')?.toISOString()).toBe(
      '2024-10-06T05:00:00.000Z',
    )
    expect(parseDate('2025-05-03T08:15:00.000Z', 'Europe/Berlin')?.toISOString()).toBe(
      '2025-05-03T08:15:00.000Z',
    )
  })

  it('rejects impossible or malformed dates', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-01-01 25:00',
      'yesterday',
      '05/03/2024',
      '',
    ]) {
      expect(parseDate(bad, 'UTC'), bad).toBeUndefined()
    }
    expect(parseDate('2024-02-29', 'UTC')).toBeDefined()
  })

  it('handles wall times around a DST change', () => {
    // 2024-03-31 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00).
    const skipped = parseDate('2024-03-31 02:30', 'Europe/Berlin') as Date
    expect(zonedParts(skipped, 'Europe/Berlin').hour).toBe(3)
    const after = parseDate('2024-03-31 12:00', 'Europe/Berlin') as Date
    expect(after.toISOString()).toBe('2024-03-31T10:00:00.000Z')
  })
})

describe('zonedParts and fromZoned', () => {
  it('splits an instant in the given zone, not the machine zone', () => {
    const d = new Date('2024-12-31T23:30:00Z')
    expect(zonedParts(d, 'UTC')).toMatchObject({ year: 2024, month: 12, day: 31, hour: 23 })
    expect(zonedParts(d, 'Europe/Berlin')).toMatchObject({ year: 2025, month: 1, day: 1, hour: 0 })
    expect(zonedParts(d, 'Pacific/Honolulu')).toMatchObject({
      year: 2024,
      month: 12,
      day: 31,
      hour: 13,
    })
  })

  it('round-trips', () => {
    const p = { year: 2024, month: 6, day: 15, hour: 8, minute: 5, second: 0 }
    for (const tz of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Australia/Lord_Howe']) {
      expect(zonedParts(fromZoned(p, tz), tz)).toEqual(p)
    }
  })

  it('validates zone names and formats RFC 3339', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isoUtc(new Date('2024-03-05T09:30:00.123Z'))).toBe('2024-03-05T09:30:00Z')
  })
})
