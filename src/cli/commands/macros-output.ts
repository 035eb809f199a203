// How `bds macros` prints: a table of every macro, and one macro with its parameters, where
// it is defined and an example call in Markdown and in a template.

import {
  defaultText,
  type MacroInfo,
  type MacroParam,
  paramSummary,
} from '../../macros/python/index.js'

/** `columns: int = 3`, `id: str (required)`, `note`. */
function shortParam(p: MacroParam): string {
  const type = p.type === 'any' ? '' : `: ${p.type}`
  const fallback = defaultText(p)
  if (p.required) return `${p.name}${type} (required)`
  return `${p.name}${type}${fallback === undefined ? '' : ` = ${fallback}`}`
}

const where = (m: MacroInfo) =>
  m.source === 'builtin' ? 'built-in' : `${m.file}${m.line ? `:${m.line}` : ''}`

function paramsOf(m: MacroInfo): string {
  if (!m.declared) return 'any (declares none)'
  const list = m.params.map(shortParam)
  if (m.open) list.push('…')
  return list.join(', ') || 'none'
}

function state(m: MacroInfo): string {
  if (m.shadowed) return 'no (a built-in has its name)'
  if (m.status?.startsWith('error')) return 'no (script error)'
  return m.enabled ? 'yes' : 'no'
}

export function macrosTable(list: readonly MacroInfo[]): string {
  const head = ['name', 'defined in', 'enabled', 'parameters']
  const name = (m: MacroInfo) => [m.name, ...m.aliases].join(', ')
  const rows = list.map((m) => [name(m), where(m), state(m), paramsOf(m)])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

export function describeMacro(m: MacroInfo): string {
  const aliases = m.aliases.length ? ` (alias ${m.aliases.join(', ')})` : ''
  const lines = [`${m.name}${aliases} — ${where(m)}, enabled: ${state(m)}`]
  if (m.summary) lines.push(`  ${m.summary}`)
  if (m.status?.startsWith('error')) lines.push(`  ${m.status}`)
  lines.push('', 'parameters')
  if (!m.declared)
    lines.push('  any: the script declares none, so every parameter is passed as written')
  else if (m.params.length === 0) lines.push('  none')
  const width = Math.max(0, ...m.params.map((p) => p.name.length))
  const types = m.params.map(paramSummary)
  const typeWidth = Math.max(0, ...types.map((t) => t.length))
  m.params.forEach((p, i) => {
    const text = `  ${p.name.padEnd(width)}  ${(types[i] as string).padEnd(typeWidth)}  ${p.description ?? ''}`
    lines.push(text.trimEnd())
  })
  if (m.open) lines.push('  …and any other parameter (**kwargs)')
  lines.push('', 'example', `  ${m.example.markdown}`, `  ${m.example.liquid}`)
  return lines.join('\n')
}
