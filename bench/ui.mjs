#!/usr/bin/env node
// `npm run bench:ui`: the app's redraw latency after a measure toggle and after a slider move, measured with
// the same probe and settings as the bare React + recharts baseline (../shared/bench/ui-baseline), in the
// same run, alternating baseline and app; then the ratios. Also how long the P10–P90 band and the timeline strip take to follow.
// Usage: npm run bench:ui   (env: N, WARMUP, QUIET_MS, ROUNDS, N_BAND, ONLY_REDRAW, CHROMIUM_PATH, UI_BASELINE_DIR, OUT_JSON)
// Printed figures are measurements, not pass/fail: read them against the load printed with them.
/* global __probe, document, addEventListener, window, MutationObserver, ResizeObserver */ // page.evaluate callbacks run in the browser
import { spawnSync } from 'node:child_process'
import { hostCommand, killTree, spawnGroup } from '../scripts/process-tree.mjs'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const ROOT = resolve(import.meta.dirname, '..')
const BASELINE_DIR = resolve(process.env.UI_BASELINE_DIR ?? join(ROOT, '..', 'shared', 'bench', 'ui-baseline'))
const N = Number(process.env.N ?? 40)
const WARMUP = Number(process.env.WARMUP ?? 5)
const QUIET_MS = Number(process.env.QUIET_MS ?? 150)
// Three rounds, baseline and app alternating: single rounds swing by ±15 % here (other work on the 2 cores).
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const N_BAND = Number(process.env.N_BAND ?? 20)
const TIMEOUT_MS = 5000
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** The measure whose toggle and slider are timed: a Beijing licence that changes all three US sector charts. */
const MEASURE = process.env.TOGGLE_MEASURE ?? 'cn-mofcom-18'

if (!existsSync(join(BASELINE_DIR, 'run.mjs'))) throw new Error(`ui-baseline not found at ${BASELINE_DIR} (set UI_BASELINE_DIR)`)
if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('no build in out/: run `npm run bench:ui` (it builds first) or `npx electron-vite build`')
const { probe } = await import(pathToFileURL(join(BASELINE_DIR, 'run.mjs')).href)

const sorted = (xs) => [...xs].sort((a, b) => a - b)
const median = (xs) => { const s = sorted(xs), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const p95 = (xs) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1] // nearest rank, as the baseline
const stats = (xs) => ({ median: median(xs), p95: p95(xs), max: Math.max(...xs) })
const fmt = (s) => `median ${s.median.toFixed(1)}  p95 ${s.p95.toFixed(1)}  max ${s.max.toFixed(1)} ms`
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ')

