import { describe, expect, it } from 'vitest'
import { allOff, always, scenarioWith, shippedModel } from '../testing/fixtures'
import { evaluate } from './evaluate'
import { ECONOMIES, SECTORS } from './types'

/**
 * Golden cases: a few exact numbers derived by hand from the equations in docs/MODEL.md and the
 * shipped dataset (2026.11.1). If one of these moves, either the dataset or an equation changed —
 * update the derivation in the comment together with the number.
 */
const model = shippedModel()

describe('golden cases', () => {
  it('every measure off ⇒ zero exposure and zero cost (no structural exposure in this dataset)', () => {
    const r = evaluate(model, allOff(model))
    for (const e of ECONOMIES) for (const s of SECTORS) {
      expect(Math.max(...r.economies[e][s].exposure)).toBe(0)
      expect(Math.max(...r.economies[e][s].cost)).toBe(0)
    }
  })

  it('a 100-point add-on tariff alone: no exposure (tariffs are cost, not availability); China electronics cost = 100·X/(1+X)', () => {
    // X = σ · Δτ · scope · active · (1 − pass-through) / operating margin, for the exporter's side (cost.ts;
    // σ = cn-us-export-share-electronics is already the share of its output the tariff reaches, so its cost
    // weight is 1), Δτ = 1.00, scope = 1, active all of 2025-Q1.
    const doc = scenarioWith(model, { 'us-tariff-additional': always('2025-01-01', { rate: 100, scope: 100 }) }, allOff(model))
    const r = evaluate(model, doc)
    const v = (id: string): number => model.baseValues[model.assumptionIndex.get(id) ?? -1] as number
    const x = (v('cn-us-export-share-electronics') * 1 * (1 - v('tariff-pass-through'))) / v('operating-margin-cn-electronics')
    expect(x).toBeGreaterThan(0)
    expect(r.economies.cn.electronics.cost[0]).toBeCloseTo((100 * x) / (1 + x), 12)
    for (const e of ECONOMIES) for (const s of SECTORS) expect(Math.max(...r.economies[e][s].exposure)).toBe(0)
  })

  it('No. 18 alone: 2025-Q2 China magnet exports index = 1.08·36.25/91 = 0.43021978…', () => {
    // Effective 4 Apr: 3/91 of Q2 is uncontrolled. Applications from 4 Apr run at the initial 25%
    // for 9 weeks and arrive 4 weeks later, i.e. over the last 60/91 of Q2; steady-rate arrivals
    // start only in Q3. cleared = 3/91 + 0.25·60/91 = 18/91; κ = 0.75; trend 1.08 for 2025:
    //   index = 1.08·(1 − 0.75·(1 − 18/91)) = 1.08·36.25/91.
    const doc = scenarioWith(model, { 'cn-mofcom-18': always('2025-04-04') }, allOff(model))
    const r = evaluate(model, doc)
    expect(r.diagnostics.magnetExportsIndex.global[1]).toBeCloseTo((1.08 * 36.25) / 91, 12)
  })
})
