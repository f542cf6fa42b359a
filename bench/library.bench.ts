// `npm run bench:library`: the scenario library at scale. Seeds a database with 10,000 scenarios × 20 versions
// (env SCENARIOS, VERSIONS), then prints how long the library's calls take through `dispatch` (validation in
// and out included) and, when the renderer is built and Chromium is present, what a person waits for in the
// browser: opening the library, searching, opening a scenario. Figures are measurements, not pass/fail.
// Usage: npm run bench:library   (env: SCENARIOS, VERSIONS, N, KEEP=1 keeps the data dir, REUSE=<dir> reuses one, UI=0 skips the browser part)
import { hostCommand, killTree, spawnGroup } from '../scripts/process-tree.mjs'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { defaultScenario, type ScenarioDoc } from '../src/core'
import { model } from '../src/shared/dataset'
import { openDatabase } from '../src/services/db/open'
import { createDispatch, type Handlers } from '../src/services/dispatch'
import { createScenarioRepository } from '../src/services/repositories/scenarios'
import { createDraftRepository } from '../src/services/repositories/drafts'
import { scenarioHandlers } from '../src/services/handlers/scenarios'
import { DATABASE_FILE } from '../src/services'

const ROOT = resolve(import.meta.dirname, '..')
const SCENARIOS = Number(process.env.SCENARIOS ?? 10_000)
const VERSIONS = Number(process.env.VERSIONS ?? 20)
const N = Number(process.env.N ?? 50)

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]
const p95 = (xs: number[]) => sorted(xs)[Math.ceil(0.95 * xs.length) - 1]
const fmt = (xs: number[]) => `median ${median(xs).toFixed(2).padStart(7)}  p95 ${p95(xs).toFixed(2).padStart(7)}  max ${Math.max(...xs).toFixed(2).padStart(7)} ms`
const line = (label: string, xs: number[]) => console.log(`  ${label.padEnd(44)} ${fmt(xs)}`)

/** A deterministic pseudo-random stream (the bench must seed the same library every run). */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = rng(42)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]
const WORDS = ['Tariff', 'Licensing', 'Escalation', 'Truce', 'Allied', 'Magnet', 'Dysprosium', 'Chips', 'Software', 'Stockpile', 'Defense', 'Autos', 'Round', 'Workshop', 'Baseline', 'Snapback']
const TAGS = Array.from({ length: 30 }, (_, i) => `tag-${i}`)

function scenarioDoc(i: number, v: number, base: ScenarioDoc): ScenarioDoc {
  return {
    ...base,
    name: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
    notes: `Seeded scenario ${i}, version ${v}. ${pick(WORDS)} case.`,
    tags: [pick(TAGS), pick(TAGS)].filter((t, k, all) => all.indexOf(t) === k),
    seed: (i * 31 + v) % 100_000,
    measures: base.measures.map((m) => {
      const def = model.measures[model.measureIndex.get(m.id) as number]
      const p = def.params.find((x) => x.primary) ?? def.params[0]
      return { ...m, enabled: random() < 0.5, params: { ...m.params, [p.id]: p.min + (p.max - p.min) * random() } }
    })
  }
}

function seed(dataDir: string) {
  const t0 = performance.now()
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  let clock = Date.UTC(2025, 0, 1)
  const repo = createScenarioRepository(db, () => new Date((clock += 1000)))
  const base = defaultScenario(model, 'seed')
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const first = scenarioDoc(i, 1, base)
      const { id } = repo.save({ doc: first })
      for (let v = 2; v <= VERSIONS; v++) repo.save({ id, doc: { ...scenarioDoc(i, v, base), name: first.name }, label: v % 5 === 0 ? `checkpoint ${v}` : undefined })
    }
  })
  for (let i = 0; i < SCENARIOS; i += 250) batch(i, Math.min(SCENARIOS, i + 250))
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const bytes = statSync(join(dataDir, DATABASE_FILE)).size
  console.log(`seeded ${SCENARIOS} scenarios × ${VERSIONS} versions in ${((performance.now() - t0) / 1000).toFixed(1)} s; database ${(bytes / 1e6).toFixed(0)} MB`)
}

async function time(fn: () => Promise<unknown>, n = N): Promise<number[]> {
  await fn() // warm the statement cache and the page cache once
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const r = (await fn()) as { ok?: boolean; error?: { message: string } }
    out.push(performance.now() - t)
    if (r && r.ok === false) throw new Error(r.error?.message)
  }
  return out
}

