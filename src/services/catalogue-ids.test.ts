import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { defaultScenario, type IdMigrations, type ScenarioDoc } from '../core'
import { model } from '../shared/dataset'
import { createServices, type Services } from '.'

/** Save, autosave, open and import hold documents to this build's catalogue, bringing older ids forward. */
const open: Services[] = []
const dirs: string[] = []
afterEach(() => {
  open.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

const measure = model.measures[0]
const assumption = [...model.assumptionIndex.keys()][0]
/** An older dataset in which the first measure and the first assumption had other names, and one measure since retired. */
const mapping: IdMigrations = {
  migrations: [{ fromDataset: '2026.01.1', toDataset: model.datasetVersion, renamed: { 'old-measure': measure.id, 'old-assumption': assumption }, retired: { 'gone-measure': 'merged into another measure' } }]
}
function services(idMigrations: IdMigrations = mapping) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-cat-'))
  dirs.push(dataDir)
  const s = createServices({ dataDir, runtime: 'web', log: () => {}, idMigrations })
  open.push(s)
  return s
}
const doc = (name: string): ScenarioDoc => defaultScenario(model, name)
const setting = (id: string) => ({ id, enabled: true, params: {}, start: '2025-01-01', end: null, suspensions: [] })
const olderDoc = (name: string): ScenarioDoc => ({
  ...doc(name),
  datasetVersion: '2026.01.1',
  measures: [...doc(name).measures.filter((m) => m.id !== measure.id), setting('old-measure'), setting('gone-measure')],
  overrides: { 'old-assumption': 1 }
})

describe('catalogue ids at every way in', () => {
  it('scenario.save and draft.save refuse ids the catalogue does not know, as import does, and write nothing', async () => {
    const s = services()
    const unknownMeasure = { ...doc('Unknown'), measures: [...doc('Unknown').measures, setting('no-such-measure')] }
    const unknownAssumption = { ...doc('Unknown'), overrides: { 'no-such-assumption': 1 } }
    const paramOutOfRange = { ...doc('Unknown'), measures: doc('Unknown').measures.map((m, i) => (i === 0 && measure.params[0] ? { ...m, params: { [measure.params[0].id]: measure.params[0].max + 1 } } : m)) }
    for (const bad of [unknownMeasure, unknownAssumption, ...(measure.params[0] ? [paramOutOfRange] : [])]) {
      const saved = await s.dispatch('scenario.save', { doc: bad })
      expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(saved.ok ? '' : saved.error.message).toMatch(/not saved.*catalogue/)
      const draft = await s.dispatch('draft.save', { doc: bad, scenarioId: null, baseVersion: null, dirty: true })
      expect(draft).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await s.dispatch('scenario.list', {})).toMatchObject({ ok: true, value: { items: [] } })
    expect(await s.dispatch('draft.load', {})).toMatchObject({ ok: true, value: { draft: null } })
  })

  it('a save of a document from an older catalogue stores it with the current ids', async () => {
    const s = services()
    const saved = await s.dispatch('scenario.save', { doc: olderDoc('Older') })
    expect(saved.ok).toBe(true)
    const got = await s.dispatch('scenario.get', { id: (saved.ok && (saved.value as { id: string }).id) || '' })
    const stored = (got.ok && (got.value as { doc: ScenarioDoc }).doc) as ScenarioDoc
    expect(stored.measures.map((m) => m.id)).toContain(measure.id)
    expect(stored.measures.map((m) => m.id)).not.toContain('gone-measure')
    expect(stored.overrides).toEqual({ [assumption]: 1 })
    expect(stored.datasetVersion).toBe(model.datasetVersion)
  })

  it('opening a scenario stored by an older build brings its ids forward and says what changed', async () => {
    const s = services()
    const saved = await s.dispatch('scenario.save', { doc: doc('Stored') })
    const id = saved.ok ? (saved.value as { id: string }).id : ''
    s.close()
    open.pop()
    // What an older build wrote: the old ids, straight into the table.
    const raw = new BetterSqlite3(s.dbFile)
    raw.prepare('UPDATE scenarios SET doc = ? WHERE id = ?').run(JSON.stringify(olderDoc('Stored')), id)
    raw.close()
    const again = createServices({ dataDir: join(s.dbFile, '..'), runtime: 'web', log: () => {}, idMigrations: mapping })
    open.push(again)
    const got = await again.dispatch('scenario.get', { id })
    expect(got.ok).toBe(true)
    const value = got.ok ? (got.value as { doc: ScenarioDoc; catalogueNotes: string[] }) : null
    expect(value!.doc.measures.map((m) => m.id)).toContain(measure.id)
    expect(value!.catalogueNotes.join(' ')).toMatch(/“old-measure” is now called.*“gone-measure” was retired.*merged into another measure/)
  })

  it('import brings older ids forward and returns the notes', async () => {
    const s = services()
    const imported = await s.dispatch('scenario.importFile', { files: [{ name: 'old.chokepoint.json', contents: JSON.stringify(olderDoc('Imported')) }] })
    expect(imported).toMatchObject({ ok: true, value: { upgraded: 1 } })
    expect(imported.ok && (imported.value as { notes: string[] }).notes.join(' ')).toMatch(/“Imported”: Measure “old-measure” is now called/)
  })

  it('without the mapping, the same older document is refused by save and import alike', async () => {
    const s = services({ migrations: [] })
    expect(await s.dispatch('scenario.save', { doc: olderDoc('Older') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await s.dispatch('scenario.importFile', { files: [{ name: 'old.chokepoint.json', contents: JSON.stringify(olderDoc('Older')) }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
