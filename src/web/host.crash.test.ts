import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import { createServices } from '../services'
import { call } from './testing/http'
import { runHostToExit, startHostProcess, stubRenderer, type HostProcess } from './testing/host-process'

/**
 * The real web host as a separate process (`node --import tsx src/web/cli.ts`), killed and restarted, and started over
 * damaged, future, unwritable data: what a person would live through.
 */
const dirs: string[] = []
const hosts: HostProcess[] = []
function tempRoot() {
  const root = mkdtempSync(join(tmpdir(), 'cp-crash-'))
  dirs.push(root)
  stubRenderer(join(root, 'renderer-stub'))
  return root
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
  dirs.splice(0).forEach((d) => {
    chmodSync(d, 0o755)
    for (const f of readdirSync(d)) chmodSync(join(d, f), 0o755)
    rmSync(d, { recursive: true, force: true })
  })
})

async function start(dataDir: string, args: string[] = []) {
  const host = await startHostProcess({ dataDir, args })
  hosts.push(host)
  return host
}
const api = (host: HostProcess, method: string, input: unknown) =>
  call(host.port, `/api/${method}`, { headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) })
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const doc = (name: string) => defaultScenario(model, name)

/** A library with one saved scenario and one backup of it, made with the real services. */
async function libraryWithBackup(dataDir: string) {
  const services = createServices({ dataDir, runtime: 'web', log: () => {} })
  await services.dispatch('scenario.save', { doc: doc('Backed up work') })
  const backup = await services.backupIfDue()
  services.close()
  expect(backup).not.toBeNull()
}

