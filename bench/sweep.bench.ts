/**
 * Timing-sweep benchmark (plain script): median and p95 wall time of a sweep of 24 start quarters
 * (shifts −12…+12, 25 evaluations) for a measure and for a trigger lag. Target (issue 13): ≤ 100 ms.
 * Run: npx tsx bench/sweep.bench.ts [--quick]
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultScenario, loadModel, timingSweep, type SweepOptions } from '../src/core/index'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const readJson = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'))
const model = loadModel(readJson('resources/data/measures.json'), readJson('resources/data/assumptions.json'))
const runs = process.argv.includes('--quick') ? 10 : 40

const doc = { ...defaultScenario(model), triggers: [{ id: 't-1', ifMeasure: 'cn-mofcom-18', thenMeasure: 'us-tariff-additional', lagQuarters: 10, intensity: 1 }] }
const base = { economy: 'us', sector: 'defense', kpi: 'peakExposure', quarters: 12, threshold: 20 } as const

const time = (opts: SweepOptions) => {
  for (let i = 0; i < 3; i++) timingSweep(model, doc, opts)
  const xs: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    timingSweep(model, doc, opts)
    xs.push(performance.now() - t)
  }
  const cpu = process.cpuUsage(cpu0)
  xs.sort((a, b) => a - b)
  // CPU time per sweep is the fairer figure on a shared machine (wall time includes time spent descheduled).
  return { cpu: (cpu.user + cpu.system) / 1000 / runs, median: xs[Math.floor(xs.length / 2)] as number, p95: xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] as number }
}

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores; node ${process.version}`)
for (const [name, opts] of [
  ['sweep 24 start quarters (No. 18)', { ...base, target: { kind: 'measure', id: 'cn-mofcom-18' } }],
  ['sweep 24 trigger lags (t-1)', { ...base, target: { kind: 'trigger', id: 't-1' } }]
] as const) {
  const s = time(opts as SweepOptions)
  console.log(`${name.padEnd(36)} median ${s.median.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms   cpu/op ${s.cpu.toFixed(1).padStart(6)} ms   (n=${runs}; target ≤ 100 ms)`)
}
