// Test hook of the sandbox child: runs JavaScript inside it, to show what a compromised
// child could and could not reach. Only a child started with PROBE_ARG loads this module
// (the sandbox's own tests); the production launcher never passes it.

import { runInThisContext } from 'node:vm'

export const runProbe = (source: string): unknown => runInThisContext(source)
