// Integration tests run bds as users do, from the compiled dist/ (the writer thread loads
// compiled code), so the TypeScript is built once before they start — once per run, though
// three projects name this setup (it runs in vitest's own process, whose environment says so).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  if (process.env.BDS_TEST_DIST_BUILT === String(process.pid)) return
  const root = fileURLToPath(new URL('../..', import.meta.url))
  execFileSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  process.env.BDS_TEST_DIST_BUILT = String(process.pid)
}
