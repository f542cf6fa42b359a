import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { evaluate } from '../engine/evaluate'
import { ECONOMIES, SECTORS } from '../engine/types'
import { allOff, always, scenarioWith, shippedModel } from '../testing/fixtures'
import { attribute } from './attribution'

const model = shippedModel()

const expectExactSplit = (doc: ReturnType<typeof defaultScenario>, opts?: Parameters<typeof attribute>[2]) => {
  const a = attribute(model, doc, opts)
  const r = evaluate(model, doc)
  for (const e of ECONOMIES) for (const s of SECTORS) {
    r.economies[e][s].exposure.forEach((x, h) => {
      let acc = a[e][s].baseline[h] as number
      for (const v of Object.values(a[e][s].byMeasure)) acc += v[h] as number
      expect(Math.abs(acc - x)).toBeLessThan(1e-9)
    })
  }
  return a
}

describe('attribute', () => {
  it('splits the as-known scenario exactly, with a zero structural baseline', () => {
    const a = expectExactSplit(defaultScenario(model))
    expect(Math.max(...a.us.autos.baseline)).toBe(0)
    expect(Object.keys(a.us.defense.byMeasure)).toContain('cn-mofcom-18')
    // Chinese measures act only on the US side; US chip controls only on the China side.
    expect(Object.keys(a.cn.electronics.byMeasure)).not.toContain('cn-mofcom-18')
    expect(Object.keys(a.cn.electronics.byMeasure)).toContain('us-bis-dec2024')
  })

  it('gives a lone measure the whole exposure', () => {
    const doc = scenarioWith(model, { 'cn-mofcom-18': always('2025-01-01', { approval: 20 }) }, allOff(model))
    const a = attribute(model, doc)
    const r = evaluate(model, doc)
    expect(a.us.autos.byMeasure['cn-mofcom-18']).toEqual(r.economies.us.autos.exposure)
  })

  it('splits exactly with sampled permutations when every measure is on', () => {
    const doc = scenarioWith(model, Object.fromEntries(model.measures.map((m) => [m.id, always('2025-01-01')])))
    const a = expectExactSplit(doc)
    // Relief measures get negative shares.
    expect(Math.min(...(a.us.defense.byMeasure['us-stockpiles'] ?? [0]))).toBeLessThan(0)
  })

  it('sampled and exact Shapley agree closely on a small game', () => {
    const doc = defaultScenario(model)
    const exact = attribute(model, doc)
    const sampled = attribute(model, doc, { exactMax: 0, permutations: 64 })
    const x = exact.us.defense.byMeasure['cn-mofcom-18'] ?? []
    const y = sampled.us.defense.byMeasure['cn-mofcom-18'] ?? []
    x.forEach((v, h) => expect(Math.abs(v - (y[h] as number))).toBeLessThan(5))
  })

  it('is deterministic', () => {
    const doc = scenarioWith(model, Object.fromEntries(model.measures.map((m) => [m.id, always('2025-01-01')])))
    expect(attribute(model, doc)).toEqual(attribute(model, doc))
  })
})
