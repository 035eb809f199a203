// The error for a server that could not listen: a taken port says so and how to get another.

import { BdsError } from '../errors/index.js'

export function listenError(error: NodeJS.ErrnoException, host: string, port: number): BdsError {
  if (error.code === 'EADDRINUSE') {
    return new BdsError(
      'BDS_WATCH_LISTEN',
      `Port ${port} on ${host} is taken by another program.`,
      {
        cause: error,
        hint: 'Stop the program that uses it, pass another --port, or leave --port out to let bds take the next free one.',
      },
    )
  }
  return new BdsError('BDS_WATCH_LISTEN', `Cannot listen on ${host}: ${error.message}`, {
    cause: error,
  })
}
