// The Python step of a build with a fake host: a runtime that cannot start fails each token
// with its position (the build goes on), and a host from a provider is never stopped by it.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, resolveConfig } from '../../../../src/config/index.js'
import { preparePython } from '../../../../src/macros/python/index.js'
import type { ScriptRow } from '../../../../src/scripts/index.js'
import { nodeFs } from '../../../../src/util/fs.js'
import { fakePythonHost, returns } from '../../../helpers/fake-python.js'
import { macroInput, testPos } from '../../../helpers/macro-input.js'
import { tempDir } from '../../../helpers/site.js'

async function site() {
  const root = tempDir()
  mkdirSync(join(root, 'scripts'))
  writeFileSync(join(root, 'bds.config.json'), '{"title": "T"}')
  writeFileSync(join(root, 'scripts/hi.py'), 'def render(context, post):\n    return "hi"\n')
  const row = { id: 'hi', slug: 'hi', path: 'scripts/hi.py', hash: 'h', entrypoint: 'render' }
  return { config: resolveConfig(await loadConfig(root), {}, root), rows: [row as ScriptRow] }
}

describe('the Python step', () => {
  it('fails every token at its position when the runtime does not start', async () => {
    const { config, rows } = await site()
    const host = fakePythonHost({}, { failStart: new Error('pyodide is missing') })
    const step = preparePython(config, rows, nodeFs, () => host)
    const [out] = (await step.runner?.run([macroInput('hi')])) ?? []
    expect(out?.html).toBe('')
    expect(out?.diagnostics[0]).toMatchObject({ code: 'BDS_PYTHON_START', pos: testPos })
    expect(out?.diagnostics[0]?.message).toContain('pyodide is missing')
  })

  it('leaves a provided host running', async () => {
    const { config, rows } = await site()
    const host = fakePythonHost({ hi: () => returns('<b>hi</b>') })
    host.check = async (scripts) =>
      scripts.map((s) => ({ file: s.file, ok: true, functions: ['render'] }))
    const step = preparePython(config, rows, nodeFs, () => host)
    const [out] = (await step.runner?.run([macroInput('hi')])) ?? []
    expect(out?.html).toBe('<b>hi</b>')
    await step.finish()
    expect(host.events).not.toContain('stop')
  })
})
