// Every command and subcommand has --help with an "Examples:" section (#14, DESIGN §1).

import { type Command, Help } from 'commander'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../src/cli/commands/index.js'
import { type CliContext, createProgram } from '../../../src/cli/main.js'

function allCommands(cmd: Command, path: string[] = []): [string, Command][] {
  return cmd.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => {
      const here = [...path, c.name()]
      return [[here.join(' '), c] as [string, Command], ...allCommands(c, here)]
    })
}

function helpOf(cmd: Command): string {
  let text = ''
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) })
  cmd.outputHelp()
  return text
}

describe('--help', async () => {
  const ctx: CliContext = {
    out: { out: () => {}, err: () => {}, stream: () => {}, color: false, progress: false },
    cwd: () => process.cwd(),
    exitCode: 0,
  }
  const program = await createProgram(ctx)
  const commands = allCommands(program)

  it('covers every command of the CLI', () => {
    const names = commands.map(([name]) => name)
    for (const name of ['build', 'watch', 'serve', 'init', 'new post', 'scripts run', 'doctor'])
      expect(names).toContain(name)
    expect(names.length).toBeGreaterThan(18)
  })

  it.each([['(bds)', program] as [string, Command], ...commands])(
    '%s has examples that run bds',
    (_name, cmd) => {
      const help = helpOf(cmd)
      expect(help).toMatch(/\nExamples:\n( {2}\$ bds .+\n)+/)
    },
  )

  it('lists each command as the command itself says (commands/index.ts)', () => {
    const help = new Help()
    for (const spec of COMMANDS) {
      const cmd = program.commands.find((c) => c.name() === spec.name) as Command
      expect(`${spec.name} ${spec.args}`.trim()).toBe(help.subcommandTerm(cmd))
    }
  })

  it('prints the same help without loading any command', async () => {
    const lazy = await createProgram(ctx, () => false)
    expect(helpOf(lazy)).toBe(helpOf(program))
    expect(lazy.commands.find((c) => c.name() === 'build')?.options).toEqual([])
  })
})

describe('bds --help made ahead', () => {
  it('is what commander prints today (npm run gen)', async () => {
    const { generateHelp, HELP_FILE } = await import('../../../tools/gen-help.js')
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { repoRoot } = await import('../../helpers/site.js')
    expect(readFileSync(join(repoRoot, HELP_FILE), 'utf8')).toBe(await generateHelp())
  })
})
