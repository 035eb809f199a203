export { type BuildDeps, build } from './build.js'
export { stopRenderWorkers } from './render-pool.js'
export type { BuildReport } from './report.js'
