#!/usr/bin/env node
// `npm run bench:ui`: the app's toggle → redraw latency, measured with the same probe and settings as the
// bare React + recharts baseline (../shared/bench/ui-baseline), in the same run, then the ratio.
// Usage: npm run bench:ui   (env: N, WARMUP, QUIET_MS, CHROMIUM_PATH, UI_BASELINE_DIR, ROUNDS)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const ROOT = resolve(import.meta.dirname, '..')
const BASELINE_DIR = resolve(process.env.UI_BASELINE_DIR ?? join(ROOT, '..', 'shared', 'bench', 'ui-baseline'))
const N = Number(process.env.N ?? 40)
const WARMUP = Number(process.env.WARMUP ?? 5)
const QUIET_MS = Number(process.env.QUIET_MS ?? 150)
const ROUNDS = Number(process.env.ROUNDS ?? 2)
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** The measure whose toggle is timed: it changes all three US sector charts. */
const TOGGLE_MEASURE = process.env.TOGGLE_MEASURE ?? 'cn-mofcom-18'

if (!existsSync(join(BASELINE_DIR, 'run.mjs'))) throw new Error(`ui-baseline not found at ${BASELINE_DIR} (set UI_BASELINE_DIR)`)
const { probe } = await import(pathToFileURL(join(BASELINE_DIR, 'run.mjs')).href)

const sorted = (xs) => [...xs].sort((a, b) => a - b)
const median = (xs) => { const s = sorted(xs), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const p95 = (xs) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1]
const stats = (xs) => ({ median: median(xs), p95: p95(xs), max: Math.max(...xs) })
const fmt = (s) => `median ${s.median.toFixed(1)}  p95 ${s.p95.toFixed(1)}  max ${s.max.toFixed(1)} ms`

async function startHost(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'web', 'cli.ts')], {
    cwd: ROOT, env: { ...process.env, CHOKEPOINT_DATA_DIR: dataDir, CHOKEPOINT_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = await new Promise((res, rej) => {
    let out = ''
    child.stdout.on('data', (c) => { out += c; const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/); if (m) res(m[1]) })
    child.on('exit', (code) => rej(new Error(`web host exited ${code}`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}

/** The baseline's own main(): same probe, same clicks; here against the app's #charts and a measure switch. */
async function measureApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'))
  const host = await startHost(dataDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(host.url)
    await page.waitForFunction(() => document.querySelectorAll('#charts .recharts-surface').length >= 3)
    await page.evaluate(probe, '#charts')
    const toggle = page.getByTestId(`measure-${TOGGLE_MEASURE}`).getByRole('switch')
    const box = await toggle.boundingBox()
    if (!box) throw new Error(`toggle for ${TOGGLE_MEASURE} not visible at 1280×720`)
    const click = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    const snapshot = (i) => page.evaluate(async ([i, q]) => { await __probe.settle(q); __probe.sigs[i] = __probe.sig() }, [i, 300])
    await snapshot(0); await click(); await snapshot(1); await click(); await snapshot(2)
    const calib = await page.evaluate(() => ({ same: __probe.sigs[0] === __probe.sigs[2], differ: __probe.sigs[0] !== __probe.sigs[1] }))
    if (!calib.same || !calib.differ) throw new Error(`calibration failed: ${JSON.stringify(calib)}`)
    const paths = await page.evaluate(() => document.querySelectorAll('#charts path').length)
    const samples = []
    for (let i = 0, state = 0; i < WARMUP + N; i++) {
      state ^= 1
      await page.evaluate((s) => __probe.arm(s), state)
      await click()
      const r = await page.evaluate(([q, t]) => __probe.result(q, t), [QUIET_MS, 5000])
      if (!r) throw new Error(`toggle ${i}: target state not reached`)
      if (i >= WARMUP) samples.push(r)
    }
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`)
    return { paint: stats(samples.map((s) => s.paint)), dom: stats(samples.map((s) => s.dom)), late: samples.reduce((a, s) => a + s.late, 0), paths }
  } finally {
    await browser.close()
    host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function measureBaseline() {
  const out = join(mkdtempSync(join(tmpdir(), 'chokepoint-baseline-')), 'r.json')
  const r = spawnSync(process.execPath, [join(BASELINE_DIR, 'run.mjs')], {
    env: { ...process.env, BASELINE_NODE_MODULES: join(ROOT, 'node_modules'), OUT_JSON: out, N: String(N), WARMUP: String(WARMUP), QUIET_MS: String(QUIET_MS) },
    stdio: ['ignore', 'inherit', 'inherit']
  })
  if (r.status !== 0) throw new Error('baseline run failed')
  return import(pathToFileURL(out).href, { with: { type: 'json' } }).then((m) => m.default)
}

// Alternate baseline and app (the README of ui-baseline: drift across a session is ±7 %).
const apps = [], bases = []
for (let round = 1; round <= ROUNDS; round++) {
  const b = await measureBaseline()
  bases.push(b)
  const a = await measureApp()
  apps.push(a)
  console.log(`round ${round}: app click->paint ${fmt(a.paint)} (paths ${a.paths}, late ${a.late}) | baseline median ${b.paint.median.toFixed(1)} p95 ${b.paint.p95.toFixed(1)}`)
}
const agg = (xs, k, f) => median(xs.map((x) => x[k][f]))
const app = { median: agg(apps, 'paint', 'median'), p95: agg(apps, 'paint', 'p95') }
const base = { median: agg(bases, 'paint', 'median'), p95: agg(bases, 'paint', 'p95') }
console.log('')
console.log(`app       click->paint  median ${app.median.toFixed(1)} ms  p95 ${app.p95.toFixed(1)} ms   (click->dom median ${agg(apps, 'dom', 'median').toFixed(1)} ms)`)
console.log(`baseline  click->paint  median ${base.median.toFixed(1)} ms  p95 ${base.p95.toFixed(1)} ms`)
console.log(`ratio     median ${(app.median / base.median).toFixed(2)}×  (target ≤ 1.00)   p95 ${(app.p95 / base.median).toFixed(2)}× of baseline median (target ≤ 1.20)`)
