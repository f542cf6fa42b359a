import { describe, expect, it } from 'vitest'
import { quarterIndex, quarterTime } from '../time/quarters'
import { maxSegments, ownSegments, shiftSegments, summariseProfile } from './profiles'

const setting = (start: string, end: string | null, suspensions: { from: string; until: string | null }[] = []) => ({
  id: 'x', enabled: true, params: {}, start, end, suspensions: suspensions.map((s) => ({ ...s, note: '' }))
})
const NO_LAG = { lag: 0, initial: 0, initialUs: 0 }

describe('quarter-time', () => {
  it('maps dates to quarter index plus elapsed share of the quarter', () => {
    expect(quarterTime('2025-04-01')).toBe(quarterIndex('2025-Q2'))
    expect(quarterTime('2025-04-04') - quarterIndex('2025-Q2')).toBeCloseTo(3 / 91, 12)
    expect(quarterTime('2025-07-01')).toBe(quarterIndex('2025-Q3'))
  })
})

describe('activity profiles', () => {
  it('cuts suspensions out of the active period', () => {
    const segs = ownSegments(setting('2025-01-01', null, [{ from: '2025-04-01', until: '2025-07-01' }]))
    expect(segs.length).toBe(2)
    expect(segs[0]?.to).toBe(quarterIndex('2025-Q2'))
    expect(segs[1]?.from).toBe(quarterIndex('2025-Q3'))
  })

  it('counts a measure active for half a quarter as half', () => {
    const q0 = quarterIndex('2025-Q1')
    // 2025-Q3 has 92 days; 15 Aug leaves 46/92 of it.
    const p = summariseProfile(ownSegments(setting('2025-08-16', null)), q0, 4, NO_LAG)
    expect(p.strength[2]).toBeCloseTo(0.5, 12)
    expect(p.strength[3]).toBe(1)
    expect(p.strength[1]).toBe(0)
  })

  it('splits licensed arrivals into initial and steady regimes, shifted by the lag', () => {
    const q0 = quarterIndex('2025-Q1')
    const p = summariseProfile(ownSegments(setting('2025-01-01', null)), q0, 3, { lag: 0.25, initial: 0.5, initialUs: 1 })
    // Applications from t=0 arrive from 0.25; the initial half-quarter of applications arrives in [0.25, 0.75).
    expect(p.init[0]).toBeCloseTo(0.5, 12)
    expect(p.steady[0]).toBeCloseTo(0.25, 12)
    expect(p.steady[1]).toBeCloseTo(1, 12)
    expect(p.initUs[0]).toBeCloseTo(0.75, 12)
    expect(p.initUs[1]).toBeCloseTo(0.25, 12)
  })

  it('takes the stronger of own and triggered activity', () => {
    const own = [{ from: 0, to: 1, strength: 1 }]
    const trig = shiftSegments([{ from: 0, to: 2, strength: 1 }], 1, 0.5)
    expect(maxSegments([own, trig])).toEqual([{ from: 0, to: 1, strength: 1 }, { from: 1, to: 3, strength: 0.5 }])
  })
})
