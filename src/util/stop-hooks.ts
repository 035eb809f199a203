// What must happen before bds exits on a signal or a broken pipe: a part that holds threads
// (the render workers) registers how to halt them, and the CLI runs every hook. The CLI does
// not import those parts itself, so a command that never starts them never loads them.

const hooks = new Set<() => void>()

/** Registers `hook`, to run (synchronously) before bds exits on a signal. */
export function onStop(hook: () => void): void {
  hooks.add(hook)
}

export function runStopHooks(): void {
  for (const hook of hooks) hook()
}
