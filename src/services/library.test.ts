import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { defaultScenario, SCENARIO_SCHEMA_VERSION, type ScenarioDoc } from '../core'
import type { Input, Method, Output } from '../shared/contract'
import { model } from '../shared/dataset'
import { createServices, type Services } from '.'

const open: Services[] = []
const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-lib-'))
  dirs.push(d)
  return d
}
function makeServices(dataDir = tempDir(), examplesDir?: string) {
  let t = Date.UTC(2026, 10, 28, 12, 0, 0)
  const s = createServices({ dataDir, runtime: 'web', clock: () => new Date((t += 1000)), log: () => {}, examplesDir })
  open.push(s)
  return s
}
afterEach(() => {
  open.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

/** Calls a method and returns its value, failing the test with the error message otherwise. */
async function call<M extends Method>(s: Services, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await s.dispatch(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
  return r.value as Output<M>
}
async function failure(s: Services, method: Method, input: unknown) {
  const r = await s.dispatch(method, input)
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}

const m0 = model.measures[0].id
const m1 = model.measures[1].id
/** A scenario with exactly the given measures switched on. */
function doc(name: string, extra: Partial<ScenarioDoc> = {}, on: string[] = []): ScenarioDoc {
  const base = defaultScenario(model, name)
  return { ...base, tags: [], measures: base.measures.map((m) => ({ ...m, enabled: on.includes(m.id) })), ...extra }
}
const names = (items: { name: string }[]) => items.map((i) => i.name)

describe('library search', () => {
  it('filters by text in name or notes, by tag (any case) and by switched-on measure, with paging and a total', async () => {
    const s = makeServices()
    await call(s, 'scenario.save', { doc: doc('Tariff escalation', { tags: ['Workshop'] }, [m0]) })
    await call(s, 'scenario.save', { doc: doc('Allied build-out', { notes: 'tariff truce assumed', tags: ['workshop', 'allies'] }, [m1]) })
    await call(s, 'scenario.save', { doc: doc('Baseline', {}, [m0, m1]) })

    expect(names((await call(s, 'scenario.search', { query: 'TARIFF' })).items)).toEqual(['Allied build-out', 'Tariff escalation'])
    expect(names((await call(s, 'scenario.search', { tag: 'WORKSHOP' })).items)).toEqual(['Allied build-out', 'Tariff escalation'])
    expect(names((await call(s, 'scenario.search', { measure: m0 })).items)).toEqual(['Baseline', 'Tariff escalation'])
    expect(names((await call(s, 'scenario.search', { measure: m1, tag: 'allies' })).items)).toEqual(['Allied build-out'])
    expect(await call(s, 'scenario.search', { sort: 'name', limit: 2 })).toMatchObject({ total: 3, items: [{ name: 'Allied build-out' }, { name: 'Baseline' }] })
    expect(await call(s, 'scenario.search', { sort: 'name', limit: 2, offset: 2 })).toMatchObject({ total: 3, items: [{ name: 'Tariff escalation' }] })
    expect((await call(s, 'scenario.search', { query: 'Baseline' })).items[0].measures.sort()).toEqual([m0, m1].sort())
    // Tags group regardless of case ("Workshop" and "workshop" are one tag).
    expect((await call(s, 'scenario.tags', {})).items.map((t) => [t.tag.toLowerCase(), t.count])).toEqual([
      ['allies', 1],
      ['workshop', 2]
    ])
  })
})

describe('rename, notes, tags, duplicate', () => {
  it('records a labelled version for a rename and for notes/tags edits, none for a no-op', async () => {
    const s = makeServices()
    const a = await call(s, 'scenario.save', { doc: doc('A') })
    await call(s, 'scenario.save', { doc: doc('Taken') })
    expect(await failure(s, 'scenario.update', { id: a.id, name: 'taken' })).toMatchObject({ code: 'conflict' })
    const renamed = await call(s, 'scenario.update', { id: a.id, name: 'Renamed' })
    expect(renamed).toMatchObject({ name: 'Renamed', version: 2 })
    const tagged = await call(s, 'scenario.update', { id: a.id, notes: 'for the Monday brief', tags: ['brief', ' Brief ', 'allies'] })
    expect(tagged).toMatchObject({ version: 3, notes: 'for the Monday brief', tags: ['brief', 'allies'] })
    expect(await call(s, 'scenario.update', { id: a.id, notes: 'for the Monday brief' })).toMatchObject({ version: 3 })
    expect((await call(s, 'scenario.get', { id: a.id })).doc).toMatchObject({ name: 'Renamed', notes: 'for the Monday brief', tags: ['brief', 'allies'] })
    const history = (await call(s, 'scenario.versions', { id: a.id })).items
    expect(history.map((v) => [v.version, v.label, v.name])).toEqual([
      [3, 'Notes edited, tags edited', 'Renamed'],
      [2, 'Renamed from “A”', 'Renamed'],
      [1, null, 'A']
    ])
  })

  it('duplicates under a free name with its own history', async () => {
    const s = makeServices()
    const a = await call(s, 'scenario.save', { doc: doc('Plan', {}, [m0]) })
    await call(s, 'scenario.save', { id: a.id, doc: doc('Plan', {}, [m0, m1]) })
    const copy = await call(s, 'scenario.duplicate', { id: a.id })
    const copy2 = await call(s, 'scenario.duplicate', { id: a.id })
    expect([copy.name, copy.version, copy2.name]).toEqual(['Plan (2)', 1, 'Plan (3)'])
    expect((await call(s, 'scenario.get', { id: copy.id })).doc).toEqual({ ...doc('Plan', {}, [m0, m1]), name: 'Plan (2)' })
  })
})

describe('trash', () => {
  it('deletes to the trash, undoes, renames on a clash, and empties for good (versions too)', async () => {
    const s = makeServices()
    const a = await call(s, 'scenario.save', { doc: doc('Gone') })
    await call(s, 'scenario.save', { id: a.id, doc: doc('Gone', { notes: 'v2', tags: ['doomed'] }, [m0]) })
    expect((await call(s, 'scenario.tags', {})).items).toEqual([{ tag: 'doomed', count: 1 }])
    expect(await call(s, 'scenario.delete', { id: a.id })).toEqual({ id: a.id, name: 'Gone' })
    expect((await call(s, 'scenario.search', {})).total).toBe(0)
    // Trashed scenarios leave the tag list and the tag/measure filters.
    expect((await call(s, 'scenario.tags', {})).items).toEqual([])
    expect((await call(s, 'scenario.search', { measure: m0 })).total).toBe(0)
    expect((await call(s, 'scenario.trash', {})).items).toMatchObject([{ id: a.id, name: 'Gone', version: 2 }])
    expect(await failure(s, 'scenario.save', { id: a.id, doc: doc('Gone') })).toMatchObject({ code: 'not_found', message: expect.stringMatching(/is in the trash/) })

    expect(await call(s, 'scenario.untrash', { id: a.id })).toMatchObject({ name: 'Gone', version: 2 })
    expect((await call(s, 'scenario.tags', {})).items).toEqual([{ tag: 'doomed', count: 1 }])
    expect((await call(s, 'scenario.search', { measure: m0 })).items.map((i) => i.name)).toEqual(['Gone'])
    await call(s, 'scenario.delete', { id: a.id })
    await call(s, 'scenario.save', { doc: doc('Gone') }) // the name is free while it is in the trash
    expect(await call(s, 'scenario.untrash', { id: a.id })).toMatchObject({ name: 'Gone (2)', version: 3 })

    await call(s, 'scenario.delete', { id: a.id })
    expect(await call(s, 'scenario.emptyTrash', {})).toEqual({ removed: 1 })
    expect((await call(s, 'scenario.trash', {})).items).toEqual([])
    const db = new BetterSqlite3(s.dbFile, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM scenario_versions WHERE scenario_id = ?').pluck().get(a.id)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM scenario_tags WHERE scenario_id = ?').pluck().get(a.id)).toBe(0)
    db.close()
  })
})

describe('versions', () => {
  it('lists newest first, reads any version, and restores one as a new version', async () => {
    const s = makeServices()
    const a = await call(s, 'scenario.save', { doc: doc('V', {}, [m0]) })
    await call(s, 'scenario.save', { id: a.id, doc: doc('V', {}, [m0, m1]), label: 'both on', baseVersion: 1 })
    expect((await call(s, 'scenario.versions', { id: a.id })).items.map((v) => [v.version, v.label])).toEqual([[2, 'both on'], [1, null]])
    expect((await call(s, 'scenario.version', { id: a.id, version: 1 })).doc).toEqual(doc('V', {}, [m0]))
    expect(await failure(s, 'scenario.version', { id: a.id, version: 7 })).toMatchObject({ code: 'not_found' })
    const restored = await call(s, 'scenario.restoreVersion', { id: a.id, version: 1 })
    expect(restored).toMatchObject({ version: 3, measures: [m0] })
    expect((await call(s, 'scenario.versions', { id: a.id })).items[0]).toMatchObject({ version: 3, label: 'Restored version 1' })
    expect((await call(s, 'scenario.get', { id: a.id })).doc).toEqual(doc('V', {}, [m0]))
  })

  it('keeps the current name when the restored version’s name now belongs to another scenario', async () => {
    const s = makeServices()
    const a = await call(s, 'scenario.save', { doc: doc('Old name') })
    await call(s, 'scenario.update', { id: a.id, name: 'New name' })
    await call(s, 'scenario.save', { doc: doc('Old name') })
    expect(await call(s, 'scenario.restoreVersion', { id: a.id, version: 1 })).toMatchObject({ name: 'New name', version: 3 })
  })

  it('refuses a save based on a stale version and writes nothing', async () => {
    const s = makeServices()
    const a = await call(s, 'scenario.save', { doc: doc('Shared') })
    await call(s, 'scenario.save', { id: a.id, doc: doc('Shared', { notes: 'desktop' }), baseVersion: 1 })
    expect(await failure(s, 'scenario.save', { id: a.id, doc: doc('Shared', { notes: 'browser' }), baseVersion: 1 })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/saved elsewhere.*now version 2/)
    })
    expect((await call(s, 'scenario.get', { id: a.id })).doc.notes).toBe('desktop')
  })
})

