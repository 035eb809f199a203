// Building a site: the pipeline every build runs, the full build behind `bds build` and the
// rebuild behind each save in `bds watch`.
export { type BuildOutcome, build, buildSite } from './build.js'
export { emptyChanges, type SiteChanges } from './changes.js'
export { type BuildDeps, buildDeps, memoryDeps, memoryStores, type Stores } from './deps.js'
export { rebuildSite } from './rebuild.js'
export type { BuildReport, CapturedOutput } from './report.js'
export type { PipelineState } from './state.js'
