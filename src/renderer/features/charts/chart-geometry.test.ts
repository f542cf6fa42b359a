import { describe, expect, it } from 'vitest'
import { bandPath, linePath, stackSeries } from './chart-geometry'
import type { ChartRow, SeriesDef } from './chart-series'

const row = (quarter: string, values: Record<string, number>): ChartRow => ({ quarter, total: 0, baseline: null, modified: null, band: null, ...values })
const series = (...keys: string[]): SeriesDef[] => keys.map((key) => ({ key, label: key, color: '#000' }))

describe('stackSeries', () => {
  it('stacks series in order from zero, so the top of the last one is the row total', () => {
    const rows = [row('2025 Q1', { a: 1, b: 2, c: 3 }), row('2025 Q2', { a: 0, b: 5, c: 0.5 })]
    const s = stackSeries(rows, series('a', 'b', 'c'))
    expect(s[0]).toEqual([[0, 1], [0, 0]])
    expect(s[1]).toEqual([[1, 3], [0, 5]])
    expect(s[2]).toEqual([[3, 6], [5, 5.5]])
  })

  it('puts negative contributions below zero, apart from the positive ones', () => {
    const rows = [row('2025 Q1', { up: 4, down: -1.5, more: 2, less: -1 })]
    const s = stackSeries(rows, series('up', 'down', 'more', 'less'))
    expect(s[0][0]).toEqual([0, 4])
    expect(s[1][0]).toEqual([-1.5, 0])
    expect(s[2][0]).toEqual([4, 6])
    expect(s[3][0]).toEqual([-2.5, -1.5])
  })

  it('keeps a zero (or missing) value on top of the stack, so a series falling to zero tapers along it', () => {
    const s = stackSeries([row('2025 Q1', { a: 2, b: 1, c: 3 }), row('2025 Q2', { a: 2, b: 0, c: 3 })], series('a', 'b', 'c', 'gone'))
    expect(s[1]).toEqual([[2, 3], [2, 2]])
    expect(s[2][1]).toEqual([2, 5])
    expect(s[3][1]).toEqual([5, 5])
  })
})

describe('paths', () => {
  const y = (v: number) => 100 - v * 10
  it('draws a band along the upper edge and back along the lower one', () => {
    expect(bandPath([0, 50], [[0, 1], [2, 3]], y)).toBe('M0,90L50,70L50,80L0,100Z')
  })
  it('leaves a gap where a value is missing', () => {
    expect(linePath([0, 10, 20, 30], [1, null, 2, 3], y)).toBe('M0,90ZM20,80L30,70')
    expect(bandPath([0, 10], [null, null], y)).toBe('')
  })
})
