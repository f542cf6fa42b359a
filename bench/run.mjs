#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, each printing its own measured figures (they are not tests).
// The long ones can be skipped: BENCH_ONLY=engine,export npm run bench
// Each runs tagged (scripts/leak-check.mjs): a benchmark that leaves a process behind fails, and the load
// average is printed before and after, since every figure here is measured on a shared machine.
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { RUN_TAG, canInspect, findTagged, killAll } from '../scripts/process-tree.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const leakCheck = join(ROOT, 'scripts', 'leak-check.mjs')
const BENCHES = [
  ['engine', 'one evaluation, 1,000-sample Monte Carlo, attribution, tornado', [tsx, 'bench/engine.bench.ts']],
  ['sweep', 'timing sweep of 24 start quarters (target ≤ 100 ms)', [tsx, 'bench/sweep.bench.ts']],
  ['export', 'deck, PNG and SVG export times', [tsx, 'bench/export.bench.ts']],
  ['library', 'library of 10,000 scenarios × 20 versions (seeding takes 1–2 min)', [tsx, 'bench/library.bench.ts']],
  ['load', '50 concurrent web-host clients (LOAD_SECONDS, default 60)', [tsx, 'bench/load.ts']],
  ['ui', 'toggle → redraw latency against the bare React + recharts page', ['bench/ui.mjs']],
  ['bundle', 'renderer JavaScript gzip size (main + worker) and cold start to three charts drawn', ['bench/bundle.mjs']]
]
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ')

// Start from a machine without stray hosts: orphaned test or bench leftovers (tagged, their starter gone) are
// stopped; a run still in progress is left alone, and a host someone runs on purpose (`npm run web`) is only
// named, since both load the CPU the figures are measured on.
if (canInspect()) {
  const leftovers = findTagged(RUN_TAG).filter((p) => p.ppid === 1)
  if (leftovers.length) {
    console.log(`stopping ${leftovers.length} process(es) left by earlier test or bench runs:`)
    leftovers.forEach((p) => console.log(`  pid ${p.pid}: ${p.cmd.slice(0, 140)}`))
    killAll(leftovers)
  }
  const hosts = findTagged('CHOKEPOINT_DATA_DIR').filter((p) => p.cmd.includes('src/web/cli.ts'))
  if (hosts.length) console.log(`note: ${hosts.length} web host(s) running outside this bench share the CPU: ${hosts.map((p) => p.pid).join(', ')}`)
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
let failed = 0
for (const [name, what, args] of BENCHES) {
  if (only && !only.includes(name)) continue
  console.log(`\n=== bench:${name} — ${what} (load average ${load()})`)
  const r = spawnSync(process.execPath, [leakCheck, '--', process.execPath, ...args], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) failed++
  console.log(`=== bench:${name} done (load average ${load()})`)
}
process.exit(failed ? 1 : 0)
