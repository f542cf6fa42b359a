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

  it('a cyclic design with its reverses covers every ordering of 3 players, so sampling gives exact Shapley there', () => {
    const doc = scenarioWith(model, { 'cn-mofcom-18': always('2025-01-01', { approval: 30 }), 'cn-mofcom-57': always('2025-04-01'), 'us-stockpiles': always('2025-01-01') }, allOff(model))
    const exact = attribute(model, doc)
    const sampled = attribute(model, doc, { exactMax: 0, cycles: 1 })
    const ids = Object.keys(exact.us.autos.byMeasure)
    expect(ids).toHaveLength(3)
    for (const s of ['defense', 'autos', 'electronics'] as const) {
      for (const id of ids) exact.us[s].byMeasure[id]!.forEach((x, h) => expect(sampled.us[s].byMeasure[id]![h]).toBeCloseTo(x, 9))
    }
    expect(Math.max(...exact.us.autos.byMeasure['cn-mofcom-18']!)).toBeGreaterThan(1)
  })

  it('sampled Shapley (cyclic designs) stays within 1 index point of exact Shapley, RMS ≤ 0.1, on the as-known game', () => {
    // As known: 12 US-side players (sampled by default), 7 China-side; exact needs 4,096 + 128 evaluations.
    const doc = defaultScenario(model)
    const exact = attribute(model, doc, { exactMax: 20 })
    for (const seed of [undefined, 2, 3]) {
      const sampled = attribute(model, doc, { exactMax: 0, seed })
      let max = 0
      let sq = 0
      let count = 0
      for (const e of ['us', 'cn'] as const) {
        for (const s of ['defense', 'autos', 'electronics'] as const) {
          for (const [id, xs] of Object.entries(exact[e][s].byMeasure)) {
            xs.forEach((x, h) => {
              const d = Math.abs(x - (sampled[e][s].byMeasure[id]?.[h] as number))
              max = Math.max(max, d)
              sq += d * d
              count++
            })
          }
        }
      }
      expect(max).toBeLessThan(1)
      expect(Math.sqrt(sq / count)).toBeLessThan(0.1)
    }
    // The test has teeth: the game is not trivial (No. 18 carries several points in some quarter).
    expect(Math.max(...(exact.us.autos.byMeasure['cn-mofcom-18'] ?? [0]))).toBeGreaterThan(2)
  })

  it('is deterministic', () => {
    const doc = scenarioWith(model, Object.fromEntries(model.measures.map((m) => [m.id, always('2025-01-01')])))
    expect(attribute(model, doc)).toEqual(attribute(model, doc))
  })
})
