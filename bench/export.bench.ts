// `npm run bench:export`: how long exports take, end to end through `dispatch` (validation in and out, the
// engine run, drawing, encoding, base64), as the web host serves them. Targets from issue 6: a full deck
// within 2 s, a PNG within 500 ms. Figures are measurements, not pass/fail.
// Usage: npm run bench:export   (env: N runs per figure, default 15; PDF=0 skips the PDF figure)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import JSZip from 'jszip'
import { defaultScenario } from '../src/core'
import { model } from '../src/shared/dataset'
import { createServices } from '../src/services'

const N = Number(process.env.N ?? 15)
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]
const p95 = (xs: number[]) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1]
// CPU time beside wall time: on the shared 2-core machine the wall clock mostly measures the load; the
// process's CPU time (user + system) is what the export itself costs.
const line = (label: string, xs: number[], cpu: number[], target?: number) => {
  const verdict = target === undefined ? '' : median(xs) <= target ? `  (target ≤ ${target} ms: met)` : `  (target ≤ ${target} ms: MISSED)`
  console.log(`  ${label.padEnd(58)} median ${median(xs).toFixed(0).padStart(5)}  p95 ${p95(xs).toFixed(0).padStart(5)}  max ${Math.max(...xs).toFixed(0).padStart(5)} ms  CPU median ${median(cpu).toFixed(0).padStart(5)} ms  (n=${xs.length})${verdict}`)
}

const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-export-'))
const services = createServices({ dataDir, runtime: 'web', log: () => {} })
const doc = defaultScenario(model, 'Bench scenario')
const off = { ...doc, name: 'All measures off', measures: doc.measures.map((m) => ({ ...m, enabled: false })) }
const all = { ...doc, name: 'Everything on', measures: doc.measures.map((m) => ({ ...m, enabled: true })) }

async function measure(label: string, method: string, input: unknown, runs = N, target?: number) {
  const times: number[] = []
  const cpu: number[] = []
  let bytes = 0
  for (let i = 0; i < runs + 1; i++) {
    const c = process.cpuUsage()
    const t = performance.now()
    const r = await services.dispatch(method, input)
    const ms = performance.now() - t
    const used = process.cpuUsage(c)
    if (!r.ok) throw new Error(`${label}: ${r.error.message}`)
    if (i > 0) {
      // the first run warms up the JIT and loads the fonts
      times.push(ms)
      cpu.push((used.user + used.system) / 1000)
    }
    bytes = (r.value as { byteLength?: number }).byteLength ?? 0
  }
  line(`${label} (${Math.round(bytes / 1024)} KB)`, times, cpu, target)
}

console.log(`Export benchmark — Node ${process.version}, load ${loadavg()[0].toFixed(2)} (1 min), ${N} runs per figure after one warm-up\n`)
const chart = { sector: 'defense', economy: 'us' } as const
try {
  console.log('Charts (export.chart)')
  await measure('PNG 1920×1080, stacked by channel', 'export.chart', { doc, chart, format: 'png', scale: 1 }, N, 500)
  await measure('PNG 3840×2160 (2×), stacked by channel', 'export.chart', { doc, chart, format: 'png', scale: 2 }, N, 500)
  await measure('PNG 1920×1080 with P10–P90 band (1,000 samples)', 'export.chart', { doc, chart: { ...chart, band: true }, format: 'png' }, N)
  await measure('PNG 1920×1080 stacked by measure (Shapley)', 'export.chart', { doc, chart: { ...chart, stacking: 'measure' }, format: 'png' }, N)
  await measure('SVG', 'export.chart', { doc, chart, format: 'svg' })
  await measure('CSV of one chart', 'export.chart', { doc, chart, format: 'csv' })
  console.log('\nScenario')
  await measure('Deck (.pptx): summary, 3 sectors, variance, cost, measures, sources', 'export.pptx', { doc }, N, 2000)
  await measure('Deck with band and a comparison of 3 scenarios', 'export.pptx', { doc, compare: [off, all], options: { economy: 'us', band: true, threshold: 20 } }, N, 2000)
  await measure('All series CSV, 3 scenarios', 'export.csv', { doc, compare: [off, all] })
  // How much the compressed package saves: the bytes as written, and the parts it holds, uncompressed.
  const deck = await services.dispatch('export.pptx', { doc, compare: [off, all] })
  const file = deck.ok ? (deck.value as { base64?: string }) : {}
  if (file.base64) {
    const bytes = Buffer.from(file.base64, 'base64')
    const zip = await JSZip.loadAsync(bytes)
    let raw = 0
    for (const f of Object.values(zip.files)) if (!f.dir) raw += (await f.async('uint8array')).byteLength
    console.log(`  ${'Deck size (comparison of 3): compressed / parts uncompressed'.padEnd(58)} ${Math.round(bytes.byteLength / 1024)} KB / ${Math.round(raw / 1024)} KB`)
  }
  if (process.env.PDF !== '0') await measure('PDF report (headless Chromium, launched per export)', 'export.pdf', { doc }, Math.min(N, 5))
} finally {
  services.close()
  rmSync(dataDir, { recursive: true, force: true })
}
