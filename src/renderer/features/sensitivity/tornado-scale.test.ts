import { describe, expect, it } from 'vitest'
import { tornadoScale } from './tornado-scale'

describe('tornado scale', () => {
  it('spans every bar and the base, with padding', () => {
    const s = tornadoScale({ base: 10, bars: [{ id: 'a', label: 'A', kind: 'assumption', lowInput: '1', highInput: '2', lowValue: 5, highValue: 20 }] })
    expect(s(5)).toBe(4)
    expect(s(20)).toBe(96)
    expect(s(10)).toBeCloseTo(4 + (5 / 15) * 92)
  })
  it('copes with no spread', () => {
    expect(tornadoScale({ base: 3, bars: [] })(3)).toBe(4)
  })
})
