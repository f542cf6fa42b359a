import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { shippedModel } from '../testing/fixtures'
import { checkScenario } from './check'
import { SCENARIO_SCHEMA_VERSION } from './schema'
import { UPGRADES, parseScenarioDoc } from './upgrade'

const model = shippedModel()

/** Synthetic prototype (v0) document: no format/schemaVersion, measures as {id, on, from, to}. */
const v0 = {
  name: 'Prototype scenario',
  horizon: { start: '2025-Q1', quarters: 8 },
  measures: [
    { id: 'cn-mofcom-18', on: true, from: '2025-04-04', params: { approval: 60 } },
    { id: 'us-tariff-additional', on: false, from: '2025-11-01', to: '2026-01-01' }
  ],
  assumptions: { 'buffer-months-autos': 3 }
}

describe('parseScenarioDoc', () => {
  it('accepts a current document unchanged', () => {
    const doc = defaultScenario(model)
    const r = parseScenarioDoc(JSON.parse(JSON.stringify(doc)))
    expect(r.ok && r.doc).toEqual(doc)
    expect(r.ok && r.upgradedFrom).toBe(null)
  })

  it('upgrades a v0 prototype document (measures as {id, on, from, to})', () => {
    const r = parseScenarioDoc(v0)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.upgradedFrom).toBe(0)
    expect(r.doc.schemaVersion).toBe(SCENARIO_SCHEMA_VERSION)
    expect(r.doc.measures[0]).toMatchObject({ id: 'cn-mofcom-18', enabled: true, start: '2025-04-04', end: null, params: { approval: 60 } })
    expect(r.doc.measures[1]).toMatchObject({ enabled: false, end: '2026-01-01' })
    expect(r.doc.overrides).toEqual({ 'buffer-months-autos': 3 })
    expect(r.doc.seed).toBe(1)
  })

  it('upgrades a v1 document to v2: no branches, mixture view, everything else unchanged', () => {
    const current = JSON.parse(JSON.stringify({ ...defaultScenario(model), branches: [], branchView: 'mixture' }))
    const { branches: _b, branchView: _v, ...rest } = current
    const v1 = { ...rest, schemaVersion: 1 }
    const r = parseScenarioDoc(v1)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.upgradedFrom).toBe(1)
    expect(r.doc).toEqual(current)
    expect(UPGRADES[1]?.(v1)).toEqual({ ...v1, schemaVersion: 2, branches: [], branchView: 'mixture' })
    expect(v1).not.toHaveProperty('branches')
  })

  it('upgrades a v0 prototype document through v1 to the current version', () => {
    const r = parseScenarioDoc(v0)
    expect(r.ok && r.doc.branches).toEqual([])
    expect(r.ok && r.doc.branchView).toBe('mixture')
  })

  it('refuses a newer schema version with a clear message', () => {
    const r = parseScenarioDoc({ ...defaultScenario(model), schemaVersion: SCENARIO_SCHEMA_VERSION + 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]?.path).toBe('schemaVersion')
      expect(r.errors[0]?.message).toMatch(/made by a newer version of Chokepoint/)
    }
  })

  it('names the offending path of an invalid document', () => {
    const bad = JSON.parse(JSON.stringify(defaultScenario(model)))
    bad.measures[2].start = '2025-02-30'
    const r = parseScenarioDoc(bad)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.some((e) => e.path === 'measures[2].start' && /real calendar date/.test(e.message))).toBe(true)
  })

  it('refuses non-objects and foreign formats', () => {
    expect(parseScenarioDoc([]).ok).toBe(false)
    const r = parseScenarioDoc({ format: 'something-else' })
    expect(!r.ok && r.errors[0]?.path).toBe('format')
  })
})

describe('checkScenario', () => {
  it('flags unknown measures, params out of range and unknown overrides', () => {
    const doc = defaultScenario(model)
    doc.measures[0] = { ...(doc.measures[0] as (typeof doc.measures)[number]), params: { approval: 150, bogus: 1 } }
    doc.measures.push({ id: 'no-such-measure', enabled: true, params: {}, start: '2025-01-01', end: null, suspensions: [] })
    doc.overrides = { 'no-such-assumption': 1 }
    const paths = checkScenario(model, doc).map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['measures[0].params.approval', 'measures[0].params.bogus', `measures[${doc.measures.length - 1}].id`, 'overrides.no-such-assumption']))
  })

  it('finds nothing wrong with the default scenario', () => {
    expect(checkScenario(model, defaultScenario(model))).toEqual([])
  })
})
