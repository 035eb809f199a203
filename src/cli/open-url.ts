// `--open`: hands a URL to the desktop's opener (xdg-open, open, start) and forgets it.

import { spawn } from 'node:child_process'

/** Opens `url` in the default browser; `onError` hears when no opener could be started. */
export function openUrl(url: string, onError: (message: string) => void): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' })
  child.on('error', (error) => onError(`cannot open a browser (${cmd}: ${error.message})`))
  child.unref()
}
