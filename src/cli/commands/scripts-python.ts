// `bds scripts check [slug]` parses scripts with Python's `ast` (nothing runs) and stores the
// result in the index; `bds scripts run <slug> [args…]` runs a utility's `main(args)` with its
// output streamed, under the same timeout, guard rails and read-only `bds` module as macros.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { loadContent, readDataFiles } from '../../content/index.js'
import { BdsError, toDiagnostic } from '../../errors/index.js'
import { capturedText, hostFor, siteDataOf, utilityModules } from '../../macros/python/index.js'
import { blockedCapability, checkScripts, readScript } from '../../python/index.js'
import { findScript } from '../../scripts/index.js'
import { nodeFs } from '../../util/fs.js'
import type { CliContext } from '../context.js'
import { formatDiagnostic } from '../output.js'
import { examples, withStore } from './scripts-support.js'

export function registerScriptsPython(cmd: Command, ctx: CliContext): void {
  cmd
    .command('check')
    .description('check scripts for syntax errors and their entrypoint, without running them')
    .argument('[slug]', 'one script (default: all)')
    .addHelpText('after', examples('bds scripts check', 'bds scripts check hello'))
    .action((slug: string | undefined) =>
      withStore(ctx, async (store, root, _sync, config) => {
        const rows = slug ? [findScript(store, slug)] : store.all()
        if (rows.length === 0) return ctx.out.out('No scripts in scripts/ to check.')
        const host = hostFor(config, 1)
        const checks = await checkScripts(
          host,
          rows.map((r) => readScript(root, r)),
        ).finally(() => host.stop())
        checks.forEach(({ script, result, problem }, i) => {
          const row = rows[i] as (typeof rows)[number]
          const status = problem ? `error: ${problem.message}` : 'ok'
          store.recordCheck(row.id, row.hash, status, result.functions, result.signature)
          if (problem) ctx.out.err(formatDiagnostic(ctx.out, toDiagnostic(problem), root))
          else
            ctx.out.out(
              `ok  ${script.file}  ${script.entrypoint}() · ${result.functions.join(', ')}`,
            )
        })
        const failed = checks.filter((c) => c.problem).length
        ctx.out.out(`${checks.length} checked, ${failed} with problems.`)
        if (failed > 0) ctx.exitCode = 1
      }),
    )
  cmd
    .command('run')
    .description("run a utility script's entrypoint, main(args), with its output streamed")
    .argument('<slug>')
    .argument('[args...]', 'passed to main(args) as a list of strings')
    .addHelpText(
      'after',
      examples('bds scripts run reading_time', 'bds scripts run report -- --since 2024'),
    )
    .action((slug: string, args: string[]) =>
      withStore(ctx, async (store, root, _sync, config) => {
        const row = findScript(store, slug)
        if (row.kind !== 'utility') {
          const message = `${row.slug} is a ${row.kind} script; \`bds scripts run\` runs utility scripts (kind: utility).`
          throw new BdsError('BDS_USAGE', message)
        }
        const script = readScript(root, row)
        const host = hostFor(config, 1)
        try {
          const [check] = await checkScripts(host, [script])
          if (check?.problem) throw check.problem
          const content = await loadContent(config, nodeFs)
          const read = (path: string) => readFileSync(join(root, path), 'utf8')
          const modules = await utilityModules(store.all(), read)
          const data = await readDataFiles(config, nodeFs)
          host.setSiteData(siteDataOf(config, content.posts, { modules, data: data.values }))
          const onOutput = (stream: 'stdout' | 'stderr', text: string) =>
            ctx.out.stream(stream, text)
          const [result] = await host.run([{ script, args: [args] }], { onOutput })
          ctx.exitCode = exitCodeOf(ctx, root, script.file, result)
        } finally {
          await host.stop()
        }
      }),
    )
}

type Result = Awaited<ReturnType<ReturnType<typeof hostFor>['run']>>[number] | undefined

function exitCodeOf(ctx: CliContext, root: string, file: string, result: Result): number {
  if (result?.ok) {
    const value = result.value
    return typeof value === 'number' && Number.isInteger(value) ? value & 255 : 0
  }
  const e = result?.error
  if (e?.type === 'SystemExit') {
    const code = Number(e.message)
    return Number.isInteger(code) ? code & 255 : e.message ? 1 : 0
  }
  const blocked = e ? blockedCapability(e) : undefined
  const what = `${e?.type ?? 'Error'}${e?.message ? `: ${e.message}` : ''}${blocked ? ` ${blocked}` : ''}`
  const detail = [e?.traceback ?? '', result ? capturedText(result) : ''].filter(Boolean).join('\n')
  const pos = e?.line ? { file, line: e.line, column: 1 } : undefined
  const error = new BdsError('BDS_SCRIPT_FAILED', `${file} failed: ${what}`, { detail, pos })
  ctx.out.err(formatDiagnostic(ctx.out, toDiagnostic(error), root))
  return 1
}
