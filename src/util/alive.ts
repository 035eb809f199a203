// Is a process still running? Used to leave another bds process's temporary files alone.

/** True when a process with `pid` exists (one of another user's counts too). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}
