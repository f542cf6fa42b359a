import { describe, expect, it } from 'vitest'
import { comparisonTakeaway, mainDrivers, seriesTakeaway, shortName, spoken } from './takeaway'

const quarters = ['2025 Q1', '2025 Q2', '2025 Q3', '2025 Q4', '2026 Q1']

describe('takeaway titles', () => {
  it('say what peaks, when, and what drives it', () => {
    const values = [2, 30, 61.6, 40, 20]
    const drivers = (t: number) => (t === 2 ? [{ name: 'REE licensing', value: 50 }, { name: 'Ga/Ge ban', value: 9.6 }, { name: 'Baseline dependence', value: 2 }] : [])
    expect(seriesTakeaway({ subject: 'Defense exposure', quarters, values, driversAt: drivers })).toBe('Defense exposure peaks at 62 in 2025 Q3, driven by REE licensing')
  })

  it('names a second driver only when it carries a fifth of the peak', () => {
    expect(mainDrivers([{ name: 'A', value: 30 }, { name: 'B', value: 20 }, { name: 'C', value: 10 }], 60).map((d) => d.name)).toEqual(['A', 'B'])
    expect(mainDrivers([{ name: 'A', value: 50 }, { name: 'B', value: 11 }], 60).map((d) => d.name)).toEqual(['A'])
    expect(mainDrivers([{ name: 'A', value: -5 }], 10)).toEqual([])
    expect(mainDrivers([{ name: 'A', value: 5 }], 0)).toEqual([])
    // Relief pulls the net peak down to 18: B's 8 points are 44 % of the net but 14 % of what adds — not named.
    expect(mainDrivers([{ name: 'A', value: 50 }, { name: 'B', value: 8 }, { name: 'C', value: -40 }], 18).map((d) => d.name)).toEqual(['A'])
  })

  it('says a series is still rising when it peaks in the last quarter', () => {
    expect(seriesTakeaway({ subject: 'Autos exposure', quarters, values: [1, 2, 3, 4, 41.2] })).toBe('Autos exposure is still rising at the end: 41 in 2026 Q1')
  })

  it('says a series eases when it is highest at the start', () => {
    expect(seriesTakeaway({ subject: 'Cost pressure', quarters, values: [30, 20, 12, 9, 8.04] })).toBe('Cost pressure is highest at the start (30 in 2025 Q1), easing to 8 by 2026 Q1')
  })

  it('says so when a series stays near zero, and when there is nothing', () => {
    expect(seriesTakeaway({ subject: 'Electronics exposure', quarters, values: [0, 0.2, 0, 0, 0] })).toBe('Electronics exposure stays near zero through 2026 Q1')
    expect(seriesTakeaway({ subject: 'X', quarters: [], values: [] })).toBe('X: no quarters to show')
  })

  it('compares scenarios by their peaks: highest, lowest, or alike', () => {
    const t = comparisonTakeaway('Defense exposure', [
      { name: 'Truce', peak: 12.3, peakQuarter: '2025 Q2' },
      { name: 'Escalation', peak: 68, peakQuarter: '2027 Q4' },
      { name: 'Middle', peak: 30, peakQuarter: '2026 Q1' }
    ])
    expect(t).toBe('Defense exposure: “Escalation” peaks highest (68 in 2027 Q4); “Truce” lowest (12)')
    expect(comparisonTakeaway('X', [{ name: 'a', peak: 10, peakQuarter: 'q' }, { name: 'b', peak: 10.2, peakQuarter: 'q' }])).toBe('X peaks alike in every scenario compared (10)')
    expect(comparisonTakeaway('X', [{ name: 'a', peak: 0, peakQuarter: '—' }, { name: 'b', peak: 0, peakQuarter: '—' }])).toBe('X stays near zero in every scenario compared')
  })

  it('isolates a right-to-left name so the figures after it keep their order', () => {
    const t = comparisonTakeaway('X', [{ name: 'תרחיש', peak: 40, peakQuarter: '2026 Q1' }, { name: 'B', peak: 10, peakQuarter: '2025 Q1' }])
    expect(t).toBe('X: “\u2068תרחיש\u2069” peaks highest (40 in 2026 Q1); “B” lowest (10)')
  })

  it('speaks numbers as a room hears them and cuts long names', () => {
    expect(spoken(61.6)).toBe('62')
    expect(spoken(8.04)).toBe('8')
    expect(spoken(2.35)).toBe('2.4')
    expect(shortName('x'.repeat(200))).toHaveLength(32)
    expect(shortName('😀'.repeat(40)).endsWith('…')).toBe(true)
    expect(shortName('short')).toBe('short')
  })
})
