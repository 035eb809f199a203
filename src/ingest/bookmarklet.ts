// The bookmarklet helper: a `javascript:` bookmark that copies the page as a ready
// `bds ingest` JSON to the clipboard (no server: the browser never talks to bds), and the
// command line that pastes it into `bds ingest -` on this machine.

// Readable source; the URL holds it percent-encoded (browsers decode javascript: URLs once).
const SOURCE = `(() => {
  const json = JSON.stringify({
    url: location.href,
    title: document.title,
    text: String(getSelection() || '').trim(),
  });
  const ask = () => prompt('Copy this bookmark, then run bds ingest -', json);
  const done = () => alert('Bookmark copied. Now run: bds ingest -');
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(json).then(done, ask);
  else ask();
})()`

/** The bookmarklet URL (one line). */
export function renderBookmarklet(): string {
  return `javascript:${encodeURIComponent(SOURCE.replace(/\n\s*/g, ' '))}`
}

export interface Shell {
  /** The command that prints the clipboard. */
  paste: string
  quote(text: string): string
}

const posix = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`
const powershell = (text: string) => `'${text.replace(/'/g, "''")}'`

/** How to read the clipboard in the usual shell of `platform`. */
export function shellFor(platform: string, env: Record<string, string | undefined>): Shell {
  if (platform === 'darwin') return { paste: 'pbpaste', quote: posix }
  if (platform === 'win32') return { paste: 'Get-Clipboard -Raw', quote: powershell }
  if (env.WAYLAND_DISPLAY) return { paste: 'wl-paste', quote: posix }
  return { paste: 'xclip -selection clipboard -o', quote: posix }
}

/** `<paste> | bds -C <root> ingest -` */
export function pasteCommand(shell: Shell, root: string): string {
  return `${shell.paste} | bds -C ${shell.quote(root)} ingest -`
}
