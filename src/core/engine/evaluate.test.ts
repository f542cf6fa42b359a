import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { always, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { measureActivity } from './activity'
import { evaluate } from './evaluate'
import { CHANNELS, ECONOMIES, SECTORS } from './types'

const model = shippedModel()

describe('evaluate', () => {
  it('returns horizon-aligned series within [0, 100] whose channels sum to the exposure', () => {
    const r = evaluate(model, defaultScenario(model))
    expect(r.quarters[0]).toBe('2025-Q1')
    expect(r.quarters.length).toBe(24)
    for (const e of ECONOMIES) for (const s of SECTORS) {
      const ser = r.economies[e][s]
      expect(ser.exposure.length).toBe(24)
      ser.exposure.forEach((x, h) => {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(100)
        expect(ser.cost[h]).toBeGreaterThanOrEqual(0)
        expect(ser.cost[h]).toBeLessThanOrEqual(100)
        const split = sum(CHANNELS.map((k) => ser.byChannel[k][h] as number))
        expect(Math.abs(split - x)).toBeLessThan(1e-9)
      })
    }
  })

  it('is deterministic', () => {
    const doc = defaultScenario(model)
    expect(evaluate(model, doc)).toEqual(evaluate(model, doc))
  })

  // Civil sectors follow the steady approval rate; defence end-uses are capped by `defense-approval` (≈2 %).
  it('No. 18 at higher intensity (lower approval rate) raises US autos exposure', () => {
    const at = (approval: number) => sum(evaluate(model, scenarioWith(model, { 'cn-mofcom-18': { params: { approval } } })).economies.us.autos.exposure)
    expect(at(30)).toBeGreaterThan(at(60))
    expect(at(60)).toBeGreaterThan(at(90))
  })

  it('defence follows the military end-use approval for the purchases that declare one', () => {
    const at = (params: Record<string, number>, declared?: number) => {
      const doc = scenarioWith(model, { 'cn-mofcom-18': { params } })
      if (declared !== undefined) doc.overrides['defense-declared-military-share'] = declared
      return sum(evaluate(model, doc).economies.us.defense.exposure)
    }
    expect(at({ 'defense-approval': 0 })).toBeGreaterThan(at({ 'defense-approval': 10 }))
    // Purchases declaring a military end use get the military rate: more of them, more exposure.
    expect(at({}, 0.9)).toBeGreaterThan(at({}, 0.2))
  })

  it('applies overrides: longer auto inventories lower the 2025-Q2 auto exposure', () => {
    const base = evaluate(model, defaultScenario(model)).economies.us.autos.exposure[1] as number
    const doc = defaultScenario(model)
    doc.overrides = { 'buffer-months-autos': 3.5 }
    const longer = evaluate(model, doc).economies.us.autos.exposure[1] as number
    expect(base).toBeGreaterThan(0)
    expect(longer).toBeLessThan(base)
  })

  it('treats a No. 70-style suspension as a gap, not a deletion', () => {
    const act = measureActivity(model, defaultScenario(model))
    const no57 = act.measures.find((m) => m.id === 'cn-mofcom-57')
    const q = (id: string) => act.quarters.indexOf(id)
    expect(no57?.active[q('2026-Q2')]).toBe(0)
    // Snaps back on 10 Nov 2026 (suspension end is exclusive): 52 of 92 days of Q4.
    expect(no57?.active[q("2026-Q4")]).toBeCloseTo(52 / 92, 9)
    expect(no57?.active[q('2027-Q1')]).toBe(1)
  })

  it('applies triggers: China’s 14-nm approval triggers US 14-nm licences two quarters later at half intensity', () => {
    const doc = scenarioWith(model, { 'cn-14nm-approval': always('2026-01-01') })
    const without = evaluate(model, doc)
    doc.triggers = [{ id: 'symmetry', ifMeasure: 'cn-14nm-approval', thenMeasure: 'us-14nm-licences', lagQuarters: 2, intensity: 0.5 }]
    const act = measureActivity(model, doc).measures.find((m) => m.id === 'us-14nm-licences')
    const h = (id: string) => without.quarters.indexOf(id)
    expect(act?.strength[h('2026-Q2')]).toBe(0)
    expect(act?.strength[h('2026-Q3')]).toBeCloseTo(0.5, 12)
    expect(act?.triggered[h('2026-Q3')]).toBe(true)
    const withTrigger = evaluate(model, doc)
    expect(sum(withTrigger.economies.cn.electronics.byChannel.chips)).toBeGreaterThan(sum(without.economies.cn.electronics.byChannel.chips))
  })

  it('reports flow diagnostics aligned with the horizon', () => {
    const r = evaluate(model, defaultScenario(model))
    expect(r.diagnostics.magnetExportsIndex.global.length).toBe(24)
    expect(r.diagnostics.alliedCapacityShare.ndfeb.at(-1)).toBeGreaterThan(r.diagnostics.alliedCapacityShare.ndfeb[0] as number)
  })
})
