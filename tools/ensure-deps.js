#!/usr/bin/env node
// Installs the dependencies only when they are missing or differ from package-lock.json, so
// README's two commands never run `npm ci` twice. "Differ": a locked package that is not
// installed (optional ones for other platforms aside) or installed at another version or
// integrity, as npm's own record of what it installed (node_modules/.package-lock.json) says.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Why node_modules in `dir` does not match its lockfile, or undefined when it does. */
export function staleReason(dir = root) {
  const read = (file) => {
    try {
      return JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')).packages ?? {}
    } catch {
      return undefined
    }
  }
  const locked = read('package-lock.json')
  const installed = read('node_modules/.package-lock.json')
  if (!locked) return 'package-lock.json cannot be read'
  if (!installed) return 'node_modules is missing'
  for (const [path, want] of Object.entries(locked)) {
    if (path === '' || want.link) continue
    const have = installed[path]
    if (!have) {
      if (want.optional) continue
      return `${path} is not installed`
    }
    if (have.version !== want.version || have.integrity !== want.integrity)
      return `${path} is ${have.version}, package-lock.json says ${want.version}`
  }
  return undefined
}

export function ensureDeps() {
  const reason = staleReason()
  if (!reason) return
  console.error(`bds: ${reason}: running npm ci first.`)
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps()
