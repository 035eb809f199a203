// "Did you mean": the candidate nearest to a mistyped word by edit distance, when it is near
// enough to be a typo rather than another word.

/** Levenshtein distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number
    d[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j] as number
      d[j] = Math.min(
        (d[j] as number) + 1,
        (d[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      prev = cur
    }
  }
  return d[b.length] as number
}

/** The closest of `candidates` to `word` (case-insensitive), or undefined when none is close. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase()
  const ranked = candidates
    .map((c) => [c, editDistance(w, c.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1])
  const best = ranked[0]
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : undefined
}
