import { build } from './dist/index.js'
const root = process.argv[2], par = process.argv[3] === 'par'
const marks = {}
const r = await build({ root, out: '/tmp/mem-out', clean: true }, {
  parallel: par ? true : false,
  onStep: (name) => { const m = process.memoryUsage(); marks[name] = `${(m.rss/2**20).toFixed(0)}/${(m.heapUsed/2**20).toFixed(0)}` },
})
console.log(JSON.stringify(marks), 'maxRss', (r.maxRssBytes / 2 ** 20).toFixed(0))
