import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { loadModel, type Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { always, rawAssumptions, rawMeasures, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { evaluate } from './evaluate'

/**
 * The stage chain (docs/MODEL.md §3.3): ex-China magnet output is limited by its China feed and by the
 * metal/alloy stage; oxide stocks reach sectors only through magnet makers; recycling adds feed-free supply.
 */
const model = shippedModel()
const withMetal = (doc: ScenarioDoc, share: number): ScenarioDoc => ({ ...structuredClone(doc), overrides: { ...doc.overrides, 'metal-exchina-share': share } })
const slice = (xs: readonly number[], from: number): number[] => xs.slice(from)

/** The shipped catalogue plus a Beijing licence on light REEs (NdPr oxide and metal), which no shipped measure controls. */
const lightReeModel = (): Model => {
  const raw = rawMeasures() as { measures: Record<string, unknown>[] }
  const no18 = raw.measures.find((m) => m.id === 'cn-mofcom-18') as Record<string, unknown>
  raw.measures.push({
    ...structuredClone(no18),
    id: 'test-light-ree-licence', short: 'Light-REE licence (test)',
    channels: [{ economy: 'us', channel: 'light_ree', how: 'NdPr oxide and metal need a licence', pool: 'direct' }],
    default: { enabled: false, start: '2028-01-01', end: null, suspensions: [] }
  })
  return loadModel(raw, rawAssumptions())
}

describe('metal/alloy stage', () => {
  it('does not bind in the default today: ex-China metal exceeds what ex-China magnet makers buy', () => {
    const doc = defaultScenario(model)
    const lo = evaluate(model, withMetal(doc, 0.05)).economies.us
    const hi = evaluate(model, withMetal(doc, 0.3)).economies.us
    // No Chinese control on NdPr metal in the default: civil sectors are untouched by the metal stage.
    expect(lo.autos.exposure).toEqual(hi.autos.exposure)
    expect(lo.electronics.exposure).toEqual(hi.electronics.exposure)
  })

  it('binds when allied magnet capacity outgrows metal capacity and China licenses NdPr metal', () => {
    const m = lightReeModel()
    const doc = scenarioWith(m, {
      'test-light-ree-licence': always('2028-01-01', { approval: 20, 'initial-approval': 20 }),
      'us-allied-capacity': { params: { funding: 200 } }
    })
    const from = evaluate(m, doc).quarters.indexOf('2028-Q2')
    const autos = (share: number) => slice(evaluate(m, withMetal(doc, share)).economies.us.autos.exposure, from)
    const scarce = sum(autos(0.05))
    const base = sum(autos(0.1))
    const ample = sum(autos(0.3))
    expect(scarce).toBeGreaterThan(base + 0.5)
    expect(base).toBeGreaterThan(ample + 0.5)
    // Without the licence, the same capacity on China metal loses nothing.
    const free = scenarioWith(m, { 'us-allied-capacity': { params: { funding: 200 } } })
    expect(evaluate(m, withMetal(free, 0.05)).economies.us.autos.exposure).toEqual(evaluate(m, withMetal(free, 0.3)).economies.us.autos.exposure)
  })

  it('under DFARS, magnets made from China metal are not compliant: scarce metal cuts DPAS reach', () => {
    const doc = scenarioWith(model, { 'us-dfars-2027': always('2027-01-01', { waiver: 0, 'prestock-quarters': 0 }) })
    doc.overrides['dpas-reach'] = 0.3
    doc.overrides['defense-share-allied-magnet-demand'] = 0.03
    // 2027, before the defence-priority plants (MP 10X, Vulcan) carry defence on their own.
    const from = evaluate(model, doc).quarters.indexOf('2027-Q1')
    const def = (share: number) => sum(evaluate(model, withMetal(doc, share)).economies.us.defense.exposure.slice(from, from + 4))
    expect(def(0.05)).toBeGreaterThan(def(0.3) + 0.5)
  })
})