describe('files: export, import, examples', () => {
  it('exports two scenarios and imports them into a fresh data dir identical; clashes get "(2)"', async () => {
    const a = makeServices()
    const x = await call(a, 'scenario.save', { doc: doc('Export one', { notes: 'n1', tags: ['t'] }, [m0]) })
    const y = await call(a, 'scenario.save', { doc: doc('Export two', {}, [m1]) })
    const file = await call(a, 'scenario.exportFile', { ids: [x.id, y.id] })
    expect(file).toMatchObject({ count: 2, savedTo: null, fileName: expect.stringMatching(/\.chokepoint\.json$/) })

    const b = makeServices()
    await call(b, 'scenario.save', { doc: doc('Export two') })
    const result = await call(b, 'scenario.importFile', { files: [{ name: file.fileName, contents: file.contents }] })
    expect(result).toMatchObject({ upgraded: 0, cancelled: false, renamed: [{ from: 'Export two', to: 'Export two (2)' }] })
    expect(names(result.imported)).toEqual(['Export one', 'Export two (2)'])
    expect((await call(b, 'scenario.get', { id: result.imported[0].id })).doc).toEqual((await call(a, 'scenario.get', { id: x.id })).doc)
    expect((await call(b, 'scenario.get', { id: result.imported[1].id })).doc).toEqual({ ...(await call(a, 'scenario.get', { id: y.id })).doc, name: 'Export two (2)' })
    expect((await call(b, 'scenario.versions', { id: result.imported[0].id })).items[0].label).toBe(`Imported from “${file.fileName}”`)
  })

  it('imports nothing when any file has a problem, and says what and where', async () => {
    const s = makeServices()
    await call(s, 'scenario.save', { doc: doc('Existing') })
    const good = { name: 'good.chokepoint.json', contents: JSON.stringify(doc('Good')) }
    const bad = { name: 'bad.chokepoint.json', contents: JSON.stringify({ ...doc('Bad'), seed: -1 }) }
    const error = await failure(s, 'scenario.importFile', { files: [good, bad] })
    expect(error.code).toBe('invalid_input')
    expect(error.message).toMatch(/“bad\.chokepoint\.json” cannot be imported \(1 problem\)\. Nothing was imported\.\n• seed: /)
    const future = { name: 'future.json', contents: JSON.stringify({ ...doc('F'), schemaVersion: SCENARIO_SCHEMA_VERSION + 1 }) }
    expect((await failure(s, 'scenario.importFile', { files: [future] })).message).toMatch(/newer version of Chokepoint/)
    expect(await failure(s, 'scenario.importFile', { files: [{ name: 'big.json', contents: ' '.repeat(5_000_001) }] })).toMatchObject({ code: 'too_large' })
    expect(await failure(s, 'scenario.importFile', { dialog: true })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/desktop app/) })
    expect(names((await call(s, 'scenario.search', {})).items)).toEqual(['Existing'])
  })

  it('upgrades a document of an older format on import and says so', async () => {
    const s = makeServices()
    const current = doc('Prototype', {}, [m0])
    // The prototype format (v0): no format marker or schema version, measures as { on, from, to }.
    const v0 = {
      name: 'Prototype',
      horizon: current.horizon,
      measures: current.measures.map((m) => ({ id: m.id, on: m.enabled, from: m.start, to: m.end, params: m.params, suspensions: m.suspensions })),
      assumptions: {}
    }
    const r = await call(s, 'scenario.importFile', { files: [{ name: 'old.json', contents: JSON.stringify(v0) }] })
    expect(r).toMatchObject({ upgraded: 1, imported: [{ name: 'Prototype', measures: [m0] }] })
    const got = (await call(s, 'scenario.get', { id: r.imported[0].id })).doc
    expect(got).toMatchObject({ format: 'chokepoint.scenario', schemaVersion: SCENARIO_SCHEMA_VERSION, measures: current.measures })
  })

  it('lists the bundled examples that validate and skips a broken one', async () => {
    const examples = tempDir()
    mkdirSync(examples, { recursive: true })
    writeFileSync(join(examples, '2025-as-it-happened.chokepoint.json'), JSON.stringify(doc('2025 as it happened', { tags: ['example'] })))
    writeFileSync(join(examples, 'broken.chokepoint.json'), '{')
    const s = makeServices(tempDir(), examples)
    expect((await call(s, 'scenario.examples', {})).items).toEqual([{ id: '2025-as-it-happened', name: '2025 as it happened', notes: doc('x').notes, tags: ['example'] }])
    expect((await call(s, 'scenario.example', { id: '2025-as-it-happened' })).doc.name).toBe('2025 as it happened')
    expect(await failure(s, 'scenario.example', { id: 'broken' })).toMatchObject({ code: 'not_found' })
  })

  it('ships examples in resources/scenarios that all validate', async () => {
    const s = makeServices()
    const items = (await call(s, 'scenario.examples', {})).items
    expect(items.length).toBeGreaterThan(0)
    expect(names(items)).toContain('2025 as it happened')
  })
})

