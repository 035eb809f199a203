// Reads markdown-it style fixture files: a description line, then input and expected output,
// each closed by a line holding a single dot. Lines starting with # before a case are comments.

export interface FixtureCase {
  description: string
  input: string
  output: string
}

export function parseFixtureTxt(text: string): FixtureCase[] {
  const lines = text.split('\n')
  const cases: FixtureCase[] = []
  let i = 0
  const until = () => {
    const start = i
    while (i < lines.length && lines[i] !== '.') i++
    const block = lines.slice(start, i).join('\n')
    i++
    return block.length ? `${block}\n` : ''
  }
  while (i < lines.length) {
    const line = lines[i] as string
    if (line === '' || line.startsWith('#')) {
      i++
      continue
    }
    const description = line
    i += 2
    const input = until()
    const output = until()
    cases.push({ description, input, output })
  }
  return cases
}
