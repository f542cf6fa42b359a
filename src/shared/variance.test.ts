import { describe, expect, it } from 'vitest'
import type { VarianceBreakdown } from '../core'
import { varianceNote, varianceRows } from './variance'

const b: VarianceBreakdown = {
  economy: 'us', sector: 'defense', kpi: 'peak', quarter: null, view: 'mixture', branches: 3, mean: 12.34, variance: 16, samples: 96, evaluations: 960,
  factors: [
    { id: 'beijing', label: 'Beijing posture and policy', firstOrder: 0.456, firstOrderLow: 0.3, firstOrderHigh: 0.61, total: 0.5, totalLow: 0.41, totalHigh: 0.62 },
    { id: 'other', label: 'Other assumptions (independent)', firstOrder: 0.2, firstOrderLow: -0.04, firstOrderHigh: 0.35, total: 0.25, totalLow: 0.18, totalHigh: 0.33 }
  ],
  interactions: 0.344
}

describe('variance rows', () => {
  it('give the slide and the screen the same words', () => {
    expect(varianceRows(b)).toEqual([
      { id: 'beijing', label: 'Beijing posture and policy', alone: '46 %', interval: '30 %–61 %', total: '50 %', totalInterval: '41 %–62 %' },
      { id: 'other', label: 'Other assumptions (independent)', alone: '20 %', interval: '-4 %–35 %', total: '25 %', totalInterval: '18 %–33 %' }
    ])
    expect(varianceNote(b)).toBe('Share of the variance over 96 × (2 + 2) engine runs, mixture of 3 branches; mean 12.3, SD 4.0 index points. Interactions: 34 %.')
  })
})