describe('autosaved draft', () => {
  it('keeps the last draft across a restart and forgets it when discarded', async () => {
    const dir = tempDir()
    const a = makeServices(dir)
    expect(await call(a, 'draft.load', {})).toEqual({ draft: null })
    await call(a, 'draft.save', { doc: doc('Draft 1'), scenarioId: null, baseVersion: null, dirty: true })
    const { savedAt } = await call(a, 'draft.save', { doc: doc('Draft 2', {}, [m0]), scenarioId: null, baseVersion: null, dirty: true })
    a.close()
    open.splice(open.indexOf(a), 1)
    const b = makeServices(dir)
    expect(await call(b, 'draft.load', {})).toEqual({ draft: { doc: doc('Draft 2', {}, [m0]), scenarioId: null, baseVersion: null, dirty: true, savedAt } })
    await call(b, 'draft.discard', {})
    expect(await call(b, 'draft.load', {})).toEqual({ draft: null })
  })

  it('ignores a draft that can no longer be read instead of failing', async () => {
    const s = makeServices()
    await call(s, 'draft.save', { doc: doc('D'), scenarioId: null, baseVersion: null, dirty: true })
    const db = new BetterSqlite3(s.dbFile)
    db.prepare(`UPDATE drafts SET doc = '{"format":"chokepoint.scenario"}'`).run()
    db.close()
    expect(await call(s, 'draft.load', {})).toEqual({ draft: null })
  })
})
