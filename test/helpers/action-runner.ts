// A small stand-in for GitHub's runner of composite actions: runs the `run:` steps of
// action.yml with bash as Actions does (`-eo pipefail`), with `${{ inputs.* }}`,
// `${{ github.* }}`, `${{ runner.* }}` and `${{ steps.*.outputs.* }}` expanded, and
// $GITHUB_OUTPUT / $GITHUB_PATH honoured. `uses:` steps (setup-node, cache) are skipped.

import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { tempDir } from './site.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  shell?: string
  env?: Record<string, string>
}

interface Action {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, { value: string }>
  runs: { steps: Step[] }
}

export interface ActionRun {
  outputs: Record<string, string>
  /** Each step's outputs, by step id. */
  steps: Record<string, Record<string, string>>
  log: string
  skipped: string[]
}

export function runAction(
  actionDir: string,
  given: Record<string, string>,
  o: { workspace: string; env?: NodeJS.ProcessEnv },
): ActionRun {
  const action = load(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as Action
  const inputs: Record<string, string> = {}
  for (const [k, v] of Object.entries(action.inputs)) inputs[k] = given[k] ?? v.default ?? ''
  const temp = tempDir('bds-runner-')
  const steps: Record<string, Record<string, string>> = {}
  const paths: string[] = []
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
      const [scope, ...rest] = expr.split('.')
      if (scope === 'inputs') return inputs[rest[0] as string] ?? ''
      if (expr === 'github.action_path') return actionDir
      if (expr === 'github.workspace') return o.workspace
      if (expr === 'runner.temp') return temp
      if (expr === 'runner.os') return 'Linux'
      if (scope === 'steps') return steps[rest[0] as string]?.[rest[2] as string] ?? ''
      throw new Error(`the test runner does not know \${{ ${expr} }}`)
    })
  let log = ''
  const skipped: string[] = []
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.uses) {
      skipped.push(step.uses)
      continue
    }
    const output = join(temp, `output-${i}`)
    const path = join(temp, `path-${i}`)
    writeFileSync(output, '')
    writeFileSync(path, '')
    const env: NodeJS.ProcessEnv = { ...process.env, ...o.env }
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v))
    Object.assign(env, {
      GITHUB_OUTPUT: output,
      GITHUB_PATH: path,
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: o.workspace,
      PATH: [...paths, env.PATH].join(':'),
    })
    const r = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''],
      {
        cwd: o.workspace,
        env,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    log += `## ${step.name ?? step.id}\n${r.stdout}${r.stderr}`
    if (r.status !== 0) throw new Error(`step "${step.name}" exited with ${r.status}:\n${log}`)
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
    if (step.id) steps[step.id] = outputs
    paths.unshift(...readFileSync(path, 'utf8').split('\n').filter(Boolean).reverse())
  }
  const outputs: Record<string, string> = {}
  for (const [k, v] of Object.entries(action.outputs)) outputs[k] = expand(v.value)
  return { outputs, steps, log, skipped }
}
