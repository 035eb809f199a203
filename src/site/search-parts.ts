// Where a tree's search index lies: one Pagefind bundle per part of at most `size` posts, in
// content order. The first part is the tree's `pagefind/` folder, whose UI the search page
// loads; the others are `pagefind/part-2/`, `pagefind/part-3/`, …, which the page merges into
// its searches (decision 0028). A tree of at most `size` posts has one part, as before.

/** The number of parts for `posts` posts (at least one). */
export const searchPartCount = (posts: number, size: number): number =>
  Math.max(1, Math.ceil(posts / size))

/** The folder of part `k` (0-based) inside the tree's own folder. */
export const searchPartDir = (k: number): string =>
  k === 0 ? 'pagefind/' : `pagefind/part-${k + 1}/`
