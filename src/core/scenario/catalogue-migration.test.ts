import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { loadModel } from '../model/load-model'
import measures from '../../../resources/data/measures.json'
import assumptions from '../../../resources/data/assumptions.json'
import shipped from '../../../resources/data/id-migrations.json'
import { parseIdMigrations, upgradeCatalogueIds, type IdMigrations } from './catalogue-migration'
import type { ScenarioDoc } from './schema'

const model = loadModel(measures, assumptions)
const base = (): ScenarioDoc => ({ ...defaultScenario(model, 'Old'), datasetVersion: '2026.10.1' })
const setting = (id: string, enabled = true) => ({ id, enabled, params: {}, start: '2025-01-01', end: null, suspensions: [] })
const mapping: IdMigrations = parseIdMigrations({
  migrations: [
    { fromDataset: '2026.10.1', toDataset: '2026.11.1', renamed: { 'old-a': 'new-a', 'old-assumption': 'new-assumption' }, retired: { 'gone-b': 'never read by the engine' } },
    { fromDataset: '2026.11.1', toDataset: '2026.12.1', renamed: { 'new-a': 'newer-a' } }
  ]
})

describe('upgradeCatalogueIds', () => {
  it('renames measures, trigger references and overrides step by step, removes retired ids, and says so', () => {
    const doc: ScenarioDoc = {
      ...base(),
      measures: [setting('old-a'), setting('gone-b'), setting('kept')],
      overrides: { 'old-assumption': 2, 'gone-b': 3, other: 4 },
      triggers: [
        { id: 't1', ifMeasure: 'old-a', thenMeasure: 'kept', lagQuarters: 1, intensity: 1 },
        { id: 't2', ifMeasure: 'gone-b', thenMeasure: 'kept', lagQuarters: 1, intensity: 1 }
      ]
    }
    const { doc: up, notes } = upgradeCatalogueIds(doc, mapping)
    expect(up.datasetVersion).toBe('2026.12.1')
    expect(up.measures.map((m) => m.id)).toEqual(['newer-a', 'kept'])
    expect(up.overrides).toEqual({ 'new-assumption': 2, other: 4 })
    expect(up.triggers).toEqual([{ id: 't1', ifMeasure: 'newer-a', thenMeasure: 'kept', lagQuarters: 1, intensity: 1 }])
    expect(notes.join('\n')).toMatch(/“old-a” is now called “new-a”[\s\S]*“gone-b” was retired[\s\S]*never read by the engine[\s\S]*“new-a” is now called “newer-a”/)
    expect(notes.some((n) => /Trigger “t2” was removed/.test(n))).toBe(true)
    expect(doc.measures.map((m) => m.id)).toEqual(['old-a', 'gone-b', 'kept']) // the input is not changed
  })

  it('keeps the document’s own setting when a rename meets an id it already has', () => {
    const doc: ScenarioDoc = { ...base(), measures: [setting('old-a', true), setting('new-a', false)], triggers: [], overrides: {} }
    const { doc: up, notes } = upgradeCatalogueIds(doc, { migrations: [mapping.migrations[0]] })
    expect(up.measures).toEqual([setting('new-a', false)])
    expect(notes[0]).toMatch(/already sets/)
  })

  it('leaves a document from a dataset no step starts from untouched, with no note', () => {
    const doc = { ...base(), datasetVersion: '2026.12.1' }
    const out = upgradeCatalogueIds(doc, mapping)
    expect(out.doc).toBe(doc)
    expect(out.notes).toEqual([])
  })

  it('stops on a mapping that loops instead of running forever', () => {
    const loop = parseIdMigrations({ migrations: [{ fromDataset: 'a', toDataset: 'b', renamed: { x: 'y' } }, { fromDataset: 'b', toDataset: 'a', renamed: { y: 'x' } }] })
    const out = upgradeCatalogueIds({ ...base(), datasetVersion: 'a', measures: [setting('x')], triggers: [], overrides: {} }, loop)
    expect(out.notes).toHaveLength(2)
  })

  it('reads the shipped mapping, in the list form or as a single step, and refuses a malformed one', () => {
    expect(() => parseIdMigrations(shipped)).not.toThrow()
    expect(parseIdMigrations({ fromDataset: '1', renamed: { a: 'b' } }).migrations).toHaveLength(1)
    expect(() => parseIdMigrations({ migrations: [{ fromDataset: '1', renamed: { a: 'b' }, retired: { a: 'both' } }] })).toThrow(/both renamed and retired/)
    expect(() => parseIdMigrations({ migrations: [{ renamed: {} }] })).toThrow(/is invalid/)
  })

  it('every id the shipped mapping renames to, and none it retires, is in this build’s catalogue', () => {
    const known = new Set([...model.measures.map((m) => m.id), ...model.assumptionIndex.keys()])
    const last = parseIdMigrations(shipped).migrations.at(-1)
    for (const to of Object.values(last?.renamed ?? {})) expect(known.has(to), to).toBe(true)
    for (const gone of Object.keys(last?.retired ?? {})) expect(known.has(gone), gone).toBe(false)
  })
})
