#!/usr/bin/env node
// bds executable: checks the Node version, then hands over to the compiled CLI.
import module from 'node:module'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`bds needs Node.js 20.19 or newer; this is ${process.versions.node}.\n`)
  process.exit(70)
}
module.enableCompileCache?.()

// `bds --version` and `bds --help` alone answer without loading the command line parser
// (the help text is made ahead from it: src/cli/help.gen.ts, `npm run gen`).
const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { BDS_VERSION } = await import('../dist/version.js').catch(() => ({}))
  if (BDS_VERSION) {
    process.stdout.write(`${BDS_VERSION}\n`)
    process.exit(0)
  }
}
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  const { HELP } = await import('../dist/cli/help.gen.js').catch(() => ({}))
  if (HELP) {
    process.stdout.write(HELP)
    process.exit(0)
  }
}

try {
  const { main } = await import('../dist/cli/main.js')
  await main(process.argv)
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/')) {
    process.stderr.write('bds is not built yet: run `npm run build` in the bds folder.\n')
    process.exit(70)
  }
  throw error
}