async function backend(dataDir: string) {
  const t0 = performance.now()
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  const opened = performance.now() - t0
  const scenarios = createScenarioRepository(db, () => new Date())
  const drafts = createDraftRepository(db, () => new Date())
  // Only the library's methods are called; the rest of the handler map is not needed for this bench.
  const handlers = scenarioHandlers({ scenarios, drafts, model, migrations: { migrations: [] }, examples: () => [], clock: () => new Date() }) as unknown as Handlers
  const dispatch = createDispatch(handlers, () => {})
  const ids = (db.prepare('SELECT id FROM scenarios').pluck().all() as string[]).sort(() => random() - 0.5)
  let k = 0
  const nextId = () => ids[k++ % ids.length]

  console.log(`\nbackend, through dispatch (zod in and out), ${SCENARIOS} scenarios; opening the database took ${opened.toFixed(1)} ms`)
  line('open the library (first page + tags)', await time(() => Promise.all([dispatch('scenario.search', {}), dispatch('scenario.tags', {})])))
  line('open the library sorted by name', await time(() => dispatch('scenario.search', { sort: 'name' })))
  line('search by name (substring, e.g. "lied 7")', await time(() => dispatch('scenario.search', { query: `${pick(WORDS).slice(2, 6)} ${Math.floor(random() * 999)}` })))
  line('search, no match', await time(() => dispatch('scenario.search', { query: 'zzzz-nothing' })))
  line('filter by tag', await time(() => dispatch('scenario.search', { tag: pick(TAGS) })))
  line('filter by measure on', await time(() => dispatch('scenario.search', { measure: pick(model.measures).id })))
  line('tag + measure + text', await time(() => dispatch('scenario.search', { tag: pick(TAGS), measure: pick(model.measures).id, query: '1' })))
  line('next page (offset 5,000)', await time(() => dispatch('scenario.search', { offset: 5000 })))
  line('open a scenario (scenario.get)', await time(() => dispatch('scenario.get', { id: nextId() })))
  line('history of a scenario (20 versions)', await time(() => dispatch('scenario.versions', { id: nextId() })))
  line('open one version', await time(() => dispatch('scenario.version', { id: nextId(), version: 1 + Math.floor(random() * VERSIONS) })))
  const saveId = nextId()
  const doc = (await dispatch('scenario.get', { id: saveId })) as { ok: true; value: { doc: ScenarioDoc } }
  line('save a new version (one transaction)', await time(() => dispatch('scenario.save', { id: saveId, doc: doc.value.doc }), 20))
  line('autosave the draft', await time(() => dispatch('draft.save', { doc: doc.value.doc, scenarioId: saveId, baseVersion: 1, dirty: true }), 20))
  db.close()
}

