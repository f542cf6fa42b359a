import { describe, expect, it } from 'vitest'
import { ECONOMIES, SECTORS, attributeView, defaultScenario, evaluateView, type ScenarioDoc } from '../../../core'
import { model } from '../../../shared/dataset'
import { hexDeltaE2000 } from '../../../shared/colour-metrics'
import { CHANNEL_COLORS, REST_COLOR, SERIES_DISTINCTNESS, STRUCTURAL_COLOR, measureColor } from '../../../shared/palette'
import { MEASURE_LABELS } from '../../state/use-derived'
import { channelChart, measureChart } from './chart-series'

/**
 * The workspace draws each series in the shared palette's colour, the colour every export draws it in
 * (services/export/series-colours.test.ts checks the exports against the same functions).
 */

/** Every measure on from 2025: the most series a stack by measure can hold. */
const allOn: ScenarioDoc = (() => {
  const doc = defaultScenario(model, 'Everything on')
  return { ...doc, measures: doc.measures.map((m) => ({ ...m, enabled: true, start: '2025-01-01', end: null, suspensions: [] })) }
})()

describe('workspace series colours', () => {
  it('give a measure its own colour in every stack by measure, and every two series of a chart distinct colours', () => {
    const result = evaluateView(model, allOn)
    const split = attributeView(model, allOn)
    const seen = new Map<string, Set<string>>()
    for (const economy of ECONOMIES)
      for (const sector of SECTORS) {
        const { series } = measureChart(result, economy, sector, split[economy][sector], MEASURE_LABELS)
        for (const s of series) {
          const expected = s.key === 'other' ? REST_COLOR : s.key === 'structural' ? STRUCTURAL_COLOR : measureColor(s.key.replace(/^m:/, ''))
          expect(s.color, `${economy} ${sector} ${s.key}`).toBe(expected)
          seen.set(s.key, (seen.get(s.key) ?? new Set()).add(s.color))
        }
        for (let i = 0; i < series.length; i++)
          for (let j = i + 1; j < series.length; j++)
            expect(hexDeltaE2000(series[i].color, series[j].color), `${series[i].key} / ${series[j].key}`).toBeGreaterThanOrEqual(SERIES_DISTINCTNESS.in_chart)
      }
    for (const id of ['cn-mofcom-18', 'cn-mofcom-10', 'us-dfars-2027']) expect(seen.has(`m:${id}`), id).toBe(true)
    for (const [key, colours] of seen) expect([...colours], key).toHaveLength(1)
  })

  it('give a channel its palette colour in a stack by channel', () => {
    const { series } = channelChart(evaluateView(model, allOn), 'us', 'defense')
    for (const s of series) expect(s.color, s.key).toBe(CHANNEL_COLORS[s.key as keyof typeof CHANNEL_COLORS])
  })
})
