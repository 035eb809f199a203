// What `bds watch` / `bds serve` print (#14): the addresses that reach a server on every
// interface, and which warnings a rebuild adds.

import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import {
  createDiagnosticFilter,
  reachableUrls,
  servingLines,
} from '../../../src/cli/commands/watch-output.js'
import type { Diagnostic } from '../../../src/errors/index.js'

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo

const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6'), nic('2001:db8::5', 'IPv6')],
}

describe('reachableUrls', () => {
  it('lists IPv4 addresses for 0.0.0.0 and every address but link-local ones for ::', () => {
    expect(reachableUrls('0.0.0.0', 4000, interfaces)).toEqual([
      'http://127.0.0.1:4000/',
      'http://192.168.1.20:4000/',
    ])
    expect(reachableUrls('::', 8080, interfaces)).toEqual([
      'http://127.0.0.1:8080/',
      'http://[::1]:8080/',
      'http://192.168.1.20:8080/',
      'http://[2001:db8::5]:8080/',
    ])
  })

  it('prints them only for a wildcard host, and warns for any host but loopback', () => {
    const local = servingLines('dist/', 'http://127.0.0.1:4000/', '127.0.0.1', 4000, interfaces)
    expect(local).toEqual({
      out: ['bds: serving dist/ at http://127.0.0.1:4000/ — Ctrl-C to stop'],
      err: [],
    })
    const all = servingLines('dist/', 'http://0.0.0.0:4000/', '0.0.0.0', 4000, interfaces)
    expect(all.out[1]).toBe('bds: reachable at http://127.0.0.1:4000/  http://192.168.1.20:4000/')
    expect(all.err[0]).toContain('anyone who can reach this machine')
  })
})

describe('createDiagnosticFilter', () => {
  const d = (severity: 'error' | 'warning', message: string): Diagnostic => ({
    severity,
    code: severity === 'error' ? 'BDS_TEMPLATE_RENDER' : 'BDS_MACRO_UNKNOWN',
    message,
    hint: '',
    file: 'posts/a.md',
    line: 1,
    column: 1,
  })

  it('shows every error each time and a warning only when the previous build had none like it', () => {
    const fresh = createDiagnosticFilter()
    expect(fresh([d('warning', 'w1'), d('error', 'e1')]).map((x) => x.message)).toEqual([
      'w1',
      'e1',
    ])
    expect(
      fresh([d('warning', 'w1'), d('warning', 'w2'), d('error', 'e1')]).map((x) => x.message),
    ).toEqual(['w2', 'e1'])
    expect(fresh([])).toEqual([])
    expect(fresh([d('warning', 'w1')]).map((x) => x.message)).toEqual(['w1'])
  })
})
