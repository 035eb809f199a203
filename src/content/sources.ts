// checkSourceFolders(): the warnings for links that media/, static/ and templates/ hold and
// bds does not follow (out of the site, broken, or back into a folder already listed);
// posts/ and pages/ are reported as they are read, scripts/ by the script index.

import type { ResolvedConfig } from '../config/index.js'
import type { BdsError } from '../errors/index.js'
import { type Fs, type SkippedLink, skippedLinkWarning } from '../util/fs.js'

/** Warnings for the links of media/, static/ and templates/ (with assets/) that are skipped. */
export async function checkSourceFolders(config: ResolvedConfig, fs: Fs): Promise<BdsError[]> {
  const { paths } = config
  const warnings: BdsError[] = []
  const report = (skip: SkippedLink) => warnings.push(skippedLinkWarning(paths.root, skip))
  for (const dir of [paths.media, paths.static, paths.templates]) await fs.walk(dir, report)
  return warnings
}
