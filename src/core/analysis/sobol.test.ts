import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { shippedModel } from '../testing/fixtures'
import uncertaintyJson from '../../../resources/data/uncertainty.json'
import { sobolIndices, varianceBreakdown } from './sobol'
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
    }
    const beijing = r.factors.find((f) => f.id === 'beijing')!
    expect(beijing.total).toBeGreaterThan(0.05)
    // With policy off, the posture block holds only an unused factor: its indices are exactly zero.
    const off = varianceBreakdown(model, doc, { economy: 'us', sector: 'defense', kpi: 'peak', samples: 16, uncertainty, layers: { policy: false } })
    const idle = off.factors.find((f) => f.id === 'beijing')!
    expect(idle.firstOrder).toBe(0)
    expect(idle.total).toBe(0)
  })

  it('refuses a quarter outside the horizon and an unknown branch', () => {
    const doc = defaultScenario(model)
    expect(() => varianceBreakdown(model, doc, { economy: 'us', sector: 'autos', kpi: 'quarter', quarter: '2040-Q1', samples: 8, uncertainty })).toThrow(/outside the scenario's horizon/)
    expect(() => varianceBreakdown(model, doc, { economy: 'us', sector: 'autos', kpi: 'peak', samples: 8, uncertainty, branch: 'x' })).toThrow(/unknown branch "x"/)
  })
})
