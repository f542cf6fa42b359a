import { describe, expect, it } from 'vitest'
import { scenarioDocSchema } from '../scenario/schema'
import { rawAssumptions, rawMeasures, shippedModel } from '../testing/fixtures'
import { defaultScenario } from './default-scenario'
import { loadModel, ModelLoadError } from './load-model'

type Json = Record<string, unknown>
const measuresOf = (raw: unknown): Json[] => (raw as { measures: Json[] }).measures
const paramsOf = (m: Json): Json[] => m.params as Json[]

const loadError = (measures: unknown, assumptions: unknown): ModelLoadError => {
  try {
    loadModel(measures, assumptions)
  } catch (e) {
    if (e instanceof ModelLoadError) return e
    throw e
  }
  throw new Error('expected loadModel to throw')
}

describe('loadModel', () => {
  it('loads the shipped catalogue and dataset', () => {
    const model = shippedModel()
    expect(model.measures.length).toBeGreaterThanOrEqual(14)
    expect(model.datasetVersion).toMatch(/^\d{4}\.\d+\.\d+$/)
    expect(model.baseValues.length).toBe(model.assumptions.length)
    for (const side of ['beijing', 'washington']) expect(model.measures.some((m) => m.side === side)).toBe(true)
  })

  it('every measure has exactly one primary parameter and every assumption a source', () => {
    const model = shippedModel()
    for (const m of model.measures) expect(m.params.filter((p) => p.primary).length, m.id).toBe(1)
    for (const a of model.assumptions) expect(a.source.length, a.id).toBeGreaterThan(3)
  })

  it('gives every measure a distinct short name for legends and refuses one that would not fit', () => {
    const shorts = shippedModel().measures.map((m) => m.short)
    expect(new Set(shorts).size).toBe(shorts.length)
    const measures = rawMeasures()
    measuresOf(measures)[0].short = 'Licensing of seven medium/heavy REEs and their magnets'
    expect(loadError(measures, rawAssumptions()).issues.some((i) => i.path === 'measures[0].short')).toBe(true)
  })

  it('names the offending path when a parameter default is out of range', () => {
    const measures = rawMeasures()
    const first = measuresOf(measures)[0] as Json
    ;(paramsOf(first)[0] as Json).default = 1000
    const err = loadError(measures, rawAssumptions())
    expect(err.issues.some((i) => i.file === 'measures' && i.path === 'measures[0].params[0].default')).toBe(true)
    expect(err.message).toContain('measures[0].params[0].default')
  })

  it('refuses a measure with two primary parameters', () => {
    const measures = rawMeasures()
    const first = measuresOf(measures)[0] as Json
    for (const p of paramsOf(first)) p.primary = true
    expect(loadError(measures, rawAssumptions()).issues.some((i) => /exactly one param must be primary/.test(i.message))).toBe(true)
  })

  it('names a missing assumption the engine needs', () => {
    const assumptions = rawAssumptions() as { assumptions: Json[] }
    assumptions.assumptions = assumptions.assumptions.filter((a) => a.id !== 'ramp-quarters')
    expect(loadError(rawMeasures(), assumptions).message).toContain('"ramp-quarters"')
  })

  it('names an unknown coverage reference', () => {
    const measures = rawMeasures()
    const first = measuresOf(measures)[0] as Json
    ;((first.channels as Json[])[0] as Json).coverage = 'no-such-assumption'
    const err = loadError(measures, rawAssumptions())
    expect(err.issues[0]?.path).toBe('measures[0].channels[0].coverage')
  })

  it('refuses a GUESS with high confidence and low above base', () => {
    const assumptions = rawAssumptions() as { assumptions: Json[] }
    const guess = assumptions.assumptions.find((a) => /GUESS/.test(String(a.source))) as Json
    guess.confidence = 'H'
    const ranged = assumptions.assumptions.find((a) => a.low !== undefined && a.id !== guess.id) as Json
    ranged.low = (ranged.value as number) + 1
    const msgs = loadError(rawMeasures(), assumptions).issues.map((i) => i.message).join('\n')
    expect(msgs).toMatch(/GUESS must carry confidence L/)
    expect(msgs).toMatch(/is above the base value/)
  })
})

describe('defaultScenario', () => {
  it('is a valid scenario document listing every measure in its documented state', () => {
    const model = shippedModel()
    const doc = defaultScenario(model)
    expect(scenarioDocSchema.safeParse(doc).success).toBe(true)
    expect(doc.horizon).toEqual({ start: '2025-Q1', quarters: 24 })
    expect(doc.seed).toBe(1)
    expect(doc.measures.map((m) => m.id)).toEqual(model.measures.map((m) => m.id))
    const no57 = doc.measures.find((m) => m.id === 'cn-mofcom-57')
    expect(no57?.suspensions[0]?.until).toBe('2026-11-10')
    expect(doc.measures.find((m) => m.id === 'us-tariff-additional')?.enabled).toBe(false)
  })
})