/** The same three actions as a person does them, in Chromium against the web host (keypress/click → DOM updated). */
async function browser(dataDir: string) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (process.env.UI === '0' || !existsSync(join(ROOT, 'out', 'renderer', 'index.html')) || !existsSync(chromiumPath)) {
    console.log('\nbrowser part skipped (UI=0, no build in out/ — run `npx electron-vite build` — or no Chromium)')
    return
  }
  const { chromium } = await import('playwright-core')
  const { command, args, cwd } = hostCommand()
  const child = spawnGroup(command, args, {
    cwd,
    env: { ...process.env, CHOKEPOINT_DATA_DIR: dataDir, CHOKEPOINT_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = await new Promise<string>((res, rej) => {
    let out = ''
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/)
      if (m) res(m[1])
    })
    child.on('exit', (code) => rej(new Error(`web host exited ${code}`)))
  })
  // The host backs up an existing database when it starts; let that finish so it does not skew the figures.
  const backups = join(dataDir, 'backups')
  for (let i = 0; i < 600 && !(existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('.sqlite'))); i++) await new Promise((r) => setTimeout(r, 200))
  const b = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] })
  try {
    const page = await b.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(url)
    await page.getByRole('heading', { name: 'Beijing' }).waitFor()
    const dialog = page.getByRole('dialog', { name: 'Library' })
    const list = dialog.getByRole('list', { name: 'Saved scenarios' })
    const openTimes: number[] = []
    const searchTimes: number[] = []
    const openScenarioTimes: number[] = []
    const runs = Math.min(N, 20)
    for (let i = 0; i <= runs; i++) {
      const opened = await inPage(page, { selector: '[data-testid="library-count"]', text: `${SCENARIOS} scenarios` }, () => page.keyboard.press('Control+o'))
      await list.getByRole('listitem').first().waitFor()
      const target = `${(Math.floor(SCENARIOS / 3) + i * 37) % SCENARIOS}`
      const searched = await inPage(page, { selector: '[aria-label="Saved scenarios"] .row-name', text: ` ${target}`, exact: true }, () => dialog.getByLabel('Search scenarios').fill(` ${target}`))
      await list.getByRole('button', { name: new RegExp(` ${target}$`) }).click()
      const openedScenario = await inPage(page, { selector: '[role="status"]', text: 'Opened “' }, () => dialog.getByRole('button', { name: 'Open', exact: true }).click())
      if (i > 0) {
        openTimes.push(opened)
        searchTimes.push(searched)
        openScenarioTimes.push(openedScenario)
      }
    }
    // The first opening in a window cannot show a page seen before: it waits for the backend.
    const coldTimes: number[] = []
    for (let i = 0; i < 5; i++) {
      const fresh = await b.newPage({ viewport: { width: 1280, height: 720 } })
      await fresh.goto(url)
      await fresh.getByRole('heading', { name: 'Beijing' }).waitFor()
      // As a person would: the window has finished its start-up work (charts, bands) before they reach for Ctrl+O.
      await fresh.evaluate('new Promise((done) => requestIdleCallback(() => requestIdleCallback(done)))')
      coldTimes.push(await inPage(fresh, { selector: '[data-testid="library-count"]', text: `${SCENARIOS} scenarios` }, () => fresh.keyboard.press('Control+o')))
      await fresh.close()
    }
    console.log(`\nbrowser (Chromium, web host over HTTP, 1280×720), ${runs} runs; from the input event to the first frame showing the result`)
    line('Ctrl+O → library listed with its total', openTimes)
    line('  the same, first time in a fresh, idle window (5)', coldTimes)
    line('type a search → matching row shown', searchTimes)
    line('click Open → scenario loaded, status shown', openScenarioTimes)
  } finally {
    await b.close()
    killTree(child, 'SIGTERM')
  }
}

type Condition = { selector: string; text: string; exact?: boolean }
/**
 * Time, measured in the page, from the input event that `act` causes to the first animation frame after
 * the DOM shows `condition` (an element matching `selector` whose text contains — or, with `exact`, ends
 * with — `text`). Playwright's own round trips are not included.
 */
// Plain JavaScript text: page.evaluate of a TypeScript function would carry tsx's `__name` helper into the page.
const PROBE = `({ selector, text, exact }) => {
  const probe = { t0: null, t1: null }
  window.__probe = probe
  const start = (e) => { if (probe.t0 === null) probe.t0 = e.timeStamp }
  for (const type of ['keydown', 'pointerdown', 'input']) addEventListener(type, start, { capture: true, once: true })
  const shown = () => Array.from(document.querySelectorAll(selector)).some((el) => (exact ? (el.textContent || '').endsWith(text) : (el.textContent || '').includes(text)))
  const observer = new MutationObserver(() => {
    if (probe.t0 === null || probe.t1 !== null || !shown()) return
    observer.disconnect()
    requestAnimationFrame(() => { probe.t1 = performance.now() })
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
}`

async function inPage(page: import('playwright-core').Page, condition: Condition, act: () => Promise<unknown>): Promise<number> {
  await page.evaluate(`(${PROBE})(${JSON.stringify(condition)})`)
  await act()
  await page.evaluate('new Promise((done) => { const check = () => (window.__probe.t1 !== null ? done() : requestAnimationFrame(check)); check() })')
  return (await page.evaluate('window.__probe.t1 - window.__probe.t0')) as number
}

// REUSE=<dir> measures a library seeded by an earlier run (KEEP=1) instead of seeding again.
const reuse = process.env.REUSE
const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'chokepoint-bench-library-'))
console.log(`chokepoint library bench — ${new Date().toISOString()} — load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
try {
  if (!reuse) seed(dataDir)
  await backend(dataDir)
  await browser(dataDir)
} finally {
  if (process.env.KEEP === '1' || reuse) console.log(`\ndata kept in ${dataDir}`)
  else rmSync(dataDir, { recursive: true, force: true })
}
