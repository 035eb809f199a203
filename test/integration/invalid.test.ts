// Each fixtures/invalid/<case> is a broken site with expected.json naming the diagnostic code
// and position. Non-fatal cases must still build the rest of the site.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build, isBdsError } from '../../dist/index.js'
import { copyFixture, fixturesDir } from '../helpers/site.js'

interface Expected {
  code: string
  file: string
  line: number
  column: number
  severity?: 'error' | 'warning'
  fatal?: boolean
}

const cases = readdirSync(join(fixturesDir, 'invalid')).sort()

describe('invalid sites', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(10))

  for (const name of cases) {
    const expected = JSON.parse(
      readFileSync(join(fixturesDir, 'invalid', name, 'expected.json'), 'utf8'),
    ) as Expected
    it(`${name} → ${expected.code} at ${expected.file}:${expected.line}:${expected.column}`, async () => {
      const root = copyFixture(`invalid/${name}`)
      if (expected.fatal) {
        const error = await build({ root }).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(isBdsError(error)).toBe(true)
        expect(error).toMatchObject({
          code: expected.code,
          pos: { file: expected.file, line: expected.line, column: expected.column },
        })
        expect(existsSync(join(root, 'dist'))).toBe(false)
        return
      }
      const report = await build({ root })
      const found = report.diagnostics.find((d) => d.code === expected.code)
      expect(found, JSON.stringify(report.diagnostics, null, 2)).toMatchObject({
        file: expected.file,
        line: expected.line,
        column: expected.column,
        severity: expected.severity ?? 'error',
      })
      expect(found?.message.length).toBeGreaterThan(10)
      expect(found?.hint.length).toBeGreaterThan(10)
      expect(existsSync(join(root, 'dist/index.html'))).toBe(true)
      expect(existsSync(join(root, 'dist/2024/05/01/good/index.html'))).toBe(true)
      expect(readFileSync(join(root, 'dist/rss.xml'), 'utf8')).toContain('A good post')
    })
  }
})
