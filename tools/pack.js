#!/usr/bin/env node
// npm pack / publish hooks. `prepack`: removes dist/ (the `prepare` script that npm runs next
// compiles it afresh, so no stale file ships) and writes npm-shrinkwrap.json from
// package-lock.json, so an install gets the dependency tree bds is tested with.
// `postpack` (`--done`): removes npm-shrinkwrap.json again.
import { copyFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const shrinkwrap = `${root}npm-shrinkwrap.json`
if (process.argv.includes('--done')) {
  rmSync(shrinkwrap, { force: true })
} else {
  rmSync(`${root}dist`, { recursive: true, force: true })
  copyFileSync(`${root}package-lock.json`, shrinkwrap)
}
