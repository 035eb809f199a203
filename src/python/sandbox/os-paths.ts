// Paths for the OS layer: the util-linux and coreutils programs it runs (looked up only in
// the system folders, never in $PATH, which a project can prepend to) and the readable paths
// root.sh binds into the minimal root.

import { accessSync, constants } from 'node:fs'
import { join, resolve } from 'node:path'
import { BdsError } from '../../errors/index.js'

/** Where the wrapper's programs are looked up; these folders are also visible in the root. */
export const SYSTEM_DIRS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin']

/** Host folders root.sh shows anyway (binds or symlinks), so readable paths under them are skipped. */
const IN_ROOT = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']

/** Never bound: the kernel's views and devices, which root.sh builds itself. */
const REFUSED = ['/proc', '/dev', '/sys']

export interface Tools {
  setpriv: string
  unshare: string
  sh: string
  env: string
}

/** The programs wrap() and root.sh run, or the name of the first one missing. */
export function findTools(): Tools | string {
  const found: Record<string, string> = {}
  for (const name of ['setpriv', 'unshare', 'sh', 'chroot', 'mount', 'env']) {
    const path = SYSTEM_DIRS.map((dir) => join(dir, name)).find(isExecutable)
    if (!path) return `the \`${name}\` program`
    found[name] = path
  }
  return { setpriv: found.setpriv, unshare: found.unshare, sh: found.sh, env: found.env } as Tools
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

const under = (path: string, dirs: string[]) =>
  dirs.some((dir) => path === dir || path.startsWith(`${dir}/`))

/**
 * The readable paths root.sh must bind: absolute and normalised, without duplicates, without
 * those the root shows anyway, and without those inside another readable folder.
 */
export function readableMounts(readable: string[]): string[] {
  const paths = readable.map((path) => {
    const normal = resolve(path)
    if (!path.startsWith('/') || normal === '/' || under(normal, REFUSED))
      throw new BdsError('BDS_INTERNAL', `The sandbox cannot make "${path}" readable.`, {
        hint: 'Pass absolute paths of bds’s own files and folders, never /, /proc, /dev or /sys.',
      })
    return normal
  })
  const mounts: string[] = []
  for (const path of [...new Set(paths)].sort()) {
    if (under(path, IN_ROOT) || under(path, mounts)) continue
    mounts.push(path)
  }
  return mounts
}
