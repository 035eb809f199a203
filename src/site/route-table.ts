// RouteTable: every output path is claimed once; a second claim is a BDS_ROUTE_CONFLICT
// naming both sources, and the second source is skipped.

import { BdsError } from '../errors/index.js'

export interface RouteTable {
  /** True when `path` was free and is now owned by `source`. */
  claim(path: string, source: string, line?: number): boolean
  owner(path: string): string | undefined
  readonly diagnostics: BdsError[]
}

export function createRouteTable(): RouteTable {
  const owners = new Map<string, string>()
  const diagnostics: BdsError[] = []
  return {
    diagnostics,
    owner: (path) => owners.get(path),
    claim(path, source, line = 1) {
      const first = owners.get(path)
      if (first === undefined) {
        owners.set(path, source)
        return true
      }
      const file = source.includes(':') ? first : source
      diagnostics.push(
        new BdsError(
          'BDS_ROUTE_CONFLICT',
          `${source} and ${first} both produce ${path}; ${source} was skipped.`,
          {
            pos: { file, line, column: 1 },
          },
        ),
      )
      return false
    },
  }
}
