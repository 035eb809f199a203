// runMacros: resolves each call to the first runner that has its name — built-ins first,
// then Python scripts — runs each runner's calls as one batch, and reports unknown
// names. An unknown call has no output: it stays in the page as written. A page whose
// outputs add up to more than the page limit gets none of them (page-limit.ts).

import { BdsError } from '../errors/index.js'
import { suggest } from '../util/suggest.js'
import { limitPageOutput } from './page-limit.js'
import type { MacroInput, MacroOutput, MacroRunner } from './types.js'

export interface MacroRun {
  /** One entry per input; undefined for an unknown macro. */
  outputs: (MacroOutput | undefined)[]
  diagnostics: BdsError[]
}

/** `left` says what became of an unknown call (Markdown keeps it as written). */
export async function runMacros(
  inputs: readonly MacroInput[],
  runners: readonly MacroRunner[],
  left?: string,
): Promise<MacroRun> {
  const outputs: (MacroOutput | undefined)[] = new Array(inputs.length).fill(undefined)
  const diagnostics: BdsError[] = []
  const batches = new Map<MacroRunner, number[]>()
  let names: string[] | undefined
  inputs.forEach((input, i) => {
    const runner = runners.find((r) => r.has(input.call.name))
    if (!runner) {
      names ??= runners.flatMap((r) => r.names?.() ?? [])
      diagnostics.push(unknownMacro(input.call, names, left))
      return
    }
    const batch = batches.get(runner)
    if (batch) batch.push(i)
    else batches.set(runner, [i])
  })
  await Promise.all(
    [...batches].map(async ([runner, indexes]) => {
      const batch = indexes.map((i) => inputs[i] as MacroInput)
      const results = await runner
        .run(batch)
        .catch((error: unknown) => batch.map((input) => failed(input, error)))
      indexes.forEach((inputIndex, k) => {
        outputs[inputIndex] = results[k]
      })
    }),
  )
  diagnostics.push(...limitPageOutput(inputs, outputs))
  for (const runner of batches.keys()) diagnostics.push(...(runner.diagnostics?.() ?? []))
  for (const output of outputs) if (output) diagnostics.push(...output.diagnostics)
  return { outputs, diagnostics }
}

/** An unknown name, with the nearest known one ("did you mean") when there is one. */
export function unknownMacro(
  { name, pos }: Pick<MacroInput['call'], 'name' | 'pos'>,
  names: readonly string[],
  left = 'it was left in the page as written',
): BdsError {
  const near = suggest(name, names)
  const mean = near ? ` (did you mean "${near}"?)` : ''
  const message = `Unknown macro "${name}"${mean}: ${left}.`
  const hint = near
    ? `Write "${near}", or create scripts/${name}.py with \`kind: macro\` (Python macros); \`bds macros list\` shows every macro.`
    : `Check the name, or create scripts/${name}.py with \`kind: macro\` (Python macros); \`bds macros list\` shows every macro.`
  return new BdsError('BDS_MACRO_UNKNOWN', message, { pos, severity: 'warning', hint })
}

/** The output of a call whose runner failed as a whole (a crashed batch). */
function failed(input: MacroInput, error: unknown): MacroOutput {
  const cause = error instanceof Error ? error.message : String(error)
  const message = `The macro "${input.call.name}" failed: ${cause}`
  return {
    html: '',
    diagnostics: [new BdsError('BDS_MACRO_FAILED', message, { pos: input.call.pos, cause: error })],
  }
}
