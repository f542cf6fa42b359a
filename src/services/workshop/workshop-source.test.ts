import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import JSZip from 'jszip'
import { defaultScenario } from '../../core'
import { model } from '../../shared/dataset'
import { DATABASE_FILE, type Services } from '..'
import { call, servicesHarness } from '../testing/services-harness'
import { MIGRATIONS } from '../db/migrations'
import { afterActionContent } from './after-action-content'
import { buildAfterActionReport } from './after-action-pdf'

/**
 * A workshop names the scenario it started from, not its own copy ("<workshop> (workshop)"): kept at creation,
 * carried through the workshop file, shown by the after-action deck and report; recovered for workshops stored
 * before it was kept, and said to be unknown where it cannot be.
 */
const { make: makeServices, close: closeServices } = servicesHarness('cp-ws-src-')
/** The text of the after-action deck's title slide. */
async function deckTitleSlide(s: Services, id: string): Promise<string> {
  const deck = await call(s, 'workshop.afterAction', { id, format: 'pptx' })
  if (deck.kind !== 'file') throw new Error('expected a file')
  const zip = await JSZip.loadAsync(Buffer.from(deck.base64, 'base64'))
  return zip.file('ppt/slides/slide1.xml')!.async('string')
}

describe('a workshop’s starting scenario', () => {
  it('is kept by name at creation (from the library or the workspace) and shown by the deck and the report', async () => {
    const s = makeServices()
    const base = await call(s, 'scenario.save', { doc: defaultScenario(model, 'As known') })
    const fromLibrary = await call(s, 'workshop.create', { name: 'Seminar', from: { scenarioId: base.id } })
    expect(fromLibrary.sourceName).toBe('As known')
    expect((await call(s, 'scenario.get', { id: fromLibrary.scenarioId })).name).toBe('Seminar (workshop)')
    const fromDraft = await call(s, 'workshop.create', { name: 'Drill', from: { doc: defaultScenario(model, 'Hawkish “draft”') } })
    expect(fromDraft.sourceName).toBe('Hawkish “draft”')
    expect((await call(s, 'workshop.list', {})).items.map((x) => [x.name, x.sourceName]).sort()).toEqual([['Drill', 'Hawkish “draft”'], ['Seminar', 'As known']])
    // Applying a round (a new version of the copy) leaves it as it was.
    const moved = { ...fromLibrary.pending, measures: fromLibrary.pending.measures.map((m) => (m.id === 'cn-14nm-approval' ? { ...m, enabled: true } : m)) }
    let w = await call(s, 'workshop.recordMoves', { id: fromLibrary.id, teamId: 'beijing', rationale: 'r', doc: moved })
    w = await call(s, 'workshop.applyRound', { id: w.id })
    expect(w.sourceName).toBe('As known')

    const slide = await deckTitleSlide(s, w.id)
    expect(slide).toContain('Started from “As known”')
    expect(slide).not.toContain('(workshop)')
    const content = afterActionContent(model, w, '2026-12-01')
    expect(content.startScenario).toBe('As known')
    expect(buildAfterActionReport(content).html).toContain('Started from “As known”')
    expect(await deckTitleSlide(s, fromDraft.id)).toContain('Started from “Hawkish “draft”” · exported')
  })

  it('travels in the workshop file (format 2); a format-1 file, which has none, imports with it unknown', async () => {
    const a = makeServices()
    const w = await call(a, 'workshop.create', { name: 'Portable', from: { doc: defaultScenario(model, 'Origin') } })
    const file = await call(a, 'workshop.exportFile', { id: w.id })
    const parsed = JSON.parse(file.contents)
    expect(parsed).toMatchObject({ formatVersion: 2, workshop: { name: 'Portable', sourceName: 'Origin' } })

    const b = makeServices()
    const imported = await call(b, 'workshop.importFile', { name: file.fileName, contents: file.contents })
    expect(imported.workshop.sourceName).toBe('Origin')
    expect(await deckTitleSlide(b, imported.workshop.id)).toContain('Started from “Origin”')

    const v1 = { ...parsed, formatVersion: 1, workshop: { ...parsed.workshop, name: 'Old file' } }
    delete v1.workshop.sourceName
    const old = await call(b, 'workshop.importFile', { name: 'old.workshop.json', contents: JSON.stringify(v1) })
    expect(old.workshop.sourceName).toBeNull()
    const slide = await deckTitleSlide(b, old.workshop.id)
    expect(slide).toContain('Starting scenario not recorded')
    expect(slide).not.toContain('Started from')
  })

  it('is recovered for a workshop stored before it was kept (the migration reads the creation label)', async () => {
    const first = makeServices()
    const w = await call(first, 'workshop.create', { name: 'Before', from: { doc: defaultScenario(model, 'The old start') } })
    closeServices(first)
    // The database as the previous release left it: no source_name column, one migration behind.
    const index = MIGRATIONS.findIndex((m) => m.name.startsWith('workshops: the starting scenario'))
    const raw = new BetterSqlite3(join(first.dataDir, DATABASE_FILE))
    raw.exec('ALTER TABLE workshops DROP COLUMN source_name')
    raw.pragma(`user_version = ${index}`)
    raw.close()

    const second = makeServices(first.dataDir)
    const again = await call(second, 'workshop.get', { id: w.id })
    expect(again.sourceName).toBe('The old start')
    expect(await deckTitleSlide(second, w.id)).toContain('Started from “The old start”')
  })
})
