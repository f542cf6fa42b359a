// `npm run bench:load`: concurrent clients of the real web host on loopback, mixed reads and writes, for a
// fixed time; then every acknowledged write is checked. Prints throughput and latency percentiles.
// A benchmark, not a test: it prints measured figures and exits non-zero only on an error or a lost write.
//   LOAD_CLIENTS (default 50), LOAD_SECONDS (default 60), LOAD_WRITE_SHARE (default 0.3)
//   LOAD_HOSTS (default 1): 2 runs two host processes on one data folder (the desktop app and the web host
//   sharing a library), clients split between them.
import { Agent, request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScenario, type ScenarioDoc } from '../src/core'
import { model } from '../src/shared/dataset'
import { startHostProcess, stubRenderer, type HostProcess } from '../src/web/testing/host-process'

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const WRITE_SHARE = Number(process.env.LOAD_WRITE_SHARE ?? 0.3)
const HOSTS = Math.max(1, Number(process.env.LOAD_HOSTS ?? 1))
/** A hard cap on requests per client, so the loop is bounded even if the clock misbehaves. */
const MAX_OPS_PER_CLIENT = 1_000_000

type Op = 'list' | 'search' | 'get' | 'create' | 'update' | 'draft'
type Written = { name: string; version: number; notes: string }

const root = mkdtempSync(join(tmpdir(), 'chokepoint-load-'))
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
const latencies = new Map<Op, number[]>()
const errors: string[] = []
let wrongVersions = 0
/** Every acknowledged scenario write: id → what the last acknowledged save wrote. */
const written = new Map<string, Written>()

function post(host: HostProcess, method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  const body = JSON.stringify(input)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
          } catch (e) {
            reject(e)
          }
        })
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Seeded choice, so two runs issue the same mix. */
function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

