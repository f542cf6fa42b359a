import { describe, expect, it } from 'vitest'
import { hasPart, stackLevels } from './stack'

const ups = (levels: ReturnType<typeof stackLevels>, t: number) => levels[t].map((l) => l.up)
const downs = (levels: ReturnType<typeof stackLevels>, t: number) => levels[t].map((l) => l.down)

describe('stackLevels', () => {
  it('stacks series in order from zero, so the top of the last one is the total', () => {
    const levels = stackLevels([[1, 0], [2, 5], [3, 0.5]])
    expect(ups(levels, 0)).toEqual([[0, 1], [1, 3], [3, 6]])
    expect(ups(levels, 1)).toEqual([[0, 0], [0, 5], [5, 5.5]])
  })

  it('piles negative contributions down from zero, apart from the positive ones', () => {
    const levels = stackLevels([[4], [-1.5], [2], [-1]])
    expect(ups(levels, 0)).toEqual([[0, 4], [4, 4], [4, 6], [6, 6]])
    expect(downs(levels, 0)).toEqual([[0, 0], [-1.5, 0], [-1.5, -1.5], [-2.5, -1.5]])
  })

  it('keeps a zero or missing value on the running edge of each side', () => {
    const [, second] = stackLevels([[2, 2], [1, 0], [3, 3], [], [null, null]])
    expect(second.map((l) => l.up)).toEqual([[0, 2], [2, 2], [2, 5], [5, 5], [5, 5]])
  })

  it('splits a series that changes sign, so neither part crosses the axis', () => {
    const levels = stackLevels([[5, 5], [3, -2]])
    expect(levels[0][1]).toEqual({ up: [5, 8], down: [0, 0] })
    expect(levels[1][1]).toEqual({ up: [5, 5], down: [-2, 0] })
    expect(hasPart(levels, 1, 'up')).toBe(true)
    expect(hasPart(levels, 1, 'down')).toBe(true)
    expect(hasPart(levels, 0, 'down')).toBe(false)
  })

  it('has no points when there are no series', () => {
    expect(stackLevels([])).toEqual([])
  })
})