describe('crash safety of the real web host', () => {
  it('keeps every acknowledged save when SIGKILLed in the middle of a burst of saves', async () => {
    const dataDir = join(tempRoot(), 'data')
    const first = await start(dataDir)
    const acked = new Map<string, { name: string; version: number }>()
    let killed = false
    // Eight clients save new scenarios and re-save them (a second version) as fast as the host answers.
    const client = async (c: number) => {
      for (let n = 0; !killed && n < 500; n++) {
        const name = `Client ${c} scenario ${n}`
        try {
          const created = JSON.parse((await api(first, 'scenario.save', { doc: doc(name) })).body)
          if (!created.ok) throw new Error(created.error.message)
          acked.set(created.value.id, { name, version: 1 })
          const updated = JSON.parse((await api(first, 'scenario.save', { id: created.value.id, doc: { ...doc(name), notes: 'second version' } })).body)
          if (!updated.ok) throw new Error(updated.error.message)
          acked.set(created.value.id, { name, version: 2 })
        } catch (e) {
          if (!killed) throw e
          return // the connection died with the host: this save was never acknowledged
        }
        if (acked.size >= 60 && !killed) {
          killed = true
          first.kill('SIGKILL')
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, (_, c) => client(c)))
    expect(await first.exited).toBe('SIGKILL')
    expect(acked.size).toBeGreaterThanOrEqual(60)

    const second = await start(dataDir)
    for (const [id, want] of acked) {
      const got = JSON.parse((await api(second, 'scenario.get', { id })).body)
      expect(got.ok, `${want.name} was acknowledged but is missing`).toBe(true)
      expect(got.value.name).toBe(want.name)
      expect(got.value.version).toBeGreaterThanOrEqual(want.version)
      if (want.version === 2) expect(got.value.doc.notes).toBe('second version')
    }
    await second.stop()
    const db = new BetterSqlite3(join(dataDir, 'chokepoint.sqlite'), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    // Versions and scenarios agree: no half-written save (a scenario row without its version row).
    expect(db.prepare('SELECT count(*) FROM scenarios s WHERE NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.scenario_id = s.id AND v.version = s.version)').pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a damaged database with a clear message and a way forward, and leaves the file untouched', async () => {
    const dataDir = join(tempRoot(), 'data')
    mkdirSync(dataDir)
    const file = join(dataDir, 'chokepoint.sqlite')
    writeFileSync(file, 'SQLite format 3\u0000'.padEnd(8192, '\u0007'))
    const before = sha(file)
    const { code, output } = await runHostToExit({ dataDir })
    expect(code).toBe(1)
    expect(output).toMatch(/could not open its data.*is damaged or is not a Chokepoint database/s)
    expect(output).toMatch(/--start-fresh/)
    expect(output).not.toMatch(/--restore-backup/) // there is no backup to offer
    expect(output).not.toMatch(/\n\s+at /)
    expect(sha(file)).toBe(before)
  })

  it('restores the latest backup on request, keeping the damaged file aside', async () => {
    const dataDir = join(tempRoot(), 'data')
    await libraryWithBackup(dataDir)
    const file = join(dataDir, 'chokepoint.sqlite')
    rmSync(`${file}-wal`, { force: true })
    rmSync(`${file}-shm`, { force: true })
    writeFileSync(file, 'overwritten by a failing disk '.repeat(500))
    const damaged = sha(file)
    const refused = await runHostToExit({ dataDir })
    expect(refused.code).toBe(1)
    expect(refused.output).toMatch(/To open the latest backup \(\d{4}-\d{2}-\d{2}T[\d:.]+Z\).*npm run web -- --restore-backup/)

    const host = await start(dataDir, ['--restore-backup'])
    expect(host.output()).toMatch(/Restored the backup of .*The previous database was kept as .*chokepoint\.replaced-/s)
    const list = JSON.parse((await api(host, 'scenario.list', {})).body)
    expect(list.value.items.map((i: { name: string }) => i.name)).toEqual(['Backed up work'])
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('chokepoint.replaced-') && f.endsWith('.sqlite'))
    expect(aside).toHaveLength(1)
    expect(sha(join(dataDir, aside[0]))).toBe(damaged)
  })

  it('refuses a database from a newer version untouched, naming the update as the fix', async () => {
    const dataDir = join(tempRoot(), 'data')
    await libraryWithBackup(dataDir)
    const file = join(dataDir, 'chokepoint.sqlite')
    const raw = new BetterSqlite3(file)
    raw.pragma('user_version = 999')
    raw.close()
    const before = sha(file)
    const { code, output } = await runHostToExit({ dataDir })
    expect(code).toBe(1)
    expect(output).toMatch(/newer version of Chokepoint .*Update Chokepoint to open it; the file was not changed/s)
    expect(output).toMatch(/--restore-backup/)
    expect(sha(file)).toBe(before)
    expect(readdirSync(dataDir).filter((f) => f.includes('replaced') || f.includes('set-aside'))).toEqual([])
  })

  it('refuses a read-only data folder with a clear message and changes nothing', async () => {
    const root = tempRoot()
    const dataDir = join(root, 'data')
    await libraryWithBackup(dataDir)
    for (const f of readdirSync(dataDir)) chmodSync(join(dataDir, f), 0o644)
    const file = join(dataDir, 'chokepoint.sqlite')
    const before = sha(file)
    const listing = readdirSync(dataDir).sort()
    chmodSync(dataDir, 0o555)
    // Root writes through permission bits, so the host runs with them binding (see obeyPermissions).
    const { code, output } = await runHostToExit({ dataDir, obeyPermissions: true })
    chmodSync(dataDir, 0o755)
    expect(code).toBe(1)
    expect(output).toMatch(/Cannot write to .*chokepoint\.sqlite.*writable.*CHOKEPOINT_DATA_DIR/s)
    expect(output).not.toMatch(/--restore-backup|--start-fresh/) // neither would help: the folder is the problem
    expect(sha(file)).toBe(before)
    expect(readdirSync(dataDir).sort()).toEqual(listing)
    expect(existsSync(join(dataDir, 'chokepoint.sqlite'))).toBe(true)
  })
})
