// The live-reload channel (#8): server-sent events over a real HTTP server.

import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/errors/index.js'
import { createLiveReload } from '../../../src/watch/livereload.js'
import { overlayErrors } from '../../../src/watch/overlay.js'
import { listen } from '../../../src/watch/server.js'
import { followEvents } from '../../helpers/watch.js'

describe('live reload events', () => {
  const live = createLiveReload()
  const server = createServer((req, res) => live.handle(req, res))
  let url: string
  beforeAll(async () => {
    url = `http://127.0.0.1:${await listen(server, '127.0.0.1', 0)}/`
  })
  afterAll(() => server.close())

  it('says hello, sends reloads and overlays, and shows a late page the current errors', async () => {
    const first = await followEvents(url)
    const hello = await first.next('hello')
    expect(hello.data.id).toMatch(/^[0-9a-f-]{36}$/)
    live.reload(['a/index.html'])
    expect((await first.next('reload')).data.changed).toEqual(['a/index.html'])
    const bad: Diagnostic = {
      ...{ severity: 'error', code: 'BDS_TEMPLATE_PARSE', message: 'Bad tag.', hint: 'Fix it.' },
      ...{ file: 'x.liquid', line: 2, column: 3 },
    }
    const unknown = {
      severity: 'warning',
      code: 'BDS_MACRO_UNKNOWN',
      message: '?',
      hint: '',
    } as const
    const errors = overlayErrors([bad, bad, unknown], () => undefined)
    expect(errors).toEqual([
      {
        code: 'BDS_TEMPLATE_PARSE',
        message: 'Bad tag.',
        at: 'x.liquid:2:3',
        frame: undefined,
        hint: 'Fix it.',
      },
    ])
    // A misspelt macro name (a warning naming the nearest one) is shown too, as a warning.
    const typo = { ...unknown, message: 'Unknown macro "galery" (did you mean "gallery"?).' }
    expect(overlayErrors([typo, bad], () => undefined).map((e) => [e.code, e.warning])).toEqual([
      ['BDS_TEMPLATE_PARSE', undefined],
      ['BDS_MACRO_UNKNOWN', true],
    ])
    live.overlay(errors)
    expect((await first.next('overlay')).data.errors).toEqual(errors)
    const late = await followEvents(url)
    expect((await late.next('overlay')).data.errors).toEqual(errors)
    expect(live.clients).toBe(2)
    live.overlay([])
    expect((await late.next('overlay')).data.errors).toEqual([])
    first.close()
    late.close()
    live.close()
  })
})
