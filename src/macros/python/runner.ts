// Python macros as a MacroRunner: each token becomes a call of its script's entrypoint with
// the ABI v1 context and the post's public data; results are checked against the schema and
// failures become diagnostics at the token, naming the script line and the exception.

import { BdsError } from '../../errors/index.js'
import { renderTranslations } from '../../locales/index.js'
import {
  blockedCapability,
  checkContext,
  checkPost,
  checkResult,
  FieldsArgument,
  type PythonCall,
  type PythonCallResult,
  type PythonHost,
  type ScriptSource,
} from '../../python/index.js'
import { checkParams } from '../index.js'
import type { MacroInput, MacroOutput, MacroParams, MacroRunner } from '../types.js'
import { keywordArguments, type PythonDeclaration } from './declared.js'
import { publicPost } from './site-data.js'

const translations = new Map<string, Record<string, string>>()
/** bDS's env.translations: every render string of the language (made once per language). */
function translationsOf(language: string): Record<string, string> {
  const map = translations.get(language) ?? renderTranslations(language)
  translations.set(language, map)
  return map
}

/** Largest `html` a macro may return (characters). */
export const MAX_MACRO_HTML = 1024 * 1024

export interface MacroScripts {
  /** Enabled macro scripts by lower-cased slug. */
  scripts: Map<string, ScriptSource>
  /** Scripts that cannot run (syntax error, no entrypoint): the reason, by slug. */
  broken: Map<string, string>
  /** What the scripts that declare parameters declare, by slug. */
  declared: Map<string, PythonDeclaration>
  language: string
}

export function capturedText(r: Pick<PythonCallResult, 'stdout' | 'stderr' | 'logs'>): string {
  const parts: string[] = []
  if (r.stdout) parts.push(`stdout:\n${r.stdout}`)
  if (r.stderr) parts.push(`stderr:\n${r.stderr}`)
  if (r.logs.length) parts.push(`bds.log:\n${r.logs.join('\n')}`)
  return parts.join('\n')
}

function failed(input: MacroInput, script: ScriptSource, r: PythonCallResult): BdsError {
  const e = r.error ?? { kind: 'crash', type: 'Error', message: 'unknown failure', traceback: '' }
  const where = `${script.file}${e.line ? `:${e.line}` : ''}`
  const name = input.call.name
  const detail = [e.traceback, capturedText(r)].filter(Boolean).join('\n')
  if (e.kind === 'timeout') {
    const message = `The Python macro "${name}" (${where}) ran too long and was stopped: ${e.message || e.type}.`
    return new BdsError('BDS_MACRO_TIMEOUT', message, { pos: input.call.pos, detail })
  }
  const what = e.message ? `${e.type}: ${e.message}` : e.type
  const blocked = blockedCapability(e)
  const message = `The Python macro "${name}" failed in ${where}: ${what}${blocked ? ` ${blocked}` : ''}`
  return new BdsError('BDS_MACRO_FAILED', message, { pos: input.call.pos, detail })
}

function toOutput(input: MacroInput, script: ScriptSource, r: PythonCallResult): MacroOutput {
  const captured = capturedText(r)
  if (!r.ok) return { html: '', diagnostics: [failed(input, script, r)], captured }
  const problem = checkResult(r.value)
  const value = r.value as string | { html: string; warnings?: string[] }
  const html = typeof value === 'string' ? value : value?.html
  const pos = input.call.pos
  if (problem || html.length > MAX_MACRO_HTML) {
    const why = problem ?? `its html is ${html.length} characters; the limit is ${MAX_MACRO_HTML}`
    const message = `The Python macro "${input.call.name}" (${script.file}) returned an invalid result: ${why}.`
    return { html: '', diagnostics: [new BdsError('BDS_MACRO_RESULT', message, { pos })], captured }
  }
  const warnings = typeof value === 'string' ? [] : (value.warnings ?? [])
  const diagnostics = warnings.map(
    (w) =>
      new BdsError('BDS_MACRO_WARNING', `${input.call.name} (${script.file}): ${w}`, {
        pos,
        severity: 'warning',
      }),
  )
  return { html, diagnostics, captured }
}

