// Strict UTF-8: the text, or the offset of the first byte that is not valid UTF-8, so an
// error can say where a file saved in another encoding goes wrong.

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeUtf8(bytes: Uint8Array): string | { invalidAt: number } {
  try {
    return utf8.decode(bytes)
  } catch {
    return { invalidAt: firstInvalidByte(bytes) }
  }
}

/** Offset of the byte that makes `bytes` invalid UTF-8 (a binary search over prefixes). */
function firstInvalidByte(bytes: Uint8Array): number {
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true })
      return true
    } catch {
      return false
    }
  }
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (valid(mid)) lo = mid
    else hi = mid - 1
  }
  // The broken sequence starts at the lead byte before `lo` when it is still unfinished there.
  for (let j = lo - 1; j >= Math.max(0, lo - 3); j--) {
    const b = bytes[j] as number
    if (b < 0x80) break
    if (b >= 0xc0) return j + (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > lo ? j : lo
  }
  return Math.min(lo, bytes.length - 1)
}
