import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { evaluate } from '../engine/evaluate'
import { shippedModel } from '../testing/fixtures'
import { kpis } from './kpis'
import { tornado } from './tornado'

const model = shippedModel()

describe('tornado', () => {
  it('ranks inputs by swing and reproduces the base KPI', () => {
    const doc = defaultScenario(model)
    const t = tornado(model, doc, { economy: 'us', sector: 'autos', kpi: 'peak' })
    const r = evaluate(model, doc)
    expect(t.baseKpi).toBeCloseTo(Math.max(...r.economies.us.autos.exposure), 9)
    for (let i = 1; i < t.rows.length; i++) expect((t.rows[i - 1] as { swing: number }).swing).toBeGreaterThanOrEqual((t.rows[i] as { swing: number }).swing)
    expect(t.rows[0]?.swing).toBeGreaterThan(0)
    // Active measures appear with their primary parameter; inactive ones (the 100% tariff) do not.
    expect(t.rows.some((x) => x.kind === 'measure' && x.id === 'cn-mofcom-18' && x.param === 'approval')).toBe(true)
    expect(t.rows.some((x) => x.id === 'us-tariff-additional')).toBe(false)
  })

  it('a measure row’s KPI at its low setting matches a direct evaluation', () => {
    const doc = defaultScenario(model)
    const t = tornado(model, doc, { economy: 'us', sector: 'defense', kpi: 'mean' })
    const row = t.rows.find((x) => x.id === 'cn-mofcom-18')
    if (!row) throw new Error('missing row')
    const low = structuredClone(doc)
    const s = low.measures.find((m) => m.id === 'cn-mofcom-18')
    if (s) s.params = { ...s.params, approval: row.lowValue }
    expect(row.kpiLow).toBeCloseTo(kpis(evaluate(model, low).economies.us.defense, 0).meanExposure, 9)
  })

  it('supports the cost-peak KPI', () => {
    const t = tornado(model, defaultScenario(model), { economy: 'cn', sector: 'electronics', kpi: 'cost-peak' })
    expect(t.baseKpi).toBeGreaterThan(0)
    expect(t.rows.length).toBeGreaterThan(50)
  })
})

describe('kpis', () => {
  it('finds the peak, its quarter, quarters above a threshold and peak cost', () => {
    const k = kpis({ exposure: [0, 12, 40, 40, 5], cost: [1, 9, 3, 2, 0] }, 10, ['a', 'b', 'c', 'd', 'e'])
    expect(k).toEqual({ peakExposure: 40, peakIndex: 2, peakQuarter: 'c', meanExposure: 19.4, quartersAbove: 3, firstAboveIndex: 1, peakCost: 9 })
  })

  it('handles an empty series', () => {
    expect(kpis({ exposure: [], cost: [] }, 10)).toMatchObject({ peakIndex: -1, peakQuarter: null, quartersAbove: 0 })
  })
})
