import { describe, expect, it } from 'vitest'
import { kpis } from '../../../core'
import { toHeadline } from './headline'

describe('headline figures', () => {
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']
  const series = (exposure: number[]) => ({ exposure, cost: exposure.map(() => 0) })
  it('reads the first quarter of the peak and counts quarters strictly above the threshold', () => {
    expect(toHeadline(kpis(series([10, 42.26, 42.26, 5]), 10, quarters), 10)).toEqual({ peak: 42.3, peakQuarter: '2025 Q2', peakId: '2025-Q2', above: 2, threshold: 10 })
    expect(toHeadline(kpis(series([10, 42, 42, 5]), 4, quarters), 4).above).toBe(4)
  })
  it('reports no peak quarter when nothing is exposed', () => {
    expect(toHeadline(kpis(series([0, 0, 0, 0]), 0, quarters), 0)).toEqual({ peak: 0, peakQuarter: null, peakId: null, above: 0, threshold: 0 })
  })
})
