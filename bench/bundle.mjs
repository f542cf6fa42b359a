#!/usr/bin/env node
// `npm run bench:bundle` (also part of `npm run bench`): what the renderer costs to load.
// 1. The gzip size of the renderer's JavaScript as built in out/renderer (the main chunk, the engine worker and
//    any lazily loaded chunk), target ≤ 350 KB for main + worker.
// 2. Cold start in Chromium: a fresh browser context (empty cache) opens the web host's page; the time from
//    navigation start to the first paint with all three exposure charts drawn (series paths present), median
//    of RUNS (target ≤ 600 ms). Printed with the load average: the machine is shared.
// Usage: npm run bench:bundle   (env: RUNS, CHROMIUM_PATH)
/* global document, requestAnimationFrame, MutationObserver, window */ // page callbacks
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const ROOT = resolve(import.meta.dirname, '..')
const ASSETS = join(ROOT, 'out', 'renderer', 'assets')
const RUNS = Number(process.env.RUNS ?? 9)
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ')
const kb = (n) => `${(n / 1024).toFixed(1)} KB`

function bundleSizes() {
  let files
  try {
    files = readdirSync(ASSETS).filter((f) => f.endsWith('.js'))
  } catch {
    throw new Error('no build in out/renderer: run `npm run bench:bundle` (it builds first) or `npx electron-vite build`')
  }
  const rows = files.map((f) => {
    const raw = readFileSync(join(ASSETS, f))
    return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length }
  })
  // What the page loads at start: the entry script of index.html and every chunk it imports statically
  // (`from"./x.js"` / `import"./x.js"`); `import("./x.js")` chunks load on first use of their view.
  const html = readFileSync(join(ASSETS, '..', 'index.html'), 'utf8')
  const startup = new Set()
  const queue = [...html.matchAll(/src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1])
  while (queue.length) {
    const f = queue.pop()
    if (startup.has(f)) continue
    startup.add(f)
    const code = readFileSync(join(ASSETS, f), 'utf8')
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(m[1])
  }
  const main = rows.filter((r) => startup.has(r.file))
  const worker = rows.filter((r) => /worker/.test(r.file))
  const lazy = rows.filter((r) => !main.includes(r) && !worker.includes(r))
  const sum = (rs) => rs.reduce((a, r) => a + r.gzip, 0)
  return { rows, startup, mainWorker: sum(main) + sum(worker), lazy: sum(lazy) }
}

async function startHost(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'web', 'cli.ts')], {
    cwd: ROOT, env: { ...process.env, CHOKEPOINT_DATA_DIR: dataDir, CHOKEPOINT_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = await new Promise((res, rej) => {
    let out = ''
    child.stdout.on('data', (c) => { out += c; const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/); if (m) res(m[1]) })
    child.on('exit', (code) => rej(new Error(`web host exited ${code}`)))
  })
  return { url, stop: () => new Promise((res) => { child.once('exit', res); child.kill('SIGTERM') }) }
}

/** Runs in the page before any of its scripts: resolves window.__drawn with the time (ms since navigation start) of the first paint showing three drawn charts. */
function watchCharts() {
  window.__drawn = new Promise((resolve) => {
    const drawn = () => {
      const charts = document.querySelectorAll('#charts .chart-plot')
      return charts.length === 3 && [...charts].every((c) => [...c.querySelectorAll('.chart-series path')].some((p) => (p.getAttribute('d') ?? '').length > 10))
    }
    const mo = new MutationObserver(() => {
      if (!drawn()) return
      mo.disconnect()
      // The frame that shows them: after the next animation frame, a task posted from it runs after the paint.
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolve(performance.now())
        ch.port2.postMessage(0)
      })
    })
    mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['d'] })
  })
}

async function coldStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-cold-'))
  const host = await startHost(dataDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS })
  const times = []
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      await context.addInitScript(watchCharts)
      const page = await context.newPage()
      await page.goto(host.url)
      const t = await page.evaluate(() => window.__drawn)
      if (i > 0) times.push(t) // the first run also warms the host (its first request compiles nothing, but opens the database)
      await context.close()
    }
  } finally {
    await browser.close()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const s = [...times].sort((a, b) => a - b)
  const m = s.length >> 1
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, min: s[0], max: s[s.length - 1] }
}

console.log(`bench:bundle  load average at start ${load()}`)
const b = bundleSizes()
for (const r of b.rows) console.log(`  ${r.file.padEnd(36)} ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(9)} gzip${b.startup.has(r.file) ? '  (at start)' : /worker/.test(r.file) ? '  (worker)' : '  (on first use)'}`)
console.log(`renderer JavaScript at start (entry + its static chunks) + worker: ${kb(b.mainWorker)} gzip (target ≤ 350 KB)${b.lazy ? `; lazily loaded chunks ${kb(b.lazy)} more` : ''}`)
const c = await coldStart()
console.log(`cold start (fresh context → three charts drawn and painted, 1280×720): median ${c.median.toFixed(0)} ms  min ${c.min.toFixed(0)}  max ${c.max.toFixed(0)} over ${RUNS} runs (target ≤ 600 ms)`)
console.log(`load average at end ${load()}`)