async function startHost(dataDir) {
  const { command, args, cwd } = hostCommand()
  const child = spawnGroup(command, args, {
    cwd, env: { ...process.env, CHOKEPOINT_DATA_DIR: dataDir, CHOKEPOINT_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = await new Promise((res, rej) => {
    let out = ''
    child.stdout.on('data', (c) => { out += c; const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/); if (m) res(m[1]) })
    child.on('exit', (code) => rej(new Error(`web host exited ${code}`)))
  })
  return { url, stop: () => killTree(child, 'SIGTERM') }
}

/**
 * One measured interaction, exactly as the baseline's main(): calibrate the two settled DOM states of
 * `#charts` (the three sector charts and nothing that ticks), then alternate real mouse clicks between
 * `targets[0]` and `targets[1]` and time click → first paint of the target state.
 */
async function measure(page, targets, n, warmup, calibQuietMs = 300) {
  const at = (i) => page.mouse.click(targets[i].x, targets[i].y)
  // Two positions (a slider): start from the first, so the states alternate 0, 1, 0, …; a toggle needs nothing.
  if (targets[0] !== targets[1]) await at(0)
  const snapshot = (i) => page.evaluate(async ([i, q]) => { await __probe.settle(q); __probe.sigs[i] = __probe.sig() }, [i, calibQuietMs])
  const state = () => page.evaluate(() => [...document.querySelectorAll('input[type=range]')].map((r) => r.value).join(',') + ' / ' + [...document.querySelectorAll('[data-testid="table-defense"] td')].slice(0, 8).map((c) => c.textContent).join(' '))
  const seen = []
  await snapshot(0); seen.push(await state()); await at(1); await snapshot(1); seen.push(await state()); await at(0); await snapshot(2); seen.push(await state())
  const calib = await page.evaluate(() => ({ same: __probe.sigs[0] === __probe.sigs[2], differ: __probe.sigs[0] !== __probe.sigs[1] }))
  if (!calib.same || !calib.differ) {
    const diff = await page.evaluate(() => {
      const [a, b] = [__probe.sigs[0], __probe.sigs[2]]
      let i = 0
      while (i < a.length && a[i] === b[i]) i++
      return { at: i, a: a.slice(Math.max(0, i - 80), i + 80), b: b.slice(Math.max(0, i - 80), i + 80) }
    })
    throw new Error(`calibration failed: ${JSON.stringify(calib)}; the two settled states differ at ${JSON.stringify(diff)}; defense values ${JSON.stringify(seen)}`)
  }
  const paths = await page.evaluate(() => document.querySelectorAll('#charts path').length)
  const samples = []
  for (let i = 0, state = 0; i < warmup + n; i++) {
    state ^= 1
    await page.evaluate((s) => __probe.arm(s), state)
    await at(state)
    const r = await page.evaluate(([q, t]) => __probe.result(q, t), [QUIET_MS, TIMEOUT_MS])
    if (!r) throw new Error(`interaction ${i}: target state not reached within ${TIMEOUT_MS} ms`)
    if (i >= warmup) samples.push(r)
  }
  return { paint: stats(samples.map((s) => s.paint)), dom: stats(samples.map((s) => s.dom)), late: samples.reduce((a, s) => a + s.late, 0), paths, samples: samples.map((s) => s.paint) }
}

/**
 * The timeline strip is deferred to the frame after the charts' paint; its change is in classes and
 * styles, which the probe's signature does not see. So, per toggle: click → first paint after the
 * strip's DOM changed, and the same for the charts, with the probe's paint clock (a ResizeObserver,
 * then a message handled after that paint). Reports the strip's time and how long after the charts.
 */
async function timelineLag(page, at, n) {
  const samples = [], behind = []
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => {
      let t0 = 0
      addEventListener('click', () => { t0 = performance.now() }, { capture: true, once: true })
      const paintedAfterChange = (root) => new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          mo.disconnect()
          const ro = new ResizeObserver(() => {
            ro.disconnect()
            const ch = new MessageChannel()
            ch.port1.onmessage = () => resolve(performance.now() - t0)
            ch.port2.postMessage(0)
          })
          ro.observe(root)
        })
        mo.observe(root, { subtree: true, attributes: true, childList: true, characterData: true })
      })
      const roots = ['#charts', '[data-testid="timeline"]'].map((s) => document.querySelector(s))
      window.__lag = Promise.all(roots.map(paintedAfterChange))
    })
    await page.mouse.click(at.x, at.y)
    const [charts, timeline] = await page.evaluate(() => window.__lag)
    samples.push(timeline)
    behind.push(timeline - charts)
    await page.waitForTimeout(QUIET_MS)
  }
  return { paint: stats(samples), behind: stats(behind) }
}