/** ABI v1's first argument for a call of the script with id `scriptId`. */
export function macroContext(input: MacroInput, scriptId: string) {
  const { language, languagePrefix } = input.site
  return {
    env: {
      isPreview: false,
      mainLanguage: language,
      languagePrefix,
      hook: input.call.name,
      source: { kind: 'macro', id: scriptId },
      translations: translationsOf(language),
    },
    params: input.call.params,
  }
}

/** A result that may come out otherwise next time is never cached (timeouts, crashes). */
const STABLE = new Set(['exception', 'missing', 'output'])

export function createPythonMacroRunner(host: PythonHost, macros: MacroScripts): MacroRunner {
  return {
    has: (name) => macros.scripts.has(name),
    async run(batch) {
      const outputs: MacroOutput[] = new Array(batch.length)
      const calls: PythonCall[] = []
      const owners: number[] = []
      /** What checking each call's parameters against its declaration reported. */
      const notes = new Map<number, BdsError[]>()
      // One data object per post, however many of its tokens call Python: checked and encoded once.
      const posts = new Map<
        MacroInput['post'],
        { data: ReturnType<typeof publicPost> | null; problem?: string }
      >()
      // Calls of one script in one language tree share their context's env: it crosses once
      // per batch, with the params of each call beside it.
      const envs = new Map<string, ReturnType<typeof macroContext>['env']>()
      const sharedEnv = (env: ReturnType<typeof macroContext>['env']) => {
        const key = JSON.stringify([env.hook, env.source.id, env.mainLanguage, env.languagePrefix])
        const known = envs.get(key) ?? env
        envs.set(key, known)
        return known
      }
      batch.forEach((input, i) => {
        const name = input.call.name
        const script = macros.scripts.get(name) as ScriptSource
        const broken = macros.broken.get(name)
        const context = macroContext(input, script.id)
        const declaration = macros.declared.get(name)
        let kwargs: MacroParams | undefined
        if (declaration && !broken) {
          const who = `The Python macro "${name}" (${script.file})`
          const check = checkParams(input.call, declaration, who)
          if (check.diagnostics.length) notes.set(i, check.diagnostics)
          if (check.missing.length) {
            outputs[i] = { html: '', diagnostics: check.diagnostics }
            return
          }
          context.params = check.params
          kwargs = keywordArguments(declaration, check.params)
        }
        let post = posts.get(input.post)
        if (!post) {
          // A template call on a page without a post (a list) gets None.
          const data = input.post ? publicPost(input.post, input.url) : null
          post = { data, problem: checkPost(data) }
          posts.set(input.post, post)
        }
        const invalid = broken ?? checkContext(context) ?? post.problem
        if (invalid) {
          const message = `The Python macro "${name}" did not run: ${invalid}`
          const error = new BdsError('BDS_MACRO_FAILED', message, { pos: input.call.pos })
          // A broken script's calls are not cached: its check reports the problem every build.
          outputs[i] = { html: '', diagnostics: [error], cacheable: !broken }
          return
        }
        const named = kwargs && Object.keys(kwargs).length > 0 ? { kwargs } : {}
        const args = [new FieldsArgument({ env: sharedEnv(context.env), params: context.params })]
        calls.push({ script, args: [...args, post.data], ...named })
        owners.push(i)
      })
      const results = calls.length > 0 ? await host.run(calls) : []
      results.forEach((result, k) => {
        const i = owners[k] as number
        const input = batch[i] as MacroInput
        const output = toOutput(input, calls[k]?.script as ScriptSource, result)
        const stable = result.ok || STABLE.has(result.error?.kind ?? '')
        const noted = notes.get(i)
        const diagnostics = noted ? [...noted, ...output.diagnostics] : output.diagnostics
        outputs[i] = { ...output, diagnostics, reads: result.reads, cacheable: stable }
      })
      return outputs
    },
  }
}
