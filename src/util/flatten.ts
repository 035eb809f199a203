// V8 keeps a string built piece by piece (`+=`, a template's output) as a tree of its pieces,
// about 32 bytes per piece, until something reads it whole. A regular expression does, and
// turns the tree into one flat string in place. For strings kept for a whole build (a summary
// of 50 pieces: 3.9 KB as a tree, 1 KB flat), so a large site's memory stays bounded.

const WHOLE = /$/

export function flatten(text: string): string {
  WHOLE.test(text)
  return text
}
