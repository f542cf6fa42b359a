/**
 * Engine benchmark (plain script, not a timed test): prints median and p95 wall time for
 *   one evaluation · 1,000-sample Monte Carlo (independent; and correlated with posture and branches) ·
 *   variance breakdown · attribution with every measure on · tornado.
 * Run: npx tsx bench/engine.bench.ts [--quick]
 * Targets (docs/MODEL.md §9): ≤ 0.5 ms, ≤ 250 ms, ≤ 50 ms, (no target) respectively.
 * Figures are after warm-up: the PERT marginal tables are shared across calls (by shape), so the first
 * band computation of a session costs ≈ 75 ms more (tables and JIT; see MODEL.md §9).
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { attribute, defaultScenario, evaluate, loadModel, loadUncertainty, simulate, tornado, varianceBreakdown, type ScenarioDoc } from '../src/core/index'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const readJson = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'))
const model = loadModel(readJson('resources/data/measures.json'), readJson('resources/data/assumptions.json'))
const quick = process.argv.includes('--quick')
// Issue 12: the full uncertainty structure (copula groups, posture-driven policy) on the default's
// three November 2026 branches, drawn per sample (the mixture), as the app and exports compute bands.
const uncertainty = loadUncertainty(readJson('resources/data/uncertainty.json'), model)
const branched: ScenarioDoc = { ...defaultScenario(model), branchView: 'mixture' }

const asKnown = defaultScenario(model)
const everyMeasureOn: ScenarioDoc = {
  ...asKnown,
  name: 'every measure on',
  measures: asKnown.measures.map((m) => ({ ...m, enabled: true, start: '2025-01-01', end: null, suspensions: [] }))
}

/**
 * Wall-clock median/p95 per call, plus mean process CPU time per call over the whole batch: on a
 * shared machine the CPU figure is the fairer one (wall time includes time spent descheduled).
 */
type Stats = { median: number; p95: number; cpu: number; runs: number }
const measure = (fn: () => unknown, runs: number, warmup: number): Stats => {
  for (let i = 0; i < warmup; i++) fn()
  const xs: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    xs.push(performance.now() - t)
  }
  const cpu = process.cpuUsage(cpu0)
  xs.sort((a, b) => a - b)
  return { median: xs[Math.floor(runs / 2)] as number, p95: xs[Math.min(runs - 1, Math.floor(runs * 0.95))] as number, cpu: (cpu.user + cpu.system) / 1000 / runs, runs }
}

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`)
const row = (name: string, target: string, s: Stats): void => {
  console.log(`${name.padEnd(38)} median ${fmt(s.median).padStart(9)}   p95 ${fmt(s.p95).padStart(9)}   cpu/op ${fmt(s.cpu).padStart(9)}   (n=${s.runs}; target ${target})`)
}

console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`)
console.log(`Chokepoint engine benchmark — dataset ${model.datasetVersion}, ${model.measures.length} measures, ${model.assumptions.length} assumptions, node ${process.version}`)
row('evaluate (as known, 24 quarters)', '≤ 0.5 ms', measure(() => evaluate(model, asKnown), quick ? 200 : 2000, 200))
row('evaluate (every measure on)', '≤ 0.5 ms', measure(() => evaluate(model, everyMeasureOn), quick ? 200 : 2000, 200))
row('simulate 1,000 samples (as known)', '≤ 250 ms', measure(() => simulate(model, asKnown, { samples: 1000, seed: 1 }), quick ? 3 : 15, 2))
row('simulate 1,000 correlated + branches', '≤ 250 ms', measure(() => simulate(model, branched, { samples: 1000, seed: 1, uncertainty }), quick ? 3 : 15, 2))
row('variance breakdown (N = 192, workspace)', 'none', measure(() => varianceBreakdown(model, branched, { economy: 'us', sector: 'defense', kpi: 'peak', samples: 192, uncertainty }), quick ? 2 : 5, 1))
row('attribute (every measure on)', '≤ 50 ms', measure(() => attribute(model, everyMeasureOn), quick ? 3 : 15, 2))
row('attribute (as known)', '≤ 50 ms', measure(() => attribute(model, asKnown), quick ? 3 : 15, 2))
row('tornado (us/defense, peak)', 'none', measure(() => tornado(model, asKnown, { economy: 'us', sector: 'defense', kpi: 'peak' }), quick ? 3 : 15, 2))
