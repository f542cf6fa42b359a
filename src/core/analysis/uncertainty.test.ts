import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { ECONOMIES, SECTORS } from '../engine/types'
import { shippedModel } from '../testing/fixtures'
import { mulberry32, pert, triangular } from './rng'
import { quantile, simulate } from './uncertainty'

const model = shippedModel()

describe('simulate', () => {
  it('same seed → identical output; different seed → different bands', () => {
    const doc = defaultScenario(model)
    const a = simulate(model, doc, { samples: 60, seed: 7 })
    expect(simulate(model, doc, { samples: 60, seed: 7 })).toEqual(a)
    expect(simulate(model, doc, { samples: 60, seed: 8 }).economies.us.defense.exposure.p90).not.toEqual(a.economies.us.defense.exposure.p90)
  })

  it('bands are ordered and within [0, 100]', () => {
    const r = simulate(model, defaultScenario(model), { samples: 80, seed: 3, distribution: 'triangular' })
    for (const e of ECONOMIES) for (const s of SECTORS) for (const b of [r.economies[e][s].exposure, r.economies[e][s].cost]) {
      b.p10.forEach((lo, h) => {
        expect(lo).toBeGreaterThanOrEqual(0)
        expect(b.p50[h]).toBeGreaterThanOrEqual(lo)
        expect(b.p90[h]).toBeGreaterThanOrEqual(b.p50[h] as number)
        expect(b.p90[h]).toBeLessThanOrEqual(100)
      })
    }
    expect(Math.max(...r.economies.us.defense.exposure.p90)).toBeGreaterThan(Math.max(...r.economies.us.defense.exposure.p10))
  })

  it('uses the scenario seed by default', () => {
    const doc = defaultScenario(model)
    doc.seed = 11
    expect(simulate(model, doc, { samples: 20 }).seed).toBe(11)
  })
})

describe('sampling helpers', () => {
  it('draws stay in range and centre on the mode', () => {
    const rng = mulberry32(42)
    let sumP = 0
    let sumT = 0
    const n = 4000
    for (let i = 0; i < n; i++) {
      const p = pert(0, 0.2, 1, rng)
      const t = triangular(0, 0.2, 1, rng)
      expect(p).toBeGreaterThanOrEqual(0)
      expect(p).toBeLessThanOrEqual(1)
      expect(t).toBeGreaterThanOrEqual(0)
      expect(t).toBeLessThanOrEqual(1)
      sumP += p
      sumT += t
    }
    // PERT mean (a + 4m + b)/6 = 0.3; triangular mean (a + m + b)/3 = 0.4.
    expect(sumP / n).toBeCloseTo(0.3, 1)
    expect(sumT / n).toBeCloseTo(0.4, 1)
  })

  it('quantile interpolates between order statistics', () => {
    expect(quantile(Float64Array.of(0, 10, 20, 30, 40), 0.5)).toBe(20)
    expect(quantile(Float64Array.of(0, 10), 0.1)).toBeCloseTo(1, 12)
  })
})
