// The transform chain against a fake runtime (issue #7, rule 3): order, None vs a new post,
// and every way a transform can fail — each skipped, the last valid post going on.

import { describe, expect, it } from 'vitest'
import { runTransforms } from '../../../src/ingest/index.js'
import type { IngestPost } from '../../../src/ingest/types.js'
import { fakePythonHost, raises, returns, source, timesOut } from '../../helpers/fake-python.js'

const first: IngestPost = {
  title: 'A page',
  content: '[A page](https://e.com/)\n',
  tags: [],
  categories: [],
}
const context = { source: 'ingest' as const, url: 'https://e.com/' }
const options = { timezone: 'UTC', timeoutMs: 500 }
const addTag = (tag: string) => (post: IngestPost) =>
  returns({ ...post, tags: [...post.tags, tag] })

describe('runTransforms', () => {
  it('calls each script in the order given with (post, context), each seeing the last post', async () => {
    const host = fakePythonHost({ b: addTag('b'), a: addTag('a'), c: addTag('c') })
    const r = await runTransforms(
      host,
      [source('b'), source('a'), source('c')],
      first,
      context,
      options,
    )
    expect(host.calls.map((c) => c.script.slug)).toEqual(['b', 'a', 'c'])
    expect(host.calls.map((c) => (c.args[0] as IngestPost).tags)).toEqual([[], ['b'], ['b', 'a']])
    expect(host.calls[0]?.args[1]).toEqual(context)
    expect(r.post.tags).toEqual(['b', 'a', 'c'])
    expect(r.reports.map((x) => x.status)).toEqual(['changed', 'changed', 'changed'])
  })

  it('keeps the post for None and for a post equal to it; replaces it for a different one', async () => {
    const host = fakePythonHost({
      none: () => returns(null),
      same: (post) => returns(post),
      retitle: (post) => returns({ ...post, title: 'New title' }),
    })
    const r = await runTransforms(
      host,
      ['none', 'same', 'retitle'].map((s) => source(s)),
      first,
      context,
      options,
    )
    expect(r.reports.map((x) => [x.slug, x.status])).toEqual([
      ['none', 'unchanged'],
      ['same', 'unchanged'],
      ['retitle', 'changed'],
    ])
    expect(r.post).toEqual({ ...first, title: 'New title' })
    expect(r.diagnostics).toEqual([])
  })

  it('skips a transform that raises, times out, returns garbage or an invalid post; the rest apply', async () => {
    const host = fakePythonHost({
      one: addTag('one'),
      boom: () => raises('ValueError', 'boom', 17),
      slow: () => timesOut(),
      garbage: () => returns([1, 2, 3]),
      invalid: (post) => returns({ ...post, title: 42 }),
      two: addTag('two'),
    })
    const slugs = ['one', 'boom', 'slow', 'garbage', 'invalid', 'two']
    const r = await runTransforms(
      host,
      slugs.map((s) => source(s)),
      first,
      context,
      options,
    )
    expect(r.reports.map((x) => x.status)).toEqual([
      'changed',
      'failed',
      'failed',
      'invalid',
      'invalid',
      'changed',
    ])
    expect(r.post.tags).toEqual(['one', 'two'])
    // Each skipped transform got the last valid post.
    expect(host.calls.slice(1, 5).map((c) => (c.args[0] as IngestPost).tags)).toEqual([
      ['one'],
      ['one'],
      ['one'],
      ['one'],
    ])
    expect(
      r.diagnostics.map((d) => [d.code, d.severity, d.pos?.file, d.pos?.line, d.message]),
    ).toEqual([
      [
        'BDS_INGEST_TRANSFORM',
        'warning',
        'scripts/boom.py',
        17,
        'The transform "boom" raised ValueError: boom. It was skipped; the post went on without its changes.',
      ],
      [
        'BDS_INGEST_TRANSFORM',
        'warning',
        'scripts/slow.py',
        4,
        'The transform "slow" timed out after 500 ms (python.timeoutMs). It was skipped; the post went on without its changes.',
      ],
      [
        'BDS_INGEST_TRANSFORM',
        'warning',
        'scripts/garbage.py',
        4,
        'The transform "garbage" returned no valid post: returned a list, not a post dict or None. It was skipped; the post went on without its changes.',
      ],
      [
        'BDS_INGEST_TRANSFORM',
        'warning',
        'scripts/invalid.py',
        4,
        'The transform "invalid" returned no valid post: post.title must be a string. It was skipped; the post went on without its changes.',
      ],
    ])
    expect(r.reports[1]?.error?.traceback).toContain('ValueError: boom')
  })

  it('reports a missing entrypoint and a runtime that rejects as failures', async () => {
    const missing = await runTransforms(
      fakePythonHost({}),
      [source('nope')],
      first,
      context,
      options,
    )
    expect(missing.reports[0]?.status).toBe('failed')
    expect(missing.diagnostics[0]?.message).toContain('cannot run: no such script')
    const host = fakePythonHost({}, { rejectRun: new Error('pool is gone') })
    const crashed = await runTransforms(host, [source('a')], first, context, options)
    expect(crashed.reports[0]?.error).toMatchObject({ kind: 'crash', message: 'pool is gone' })
    expect(crashed.post).toBe(first)
  })

  it('counts a value that cannot cross as JSON as garbage, and names memory and crash failures', async () => {
    const fail = (kind: 'output' | 'memory' | 'crash', message: string) => () => ({
      ...returns(null),
      ok: false,
      error: { kind, type: 'TypeError', message, traceback: '' },
    })
    const host = fakePythonHost({
      set: fail('output', 'the entrypoint returned data that is not JSON'),
      big: fail('memory', 'MemoryError'),
      dead: fail('crash', 'worker exited'),
    })
    const r = await runTransforms(
      host,
      ['set', 'big', 'dead'].map((s) => source(s)),
      first,
      context,
      options,
    )
    expect(r.reports.map((x) => [x.status, x.problems])).toEqual([
      ['invalid', ['the entrypoint returned data that is not JSON']],
      ['failed', undefined],
      ['failed', undefined],
    ])
    expect(r.diagnostics.map((d) => d.message.replace(/\. It was skipped.*/, ''))).toEqual([
      'The transform "set" returned no valid post: the entrypoint returned data that is not JSON',
      'The transform "big" ran out of memory (MemoryError)',
      'The transform "dead" crashed the Python runtime (worker exited)',
    ])
  })

  it('keeps bds.log() messages, at most 100 of at most 1000 characters', async () => {
    const logs = Array.from({ length: 150 }, (_, i) => `${i}:${'x'.repeat(2000)}`)
    const host = fakePythonHost({ chatty: () => returns(null, { logs, stdout: 'printed\n' }) })
    const r = await runTransforms(host, [source('chatty')], first, context, options)
    expect(r.reports[0]?.logs).toHaveLength(100)
    expect(r.reports[0]?.logs.every((l) => l.length === 1000)).toBe(true)
    expect(r.reports[0]?.stdout).toBe('printed\n')
  })
})