async function client(host: HostProcess, c: number, deadline: number) {
  const random = rng(c + 1)
  const own: string[] = []
  const base: ScenarioDoc = defaultScenario(model, `Client ${c}`)
  for (let n = 0; n < MAX_OPS_PER_CLIENT && performance.now() < deadline; n++) {
    const write = random() < WRITE_SHARE
    const op: Op = write ? (own.length === 0 || random() < 0.35 ? 'create' : random() < 0.85 ? 'update' : 'draft') : (['list', 'search', 'get'] as const)[Math.floor(random() * 3)]
    const started = performance.now()
    let reply
    let record: (() => void) | null = null
    try {
      if (op === 'list') reply = await post(host, 'scenario.list', { query: `Client ${c}` })
      else if (op === 'search') reply = await post(host, 'scenario.search', { query: 'scenario', sort: 'name', limit: 50 })
      else if (op === 'get') {
        const ids = own.length > 0 ? own : [...written.keys()]
        if (ids.length === 0) reply = await post(host, 'scenario.list', {})
        else reply = await post(host, 'scenario.get', { id: ids[Math.floor(random() * ids.length)] })
      } else if (op === 'create') {
        const name = `Client ${c} scenario ${n}`
        const notes = `created by client ${c} at op ${n}`
        reply = await post(host, 'scenario.save', { doc: { ...base, name, notes }, label: 'load' })
        const value = reply.body.value as { id: string; version: number } | undefined
        record = () => {
          own.push(value!.id)
          written.set(value!.id, { name, version: value!.version, notes })
        }
      } else if (op === 'update') {
        const id = own[Math.floor(random() * own.length)]
        const before = written.get(id)!
        const notes = `updated by client ${c} at op ${n}`
        reply = await post(host, 'scenario.save', { id, doc: { ...base, name: before.name, notes }, baseVersion: before.version })
        const value = reply.body.value as { version: number } | undefined
        record = () => {
          // Each client owns its scenarios: a guarded save must land exactly on the version it last saw.
          if (value!.version !== before.version + 1) wrongVersions++
          written.set(id, { name: before.name, version: value!.version, notes })
        }
      } else {
        reply = await post(host, 'draft.save', { doc: { ...base, notes: `draft ${c}/${n}` }, scenarioId: null, baseVersion: null, dirty: true })
      }
    } catch (e) {
      errors.push(`${op}: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    const ms = performance.now() - started
    if (reply.status !== 200 || !reply.body.ok) {
      errors.push(`${op}: HTTP ${reply.status} ${reply.body.error?.code ?? ''} ${reply.body.error?.message ?? ''}`.trim())
      continue
    }
    record?.()
    const list = latencies.get(op) ?? []
    list.push(ms)
    latencies.set(op, list)
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1).padStart(8)

function report(elapsedS: number) {
  console.log(`\n${'op'.padEnd(8)}${'count'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}`)
  const all: number[] = []
  for (const op of ['list', 'search', 'get', 'create', 'update', 'draft'] as Op[]) {
    const sorted = [...(latencies.get(op) ?? [])].sort((a, b) => a - b)
    all.push(...sorted)
    if (sorted.length > 0) console.log(`${op.padEnd(8)}${String(sorted.length).padStart(9)} ${fmt(pct(sorted, 50))} ${fmt(pct(sorted, 95))} ${fmt(pct(sorted, 99))} ${fmt(sorted.at(-1)!)}`)
  }
  all.sort((a, b) => a - b)
  console.log(`${'all'.padEnd(8)}${String(all.length).padStart(9)} ${fmt(pct(all, 50))} ${fmt(pct(all, 95))} ${fmt(pct(all, 99))} ${fmt(all.at(-1)!)}`)
  const writes = ['create', 'update', 'draft'].reduce((n, op) => n + (latencies.get(op as Op)?.length ?? 0), 0)
  console.log(`\nthroughput: ${(all.length / elapsedS).toFixed(0)} requests/s (${(writes / elapsedS).toFixed(0)} writes/s) over ${elapsedS.toFixed(1)} s`)
}

/** Every acknowledged write must be there, at exactly the version and content last acknowledged. */
async function verify(host: HostProcess): Promise<number> {
  let lost = 0
  for (const [id, want] of written) {
    const reply = await post(host, 'scenario.get', { id })
    const got = reply.body.value as { name: string; version: number; doc: { notes: string } } | undefined
    if (!reply.body.ok || got?.name !== want.name || got.version !== want.version || got.doc.notes !== want.notes) {
      lost++
      if (lost <= 5) console.error(`lost write: ${id} wanted ${JSON.stringify(want)}, got ${JSON.stringify(reply.body).slice(0, 200)}`)
    }
  }
  return lost
}

async function main() {
  console.log(`load: ${CLIENTS} clients, ${SECONDS} s, ${Math.round(WRITE_SHARE * 100)} % writes, against the real web host on 127.0.0.1 (${cpus().length} cores, Node ${process.version})`)
  const dataDir = join(root, 'data')
  const rendererDir = stubRenderer(join(root, 'renderer'))
  const hosts: HostProcess[] = []
  for (let h = 0; h < HOSTS; h++) hosts.push(await startHostProcess({ dataDir, rendererDir }))
  console.log(`${HOSTS} host process${HOSTS === 1 ? '' : 'es'} on one data folder; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const started = performance.now()
  const deadline = started + SECONDS * 1000
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(hosts[c % HOSTS], c, deadline)))
  const elapsed = (performance.now() - started) / 1000
  report(elapsed)
  // Verify after a restart too: acknowledged means on disk, not only in the running process.
  let host = hosts[0]
  const before = await verify(host)
  await Promise.all(hosts.map((h) => h.stop()))
  host = await startHostProcess({ dataDir, rendererDir: join(root, 'renderer') })
  const after = await verify(host)
  await host.stop()
  console.log(`\nacknowledged scenario writes: ${written.size} scenarios checked (last acknowledged version and notes of each)`)
  const busy = errors.filter((e) => /busy|locked/i.test(e)).length
  console.log(`errors: ${errors.length} (${busy} "database is busy"); lost writes: ${before} before restart, ${after} after restart; wrong versions returned: ${wrongVersions}`)
  for (const e of [...new Set(errors)].slice(0, 10)) console.error(`  ${e}`)
  return errors.length === 0 && before === 0 && after === 0 && wrongVersions === 0
}

main()
  .then((clean) => {
    agent.destroy()
    rmSync(root, { recursive: true, force: true })
    process.exit(clean ? 0 : 1)
  })
  .catch((e) => {
    console.error(e)
    rmSync(root, { recursive: true, force: true })
    process.exit(1)
  })
