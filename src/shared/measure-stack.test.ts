import { describe, expect, it } from 'vitest'
import { MAX_MEASURE_SERIES, measureSeries } from './measure-stack'

const legend = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, label: `M${i}`, color: '#000000' }))

describe('measureSeries', () => {
  it('gives the largest measures a series each, then Other measures, then the exposure without any measure', () => {
    const byMeasure = Object.fromEntries(legend(10).map((m, i) => [m.id, [i + 1, -(i + 1)]]))
    const s = measureSeries({ baseline: [2, 2], byMeasure }, legend(10))
    expect(s.map((x) => x.key)).toEqual(['m:m9', 'm:m8', 'm:m7', 'm:m6', 'm:m5', 'm:m4', 'm:m3', 'other', 'structural'])
    expect(s.filter((x) => x.key.startsWith('m:'))).toHaveLength(MAX_MEASURE_SERIES - 1)
    expect(s.find((x) => x.key === 'other')?.values).toEqual([1 + 2 + 3, -(1 + 2 + 3)])
  })

  it('keeps signs, so the series add up to baseline + contributions in every quarter', () => {
    const byMeasure = { m0: [3, -1], m1: [0.001, 0.001], m2: [0, 0] }
    const s = measureSeries({ baseline: [1, 1], byMeasure }, legend(3))
    const sums = [0, 1].map((t) => s.reduce((a, x) => a + x.values[t], 0))
    expect(sums[0]).toBeCloseTo(4, 2)
    expect(sums[1]).toBeCloseTo(0, 2)
    expect(s.map((x) => x.key)).toEqual(['m:m0', 'structural']) // m1 is below what the screen shows, m2 is nothing
  })

  it('leaves out the structural part when every measure off gives no exposure', () => {
    expect(measureSeries({ baseline: [0, 0], byMeasure: { m0: [1, 1] } }, legend(1)).map((x) => x.key)).toEqual(['m:m0'])
  })
})
