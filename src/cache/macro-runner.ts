// A macro runner behind the build cache: a call whose key is stored, and every part of the
// site data it read then still hashes the same, takes the stored output; the others run in
// one batch (the runner's own, so Python starts only when one is left) and are stored with
// what they read. A first build (an empty cache) looks nothing up: its calls run at once and
// are keyed and stored at the build's end (BuildCache.later). A runner without cacheKeys (or
// a build without a cache) is only counted.

import type { MacroInput, MacroOutput, MacroRunner } from '../macros/index.js'
import { cacheKey } from './keys.js'
import { restoreOutput, storeOutput } from './outputs.js'
import type { BuildCache } from './session.js'

type Reads = [string, string][]

/** Hashes of what a stored call read, compared with the site data of this build. */
async function stillSame(reads: Reads, read: (name: string) => Promise<string | undefined>) {
  for (const [name, hash] of reads) if ((await read(name)) !== hash) return false
  return true
}

export function cachedRunner(runner: MacroRunner, cache: BuildCache): MacroRunner {
  const keys = cache.enabled ? runner.cacheKeys : undefined
  if (!keys) {
    return {
      has: (name) => runner.has(name),
      diagnostics: runner.diagnostics && (() => runner.diagnostics?.() ?? []),
      names: runner.names && (() => runner.names?.() ?? []),
      run(batch) {
        cache.count('macros', false, batch.length)
        // Nothing is stored: a build with such calls cannot be replayed whole.
        if (cache.enabled && batch.length > 0) cache.taint()
        return runner.run(batch)
      },
    }
  }
  const read = (name: string) => keys.read(name)
  return {
    // Present: a caller can tell that its results are cached (template macro pages).
    cacheKeys: keys,
    has: (name) => runner.has(name),
    diagnostics: runner.diagnostics && (() => runner.diagnostics?.() ?? []),
    names: runner.names && (() => runner.names?.() ?? []),
    async run(batch) {
      if (cache.cold()) {
        cache.count('macros', false, batch.length)
        const ran = await runner.run(batch)
        for (const [i, input] of batch.entries())
          cache.later(async () => {
            const key = await keys.key(input)
            const stored = key === undefined ? undefined : cacheKey('macro', key)
            await store(cache, stored, input, ran[i] as MacroOutput, read)
          })
        return ran
      }
      const outputs: (MacroOutput | undefined)[] = new Array(batch.length)
      const callKeys: (string | undefined)[] = []
      for (const input of batch) {
        const key = await keys.key(input)
        callKeys.push(key === undefined ? undefined : cacheKey('macro', key))
      }
      for (const [i, key] of callKeys.entries()) {
        const row = key === undefined ? undefined : cache.macro(key)
        const reads = row ? (JSON.parse(row.reads) as Reads) : []
        if (!row || !(await stillSame(reads, read))) continue
        const output = restoreOutput(row.value, (batch[i] as MacroInput).call.pos)
        // What it read, as when it ran: watch mode expands its post again when one changes.
        outputs[i] = reads.length > 0 ? { ...output, reads: reads.map(([name]) => name) } : output
      }
      const missing = batch.flatMap((input, i) => (outputs[i] ? [] : [{ input, i }]))
      cache.count('macros', true, batch.length - missing.length)
      cache.count('macros', false, missing.length)
      // Called even with no call left: a runner reports its own problems from here.
      const ran = await runner.run(missing.map((m) => m.input))
      for (const [k, { input, i }] of missing.entries()) {
        const output = ran[k] as MacroOutput
        outputs[i] = output
        await store(cache, callKeys[i], input, output, read)
      }
      return outputs as MacroOutput[]
    },
  }
}

async function store(
  cache: BuildCache,
  key: string | undefined,
  input: MacroInput,
  output: MacroOutput,
  read: (name: string) => Promise<string | undefined>,
): Promise<void> {
  const value =
    key !== undefined && output.cacheable !== false && storeOutput(output, input.call.pos)
  if (!value) {
    cache.taint()
    return
  }
  const reads: Reads = []
  for (const name of output.reads ?? []) {
    const hash = await read(name)
    if (hash === undefined) {
      cache.taint()
      return
    }
    reads.push([name, hash])
  }
  cache.putMacro(key as string, JSON.stringify(reads), value)
}
