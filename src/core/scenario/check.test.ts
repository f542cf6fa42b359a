import { describe, expect, it } from 'vitest'
import { simulate } from '../analysis/uncertainty'
import { evaluate } from '../engine/evaluate'
import { defaultScenario } from '../model/default-scenario'
import { shippedModel } from '../testing/fixtures'
import { checkOverrideRanges, checkScenario, clampOverride } from './check'

const model = shippedModel()
const withOverrides = (overrides: Record<string, number>) => ({ ...defaultScenario(model), overrides })

/** A ranged assumption that moves the result when set to its low vs its high end (so the test can fail). */
const influential = model.assumptions.find((a) => {
  if (a.low === undefined || a.high === undefined || a.low === a.high) return false
  const lo = evaluate(model, withOverrides({ [a.id]: a.low })).economies.us.autos.exposure
  const hi = evaluate(model, withOverrides({ [a.id]: a.high })).economies.us.autos.exposure
  return lo.some((x, i) => Math.abs(x - (hi[i] as number)) > 1e-6)
})
if (!influential || influential.low === undefined || influential.high === undefined) throw new Error('no influential ranged assumption in the dataset')
const { id, low, high } = influential
const span = high - low

describe('assumption overrides outside their range', () => {
  it('clampOverride keeps values inside, clamps values outside, and leaves unranged assumptions alone', () => {
    expect(clampOverride({ low: 0.2, high: 0.8 }, 0.5)).toBe(0.5)
    expect(clampOverride({ low: 0.2, high: 0.8 }, 3)).toBe(0.8)
    expect(clampOverride({ low: 0.2, high: 0.8 }, -1)).toBe(0.2)
    expect(clampOverride({}, 42)).toBe(42)
  })

  it('are reported with the range and the value the model uses; in-range overrides are not', () => {
    const issues = checkOverrideRanges(model, withOverrides({ [id]: high + span }))
    expect(issues).toEqual([{ path: `overrides.${id}`, message: expect.stringContaining(`the model uses ${high}`) }])
    expect(issues[0]?.message).toContain(`${low}–${high}`)
    expect(checkOverrideRanges(model, withOverrides({ [id]: (low + high) / 2 }))).toEqual([])
    // Not an import error: the document stays importable.
    expect(checkScenario(model, withOverrides({ [id]: high + span }))).toEqual([])
  })

  it('the point estimate uses the clamped value (same result as the range end)', () => {
    const above = evaluate(model, withOverrides({ [id]: high + span }))
    expect(above).toEqual(evaluate(model, withOverrides({ [id]: high })))
    expect(evaluate(model, withOverrides({ [id]: low - span }))).toEqual(evaluate(model, withOverrides({ [id]: low })))
    expect(above).not.toEqual(evaluate(model, withOverrides({ [id]: low })))
  })

  it('the Monte Carlo treats it the same (bands identical to the range end)', () => {
    const a = simulate(model, withOverrides({ [id]: high + span }), { samples: 40, seed: 7 })
    const b = simulate(model, withOverrides({ [id]: high }), { samples: 40, seed: 7 })
    expect(a).toEqual(b)
  })
})
