import { describe, expect, it } from 'vitest'
import { stackLevels } from './stack'

describe('stackLevels', () => {
  it('stacks series in order from zero, so the top of the last one is the total', () => {
    expect(stackLevels([[1, 0], [2, 5], [3, 0.5]])).toEqual([
      [[0, 1], [1, 3], [3, 6]],
      [[0, 0], [0, 5], [5, 5.5]]
    ])
  })

  it('piles negative contributions down from zero, apart from the positive ones', () => {
    expect(stackLevels([[4], [-1.5], [2], [-1]])).toEqual([[[0, 4], [0, -1.5], [4, 6], [-1.5, -2.5]]])
  })

  it('keeps a zero or missing value on top of the positive stack', () => {
    const [, second] = stackLevels([[2, 2], [1, 0], [3, 3], [], [null, null]])
    expect(second).toEqual([[0, 2], [2, 2], [2, 5], [5, 5], [5, 5]])
  })

  it('has no points when there are no series', () => {
    expect(stackLevels([])).toEqual([])
  })
})
