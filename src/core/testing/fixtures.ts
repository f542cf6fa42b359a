import measuresJson from '../../../resources/data/measures.json'
import assumptionsJson from '../../../resources/data/assumptions.json'
import { defaultScenario } from '../model/default-scenario'
import { loadModel, type Model } from '../model/load-model'
import type { MeasureSetting, ScenarioDoc } from '../scenario/schema'

/**
 * Test support (not part of the public API): the shipped dataset and scenario builders.
 * JSON is imported (bundled), so core stays free of I/O.
 */
export const rawMeasures = (): unknown => structuredClone(measuresJson)
export const rawAssumptions = (): unknown => structuredClone(assumptionsJson)

let cached: Model | null = null
/** The shipped model, loaded once per test file. */
export const shippedModel = (): Model => (cached ??= loadModel(rawMeasures(), rawAssumptions()))

/** A deep copy of the default scenario with `edit` applied to the listed measures. */
export const scenarioWith = (model: Model, edits: Record<string, Partial<MeasureSetting>> = {}, base?: ScenarioDoc): ScenarioDoc => {
  const doc = structuredClone(base ?? defaultScenario(model))
  doc.measures = doc.measures.map((m) => {
    const e = edits[m.id]
    return e ? { ...m, ...e, params: { ...m.params, ...(e.params ?? {}) } } : m
  })
  return doc
}

/** Every measure off, and the outside event (Myanmar feed, an assumption) off too: a world without the dispute. */
export const allOff = (model: Model): ScenarioDoc => {
  const doc = defaultScenario(model, 'all off')
  doc.measures = doc.measures.map((m) => ({ ...m, enabled: false }))
  doc.overrides = { ...doc.overrides, 'myanmar-cut': 0 }
  return doc
}

/** Turn a measure on from `start` with no end and no suspensions. */
export const always = (start = '2025-01-01', params: Record<string, number> = {}): Partial<MeasureSetting> => ({
  enabled: true, start, end: null, suspensions: [], params
})

/** Sum of a series. */
export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
