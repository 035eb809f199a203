// The bds command line run in this process (no spawn): what a command prints and its exit
// code, as `bds()` in site.ts gets them from a child process. Most CLI tests use this; a few
// per command keep the real process.

import { runCli } from '../../src/cli/main.js'
import { createOut } from '../../src/cli/out.js'
import type { CliResult } from './site.js'

export async function bdsInProcess(args: string[], cwd: string): Promise<CliResult> {
  const stdout: string[] = []
  const stderr: string[] = []
  const out = createOut({
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
  })
  const status = await runCli(args, out, cwd)
  return { status, stdout: stdout.join(''), stderr: stderr.join('') }
}
