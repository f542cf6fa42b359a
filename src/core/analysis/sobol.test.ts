import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { shippedModel } from '../testing/fixtures'
import uncertaintyJson from '../../../resources/data/uncertainty.json'
import { sobolIndices, varianceBreakdown, varianceBreakdowns } from './sobol'
import { normalCdf } from './copula'
import { loadUncertainty } from './uncertainty-spec'

const model = shippedModel()
const uncertainty = loadUncertainty(structuredClone(uncertaintyJson), model)

describe('sobolIndices', () => {
  it('recovers the known indices of Y = X1 + 2·X2 + 0·X3 (S = 0.2, 0.8, 0)', () => {
    const blocks = [{ id: 'x1', label: 'x1', indices: [0] }, { id: 'x2', label: 'x2', indices: [1, 2] }, { id: 'x3', label: 'x3', indices: [3] }]
    const r = sobolIndices((n) => (n[0] as number) + 2 * (n[1] as number), blocks, 4, 4000, 3)
    const [x1, x2, x3] = r.factors
    expect(x1!.firstOrder).toBeCloseTo(0.2, 1)
    expect(x2!.firstOrder).toBeCloseTo(0.8, 1)
    expect(x1!.total).toBeCloseTo(0.2, 1)
    expect(x3!.firstOrder).toBe(0)
    expect(x3!.total).toBe(0)
    expect(x1!.firstOrderLow).toBeLessThanOrEqual(x1!.firstOrder)
    expect(x1!.firstOrderHigh).toBeGreaterThanOrEqual(x1!.firstOrder)
    expect(r.variance).toBeCloseTo(5, 0)
  })

  it('sees an interaction: Y = X1·X2 has first-order 0 and total 1 for each', () => {
    const blocks = [{ id: 'a', label: 'a', indices: [0] }, { id: 'b', label: 'b', indices: [1] }]
    const r = sobolIndices((n) => (n[0] as number) * (n[1] as number), blocks, 2, 4000, 5)
    for (const f of r.factors) {
      expect(Math.abs(f.firstOrder)).toBeLessThan(0.1)
      expect(f.total).toBeGreaterThan(0.85)
    }
  })
})

describe('sobolIndices on the Ishigami function (known indices)', () => {
  // f = sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1, x ~ U(−π, π)³ (here Φ of standard normals):
  // S = 0.3139, 0.4424, 0; S_T = 0.5576, 0.4424, 0.2437 (Saltelli et al., Global Sensitivity Analysis, 2008).
  const u = (z: number): number => Math.PI * (2 * normalCdf(z) - 1)
  const ishigami = (n: Float64Array): number => {
    const x1 = u(n[0] as number)
    const x2 = u(n[1] as number)
    const x3 = u(n[2] as number)
    return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1)
  }
  const blocks = ['x1', 'x2', 'x3'].map((id, i) => ({ id, label: id, indices: [i] }))
  const S1 = [0.3139, 0.4424, 0]
  const ST = [0.5576, 0.4424, 0.2437]

  it('estimates every index within ±0.06 at N = 4,000 (worst of 30 seeds: 0.038 first-order, 0.045 total)', () => {
    const r = sobolIndices(ishigami, blocks, 3, 4000, 11)
    r.factors.forEach((f, i) => {
      expect(Math.abs(f.firstOrder - S1[i]!)).toBeLessThan(0.06)
      expect(Math.abs(f.total - ST[i]!)).toBeLessThan(0.06)
    })
    expect(r.variance).toBeCloseTo(13.84, 0)
  })

  it('90 % intervals cover the true indices in 80–98 % of 30 seeds at N = 1,000, and total ≥ first-order within noise', () => {
    let covered = 0
    let count = 0
    for (let seed = 1; seed <= 30; seed++) {
      const r = sobolIndices(ishigami, blocks, 3, 1000, seed)
      r.factors.forEach((f, i) => {
        if (f.firstOrderLow <= S1[i]! && S1[i]! <= f.firstOrderHigh) covered++
        if (f.totalLow <= ST[i]! && ST[i]! <= f.totalHigh) covered++
        count += 2
        expect(f.firstOrderLow).toBeLessThanOrEqual(f.firstOrder)
        expect(f.firstOrderHigh).toBeGreaterThanOrEqual(f.firstOrder)
        expect(f.totalLow).toBeLessThanOrEqual(f.total)
        expect(f.totalHigh).toBeGreaterThanOrEqual(f.total)
        // A total below its first-order share is only ever sampling noise: the intervals overlap.
        expect(f.totalHigh).toBeGreaterThanOrEqual(f.firstOrderLow)
      })
    }
    expect(covered / count).toBeGreaterThan(0.8)
    expect(covered / count).toBeLessThan(0.98)
  })
})

describe('varianceBreakdown', () => {
  it('on the default: posture and policy explain a real share of US electronics’ mean exposure; idle blocks exactly 0', () => {
    const doc = defaultScenario(model)
    const r = varianceBreakdown(model, doc, { economy: 'us', sector: 'electronics', kpi: 'mean', samples: 64, uncertainty })
    expect(r.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['beijing', 'washington', 'group:criticality', 'other']))
    expect(r.evaluations).toBe(64 * (r.factors.length + 2))
    expect(r.variance).toBeGreaterThan(1)
    expect(r.factors.find((f) => f.id === 'group:price-multiples')?.total).toBe(0)
    for (const f of r.factors) {
      expect(f.firstOrder).toBeGreaterThan(-0.25)
      expect(f.firstOrder).toBeLessThan(1.25)
      expect(f.total).toBeGreaterThanOrEqual(0)
      expect(f.totalHigh).toBeGreaterThanOrEqual(f.firstOrderLow)
    }
    const beijing = r.factors.find((f) => f.id === 'beijing')!
    expect(beijing.total).toBeGreaterThan(0.05)
    // With policy off, the posture block holds only an unused factor: its indices are exactly zero.
    const off = varianceBreakdown(model, doc, { economy: 'us', sector: 'defense', kpi: 'peak', samples: 16, uncertainty, layers: { policy: false } })
    const idle = off.factors.find((f) => f.id === 'beijing')!
    expect(idle.firstOrder).toBe(0)
    expect(idle.total).toBe(0)
    expect([idle.firstOrderLow, idle.firstOrderHigh, idle.totalLow, idle.totalHigh]).toEqual([0, 0, 0, 0])
  })

  it('refuses a quarter outside the horizon and an unknown branch', () => {
    const doc = defaultScenario(model)
    expect(() => varianceBreakdown(model, doc, { economy: 'us', sector: 'autos', kpi: 'quarter', quarter: '2040-Q1', samples: 8, uncertainty })).toThrow(/outside the scenario's horizon/)
    expect(() => varianceBreakdown(model, doc, { economy: 'us', sector: 'autos', kpi: 'peak', samples: 8, uncertainty, branch: 'x' })).toThrow(/unknown branch "x"/)
  })

  it('several sectors from one set of runs equal one breakdown per sector, for each KPI kind', () => {
    const doc = defaultScenario(model)
    for (const kpi of ['quarter', 'cost-peak', 'mean'] as const) {
      const opts = { economy: 'cn' as const, kpi, quarter: '2027-Q1', samples: 12, uncertainty }
      const together = varianceBreakdowns(model, doc, { ...opts, sectors: ['electronics', 'defense', 'autos'] })
      expect(together.map((b) => b.sector)).toEqual(['electronics', 'defense', 'autos'])
      together.forEach((b) => expect(b).toEqual(varianceBreakdown(model, doc, { ...opts, sector: b.sector })))
    }
  })
})
