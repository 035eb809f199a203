// The commands of bds as `bds --help` lists them — name, summary, arguments — and how to load
// the rest. A command's module, and what it imports, is loaded only when the command line
// names it, so `bds --version` and `bds --help` start at once (README: Performance).
// test/unit/cli/help.test.ts checks each entry against the command it loads.

import type { Command } from 'commander'
import type { CliContext } from '../context.js'

export type Register = (cmd: Command, ctx: CliContext) => void

export interface CommandSpec {
  name: string
  summary: string
  /** The arguments after the name in `bds --help` (commander's own term for the command). */
  args: string
  load: () => Promise<Register>
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'build',
    summary: 'build the site into its output folder (default dist/)',
    args: '[options] [dir]',
    load: async () => (await import('./build.js')).registerBuild,
  },
  {
    name: 'cache',
    summary: 'inspect or remove the build cache (.bds/cache.db)',
    args: '',
    load: async () => (await import('./cache.js')).registerCache,
  },
  {
    name: 'doctor',
    summary: 'show how Python macros are isolated on this host, and why',
    args: '[options]',
    load: async () => (await import('./doctor.js')).registerDoctor,
  },
  {
    name: 'init',
    summary: 'create a new site that builds at once',
    args: '[options] [dir]',
    load: async () => (await import('./init.js')).registerInit,
  },
  {
    name: 'ingest',
    summary: 'turn a bookmark (JSON) into a draft post, shaped by the transform scripts',
    args: '[options] [file]',
    load: async () => (await import('./ingest.js')).registerIngest,
  },
  {
    name: 'macros',
    summary: 'list the macros a site can call: the built-ins and its Python macro scripts',
    args: '',
    load: async () => (await import('./macros.js')).registerMacros,
  },
  {
    name: 'new',
    summary: 'create a new post or page',
    args: '',
    load: async () => (await import('./new.js')).registerNew,
  },
  {
    name: 'scripts',
    summary: 'manage the Python scripts in scripts/ and their index',
    args: '',
    load: async () => (await import('./scripts.js')).registerScripts,
  },
  {
    name: 'serve',
    summary: 'serve the built site on http://127.0.0.1:4000, without building or watching',
    args: '[options] [dir]',
    load: async () => (await import('./serve.js')).registerServe,
  },
  {
    name: 'watch',
    summary: 'build, serve on http://127.0.0.1:4000 and rebuild on every save (live reload)',
    args: '[options] [dir]',
    load: async () => (await import('./watch.js')).registerWatch,
  },
]
