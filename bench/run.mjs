#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, each printing its own measured figures (they are not tests).
// The long ones can be skipped: BENCH_ONLY=engine,export npm run bench
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const BENCHES = [
  ['engine', 'one evaluation, 1,000-sample Monte Carlo, attribution, tornado', [tsx, 'bench/engine.bench.ts']],
  ['export', 'deck, PNG and SVG export times', [tsx, 'bench/export.bench.ts']],
  ['library', 'library of 10,000 scenarios × 20 versions (seeding takes 1–2 min)', [tsx, 'bench/library.bench.ts']],
  ['load', '50 concurrent web-host clients (LOAD_SECONDS, default 60)', [tsx, 'bench/load.ts']],
  ['ui', 'toggle → redraw latency against the bare React + recharts page', ['bench/ui.mjs']],
  ['bundle', 'renderer JavaScript gzip size (main + worker) and cold start to three charts drawn', ['bench/bundle.mjs']]
]
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
let failed = 0
for (const [name, what, args] of BENCHES) {
  if (only && !only.includes(name)) continue
  console.log(`\n=== bench:${name} — ${what}`)
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
