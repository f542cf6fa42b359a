import { describe, expect, it } from 'vitest'
import calibrationJson from '../../../resources/scenarios/2025-as-it-happened.chokepoint.json'
import { parseScenarioDoc } from '../scenario/upgrade'
import { shippedModel } from '../testing/fixtures'
import { evaluate } from './evaluate'

/**
 * The 2025 episode (domain.md §C2 and §J.5). Tolerances are the ones stated in docs/MODEL.md §8:
 * the targets are GUESS-grade reconstructions from monthly customs data, so ±10 points.
 */
const model = shippedModel()
const parsed = parseScenarioDoc(calibrationJson)
if (!parsed.ok) throw new Error(`calibration scenario invalid: ${JSON.stringify(parsed.errors)}`)
const result = evaluate(model, parsed.doc)
const q = (id: string): number => {
  const i = result.quarters.indexOf(id)
  if (i < 0) throw new Error(`quarter ${id} not in horizon`)
  return i
}
const exportsIndex = result.diagnostics.magnetExportsIndex

describe('calibration: 2025 as it happened', () => {
  it('Q2-2025 China magnet exports ≈ −50% y/y (±10 points)', () => {
    expect(exportsIndex.global[q('2025-Q2')]).toBeGreaterThanOrEqual(0.4)
    expect(exportsIndex.global[q('2025-Q2')]).toBeLessThanOrEqual(0.6)
  })

  it('Q2-2025 US-bound magnets ≈ −80% y/y (±10 points; May alone was −93%)', () => {
    expect(exportsIndex.usBound[q('2025-Q2')]).toBeGreaterThanOrEqual(0.1)
    expect(exportsIndex.usBound[q('2025-Q2')]).toBeLessThanOrEqual(0.3)
  })

  it('Q3-2025 flows back near 2024 levels (±15%)', () => {
    expect(exportsIndex.global[q('2025-Q3')]).toBeGreaterThanOrEqual(0.85)
    expect(exportsIndex.global[q('2025-Q3')]).toBeLessThanOrEqual(1.15)
  })

  it('auto lines feel it within Q2-2025 (first stoppages ≈ 8 weeks after 4 April) but not before', () => {
    expect(result.economies.us.autos.exposure[q('2025-Q1')]).toBeLessThan(1)
    expect(result.economies.us.autos.exposure[q('2025-Q2')]).toBeGreaterThan(0)
    expect(result.economies.us.autos.byChannel.ndfeb[q('2025-Q2')]).toBeGreaterThan(0)
  })

  it('Q4-2025 is near 2024 levels despite the 9 October measures (suspended before they bit)', () => {
    expect(exportsIndex.global[q('2025-Q4')]).toBeGreaterThanOrEqual(0.9)
  })
})
