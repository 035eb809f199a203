export { type BuildDeps, build } from './build.js'
export type { BuildReport } from './report.js'
export { stopRenderWorkers } from './render-pool.js'
