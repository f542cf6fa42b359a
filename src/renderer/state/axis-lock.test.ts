import { describe, expect, it } from 'vitest'
import { createAxisLock, widen } from './axis-lock'

describe('y-axis lock', () => {
  it('widens to fit and never narrows', () => {
    expect(widen(undefined, { min: 0, max: 30 })).toEqual({ min: 0, max: 30 })
    const a = { min: 0, max: 30 }
    expect(widen(a, { min: 0, max: 5 })).toBe(a)
    expect(widen(a, { min: -10, max: 20 })).toEqual({ min: -10, max: 30 })
    expect(widen(a, { min: 0, max: 50 })).toEqual({ min: 0, max: 50 })
  })

  it('keeps a drop from 25 to 4 on the axis it was shown on, per chart', () => {
    const lock = createAxisLock()
    expect(lock.fit('us|autos', { min: 0, max: 30 })).toEqual({ min: 0, max: 30 })
    expect(lock.fit('us|autos', { min: 0, max: 5 })).toEqual({ min: 0, max: 30 })
    // Another chart has its own memory.
    expect(lock.fit('us|defense', { min: 0, max: 5 })).toEqual({ min: 0, max: 5 })
    // A new lock starts afresh.
    expect(createAxisLock().fit('us|autos', { min: 0, max: 5 })).toEqual({ min: 0, max: 5 })
  })
})
