import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import { createServices, type Services } from '.'

const open: Services[] = []
const dirs: string[] = []
function makeServices(dataDir = mkdtempSync(join(tmpdir(), 'cp-svc-'))) {
  dirs.push(dataDir)
  let t = Date.UTC(2026, 10, 28, 12, 0, 0)
  const s = createServices({ dataDir, runtime: 'web', clock: () => new Date((t += 1000)), log: () => {} })
  open.push(s)
  return s
}
afterEach(() => {
  open.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

const doc = (name: string) => defaultScenario(model, name)

describe('dispatch over real SQLite', () => {
  it('saves, lists and reopens a scenario with its document intact', async () => {
    const { dispatch } = makeServices()
    const saved = await dispatch('scenario.save', { doc: doc('Escalation A') })
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    const list = await dispatch('scenario.list', {})
    expect(list).toMatchObject({ ok: true, value: { items: [{ id: (saved.value as { id: string }).id, name: 'Escalation A', version: 1 }] } })
    const got = await dispatch('scenario.get', { id: (saved.value as { id: string }).id })
    expect(got.ok && (got.value as { doc: unknown }).doc).toEqual(doc('Escalation A'))
  })

  it('adds a version on each save and keeps them all in history', async () => {
    const s = makeServices()
    const first = await s.dispatch('scenario.save', { doc: doc('V') })
    const id = first.ok ? (first.value as { id: string }).id : ''
    const second = await s.dispatch('scenario.save', { id, doc: { ...doc('V'), notes: 'changed' }, label: 'after workshop' })
    expect(second).toMatchObject({ ok: true, value: { id, version: 2 } })
    s.close()
    open.pop()
    const db = new BetterSqlite3(s.dbFile)
    const versions = db.prepare('SELECT version, label FROM scenario_versions WHERE scenario_id = ? ORDER BY version').all(id)
    expect(versions).toEqual([{ version: 1, label: null }, { version: 2, label: 'after workshop' }])
    db.close()
  })

  it('refuses a second live scenario with the same name (case-insensitive) and writes nothing', async () => {
    const { dispatch } = makeServices()
    await dispatch('scenario.save', { doc: doc('Baseline') })
    const clash = await dispatch('scenario.save', { doc: doc('BASELINE') })
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const list = await dispatch('scenario.list', {})
    expect(list.ok && (list.value as { items: unknown[] }).items).toHaveLength(1)
  })

  it('filters the list by name, treating % and _ literally', async () => {
    const { dispatch } = makeServices()
    for (const n of ['Tariff 100%', 'Tariff 50', 'Allied build-out']) await dispatch('scenario.save', { doc: doc(n) })
    const r = await dispatch('scenario.list', { query: '100%' })
    expect(r.ok && (r.value as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(['Tariff 100%'])
  })

  it('answers invalid input with a validation error naming the path, never a stack', async () => {
    const { dispatch } = makeServices()
    const bad = { ...doc('x'), measures: [{ id: 'cn-x', enabled: 'yes', start: '2025-02-30' }] }
    const r = await dispatch('scenario.save', { doc: bad })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['doc.measures[0].enabled', 'doc.measures[0].start']))
    expect(JSON.stringify(r)).not.toMatch(/\n\s+at /)
  })

  it('rejects unknown methods, prototype keys and non-object input', async () => {
    const { dispatch } = makeServices()
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await dispatch('scenario.list', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('scenario.list', { query: '', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('reports a missing scenario as not_found', async () => {
    const { dispatch } = makeServices()
    const r = await dispatch('scenario.get', { id: '00000000-0000-4000-8000-000000000000' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('deletes to the trash: gone from the list, name free again', async () => {
    const { dispatch } = makeServices()
    const saved = await dispatch('scenario.save', { doc: doc('Temp') })
    const id = saved.ok ? (saved.value as { id: string }).id : ''
    expect(await dispatch('scenario.delete', { id })).toMatchObject({ ok: true })
    expect(await dispatch('scenario.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch('scenario.save', { doc: doc('Temp') })).toMatchObject({ ok: true })
  })

  it('keeps data across a restart on the same data dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-svc-'))
    const a = makeServices(dir)
    await a.dispatch('scenario.save', { doc: doc('Persisted') })
    a.close()
    open.splice(open.indexOf(a), 1)
    const b = makeServices(dir)
    const list = await b.dispatch('scenario.list', {})
    expect(list.ok && (list.value as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(['Persisted'])
  })
})
