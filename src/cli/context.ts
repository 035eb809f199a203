// What every command gets from the program: the printer, the folder it works in, the exit code
// it sets, and how a long-running command is stopped.

import type { Out } from './out.js'

export interface CliContext {
  out: Out
  /** The folder commands work in: the current folder, or -C DIR. */
  cwd(): string
  exitCode: number
  /** Set by a long-running command (watch): how to stop it cleanly on Ctrl-C or SIGTERM. */
  interrupt?: () => Promise<void>
}
