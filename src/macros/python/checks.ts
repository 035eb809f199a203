// Script checks (Python's `ast`: syntax, top-level functions, the entrypoint's declaration)
// kept between builds by the build cache, keyed by file, content hash and entrypoint: a build
// whose scripts did not change checks them without starting Python.

import type { CheckResult, PythonHost, ScriptSource } from '../../python/index.js'

/** Script checks kept by the build cache, by a key of file and content. */
export interface CheckStore {
  get(key: string): string | undefined
  put(key: string, value: string): void
}

/** Every script's `ast` check: from the store where it has one, else from Python (then kept). */
export async function checkAll(
  scripts: ScriptSource[],
  started: () => Promise<PythonHost>,
  store: CheckStore | undefined,
): Promise<[ScriptSource, CheckResult][]> {
  const key = (s: ScriptSource) => `${s.file}\0${s.hash}\0${s.entrypoint}`
  const known = new Map<ScriptSource, CheckResult>()
  for (const s of scripts) {
    const text = store?.get(key(s))
    if (text !== undefined) known.set(s, JSON.parse(text) as CheckResult)
  }
  const unknown = scripts.filter((s) => !known.has(s))
  if (unknown.length > 0) {
    const host = await started()
    const results = await host.check(
      unknown.map((s) => ({ file: s.file, source: s.source, entrypoint: s.entrypoint })),
    )
    results.forEach((result, i) => {
      const s = unknown[i] as ScriptSource
      if (!s) return
      known.set(s, result)
      store?.put(key(s), JSON.stringify(result))
    })
  }
  // A host that answered for fewer scripts (a fake) leaves the others unchecked.
  return scripts.flatMap((s): [ScriptSource, CheckResult][] => {
    const result = known.get(s)
    return result ? [[s, result]] : []
  })
}
