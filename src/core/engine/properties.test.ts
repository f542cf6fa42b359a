import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kpis } from '../analysis/kpis'
import { simulate } from '../analysis/uncertainty'
import { defaultScenario } from '../model/default-scenario'
import type { ScenarioDoc } from '../scenario/schema'
import { shippedModel } from '../testing/fixtures'
import { expectExactSplit } from '../testing/expect-exact-split'
import { evaluate } from './evaluate'
import { CHANNELS, ECONOMIES, SECTORS } from './types'

const model = shippedModel()
const RUNS = { numRuns: 25, seed: 20261128 }

const isoDay = fc.integer({ min: 0, max: 5 * 365 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))

/** A random scenario: each measure randomly on/off, random start date and primary intensity. */
const scenarioArb: fc.Arbitrary<ScenarioDoc> = fc
  .tuple(...model.measures.map((m) => {
    const p = m.params.find((x) => x.primary === true)
    return fc.record({ on: fc.boolean(), start: isoDay, level: fc.double({ min: p?.min ?? 0, max: p?.max ?? 0, noNaN: true }) })
  }))
  .map((settings) => {
    const doc = defaultScenario(model, 'random')
    doc.measures = doc.measures.map((s, i) => {
      const r = settings[i] as { on: boolean; start: string; level: number }
      const p = model.measures[i]?.params.find((x) => x.primary === true)
      return { ...s, enabled: r.on, start: r.start, end: null, suspensions: [], params: p ? { ...s.params, [p.id]: r.level } : s.params }
    })
    return doc
  })

const withParam = (doc: ScenarioDoc, id: string, param: string, value: number): ScenarioDoc => ({
  ...doc,
  measures: doc.measures.map((m) => (m.id === id ? { ...m, params: { ...m.params, [param]: value } } : m))
})

const expectNoLower = (hi: ScenarioDoc, lo: ScenarioDoc): void => {
  const a = evaluate(model, hi)
  const b = evaluate(model, lo)
  for (const e of ECONOMIES) for (const s of SECTORS) {
    a.economies[e][s].exposure.forEach((x, h) => expect(x).toBeGreaterThanOrEqual((b.economies[e][s].exposure[h] as number) - 1e-9))
  }
}

describe('engine properties', () => {
  it('outputs stay in [0, 100] and channels sum to exposure', () => {
    fc.assert(fc.property(scenarioArb, (doc) => {
      const r = evaluate(model, doc)
      for (const e of ECONOMIES) for (const s of SECTORS) {
        const ser = r.economies[e][s]
        ser.exposure.forEach((x, h) => {
          expect(x >= 0 && x <= 100).toBe(true)
          expect(ser.cost[h] as number).toBeGreaterThanOrEqual(0)
          expect(ser.cost[h] as number).toBeLessThanOrEqual(100)
          let acc = 0
          for (const k of CHANNELS) acc += ser.byChannel[k][h] as number
          expect(Math.abs(acc - x)).toBeLessThan(1e-9)
        })
      }
    }), RUNS)
  })

  it('more restriction (a lower approval rate on any licence) never lowers exposure', () => {
    const licensing = model.measures.filter((m) => m.mechanism === 'licensing').map((m) => m.id)
    fc.assert(fc.property(scenarioArb, fc.constantFrom(...licensing), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (doc, id, x, y) => {
      const on = { ...doc, measures: doc.measures.map((m) => (m.id === id ? { ...m, enabled: true } : m)) }
      expectNoLower(withParam(on, id, 'approval', Math.min(x, y)), withParam(on, id, 'approval', Math.max(x, y)))
    }), RUNS)
  })

  it('more allied capacity (funding) never raises exposure', () => {
    fc.assert(fc.property(scenarioArb, fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (doc, x, y) => {
      const on = { ...doc, measures: doc.measures.map((m) => (m.id === 'us-allied-capacity' ? { ...m, enabled: true, start: '2025-01-01' } : m)) }
      expectNoLower(withParam(on, 'us-allied-capacity', 'funding', Math.min(x, y)), withParam(on, 'us-allied-capacity', 'funding', Math.max(x, y)))
    }), RUNS)
  })

  it('longer firm buffers delay the onset of exposure and never raise it', () => {
    const sectors = fc.constantFrom(...SECTORS)
    fc.assert(fc.property(scenarioArb, sectors, fc.double({ min: 0.5, max: 9, noNaN: true }), fc.double({ min: 0.5, max: 9, noNaN: true }), (doc, s, x, y) => {
      const short = { ...doc, overrides: { [`buffer-months-${s}`]: Math.min(x, y) } }
      const long = { ...doc, overrides: { [`buffer-months-${s}`]: Math.max(x, y) } }
      const a = evaluate(model, short).economies.us[s]
      const b = evaluate(model, long).economies.us[s]
      const onset = (k: ReturnType<typeof kpis>) => (k.firstAboveIndex < 0 ? Infinity : k.firstAboveIndex)
      expect(onset(kpis(b, 0.01))).toBeGreaterThanOrEqual(onset(kpis(a, 0.01)))
      b.exposure.forEach((v, h) => expect(v).toBeLessThanOrEqual((a.exposure[h] as number) + 1e-9))
    }), RUNS)
  })

  it('attribution sums to the total exposure', () => {
    fc.assert(fc.property(scenarioArb, (doc) => {
      expectExactSplit(model, doc)
    }), { ...RUNS, numRuns: 8 })
  })

  it('same seed → same Monte Carlo output', () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (doc, seed) => {
      expect(simulate(model, doc, { samples: 12, seed })).toEqual(simulate(model, doc, { samples: 12, seed }))
    }), { ...RUNS, numRuns: 8 })
  })
})
