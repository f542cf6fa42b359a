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

/** The shipped model with some assumption values replaced (ranges widened to hold them). */
const modelWith = (values: Record<string, number>, measures: unknown = rawMeasures()): Model => {
  const raw = rawAssumptions() as { assumptions: { id: string; value: number; low?: number; high?: number }[] }
  for (const a of raw.assumptions) {
    const v = values[a.id]
    if (v === undefined) continue
    a.value = v
    if (a.low !== undefined) a.low = Math.min(a.low, v)
    if (a.high !== undefined) a.high = Math.max(a.high, v)
  }
  return loadModel(measures, raw)
}

/** The shipped catalogue plus a Beijing licence on light REEs (NdPr oxide and metal), which no shipped measure controls. */
const lightReeMeasures = (): unknown => {
  const raw = rawMeasures() as { measures: Record<string, unknown>[] }
  const no18 = raw.measures.find((m) => m.id === 'cn-mofcom-18') as Record<string, unknown>
  raw.measures.push({
    ...structuredClone(no18),
    id: 'test-light-ree-licence', short: 'Light-REE licence (test)',
    channels: [{ economy: 'us', channel: 'light_ree', how: 'NdPr oxide and metal need a licence', pool: 'direct' }],
    default: { enabled: false, start: '2028-01-01', end: null, suspensions: [] }
  })
  return raw
}
const lightReeModel = (): Model => loadModel(lightReeMeasures(), rawAssumptions())

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

/** Measures whose stockpile holds only the oxides of `channels` (isolates what oxide stocks do). */
const oxideOnlyStock = (channels: readonly string[], raw = rawMeasures()): unknown => {
  const stock = (raw as { measures: { id: string; channels: { channel: string }[] }[] }).measures.find((x) => x.id === 'us-stockpiles')
  if (stock) stock.channels = stock.channels.filter((c) => channels.includes(c.channel))
  return raw
}

describe('oxide stocks feed magnet makers', () => {
  // No. 18 tightened from 2027 (30 % approvals), after Project Vault has filled.
  const tight = (m: Model, fill: number): ScenarioDoc =>
    scenarioWith(m, { 'cn-mofcom-18': always('2027-01-01', { approval: 30, 'initial-approval': 30 }), 'us-stockpiles': { params: { fill } } })

  it('Dy/Tb oxide stocks relieve ex-China magnet makers, so magnet exposure falls', () => {
    const m = loadModel(oxideOnlyStock(['dy_tb']), rawAssumptions())
    const from = evaluate(m, tight(m, 0)).quarters.indexOf('2027-Q1')
    const autos = (fill: number) => sum(evaluate(m, tight(m, fill)).economies.us.autos.exposure.slice(from))
    expect(autos(100)).toBeLessThan(autos(0) - 0.05)
  })

  it('not sectors directly: with magnets weighted 0, a full oxide stock leaves direct Dy/Tb users as exposed as none', () => {
    const m = modelWith({ 'crit-us-autos-ndfeb': 0, 'crit-us-autos-smco': 0 }, oxideOnlyStock(['dy_tb']))
    const autos = (fill: number) => evaluate(m, tight(m, fill)).economies.us.autos
    expect(sum(autos(0).byChannel.dy_tb)).toBeGreaterThan(0.5)
    expect(autos(100).exposure).toEqual(autos(0).exposure)
  })

  it('NdPr oxide stocks reach magnets through the metal stage: they stand in for the China oxide metal makers are denied', () => {
    const m = loadModel(oxideOnlyStock(['light_ree'], lightReeMeasures()), rawAssumptions())
    const doc = (fill: number) => scenarioWith(m, {
      'test-light-ree-licence': always('2028-01-01', { approval: 20, 'initial-approval': 20 }),
      'us-allied-capacity': { params: { funding: 200 } },
      'us-stockpiles': { params: { fill } }
    })
    const from = evaluate(m, doc(0)).quarters.indexOf('2028-Q1')
    const autos = (fill: number) => sum(evaluate(m, doc(fill)).economies.us.autos.exposure.slice(from))
    expect(autos(100)).toBeLessThan(autos(0) - 0.05)
  })
})

describe('recycling', () => {
  const withoutRecycling = (): Model => {
    const raw = rawAssumptions() as { projects: { stage: string }[] }
    raw.projects = raw.projects.filter((p) => p.stage !== 'recycling')
    return loadModel(rawMeasures(), raw)
  }
  const tight = (m: Model): ScenarioDoc => scenarioWith(m, { 'cn-mofcom-18': always('2027-01-01', { approval: 30, 'initial-approval': 30 }) })

  it('recycled magnets add to ex-China supply over time, and grow as plants ramp', () => {
    const m = shippedModel()
    const r = evaluate(m, defaultScenario(m))
    const bare = evaluate(withoutRecycling(), defaultScenario(m))
    const at = (res: typeof r, q: string) => res.diagnostics.alliedCapacityShare.ndfeb[r.quarters.indexOf(q)] as number
    const added = (q: string) => at(r, q) - at(bare, q)
    expect(added('2025-Q2')).toBeGreaterThan(0)
    expect(added('2028-Q4')).toBeGreaterThan(added('2025-Q2'))
    // ≈3 kt/yr of recycled magnets against ≈40 kt of allied need: a few per cent, not a substitute for plants.
    expect(added('2028-Q4')).toBeGreaterThan(0.02)
    expect(added('2028-Q4')).toBeLessThan(0.1)
    expect(r.diagnostics.alliedCapacityShare.light_ree[r.quarters.indexOf('2028-Q4')]).toBeGreaterThan(bare.diagnostics.alliedCapacityShare.light_ree[r.quarters.indexOf('2028-Q4')] as number)
  })

  it('lowers magnet exposure when China tightens licences', () => {
    const m = shippedModel()
    const from = evaluate(m, tight(m)).quarters.indexOf('2027-Q1')
    const autos = (mm: Model) => sum(evaluate(mm, tight(mm)).economies.us.autos.exposure.slice(from))
    expect(autos(m)).toBeLessThan(autos(withoutRecycling()) - 0.1)
  })

  it('needs no bought metal: under a light-REE licence with scarce metal it beats the same tonnage of metal-buying plants', () => {
    const scaled = (stage: string): Model => {
      const raw = rawAssumptions() as { projects: { stage: string; channel: string; capacity: number }[] }
      for (const p of raw.projects) if (p.stage === 'recycling' && p.channel === 'ndfeb') Object.assign(p, { capacity: p.capacity * 3, stage })
      return loadModel(lightReeMeasures(), raw)
    }
    const doc = (mm: Model) => withMetal(scenarioWith(mm, { 'test-light-ree-licence': always('2028-01-01', { approval: 20, 'initial-approval': 20 }) }), 0.05)
    const recycled = scaled('recycling')
    const from = evaluate(recycled, doc(recycled)).quarters.indexOf('2028-Q2')
    const autos = (mm: Model) => sum(evaluate(mm, doc(mm)).economies.us.autos.exposure.slice(from))
    expect(autos(recycled)).toBeLessThan(autos(scaled('magnets')) - 0.1)
  })
})
