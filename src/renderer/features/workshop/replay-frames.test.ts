import { describe, expect, it } from 'vitest'
import { defaultScenario, evaluate } from '../../../core'
import { model } from '../../../shared/dataset'
import { blend, blendable, ease, progressAt, REPLAY_HOLD_MS, REPLAY_MS } from './replay-frames'

const before = evaluate(model, defaultScenario(model))
const off = defaultScenario(model)
// Every measure off: a change large enough to see in every sector.
const after = evaluate(model, { ...off, measures: off.measures.map((m) => ({ ...m, enabled: false })), branches: [] })

describe('replay frames', () => {
  it('holds the old picture, then eases to the new one and lands exactly on it', () => {
    expect(progressAt(0)).toBe(0)
    expect(progressAt(REPLAY_HOLD_MS)).toBe(0)
    expect(progressAt(REPLAY_MS)).toBe(1)
    expect(progressAt((REPLAY_HOLD_MS + REPLAY_MS) / 2)).toBeCloseTo(0.5, 10)
    for (let t = 0; t < 1; t += 0.1) expect(ease(t + 0.1)).toBeGreaterThanOrEqual(ease(t))
  })

  it('blends every series point by point; the ends are the two results and channels still add up', () => {
    expect(blendable(before, after)).toBe(true)
    expect(blend(before, after, 0).economies.us.defense.exposure).toEqual(before.economies.us.defense.exposure)
    expect(blend(before, after, 1).economies.cn.autos.cost).toEqual(after.economies.cn.autos.cost)
    const mid = blend(before, after, 0.5).economies.us.defense
    const i = before.economies.us.defense.exposure.findIndex((v, k) => Math.abs(v - after.economies.us.defense.exposure[k]) > 0.5)
    expect(i).toBeGreaterThanOrEqual(0)
    expect(mid.exposure[i]).toBeCloseTo((before.economies.us.defense.exposure[i] + after.economies.us.defense.exposure[i]) / 2, 10)
    const channels = Object.values(mid.byChannel).reduce((sum, xs) => sum + xs[i], 0)
    expect(channels).toBeCloseTo(mid.exposure[i], 9)
  })

  it('refuses to blend different horizons', () => {
    const longer = evaluate(model, { ...defaultScenario(model), horizon: { start: '2025-Q1', quarters: 28 } })
    expect(blendable(before, longer)).toBe(false)
  })
})
