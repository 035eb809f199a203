// Which Host headers the preview server answers (issue 19): a DNS-rebinding page reaches the
// server under its own domain name, so only names of the address the server listens on are
// served — localhost, 127.0.0.1 and [::1], the --host given, and when that is every
// interface (0.0.0.0, ::) the IP address the request came in on — always with the port. (An
// address is no rebinding risk: only a name can be pointed somewhere else.)

import type { Socket } from 'node:net'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])
const EVERY = new Set(['', '0.0.0.0', '::', '[::]'])

/** An address as it appears in a Host header: IPv6 in brackets, IPv4-mapped as IPv4. */
function asHost(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  return (plain.includes(':') && !plain.startsWith('[') ? `[${plain}]` : plain).toLowerCase()
}

/** True when `header` names this server: one of its names, with the port it listens on. */
export function hostAllowed(header: string | undefined, bound: string, socket: Socket): boolean {
  if (!header) return false
  let url: URL
  try {
    url = new URL(`http://${header}`)
  } catch {
    return false
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false
  if ((url.port || '80') !== String(socket.localPort)) return false
  const name = url.hostname.toLowerCase()
  if (LOOPBACK.has(name) || name === asHost(bound)) return true
  return EVERY.has(bound) && !!socket.localAddress && name === asHost(socket.localAddress)
}