const center = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })

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
    const row = page.getByTestId(`measure-${MEASURE}`)
    const toggleBox = await row.getByRole('switch').boundingBox()
    const sliderBox = await row.getByRole('slider').boundingBox()
    if (!toggleBox || !sliderBox) throw new Error(`the controls of ${MEASURE} are not visible at 1280×720`)
    const c = center(toggleBox)
    const toggle = [c, c]
    // Two slider positions (a quarter and three quarters along the track): two different intensities.
    const slider = [0.25, 0.75].map((f) => ({ x: sliderBox.x + sliderBox.width * f, y: sliderBox.y + sliderBox.height / 2 }))

    // 1. The redraw itself: bands off, so the DOM target is what the toggle alone produces.
    await page.getByRole('checkbox', { name: 'P10–P90 band' }).uncheck()
    await page.evaluate(probe, '#charts')
    const t = await measure(page, toggle, N, WARMUP)
    await row.getByRole('switch').check() // an odd number of toggles leaves it off; the slider needs it on
    // A slider changes its value on pointer down, before the click event the probe starts its clock on; so
    // for the slider the clock starts at pointer down (a capture listener registered after the probe's).
    await page.evaluate(() => {
      let down = 0
      addEventListener('pointerdown', () => { down = performance.now() }, true)
      addEventListener('click', () => { if (down) __probe.t0 = down }, true)
    })
    const s = await measure(page, slider, N, WARMUP)
    // The strip starts folded at 1280×720 (the charts take the height); open, it redraws on every toggle.
    await page.getByRole('button', { name: 'Show timeline' }).click()
    const tl = await timelineLag(page, c, N_BAND)
    if (process.env.ONLY_REDRAW) return { toggle: t, slider: s, band: t, timeline: tl }
    // 2. Bands on: click → the band of the new scenario painted (Monte Carlo in the worker).
    await page.getByRole('checkbox', { name: 'P10–P90 band' }).check()
    // Calibration waits for 2 s of quiet: the band arrives a few hundred ms after the redraw.
    const b = await measure(page, toggle, N_BAND, 2, 2000)
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`)
    return { toggle: t, slider: s, band: b, timeline: tl }
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
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (r.status !== 0) throw new Error('baseline run failed')
  return JSON.parse(readFileSync(out, 'utf8'))
}

console.log(`bench:ui  N ${N} (+${WARMUP} warm-up), QUIET_MS ${QUIET_MS}, rounds ${ROUNDS}, measure ${MEASURE}; load average at start ${load()}`)
const apps = [], bases = []
for (let round = 1; round <= ROUNDS; round++) {
  const base = measureBaseline()
  bases.push(base)
  const app = await measureApp()
  apps.push(app)
  console.log(`round ${round} (load ${load()}):`)
  console.log(`  baseline         click->paint ${fmt(base.paint)}  (paths ${base.paths.charts})`)
  console.log(`  app toggle       click->paint ${fmt(app.toggle.paint)}  (click->dom median ${app.toggle.dom.median.toFixed(1)}; paths ${app.toggle.paths}, late ${app.toggle.late})`)
  console.log(`  app slider move  click->paint ${fmt(app.slider.paint)}  (click->dom median ${app.slider.dom.median.toFixed(1)}; late ${app.slider.late})`)
  console.log(`  app band follows click->paint ${fmt(app.band.paint)}  (${N_BAND} toggles)`)
  console.log(`  timeline follows click->paint ${fmt(app.timeline.paint)}  (${N_BAND} toggles; after the charts' paint by median ${app.timeline.behind.median.toFixed(1)} ms)`)
}
const agg = (xs, pick) => median(xs.map(pick))
const base = { median: agg(bases, (b) => b.paint.median), p95: agg(bases, (b) => b.paint.p95) }
const row = (name, k) => {
  const m = agg(apps, (a) => a[k].paint.median)
  const p = agg(apps, (a) => a[k].paint.p95)
  const ratios = apps.map((a, i) => (a[k].paint.median / bases[i].paint.median).toFixed(2)).join(', ')
  return {
    name,
    m,
    p,
    text: `${name.padEnd(16)} median ${m.toFixed(1)} ms  p95 ${p.toFixed(1)} ms   ratio median ${(m / base.median).toFixed(2)}× (target ≤ 1.00; per round ${ratios})  p95 ${(p / base.p95).toFixed(2)}× of baseline p95, ${(p / base.median).toFixed(2)}× of baseline median (target ≤ 1.20)`
  }
}
console.log('')
console.log(`baseline         median ${base.median.toFixed(1)} ms  p95 ${base.p95.toFixed(1)} ms   (bare React + recharts, 3 charts × 8 stacked areas + 1 line)`)
const rows = [row('app toggle', 'toggle'), row('app slider move', 'slider')]
for (const r of rows) console.log(r.text)
const band = { m: agg(apps, (a) => a.band.paint.median), p: agg(apps, (a) => a.band.paint.p95) }
console.log(`band follows     median ${band.m.toFixed(1)} ms  p95 ${band.p.toFixed(1)} ms   (click → P10–P90 band of the new scenario painted; target ≤ 500)`)
const tl = { m: agg(apps, (a) => a.timeline.paint.median), p: agg(apps, (a) => a.timeline.paint.p95) }
console.log(`timeline follows median ${tl.m.toFixed(1)} ms  p95 ${tl.p.toFixed(1)} ms   (click → timeline strip painted, a frame after the charts: median ${agg(apps, (a) => a.timeline.behind.median).toFixed(1)} ms later)`)
console.log(`load average at end ${load()}`)
if (process.env.OUT_JSON) writeFileSync(process.env.OUT_JSON, JSON.stringify({ date: new Date().toISOString(), N, WARMUP, QUIET_MS, ROUNDS, bases, apps }, null, 2))
