import { writeHeapSnapshot } from 'node:v8'
import { build } from './dist/index.js'
let taken
const r = await build({ root: '/tmp/baseline/thr1/src/corpus', out: '/tmp/heap-out', clean: true }, {
  parallel: false,
  onStep: (name) => { if (name === 'generated' && !taken) { global.gc?.(); taken = writeHeapSnapshot('/tmp/heap.heapsnapshot'); console.log('snap', process.memoryUsage()) } },
})
console.log(r.outputs.total, r.maxRssBytes / 2 ** 20)
