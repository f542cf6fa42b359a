import { describe, expect, it } from 'vitest'
import type { ScenarioDoc } from '../scenario/schema'
import { allOff, always, scenarioWith, shippedModel } from '../testing/fixtures'
import { evaluate } from './evaluate'

/**
 * Legacy chips run on per-part cover (docs/MODEL.md §3.4): a stop of a few parts meets the weeks of cover
 * held of *those* parts, not the channel's pooled stock, and idles output beyond their value share.
 */
const model = shippedModel()
const nexperiaOnly = (overrides: Record<string, number> = {}): ScenarioDoc => {
  const doc = scenarioWith(model, { 'cn-nexperia-stop': { ...always('2025-10-04'), end: '2025-11-09' } }, allOff(model))
  doc.overrides = { ...doc.overrides, ...overrides }
  return doc
}
const legacy = (doc: ScenarioDoc, q: string): number => {
  const r = evaluate(model, doc)
  return r.economies.us.autos.byChannel.legacy_chips[r.quarters.indexOf(q)] as number
}

describe('legacy chips: per-part cover', () => {
  it('a five-week stop of ≈4.5 % of parts outruns the ≈3.5 weeks held of them: lines stop in Q4, not before or after', () => {
    expect(legacy(nexperiaOnly(), '2025-Q3')).toBe(0)
    expect(legacy(nexperiaOnly(), '2025-Q4')).toBeGreaterThan(1)
    expect(legacy(nexperiaOnly(), '2026-Q1')).toBe(0)
  })

  it('more weeks of cover per part lower it; a wider stop (more parts) raises it', () => {
    const base = legacy(nexperiaOnly(), '2025-Q4')
    expect(legacy(nexperiaOnly({ 'buffer-months-legacy-chips': 1.5 }), '2025-Q4')).toBeLessThan(base)
    expect(legacy(nexperiaOnly({ 'cov-nexperia-legacy-chips': 0.3 }), '2025-Q4')).toBeGreaterThan(base)
  })

  it('a missing part idles more than its value share: the line multiplier scales the unmet share', () => {
    const lo = legacy(nexperiaOnly({ 'legacy-chips-line-multiplier': 2 }), '2025-Q4')
    const hi = legacy(nexperiaOnly({ 'legacy-chips-line-multiplier': 10 }), '2025-Q4')
    expect(hi).toBeGreaterThan(4 * lo)
  })

  it('per-part cover does not apply to pooled channels: magnets keep the sector\'s pooled months', () => {
    const doc = scenarioWith(model, { 'cn-mofcom-18': always('2025-04-04') }, allOff(model))
    const r = evaluate(model, doc)
    // The first stoppages came ≈8 weeks after 4 April: nothing unmet in Q1, magnets short in Q2.
    expect(r.economies.us.autos.exposure[r.quarters.indexOf('2025-Q1')]).toBe(0)
    expect(r.economies.us.autos.byChannel.ndfeb[r.quarters.indexOf('2025-Q2')]).toBeGreaterThan(1)
  })
})
