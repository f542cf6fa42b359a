import { describe, expect, it } from 'vitest'
import { niceCeiling, niceFloor } from './axis'

describe('axis steps', () => {
  it('rounds the y ceiling up to a step, and the floor down to one below zero', () => {
    expect(niceCeiling(0)).toBe(5)
    expect(niceCeiling(12)).toBe(20)
    expect(niceCeiling(58.7)).toBe(60)
    expect(niceCeiling(100)).toBe(100)
    expect(niceCeiling(131)).toBe(140)
    expect(niceFloor(0)).toBe(0)
    expect(niceFloor(-7)).toBe(-10)
  })
})
