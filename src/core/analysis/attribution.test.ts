import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { evaluate } from '../engine/evaluate'
import { allOff, always, scenarioWith, shippedModel } from '../testing/fixtures'
import { attribute } from './attribution'
import { expectExactSplit as expectSplit } from '../testing/expect-exact-split'
import type { ScenarioDoc } from '../scenario/schema'

const model = shippedModel()

const expectExactSplit = (doc: ScenarioDoc, opts?: Parameters<typeof attribute>[2]) => expectSplit(model, doc, opts)

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
