import { describe, expect, it } from 'vitest'
import { bandPath, linePath } from './chart-geometry'

describe('chart paths', () => {
  const y = (v: number) => 100 - v * 10
  it('draws a band along the upper edge and back along the lower one', () => {
    expect(bandPath([0, 50], [[0, 1], [2, 3]], y)).toBe('M0,90L50,70L50,80L0,100Z')
  })
  it('leaves a gap where a value is missing', () => {
    expect(linePath([0, 10, 20, 30], [1, null, 2, 3], y)).toBe('M0,90ZM20,80L30,70')
    expect(bandPath([0, 10], [null, null], y)).toBe('')
  })
})
