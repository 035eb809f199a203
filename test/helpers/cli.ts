// The bds command line run in this process (no spawn): what a command prints and its exit
// code, as `bds()` in site.ts gets them from a child process. Most CLI tests use this; a few
// per command keep the real process.

import { runCli } from '../../src/cli/main.js'
import type { CliResult } from './site.js'

export async function bdsInProcess(args: string[], cwd: string): Promise<CliResult> {
  const stdout: string[] = []
  const stderr: string[] = []
  const out = {
    out: (text: string) => stdout.push(`${text}\n`),
    err: (text: string) => stderr.push(`${text}\n`),
    color: false,
    progress: false,
  }
  const status = await runCli(args, out, cwd)
  return { status, stdout: stdout.join(''), stderr: stderr.join('') }
}
