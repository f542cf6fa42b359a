import { describe, expect, it } from 'vitest'
import { defaultScenario, evaluate } from '../../../core'
import { model } from '../../../shared/dataset'
import { compareSeries, overlayRows, sectorKpis } from './compare-model'

describe('compare mappers', () => {
  const allOn = defaultScenario(model, 'On')
  const allOff = { ...allOn, name: 'Off', measures: allOn.measures.map((m) => ({ ...m, enabled: false })) }
  const short = { ...allOn, name: 'Short', horizon: { ...allOn.horizon, quarters: 8 } }
  const results = [evaluate(model, allOn), evaluate(model, allOff), evaluate(model, short)]

  it('gives each scenario its own colour and dash, in order', () => {
    const s = compareSeries(['A', 'B', 'C', 'D'])
    expect(new Set(s.map((x) => x.color)).size).toBe(4)
    expect(new Set(s.map((x) => x.dash)).size).toBe(4)
    expect(s.map((x) => x.key)).toEqual(['s0', 's1', 's2', 's3'])
  })

  it('overlays every quarter any scenario covers, with gaps where one ends early', () => {
    const rows = overlayRows(results, 'us', 'defense')
    expect(rows.map((r) => r.quarter)).toEqual(results[0].quarters)
    expect(rows[0].s0).toBeCloseTo(results[0].economies.us.defense.exposure[0], 2)
    expect(rows[0].s1).toBeCloseTo(results[1].economies.us.defense.exposure[0], 2)
    expect(rows[8].s2).toBeNull()
    expect(rows[7].s2).not.toBeNull()
  })

  it('computes peak, its quarter, quarters above threshold and cost pressure from the series', () => {
    const k = sectorKpis(results[0], 'us', 'defense', 20)
    const exposure = results[0].economies.us.defense.exposure
    const peak = Math.max(...exposure)
    expect(k.peakExposure).toBe(peak)
    expect(k.peakLabel).toBe(results[0].quarters[exposure.indexOf(peak)].replace('-', ' '))
    expect(k.quartersAbove).toBe(exposure.filter((v) => v > 20).length)
    expect(k.peakCost).toBe(Math.max(...results[0].economies.us.defense.cost))
    // Measures add exposure: the all-off scenario cannot peak higher.
    expect(sectorKpis(results[1], 'us', 'defense', 20).peakExposure).toBeLessThanOrEqual(k.peakExposure)
  })
})
