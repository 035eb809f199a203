// The GitHub Action and the workflow README shows (#14): both pass action-validator (the
// SchemaStore JSON schemas for action and workflow files), README's block is the example
// file word for word, and the action's steps take their inputs through env, never inline.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateAction, validateWorkflow } from '@action-validator/core'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/site.js'

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8')
const EXAMPLE = 'docs/examples/github-pages.yml'

interface Step {
  uses?: string
  run?: string
  env?: Record<string, string>
}

describe('action.yml and the example workflow', () => {
  it('action.yml is a valid composite action that runs bds build --strict', () => {
    const text = read('action.yml')
    expect(validateAction(text).errors).toEqual([])
    const action = load(text) as { runs: { using: string; steps: Step[] }; inputs: object }
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['site', 'args', 'version', 'cache']),
    )
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean)
    expect(uses).toEqual(['actions/setup-node@v4', 'actions/cache@v4', 'actions/cache@v4'])
    const runs = action.runs.steps.map((s) => s.run ?? '').join('\n')
    expect(runs).toContain('bds build "$SITE" --strict')
    // Inputs reach scripts as environment variables, so no input can inject shell code.
    expect(runs).not.toContain('${{')
  })

  it('the example workflow is valid and uses the action', () => {
    const text = read(EXAMPLE)
    expect(validateWorkflow(text).errors).toEqual([])
    expect(text).toMatch(/uses: OWNER\/bds@main/)
    expect(text).toMatch(/path: \$\{\{ steps\.bds\.outputs\.out-dir \}\}/)
  })

  it("is README's workflow, word for word", () => {
    const readme = read('README.md')
    const section = readme.slice(readme.indexOf('## Publishing from GitHub Actions'))
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1]
    const example = read(EXAMPLE).replace(/^(#.*\n)+/, '')
    expect(block).toBe(example)
  })

  it('the validator catches a broken workflow (so a pass means something)', () => {
    const broken = read(EXAMPLE).replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest')
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0)
    expect(validateAction('name: x\nruns:\n  using: composite\n').errors.length).toBeGreaterThan(0)
  })
})
