import { describe, expect, it } from 'vitest'
import { signedChange } from './RoundDialog'
import { sweepAxis } from './SweepDialog'

describe('figures as the workshop screens show them', () => {
  it('a change that rounds to zero reads 0.0, never −0.0 or +0.0; others keep their sign', () => {
    expect(signedChange(-0.0004)).toBe('0.0')
    expect(signedChange(0.04)).toBe('0.0')
    expect(signedChange(-0.06)).toBe('−0.1')
    expect(signedChange(3.55)).toBe('+3.6')
  })

  it('the sweep axis: a ceiling in the workspace steps with evenly spaced ticks; whole quarters for a count', () => {
    expect(sweepAxis('peakExposure', 7.9)).toEqual({ top: 10, ticks: [0, 2, 4, 6, 8, 10] })
    expect(sweepAxis('peakExposure', 19.2)).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] })
    expect(sweepAxis('meanExposure', 0)).toEqual({ top: 5, ticks: [0, 1, 2, 3, 4, 5] })
    expect(sweepAxis('quartersAbove', 5)).toEqual({ top: 5, ticks: [0, 1, 2, 3, 4, 5] })
    expect(sweepAxis('quartersAbove', 7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] })
    expect(sweepAxis('quartersAbove', 0)).toEqual({ top: 1, ticks: [0, 1] })
    for (const [kpi, max] of [0.3, 4.2, 12, 33, 61, 99].flatMap((m) => [['peakExposure', m], ['quartersAbove', m]] as const)) {
      const { top, ticks } = sweepAxis(kpi, max)
      expect(top).toBeGreaterThanOrEqual(max)
      expect(ticks.at(-1)).toBe(top)
      const gaps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]))
      expect(gaps.size).toBe(1)
    }
  })
})
